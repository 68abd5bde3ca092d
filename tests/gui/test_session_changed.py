"""MainWindow.session_changed: the one signal the window's helpers follow
when another plan is shown (no polling, no watching a session's destruction)."""

from __future__ import annotations

from planner_gui.core.plan import Plan, Section
from planner_gui.store import PlanFile


def test_opening_another_plan_announces_the_new_session_once(window, alerts, tmp_path):
    seen = []
    window.session_changed.connect(seen.append)
    other = tmp_path / "另一个.ghjh"
    PlanFile.create(other, Plan(sections=[Section("s1", "唯一的一节", ["正文。"])])).close()
    alerts.answer("open_plan_path", str(other))
    window.actions_.open.trigger()
    assert seen == [window.session]
    assert window.session.plan.sections[0].heading == "唯一的一节"
    # the helpers see the same plan through the window's narrow face
    assert window.host.session is window.session
    assert window.print_actions.plan() is window.session.plan


def test_the_open_preview_does_not_poll(window, qtbot, monkeypatch):
    """The preview follows the window's signal: no repeating timer runs while it is open."""
    from PySide6.QtCore import QTimer

    from planner_gui.gui import print_actions

    monkeypatch.setattr(print_actions, "show_preview", lambda dialog: dialog.show())
    actions = window.print_actions
    assert not hasattr(actions, "window")   # it holds the narrow host, not the window
    actions.preview_action.trigger()
    try:
        assert actions.preview_dialog is not None and actions.preview_dialog.isVisible()
        repeating = [t for t in actions.findChildren(QTimer) if t.isActive() and not t.isSingleShot()]
        assert repeating == []
    finally:
        actions.preview_dialog.close()


def test_every_helper_holds_the_host_not_the_window(window):
    """Print, rollover, the year's summary and the background backups are
    installed and kept by the window and see it only through its host."""
    helpers = (window.print_actions, window.rollover_actions, window.summary_actions,
               window.background_backups)
    for helper in helpers:
        assert helper.host is window.host, helper.objectName()
        assert not hasattr(helper, "window"), helper.objectName()
        assert helper.parent() is window, helper.objectName()
