"""Typing in the section editor: one undo step per run of typing, saved a
moment later, in the file after reopening; paste keeps paragraphs only."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from planner_gui.core.interchange import dumps
from planner_gui.models.session import PlanSession
from planner_gui.store import PlanFile

from .helpers import ime_commit, type_text


def _focus_end(editor):
    editor.setFocus()
    editor.moveCursor(QTextCursor.End)


def test_typing_reaches_the_file(window, plan_path, qtbot):
    plan = window.session.plan
    section = plan.sections[0]
    window.outline_view.select_section(section.id)
    editor = window.section_editor
    before = list(section.body)
    _focus_end(editor)
    QTest.keyClick(editor, Qt.Key_Return)
    ime_commit(editor, "新增一段")
    qtbot.keyClicks(editor, " typed text")
    assert section.body == before + ["新增一段 typed text"]
    assert editor.toPlainText().endswith("新增一段 typed text")
    assert window.undo_stack.count() == 1          # all of that typing is one step
    assert window.actions_.undo.text() == "撤销“输入文字”"
    assert not window.session.saved                # written after a pause
    assert window.status.save_label.text() == "正在保存…"
    qtbot.waitUntil(lambda: window.session.saved, timeout=5000)
    assert window.status.save_label.text() == "全部已保存"
    expected = dumps(plan)
    window.close()
    with PlanFile.open(plan_path) as reopened:
        assert dumps(reopened.load()) == expected


def test_switching_sections_flushes_and_starts_a_new_undo_step(window, plan_path, qtbot):
    plan = window.session.plan
    first, second = plan.sections[0], plan.sections[1]
    first_body, second_body = list(first.body), list(second.body)
    window.outline_view.select_section(first.id)
    _focus_end(window.section_editor)
    type_text(window.section_editor, "甲")
    window.outline_view.select_section(second.id)
    assert window.session.saved                    # flushed at once
    _focus_end(window.section_editor)
    type_text(window.section_editor, "乙")
    assert window.undo_stack.count() == 2
    assert second.body[-1].endswith("乙")
    window.undo_stack.undo()
    assert second.body == second_body
    assert not window.section_editor.toPlainText().endswith("乙")  # the editor follows undo
    window.undo_stack.undo()
    assert first.body == first_body


def test_heading_edit_and_numbering_in_caption(window):
    plan = window.session.plan
    section = plan.sections[1]
    window.outline_view.select_section(section.id)
    panel = window.section_panel
    assert panel.caption.text() == "章节 二、"
    window.outline_view.select_section(section.children[0].id)
    assert panel.caption.text() == "章节 二、" + section.heading + " › （一）"
    window.outline_view.select_section(section.id)
    panel.heading.setFocus()
    panel.heading.selectAll()
    type_text(panel.heading, "改过的标题")
    assert section.heading == "改过的标题"
    index = window.outline_model.index_for_section(section.id)
    assert window.outline_model.data(index) == "二、改过的标题"
    assert window.undo_stack.count() == 1


def test_paste_keeps_paragraphs_and_drops_formatting(window):
    section = window.session.plan.sections[0]
    window.outline_view.select_section(section.id)
    editor = window.section_editor
    editor.selectAll()
    data = QMimeData()
    data.setHtml("<p><b>第一段</b></p><p style='color:red'>第二段</p>")
    data.setText("第一段\r\n第二段\u2029第三段")
    editor.insertFromMimeData(data)
    assert section.body == ["第一段", "第二段", "第三段"]
    assert "<b>" not in editor.toPlainText()


def test_preamble_and_closing_are_editable(window):
    plan = window.session.plan
    window.outline_view.select_kind("preamble")
    assert window.section_panel.heading.isHidden()
    assert window.section_editor.toPlainText() == "\n".join(plan.preamble)
    window.section_editor.setPlainText("新的开头")
    assert plan.preamble == ["新的开头"]
    window.outline_view.select_kind("closing")
    window.section_editor.setPlainText("新的结尾\n第二段")
    assert plan.closing == ["新的结尾", "第二段"]
    assert window.undo_stack.count() == 2


def test_properties_panel_edits_the_plan(window):
    plan = window.session.plan
    window.outline_view.select_kind("meta")
    panel = window.properties_panel
    assert window.editor_stack.currentWidget() is panel
    panel.title.setFocus()
    panel.title.selectAll()
    type_text(panel.title, "新标题")
    assert plan.meta.title == "新标题"
    assert window.undo_stack.count() == 1
    old_year = plan.meta.year
    panel.year.setValue(old_year + 1)
    assert plan.meta.year == old_year + 1
    assert plan.meta.period.start.startswith(str(old_year + 1))
    assert all(m.startswith(str(old_year + 1)) or m > str(old_year + 1)
               for a in plan.schedule for m in a.months)
    panel.date_set.setChecked(False)
    assert plan.meta.date is None
    assert panel.date_label.text() == "尚未填写"
    panel.date_set.setChecked(True)
    assert plan.meta.date is not None
    panel.level3.setCurrentIndex(panel.level3.findData("comma"))
    panel.level3.activated.emit(panel.level3.currentIndex())
    assert plan.option("level3_style") == "comma"
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert plan.meta.year == old_year and plan.meta.title != "新标题"


def choose(combo, data):
    """What a user's pick does: the index changes, then activated fires."""
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_period_change_refiles_activities_in_one_step(window):
    """Calendar year -> school year: 三月 stays 三月 (now in the next year); the
    months the school year lacks are none, so nothing is reported outside."""
    plan = window.session.plan
    before = dumps(plan)
    window.outline_view.select_kind("meta")
    panel = window.properties_panel
    march = next(a for a in plan.schedule if a.months == [f"{plan.meta.year}-03"])
    choose(panel.kind, "school_year")
    assert plan.meta.period.kind == "school_year"
    assert march.months == [f"{plan.meta.year + 1}-03"]
    assert all(plan.meta.period.contains(m) for a in plan.schedule for m in a.months)
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "更改计划期间"
    choose(panel.kind, "first_half")
    assert "不在新的计划期间内" in window.statusBar().currentMessage()
    assert len(plan.schedule) == len(json.loads(before)["schedule"])  # nothing deleted
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert dumps(plan) == before


