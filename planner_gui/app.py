"""Program entry: a headless sub-command, or the editor window.

main(argv) is what `planner-gui`, `python -m planner_gui` and main.py call.
Long-lived objects (QApplication, translators, settings, the window) are made
here and passed down; nothing is created at import time.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .qt_fixes import protect_singletons

    protect_singletons()   # before any Qt object: see qt_fixes
    from .cli import is_command

    if is_command(argv) or argv[:1] in (["-h"], ["--help"]):
        if sys.stdout is None or sys.stderr is None:
            return _no_console()
        from .cli import main as cli_main

        return cli_main(argv)
    from .gui.launch import run_editor

    return run_editor(argv)


def _no_console() -> int:
    """A windowed build on Windows has no console to print to: say where the
    commands are instead of failing silently."""
    from .gui import alerts
    from .gui.launch import ensure_app

    ensure_app([])
    alerts.error(None, "命令行功能（dump、export 等）请在命令提示符中用 planner-gui-cli.exe "
                       "（或 py -m planner_gui）运行。")
    return 2


def build_window(path=None):
    """The real main window on an open plan (the sample plan when path is None),
    without starting the event loop. For tests and scripting."""
    from .gui.launch import build_window as _build

    return _build(path)
