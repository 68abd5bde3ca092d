"""Word's and WPS's habits in the real window (issue 15): Ctrl+S, find and
replace keys, typed indentation, undo in the property boxes and in another
section, shortcut labels. Real keys and actions, never the slots."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication

from planner_gui.core.sanitize import clean_paragraphs, strip_indent
from planner_gui.gui.find_replace import SPAN_ROLE
from planner_gui.models.outline_model import META

from .wps_helpers import activate, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _section_with_body(plan, skip=None):
    return next(s for s in plan.walk() if s.body and s.id != skip)


def _type_at_end(window, section, text):
    window.select_section(section.id)
    window.activateWindow()
    editor = window.section_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(editor, text)


# --- Ctrl+S -------------------------------------------------------------------------------

def test_ctrl_s_writes_pending_typing_at_once_and_says_saved(window, qtbot):
    plan = window.session.plan
    section = _section_with_body(plan)
    _type_at_end(window, section, "（补充）")
    assert not window.session.saved          # the typing waits for its pause
    qtbot.keyClick(window.section_editor, Qt.Key.Key_S, CTRL)
    assert window.session.saved
    stored = window.session.plan_file.load().find_section(section.id)
    assert stored.body[-1].endswith("（补充）")
    assert window.statusBar().currentMessage() == "已保存"
    file_actions = [a for a in window.menus.file.actions() if not a.isSeparator()]
    save = next(a for a in file_actions if a.text().replace("&", "").startswith("保存"))
    assert save.shortcut() == QKeySequence("Ctrl+S")


def test_ctrl_s_commits_the_cell_being_typed(window, qtbot):
    view = window.schedule_view
    window.tabs.setCurrentWidget(view)
    first = window.session.plan.schedule[0]
    index = view.model.index_for_activity(first.id, 3)
    view.tree.setFocus()
    view.tree.setCurrentIndex(index)
    qtbot.keyClick(view.tree, Qt.Key.Key_F2)
    type_text(QApplication.focusWidget(), "带上慰问品")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert window.session.plan_file.load().find_activity(first.id).note == "带上慰问品"


def test_ctrl_s_on_the_sample_asks_where_to_save(make_window, alerts, qtbot):
    window = make_window()
    assert window.is_sample
    activate(window, qtbot)
    window.outline_view.setFocus()
    qtbot.keyClick(window.outline_view, Qt.Key.Key_S, CTRL)
    assert [kind for kind, _ in alerts.calls] == ["save_plan_path"]


# --- find and replace -------------------------------------------------------------------------

def _open_find(window, qtbot, needle):
    activate(window, qtbot)
    window.actions_.find.trigger()
    panel = window.find_panel
    qtbot.waitUntil(lambda: panel.replace_all.height() > 0)   # the dock laid out, as on screen
    assert QApplication.focusWidget() is panel.find_text
    type_text(panel.find_text, needle)
    return panel


def _selected_match(window):
    cursor = window.section_editor.textCursor()
    return cursor.selectedText(), cursor.selectionStart()


def test_enter_and_f3_go_to_the_next_match_shift_f3_back_esc_closes(window, qtbot):
    panel = _open_find(window, qtbot, "教职工")
    matches = panel.matches
    assert len(matches) > 3
    qtbot.keyClick(panel.find_text, Qt.Key.Key_Return)
    first = (window.current_section_id(), _selected_match(window))
    assert first[1][0] == "教职工"
    assert QApplication.focusWidget() is panel.find_text   # Enter again goes on
    qtbot.keyClick(panel.find_text, Qt.Key.Key_Return)
    second = (window.current_section_id(), _selected_match(window))
    assert second != first and second[1][0] == "教职工"
    qtbot.keyClick(window.section_editor, Qt.Key.Key_F3)
    third = (window.current_section_id(), _selected_match(window))
    assert third not in (first, second)
    qtbot.keyClick(window.section_editor, Qt.Key.Key_F3, SHIFT)
    assert (window.current_section_id(), _selected_match(window)) == second
    panel.find_text.setFocus()
    qtbot.keyClick(panel.find_text, Qt.Key.Key_Escape)
    assert not window.find_dock.isVisible()


def test_matches_are_highlighted_not_bracketed(window, qtbot):
    panel = _open_find(window, qtbot, "教职工")
    item = panel.results.topLevelItem(0)
    text = item.text(1)
    start, end = item.data(1, SPAN_ROLE)
    assert text[start:end] == "教职工"
    assert "【教职工】" not in text   # not wrapped: the templates use 【】 for placeholders
    from planner_gui.gui.find_replace import snippet_html
    html = snippet_html(text, start, end)
    assert 'background:' in html and ">教职工</span>" in html
    assert panel.results.itemDelegateForColumn(1) is not None


def test_replace_all_reports_how_many(window, qtbot):
    panel = _open_find(window, qtbot, "教职工")
    count = len(panel.matches)
    type_text(panel.replace_text, "职工")
    qtbot.mouseClick(panel.replace_all, Qt.MouseButton.LeftButton)
    assert f"{count}" in panel.summary.text() and "替换" in panel.summary.text()
    assert f"{count}" in window.statusBar().currentMessage()
    assert panel.matches == []


def test_ctrl_h_opens_on_the_replace_field_and_menu_shows_working_keys(window, qtbot):
    activate(window, qtbot)
    window.outline_view.setFocus()
    qtbot.keyClick(window.outline_view, Qt.Key.Key_H, CTRL)
    assert window.find_dock.isVisible()
    assert QApplication.focusWidget() is window.find_panel.replace_text
    assert window.actions_.replace.shortcut() == QKeySequence("Ctrl+H")
    assert window.actions_.redo.shortcut() == QKeySequence("Ctrl+Y")
    native = QKeySequence.SequenceFormat.NativeText
    assert window.actions_.move_up.shortcut().toString(native) == "Alt+↑"
    assert window.actions_.outdent.shortcut().toString(native) == "Alt+←"


# --- indentation ------------------------------------------------------------------------------

def test_typed_indentation_is_removed(window, qtbot):
    plan = window.session.plan
    section = _section_with_body(plan)
    window.select_section(section.id)
    editor = window.section_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    type_text(editor, "　　")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    type_text(editor, "新的一段")
    assert plan.find_section(section.id).body[-1] == "新的一段"
    assert editor.document().lastBlock().text() == "新的一段"


def test_pasted_indentation_is_removed(window, qtbot):
    plan = window.session.plan
    section = _section_with_body(plan)
    _type_at_end(window, section, "")
    qtbot.keyClick(window.section_editor, Qt.Key.Key_Return)
    QApplication.clipboard().setText("　　第一段粘贴\n\t第二段粘贴")
    qtbot.keyClick(window.section_editor, Qt.Key.Key_V, CTRL)
    assert plan.find_section(section.id).body[-2:] == ["第一段粘贴", "第二段粘贴"]


def test_loaded_and_imported_indentation_is_removed(make_window, tmp_path, sample_plan):
    from planner_gui.store import PlanFile

    section = _section_with_body(sample_plan)
    section.body = ["　　" + section.body[0]] + section.body[1:]
    path = tmp_path / "缩进.ghjh"
    PlanFile.create(path, sample_plan).close()
    window = make_window(path)
    assert not window.session.plan.find_section(section.id).body[0].startswith("　")
    assert clean_paragraphs(["　　一", "\t二", " 　三"]) == ["一", "二", "三"]
    assert strip_indent("正文　中间") == "正文　中间"


# --- undo ----------------------------------------------------------------------------------------

def test_ctrl_z_in_the_year_box_undoes_at_once(window, qtbot):
    year = window.session.plan.meta.year
    activate(window, qtbot)
    window.outline_view.select_kind(META)
    box = window.properties_panel.year
    box.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert window.session.plan.meta.year == year + 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert window.session.plan.meta.year == year
    assert box.value() == year


def test_undo_of_an_edit_in_another_section_shows_it(window, qtbot):
    plan = window.session.plan
    first = _section_with_body(plan)
    _type_at_end(window, first, "（甲）")
    other = _section_with_body(plan, skip=first.id)
    window.select_section(other.id)
    assert window.current_section_id() == other.id
    window.actions_.undo.trigger()
    assert window.current_section_id() == first.id
    cursor = window.section_editor.textCursor()
    assert cursor.blockNumber() == len(first.body) - 1
    assert cursor.positionInBlock() == len(plan.find_section(first.id).body[-1])


def test_matches_are_marked_in_the_text_while_find_is_open(window, qtbot):
    panel = _open_find(window, qtbot, "教职工")
    qtbot.keyClick(panel.find_text, Qt.Key.Key_Return)
    editor = window.section_editor
    text = editor.toPlainText()
    marks = editor.marked_matches()
    assert marks and all(text[a:b] == "教职工" for a, b in marks)
    assert len(marks) == text.count("教职工")
    panel.find_text.setFocus()
    qtbot.keyClick(panel.find_text, Qt.Key.Key_Escape)
    assert editor.marked_matches() == []


def test_imported_text_has_no_typed_indentation():
    from planner_gui.importers import import_text

    plan = import_text("青松路小学工会2025年工作计划\n　　新的一年里，学校工会团结教职工。\n一、指导思想\n"
                       "\t　坚持服务教职工的方向。\n二、主要工作\n（一）做好民主管理\n　　按时召开教代会。\n").plan
    paragraphs = list(plan.preamble) + [p for s in plan.walk() for p in s.body]
    assert paragraphs and all(strip_indent(p) == p for p in paragraphs)