def test_a_session_without_a_window_file_is_not_needed_for_typing(qtbot, sample_plan):
    """The merge rule of the undo command: typing in two places is two steps."""
    from PySide6.QtGui import QUndoStack
    from planner_gui.core.edits import SetBody
    from planner_gui.gui.undo import EditCommand

    session = PlanSession(sample_plan)
    stack = QUndoStack()
    sid = sample_plan.sections[0].id
    other = sample_plan.sections[1].id
    stack.push(EditCommand(session, SetBody(sid, ["a"]), "t", True, "k1"))
    stack.push(EditCommand(session, SetBody(sid, ["ab"]), "t", True, "k1"))
    stack.push(EditCommand(session, SetBody(other, ["x"]), "t", True, "k2"))
    assert stack.count() == 2
    stack.push(EditCommand(session, SetBody("missing", ["x"]), "t"))
    assert stack.count() == 2                       # a failing edit is dropped


def test_ctrl_z_in_the_editor_uses_the_window_undo_stack(window):
    section = window.session.plan.sections[0]
    window.outline_view.select_section(section.id)
    before = list(section.body)
    editor = window.section_editor
    _focus_end(editor)
    type_text(editor, "错字")
    assert section.body != before
    QTest.keyClick(editor, Qt.Key_Z, Qt.ControlModifier)
    assert section.body == before
    assert editor.toPlainText() == "\n".join(before)
    QTest.keyClick(editor, Qt.Key_Y, Qt.ControlModifier)
    assert section.body[-1].endswith("错字")
    window.section_panel.heading.setFocus()
    type_text(window.section_panel.heading, "甲")
    QTest.keyClick(window.section_panel.heading, Qt.Key_Z, Qt.ControlModifier)
    assert not section.heading.endswith("甲")
    assert window.undo_stack.index() == 1


def test_shift_enter_starts_a_new_paragraph(window):
    section = window.session.plan.sections[0]
    window.outline_view.select_section(section.id)
    editor = window.section_editor
    _focus_end(editor)
    QTest.keyClick(editor, Qt.Key_Return, Qt.ShiftModifier)
    type_text(editor, "新段")
    assert section.body[-1] == "新段"


def test_input_method_typing_in_heading_and_title(window):
    section = window.session.plan.sections[0]
    window.outline_view.select_section(section.id)
    heading = window.section_panel.heading
    heading.setFocus()
    heading.end(False)
    ime_commit(heading, "（试行）")
    assert section.heading.endswith("（试行）")
    window.outline_view.select_kind("meta")
    title = window.properties_panel.title
    title.setFocus()
    title.end(False)
    ime_commit(title, "草稿")
    assert window.session.plan.meta.title.endswith("草稿")
    assert window.undo_stack.count() == 2


def test_closing_right_after_typing_keeps_the_text(window, plan_path):
    section = window.session.plan.sections[2]
    window.outline_view.select_section(section.id)
    _focus_end(window.section_editor)
    ime_commit(window.section_editor, "最后一刻输入")
    assert not window.session.saved                # still waiting for the pause
    window.close()
    with PlanFile.open(plan_path) as reopened:
        body = reopened.load().find_section(section.id).body
    assert body[-1].endswith("最后一刻输入")
