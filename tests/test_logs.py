"""The log file and the excepthook: an error in a windowed build leaves a trace."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from planner_gui import logs


@pytest.fixture
def log_folder(tmp_path: Path):
    saved = sys.excepthook
    logs.setup_logging(tmp_path / "data")
    yield tmp_path / "data"
    logs.shutdown_logging()
    sys.excepthook = saved


def _raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001 - hand it to the hook as the interpreter would
        sys.excepthook(type(caught), caught, caught.__traceback__)


def test_uncaught_error_is_logged_with_its_traceback_and_reported_in_chinese(log_folder):
    seen: list[str] = []
    logs.install_excepthook(seen.append)
    _raise_and_hook(ValueError("boom in a slot"))
    text = (log_folder / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError: boom in a slot" in text
    assert len(seen) == 1 and "意外错误" in seen[0] and str(log_folder / logs.LOG_NAME) in seen[0]


def test_a_failing_report_is_logged_not_raised(log_folder):
    def report(_text: str) -> None:
        raise RuntimeError("no message box")

    logs.install_excepthook(report)
    _raise_and_hook(KeyError("x"))
    text = (log_folder / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "KeyError" in text and "could not show the error" in text and "no message box" in text


def test_unwritable_folder_falls_back_without_failing(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    try:
        assert logs.setup_logging(blocker / "sub") is None
        assert "未能写入日志" in logs.error_message()
    finally:
        logs.shutdown_logging()


def test_windowed_build_without_stderr_leaves_a_trace(tmp_path: Path):
    """As under pythonw.exe: sys.stderr is None, an error is raised in a Qt slot
    triggered through a QAction; the log file holds the traceback."""
    script = textwrap.dedent(f"""
        import sys
        sys.stderr = None
        from planner_gui import logs
        logs.setup_logging({str(tmp_path)!r})
        shown = []
        logs.install_excepthook(shown.append)
        from PySide6.QtGui import QAction, QGuiApplication
        app = QGuiApplication([])
        action = QAction()
        def slot():
            raise ZeroDivisionError("in a slot")
        action.triggered.connect(slot)
        action.trigger()
        logs.shutdown_logging()
        print(len(shown))
    """)
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    import os

    env.update({k: v for k, v in os.environ.items() if k in ("PYTHONPATH", "HOME", "LANG")})
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                         cwd=Path(__file__).resolve().parents[1], timeout=120)
    assert out.stdout.strip().endswith("1"), out.stdout + out.stderr
    text = (tmp_path / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "ZeroDivisionError: in a slot" in text


def test_cli_unexpected_error_is_one_chinese_line_and_a_log(tmp_path: Path, monkeypatch):
    from planner_gui import cli
    from planner_gui.commands import dump

    monkeypatch.setattr(logs, "data_dir", lambda: tmp_path)

    def broken(_args):
        raise AttributeError("a bug")

    monkeypatch.setattr(dump, "run", broken)
    try:
        assert cli.main(["dump", str(tmp_path / "x.ghjh")]) == 1
    finally:
        logs.shutdown_logging()
    assert "AttributeError: a bug" in (tmp_path / logs.LOG_NAME).read_text(encoding="utf-8")
