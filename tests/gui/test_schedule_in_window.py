"""The schedule view inside the real editor window: its keys, its menu, its
undo steps on the window's stack, saved to the plan file."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner_gui.core import schedule as sch
from .helpers import focus_activity


def test_schedule_menu_holds_the_views_actions(window):
    view = window.schedule_view
    menu_actions = [a for a in window.menus.schedule.actions() if not a.isSeparator()]
    assert menu_actions == view.actions()


def test_delete_key_in_the_schedule_deletes_an_activity_not_a_section(window, qtbot):
    view = window.schedule_view
    window.tabs.setCurrentWidget(view)
    plan = window.session.plan
    sections = len(list(plan.walk()))
    first = plan.schedule[0].id
    focus_activity(view, first)
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert plan.find_activity(first) is None
    assert len(list(plan.walk())) == sections
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert plan.schedule[0].id == first


def test_edits_reach_the_plan_file(window):
    view = window.schedule_view
    window.tabs.setCurrentWidget(view)
    ident = view.paste("十一月\t教职工读书分享会\t宣传委员")[0]
    assert window.session.saved
    saved = window.session.plan_file.load().find_activity(ident)   # read back from the file
    assert saved is not None and saved.owner == "宣传委员"
    assert saved.months == [m for m in window.session.plan.meta.period.months() if m.endswith("-11")]


def test_jump_to_section_selects_it_in_the_outline(window, qtbot):
    view = window.schedule_view
    window.tabs.setCurrentWidget(view)
    tied = next(a for a in window.session.plan.schedule if a.section)
    focus_activity(view, tied.id)
    view.jump_action.trigger()
    assert window.current_section_id() == tied.section
    assert sch.section_family(window.session.plan, tied.section)
