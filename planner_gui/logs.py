"""A log file in the user's data folder, and an excepthook that writes to it.

Why this exists: the windowed Windows build has no console (sys.stderr is
None there), so an exception raised in a Qt slot would otherwise leave no
trace anywhere, and the user would only see the program ignore a click. Every
unexpected error goes to a rotating log file the user can send, and the user
is told in one Chinese sentence where it is.

Plain Python (no Qt): the editor passes its report function (a message box)
in; the headless commands use the log alone.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

#: Qt's QStandardPaths.AppDataLocation for our organization and application
#: names, worked out without Qt so the headless commands can log too.
ORGANIZATION = APPLICATION = "planner_gui"
LOG_NAME = "planner-gui.log"
MAX_BYTES = 512 * 1024
BACKUP_COUNT = 3

log = logging.getLogger("planner_gui")

_state: dict[str, object] = {"path": None, "handler": None}


def data_dir() -> Path:
    """The user's data folder, where Qt's AppDataLocation would put it."""
    if os.name == "nt":
        base = os.environ.get("APPDATA") or os.path.join(os.path.expanduser("~"), "AppData", "Roaming")
    elif sys.platform == "darwin":
        base = os.path.join(os.path.expanduser("~"), "Library", "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / ORGANIZATION / APPLICATION


def setup_logging(folder: Path | None = None) -> Path | None:
    """Send the program's log to <folder>/planner-gui.log (rotated at 512 KiB,
    three old files kept). Idempotent; returns the log file, or None when the
    folder cannot be written (the log then goes to stderr when there is one)."""
    if _state["handler"] is not None:
        return _state["path"]  # type: ignore[return-value]
    folder = Path(folder) if folder is not None else data_dir()
    handler: logging.Handler
    log_file = folder / LOG_NAME
    path: Path | None = log_file
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)
    except OSError:
        path = None
        handler = logging.StreamHandler(sys.stderr) if sys.stderr is not None else logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    _state["path"], _state["handler"] = path, handler
    return path


def shutdown_logging() -> None:
    """Close the log file (tests, and before the program exits)."""
    handler = _state["handler"]
    if isinstance(handler, logging.Handler):
        log.removeHandler(handler)
        handler.close()
    _state["path"], _state["handler"] = None, None


def log_path() -> Path | None:
    return _state["path"]  # type: ignore[return-value]


def error_message() -> str:
    """What the user reads after an unexpected error."""
    where = log_path()
    tail = f"详细情况已记录在日志文件：{where}" if where else "详细情况未能写入日志文件"
    return f"程序出现意外错误，刚才的操作可能没有完成。已保存的内容不受影响。{tail}"


def install_excepthook(report: Callable[[str], None] | None = None) -> None:
    """Log every uncaught exception (main thread and other threads) with its
    traceback, then tell the user through `report` (a message box in the
    editor). A failing report is logged, never raised again."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("uncaught exception", exc_info=(kind, value, tb))
        if sys.stderr is not None and _state["path"] is None:
            sys.__excepthook__(kind, value, tb)
        if report is not None:
            try:
                report(error_message())
            except Exception:  # the report itself failed: keep the trace, never loop
                log.exception("could not show the error to the user")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        hook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
