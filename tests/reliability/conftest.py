"""The reliability suite: the figures table (report_plugin) and shared helpers."""

from __future__ import annotations

import importlib.util

import pytest

from tests.reliability.report_plugin import (figures, pytest_sessionfinish,  # noqa: F401
                                             pytest_terminal_summary)


def available(module: str) -> bool:
    """Every part of the program exists now: a module that cannot be imported
    is a failure of the suite, never a reason to skip (this once let tests of
    a part still being written skip; left as a skip it would hide a broken
    import)."""
    importlib.import_module(module)
    return True


@pytest.fixture
def quiet_editor(tmp_path_factory, monkeypatch):
    """The real editor with its settings, data folder and dialogs kept in a
    temporary folder apart from the plan's; returns the list of
    (dialog kind, text) the user would have seen."""
    if not available("planner_gui.gui.launch"):
        pytest.skip("the editor window (planner_gui.gui.launch) is not there yet")
    from PySide6.QtCore import QSettings

    tmp_path = tmp_path_factory.mktemp("user")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    for scope in (QSettings.UserScope, QSettings.SystemScope):
        QSettings.setPath(QSettings.IniFormat, scope, str(tmp_path / "settings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    seen: list[tuple[str, str]] = []
    if available("planner_gui.gui.recovery"):
        from planner_gui.gui import recovery

        monkeypatch.setattr(recovery, "data_dir", lambda: tmp_path / "data")
    if available("planner_gui.gui.alerts"):
        from planner_gui.gui import alerts

        def recorder(kind):
            def answer(parent, *args, **kwargs):
                seen.append((kind, str(args[0] if args else kwargs.get("text", ""))))
                return False if kind == "confirm" else None
            return answer
        for kind in ("error", "warning", "info", "confirm", "choose", "open_plan_path",
                     "save_plan_path", "save_path"):
            if hasattr(alerts, kind):
                monkeypatch.setattr(alerts, kind, recorder(kind))
    return seen
