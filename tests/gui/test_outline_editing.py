"""Structural editing in the real window: add, indent, drag and drop, delete,
each undone back to the original plan; the numbering follows every step."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from planner_gui.core.interchange import dumps
from planner_gui.store import PlanFile

from .helpers import assert_numbering_matches


def test_add_indent_drag_delete_then_undo_everything(window, plan_path):
    plan = window.session.plan
    original = dumps(plan)
    assert_numbering_matches(window)
    first = plan.sections[0]
    window.outline_view.select_section(first.children[0].id)

    # add after the first subsection
    new_id = window.add_section()
    assert new_id is not None
    assert plan.locate(new_id)[0] is first and plan.locate(new_id)[1] == 1
    assert_numbering_matches(window)
    assert window.current_section_id() == new_id

    # indent it under the subsection above it
    assert window.indent_section()
    assert plan.locate(new_id)[0] is first.children[0]
    assert window.current_section_id() == new_id
    assert_numbering_matches(window)

    # drag the second top-level section before the first (through the model's drop)
    model = window.outline_model
    second = plan.sections[1].id
    data = model.mimeData([model.index_for_section(second)])
    assert model.canDropMimeData(data, Qt.MoveAction, model.index_for_kind("preamble").row() + 1,
                                 0, QModelIndex())
    model.dropMimeData(data, Qt.MoveAction, 2, 0, QModelIndex())  # row 2 = before 一、
    assert plan.sections[0].id == second
    assert_numbering_matches(window)

    # drop a section onto another: it becomes its last child
    third = plan.sections[2].id
    target = model.index_for_section(plan.sections[0].id)
    model.dropMimeData(model.mimeData([model.index_for_section(third)]), Qt.MoveAction, -1, 0, target)
    assert plan.sections[0].children[-1].id == third
    assert_numbering_matches(window)

    # delete (asks: the section has text)
    window.outline_view.select_section(first.id)
    assert window.delete_section()
    assert plan.find_section(first.id) is None
    assert_numbering_matches(window)
    assert window.undo_stack.count() == 5

    while window.undo_stack.canUndo():
        window.undo_stack.undo()
        assert_numbering_matches(window)
    assert dumps(window.session.plan) == original
    # and the file agrees
    window.session.flush()
    window.session.close()
    with PlanFile.open(plan_path) as reopened:
        assert dumps(reopened.load()) == original


def test_undo_entries_are_readable(window):
    window.outline_view.select_section(window.session.plan.sections[1].id)
    window.move_section(-1)
    assert window.actions_.undo.text() == "撤销“移动章节”"
    window.undo_stack.undo()
    assert window.actions_.redo.text() == "重做“移动章节”"


def test_tab_and_shift_tab_in_the_tree(window):
    plan = window.session.plan
    view = window.outline_view
    second = plan.sections[1].id
    view.select_section(second)
    view.setFocus()
    QTest.keyClick(view, Qt.Key_Tab)
    assert plan.locate(second)[0] is plan.sections[0]
    QTest.keyClick(view, Qt.Key_Backtab, Qt.ShiftModifier)
    assert plan.locate(second) == (None, 1)
    assert_numbering_matches(window)


def test_alt_arrows_move_the_section(window):
    plan = window.session.plan
    second = plan.sections[1].id
    window.outline_view.select_section(second)
    window.outline_view.setFocus()
    QTest.keyClick(window.outline_view, Qt.Key_Up, Qt.AltModifier)
    assert plan.sections[0].id == second
    QTest.keyClick(window.outline_view, Qt.Key_Right, Qt.AltModifier)
    assert plan.locate(second) == (None, 0)  # nothing above it: cannot indent
    QTest.keyClick(window.outline_view, Qt.Key_Down, Qt.AltModifier)
    assert plan.sections[1].id == second
    QTest.keyClick(window.outline_view, Qt.Key_Right, Qt.AltModifier)
    assert plan.locate(second)[0] is plan.sections[0]


def test_delete_asks_only_when_there_is_something_to_lose(window, alerts):
    plan = window.session.plan
    window.outline_view.select_section(plan.sections[0].id)
    new_id = window.add_section()
    window.outline_view.select_section(new_id)
    assert window.delete_section()
    assert alerts.messages("confirm") == []      # empty section: no question
    window.outline_view.select_section(plan.sections[0].id)
    alerts.answer("confirm", False)
    assert not window.delete_section()
    assert len(alerts.messages("confirm")) == 1
    assert "一、" in alerts.messages("confirm")[0]
    assert plan.sections[0].children             # still there


def test_delete_key_in_the_editor_does_not_delete_a_section(window):
    plan = window.session.plan
    count = sum(1 for _ in plan.walk())
    subtree = sum(1 for _ in plan.sections[0].walk())
    window.outline_view.select_section(plan.sections[0].id)
    window.section_editor.setFocus()
    QTest.keyClick(window.section_editor, Qt.Key_Delete)
    assert sum(1 for _ in plan.walk()) == count
    window.outline_view.setFocus()
    QTest.keyClick(window.outline_view, Qt.Key_Delete)
    assert sum(1 for _ in plan.walk()) == count - subtree


def test_rename_in_place(window):
    model = window.outline_model
    section = window.session.plan.sections[0]
    index = model.index_for_section(section.id)
    assert model.data(index, Qt.EditRole) == section.heading
    assert model.setData(index, "新的标题", Qt.EditRole)
    assert section.heading == "新的标题"
    assert model.data(index) == "一、新的标题"
    assert window.actions_.undo.text() == "撤销“重命名章节”"
    window.undo_stack.undo()
    assert model.data(index, Qt.EditRole) != "新的标题"


def test_drop_into_own_subtree_or_onto_pseudo_rows_is_refused(window):
    model = window.outline_model
    plan = window.session.plan
    top = plan.sections[0]
    data = model.mimeData([model.index_for_section(top.id)])
    child_index = model.index_for_section(top.children[0].id)
    assert not model.canDropMimeData(data, Qt.MoveAction, -1, 0, child_index)
    assert not model.canDropMimeData(data, Qt.MoveAction, -1, 0, model.index_for_kind("preamble"))
    before = dumps(plan)
    assert not model.dropMimeData(data, Qt.MoveAction, -1, 0, child_index)
    assert dumps(plan) == before
    assert window.undo_stack.count() == 0


def test_collapsed_sections_stay_collapsed_after_reopening(make_window, plan_path):
    window = make_window(plan_path)
    first = window.session.plan.sections[0].id
    window.outline_view.collapse(window.outline_model.index_for_section(first))
    assert window.outline_view.collapsed_ids() == [first]
    window.close()
    again = make_window(plan_path)
    assert again.outline_view.collapsed_ids() == [first]
    assert not again.outline_view.isExpanded(again.outline_model.index_for_section(first))
