"""How the window's parts talk: outline <-> schedule view, status bar counts,
closing a plan, command-line arguments."""

from __future__ import annotations

from planner_gui.core.edits import SetBody
from planner_gui.core.wordcount import plan_words, section_words
from planner_gui.gui.launch import split_arguments


def test_outline_selection_highlights_in_the_schedule(window, monkeypatch):
    seen = []
    monkeypatch.setattr(window.schedule_view, "highlight_section", seen.append)
    plan = window.session.plan
    window.outline_view.select_section(plan.sections[1].id)
    window.outline_view.select_kind("preamble")
    assert seen[-2:] == [plan.sections[1].id, None]


def test_schedule_asks_for_a_section(window):
    plan = window.session.plan
    target = plan.sections[2].children[0].id
    window.tabs.setCurrentWidget(window.schedule_view)
    window.schedule_view.section_requested.emit(target)
    assert window.current_section_id() == target
    assert window.tabs.currentIndex() == 0


def test_schedule_view_gets_the_session_and_the_editor(window, make_window, tmp_path):
    assert window.schedule_view.objectName() == "scheduleView"
    assert window.schedule_view.session is window.session
    assert window.schedule_view.editor is window.editor
    assert window.editor.undo_stack is window.undo_stack and window.editor.session is window.session


def test_status_bar_counts_follow_typing(window):
    plan = window.session.plan
    section = plan.sections[0]
    window.outline_view.select_section(section.id)
    status = window.status
    assert status.section_count.text() == f"本节 {section_words(section)} 字"
    assert status.plan_count.text() == f"全文 {plan_words(plan)} 字"
    window.push_edit(SetBody(section.id, section.body + ["新增十个字的一段话。"]), "x")
    assert status.section_count.text() == f"本节 {section_words(section)} 字"
    assert status.plan_count.text() == f"全文 {plan_words(plan)} 字"


def test_close_plan_goes_back_to_the_sample(window, plan_path):
    assert not window.is_sample
    assert window.close_plan()
    assert window.is_sample and window.session.plan_file is None
    assert window.open_path(plan_path)       # the file was released
    assert not window.is_sample


def test_outline_actions_follow_the_selection(window):
    window.outline_view.select_kind("meta")
    assert not window.actions_.delete.isEnabled()
    window.outline_view.select_section(window.session.plan.sections[0].id)
    assert window.actions_.delete.isEnabled()


def test_adding_from_a_pseudo_row(window):
    plan = window.session.plan
    window.outline_view.select_kind("preamble")
    first = window.add_section()
    assert plan.sections[0].id == first
    window.outline_view.select_kind("closing")
    last = window.add_section()
    assert plan.sections[-1].id == last
    assert plan.sections[-1].heading == "新章节"


def test_command_line_arguments():
    assert split_arguments([]) == (None, [])
    assert split_arguments(["计划.ghjh"]) == ("计划.ghjh", [])
    assert split_arguments(["--reverse", "a.ghjh"]) == ("a.ghjh", ["--reverse"])
