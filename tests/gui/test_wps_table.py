"""The month table behaves like a WPS table (issue 15): Tab walks the cells
of a row and keeps what was typed, Enter commits and stays, Esc cancels, the
new activity is selected and in edit, the work column keeps its room.
Everything through real keys on the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from planner_gui.models.schedule_model import COL_DONE, COL_MONTH, COL_NOTE, COL_OWNER, COL_TEXT

from .wps_helpers import type_text
from .helpers import focus_activity, show_schedule


def _start_editing(view, qtbot, ident, column=COL_TEXT):
    focus_activity(view, ident, column)
    qtbot.keyClick(view.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert view.tree.state() == QAbstractItemView.State.EditingState
    return editor


def _type(qtbot, text):
    widget = QApplication.focusWidget()
    if isinstance(widget, QComboBox):
        widget = widget.lineEdit()
    widget.selectAll()
    type_text(widget, text)


def _press(key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key on the focused cell editor; the delegate commits on Enter through
    a queued call, which the event loop then runs."""
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()


def test_tab_walks_text_owner_note_then_the_next_activity_keeping_every_cell(window, qtbot):
    view = show_schedule(window)
    plan = window.session.plan
    first, second = plan.schedule[0], plan.schedule[1]
    _start_editing(view, qtbot, first.id)
    _type(qtbot, "新的工作内容")
    _press(Qt.Key.Key_Tab)
    assert view.tree.currentIndex().column() == COL_OWNER
    _type(qtbot, "女工委员会")
    _press(Qt.Key.Key_Tab)
    assert view.tree.currentIndex().column() == COL_NOTE
    _type(qtbot, "提前一周通知")
    _press(Qt.Key.Key_Tab)
    activity = plan.find_activity(first.id)
    assert (activity.text, activity.owner, activity.note) == ("新的工作内容", "女工委员会", "提前一周通知")
    # on to the next activity's 工作内容, in edit, not the month header or the tab bar
    current = view.tree.currentIndex()
    assert view.model.activity_id(current) == second.id and current.column() == COL_TEXT
    assert view.tree.state() == QAbstractItemView.State.EditingState
    assert QApplication.focusWidget().objectName() == "cellEditor"
    assert window.session.plan_file.load().find_activity(first.id).note == "提前一周通知"


def test_shift_tab_walks_back_to_the_previous_activitys_note(window, qtbot):
    view = show_schedule(window)
    plan = window.session.plan
    first, second = plan.schedule[0], plan.schedule[1]
    _start_editing(view, qtbot, second.id, COL_OWNER)
    _press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.tree.currentIndex().column() == COL_TEXT
    assert view.model.activity_id(view.tree.currentIndex()) == second.id
    _press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.tree.currentIndex().column() == COL_NOTE
    assert view.model.activity_id(view.tree.currentIndex()) == first.id


def test_tab_crosses_into_the_next_month(window, qtbot):
    view = show_schedule(window)
    model = view.model
    group = model.index(0, 0)
    last = model.index(model.rowCount(group) - 1, COL_NOTE, group)
    ident = model.activity_id(last)
    _start_editing(view, qtbot, ident, COL_NOTE)
    _press(Qt.Key.Key_Tab)
    current = view.tree.currentIndex()
    assert current.parent().isValid() and current.parent().row() > 0
    assert current.column() == COL_TEXT and model.activity_id(current) != ident


def test_enter_commits_and_stays_escape_cancels(window, qtbot):
    view = show_schedule(window)
    plan = window.session.plan
    first = plan.schedule[0]
    before = first.owner
    _start_editing(view, qtbot, first.id, COL_NOTE)
    _type(qtbot, "在会议室")
    _press(Qt.Key.Key_Return)
    assert plan.find_activity(first.id).note == "在会议室"
    assert view.tree.state() != QAbstractItemView.State.EditingState
    assert view.model.activity_id(view.tree.currentIndex()) == first.id
    assert view.tree.currentIndex().column() == COL_NOTE
    _start_editing(view, qtbot, first.id, COL_OWNER)
    _type(qtbot, "不要这个")
    _press(Qt.Key.Key_Escape)
    assert plan.find_activity(first.id).owner == before
    assert view.tree.state() != QAbstractItemView.State.EditingState


