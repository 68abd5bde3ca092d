"""Fixtures for driving the real editor window.

Every dialog and file picker goes through planner_gui.gui.alerts; `alerts`
replaces them all in one place with a recorder that answers from a script.
QSettings and the recovery folder point into tmp_path, never at the user's.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


class FakeAlerts:
    """Records messages; answers questions from `answers[name]` (first in,
    first out) or with a default: confirm -> True, choose -> "discard" when
    offered (else the default button), pickers -> None (cancelled)."""

    NAMES = ("error", "warning", "info", "confirm", "choose", "open_plan_path",
             "save_plan_path", "save_path", "open_path", "ask_integer")

    def __init__(self):
        self.calls: list[tuple[str, str]] = []
        self.answers: dict[str, list] = {}

    def answer(self, name: str, *values) -> None:
        self.answers.setdefault(name, []).extend(values)

    def messages(self, name: str | None = None) -> list[str]:
        return [text for kind, text in self.calls if name is None or kind == name]

    def _next(self, name, default):
        queue = self.answers.get(name)
        if queue:
            return queue.pop(0)
        return default

    def make(self, name):
        def fake(parent, *args, **kwargs):
            text = args[0] if args else kwargs.get("text", "")
            self.calls.append((name, str(text)))
            if name == "confirm":
                return self._next(name, True)
            if name == "choose":
                choices = args[1] if len(args) > 1 else kwargs["choices"]
                keys = [key for key, _ in choices]
                default = "discard" if "discard" in keys else kwargs.get("default") or keys[-1]
                return self._next(name, default)
            if name in ("open_plan_path", "save_plan_path", "save_path", "open_path", "ask_integer"):
                return self._next(name, None)
            return None
        return fake


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings and the recovery folder inside tmp_path."""
    QSettings.setDefaultFormat(QSettings.IniFormat)
    for scope in (QSettings.UserScope, QSettings.SystemScope):
        QSettings.setPath(QSettings.IniFormat, scope, str(tmp_path / "settings"))
        QSettings.setPath(QSettings.NativeFormat, scope, str(tmp_path / "settings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from planner_gui.gui import recovery

    monkeypatch.setattr(recovery, "data_dir", lambda: tmp_path / "data")
    yield


@pytest.fixture(autouse=True)
def no_leftover_translations(qapp):
    """The window installs the Chinese translation on the shared application;
    take it away afterwards so tests of English source strings are unaffected."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    from planner_gui.gui.launch import uninstall_translations

    uninstall_translations(qapp)
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def alerts(monkeypatch):
    from planner_gui.gui import alerts as module

    fake = FakeAlerts()
    for name in FakeAlerts.NAMES:
        monkeypatch.setattr(module, name, fake.make(name))
    return fake


@pytest.fixture
def pickers(alerts):
    """The same fake, for tests that mainly answer pickers (open_path, ask_integer)."""
    return alerts


@pytest.fixture
def make_window(qtbot, alerts):
    """make_window(path=None) -> the real main window, shown."""
    made = []

    def make(path=None):
        from planner_gui.app import build_window

        window = build_window(path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        alerts.answers.clear()
        if window.session is not None:
            window.session.close()
        window.undo_stack.clear()


@pytest.fixture
def window(make_window, plan_path):
    """The window on a writable plan file holding the sample plan."""
    return make_window(plan_path)
