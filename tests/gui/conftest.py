"""Fixtures for driving the real editor window.

Every dialog and file picker goes through planner_gui.gui.alerts; `alerts`
replaces them all in one place with a recorder that answers from a script.
QSettings and the recovery folder point into tmp_path, never at the user's.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from tests.fakes import FakeAlerts


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
def default_locale_restored(qapp):
    """The window makes zh_CN the default QLocale of the shared application;
    put the one before back afterwards, so the tests after this one see the
    same locale in any order. (Qt's Chinese words, once installed, stay: the
    program always speaks Chinese.)"""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def alerts(monkeypatch):
    return FakeAlerts().install(monkeypatch)


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