def test_the_cell_editor_is_framed(window, qtbot):
    view = show_schedule(window)
    editor = _start_editing(view, qtbot, window.session.plan.schedule[0].id)
    assert "border" in editor.styleSheet() and "2px" in editor.styleSheet()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_new_activity_is_selected_and_in_edit(window, qtbot):
    view = show_schedule(window)
    first = window.session.plan.schedule[0]
    focus_activity(view, first.id, COL_TEXT)
    count = len(window.session.plan.schedule)
    qtbot.keyClick(view.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(window.session.plan.schedule) == count + 1
    new_id = view.current_id()
    assert new_id != first.id and view.selected_ids() == [new_id]
    assert view.tree.currentIndex().column() == COL_TEXT
    assert view.tree.state() == QAbstractItemView.State.EditingState
    assert view.duplicate_action.isEnabled() and view.delete_action.isEnabled()
    assert view.months_action.isEnabled()
    type_text(QApplication.focusWidget(), "新活动")
    _press(Qt.Key.Key_Return)
    assert window.session.plan.find_activity(new_id).text == "新活动"


def test_work_column_keeps_its_room_with_the_library_open(window, qtbot):
    window.resize(1366, 740)
    view = show_schedule(window)
    qtbot.waitExposed(view.tree)
    view.library_action.trigger()
    assert view.library.isVisible()
    QApplication.processEvents()
    header = view.tree.header()
    room = view.tree.viewport().width()
    assert header.sectionSize(COL_TEXT) >= 0.45 * room
    assert header.sectionSize(COL_MONTH) < header.sectionSize(COL_TEXT) / 2
    assert header.sectionSize(COL_DONE) < header.sectionSize(COL_MONTH)
    assert view.library.width() < 0.4 * view.width()
    assert header.sectionSize(COL_TEXT) > header.sectionSize(COL_OWNER) + header.sectionSize(COL_NOTE)


def test_a_span_shows_in_every_month_it_covers_marked_as_continuing(window, qtbot):
    view = show_schedule(window)
    plan = window.session.plan
    activity = plan.schedule[0]
    _start_editing(view, qtbot, activity.id, COL_MONTH)
    _type(qtbot, "七至八月")
    _press(Qt.Key.Key_Return)
    july, august = (m for m in plan.meta.period.months() if m[-2:] in ("07", "08"))
    assert plan.find_activity(activity.id).months == [july, august]
    model = view.model
    group = model.index_for_group(august)
    rows = [model.index(r, COL_TEXT, group) for r in range(model.rowCount(group))]
    continuing = [i for i in rows if model.activity_id(i) == activity.id]
    assert len(continuing) == 1 and model.is_continuing(continuing[0])
    assert continuing[0].data().startswith("（续）")
    assert group.siblingAtColumn(COL_TEXT).data() != "无安排"
    assert model.index_for_activity(activity.id).parent() == model.index_for_group(july)
    # undo takes the continuing row away again
    window.actions_.undo.trigger()
    assert all(model.activity_id(model.index(r, 0, group)) != activity.id
               for r in range(model.rowCount(group)))


def test_whole_year_activities_show_across_the_year_grid(window, qtbot):
    view = show_schedule(window)
    plan = window.session.plan
    activity = plan.schedule[0]
    view.set_months([activity.id], [])   # 全年
    view.grid_action.trigger()
    grid = view.year_grid.model
    row = next(r for r in range(grid.rowCount()) if grid.activity_id(r) == activity.id)
    marks = {grid.index(row, c).data() for c in range(grid.columnCount())}
    assert marks == {"—"}


def test_typing_on_a_cell_starts_editing_it(window, qtbot):
    view = show_schedule(window)
    first = window.session.plan.schedule[0]
    focus_activity(view, first.id, COL_NOTE)
    type_text(view.tree, "提前通知")   # an input method's words
    assert view.tree.state() == QAbstractItemView.State.EditingState
    _press(Qt.Key.Key_Return)
    assert window.session.plan.find_activity(first.id).note == "提前通知"
    qtbot.keyClick(view.tree, Qt.Key.Key_A)
    assert view.tree.state() == QAbstractItemView.State.EditingState
    _press(Qt.Key.Key_Return)
    assert window.session.plan.find_activity(first.id).note == "a"
