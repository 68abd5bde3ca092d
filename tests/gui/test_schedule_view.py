"""The schedule view driven like a user: add, edit in place, move, spans,
paste, undo, sections, the library and the year grid."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from planner_gui.core import schedule as sch
from planner_gui.core.interchange import dumps
from planner_gui.core.paste import NO_MONTH_FOUND
from planner_gui.core.period import Period
from planner_gui.core.plan import Activity, Meta, Plan, Section
from planner_gui.gui.undo import EditCommand
from planner_gui.models.schedule_model import COL_DONE, COL_MONTH, COL_OWNER, COL_TEXT, ProblemRole
from planner_gui.gui.editor import Editor
from planner_gui.models.session import PlanSession
from .helpers import focus_activity


def school_plan() -> Plan:
    plan = Plan(meta=Meta(title="某某学校2025—2026学年度工会工作计划", year=2025,
                          period=Period.for_kind("school_year", 2025)),
                sections=[Section("s1", "加强民主管理", [], [Section("s1.1", "开好教代会")]),
                          Section("s2", "关心教职工生活")])
    plan.schedule = [
        Activity("a1", ["2025-09"], "庆祝教师节", "工会委员会", section="s1"),
        Activity("a2", ["2025-09"], "中秋慰问", "工会主席", section="s2"),
        Activity("a3", ["2025-10"], "重阳敬老"),
        Activity("a4", ["2026-01"], "春节送温暖", section="s2"),
        Activity("a5", [], "日常帮扶"),
    ]
    return plan


@pytest.fixture
def parts(qtbot):
    from planner_gui.gui.schedule_view import ScheduleView

    session = PlanSession(school_plan())
    stack = QUndoStack()
    view = ScheduleView(session, Editor(stack, session))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view, session, stack


def group_ids(plan, key):
    return [a.id for a in sch.group_members(plan, key)]


def test_contract_with_the_main_window(qtbot):
    from PySide6.QtGui import QAction

    from planner_gui.gui.schedule_view import ScheduleView

    view = ScheduleView(None, Editor(QUndoStack()))
    qtbot.addWidget(view)
    assert view.objectName() == "scheduleView"
    actions = view.actions()
    assert actions and all(isinstance(a, QAction) and a.objectName() for a in actions)
    view.highlight_section("s1")          # no plan yet: nothing happens
    assert view.select_activity("a1") is False
    view.set_session(PlanSession(school_plan()))
    assert view.select_activity("a1") is True
    assert view.current_id() == "a1"


def test_months_shown_in_period_order(parts):
    view, _, _ = parts
    labels = [view.model.index(r, COL_MONTH).data() for r in range(view.model.rowCount())]
    assert labels[0] == "九月" and labels[4] == "次年元月" and labels[-1] == "全年"


def test_add_activity_types_text_and_undoes(parts, qtbot):
    view, session, stack = parts
    focus_activity(view, "a1")
    before = dumps(session.plan)
    ident = view.add_activity()
    assert ident is not None
    assert group_ids(session.plan, "2025-09") == ["a1", ident, "a2"]
    editor = QApplication.focusWidget()
    assert view.tree.state() == view.tree.State.EditingState
    editor.setText("组织教职工读书会")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call
    assert session.plan.find_activity(ident).text == "组织教职工读书会"
    assert view.model.index_for_activity(ident, COL_TEXT).data() == "2、组织教职工读书会"
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert dumps(session.plan) == before


def test_edit_owner_and_done_in_place(parts, qtbot):
    view, session, stack = parts
    index = focus_activity(view, "a3", COL_OWNER)
    view.tree.edit(index)
    editor = QApplication.focusWidget()
    editor.lineEdit().setText("退管小组")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call
    assert session.plan.find_activity("a3").owner == "退管小组"
    done = view.model.index_for_activity("a3", COL_DONE)
    assert view.model.setData(done, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert session.plan.find_activity("a3").done
    assert stack.undoText() == "标记活动已完成"
    stack.undo()
    assert not session.plan.find_activity("a3").done


def test_typing_a_span_in_the_month_column_moves_the_activity(parts, qtbot):
    view, session, stack = parts
    index = focus_activity(view, "a3", COL_MONTH)
    view.tree.edit(index)
    editor = QApplication.focusWidget()
    editor.lineEdit().setText("七至八月")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call
    assert session.plan.find_activity("a3").months == ["2026-07", "2026-08"]
    moved = view.model.index_for_activity("a3", COL_MONTH)
    assert view.model.group_key(moved) == "2026-07"
    assert moved.data() == sch.months_label(["2026-07", "2026-08"], session.plan.meta.period) != ""
    # the selection followed the row to its new month
    assert view.current_id() == "a3"
    stack.undo()
    assert session.plan.find_activity("a3").months == ["2025-10"]


def test_unreadable_month_is_refused_with_a_message(parts, qtbot):
    view, session, _ = parts
    index = focus_activity(view, "a3", COL_MONTH)
    view.tree.edit(index)
    editor = QApplication.focusWidget()
    editor.lineEdit().setText("开学初")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call
    assert session.plan.find_activity("a3").months == ["2025-10"]
    assert "开学初" in view.status.text()


def test_keyboard_move_delete_duplicate(parts, qtbot):
    view, session, stack = parts
    focus_activity(view, "a2")
    qtbot.keyClick(view.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert group_ids(session.plan, "2025-09") == ["a2", "a1"]
    assert view.current_id() == "a2"
    qtbot.keyClick(view.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copies = group_ids(session.plan, "2025-09")
    assert len(copies) == 3 and copies[0] == "a2"
    new = copies[1]
    assert session.plan.find_activity(new).text == "中秋慰问"
    focus_activity(view, new)
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert session.plan.find_activity(new) is None
    stack.undo()
    assert group_ids(session.plan, "2025-09") == ["a2", new, "a1"]
    focus_activity(view, "a1")
    qtbot.keyClick(view.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    added = group_ids(session.plan, "2025-09")
    assert len(added) == 4 and added[:3] == ["a2", new, "a1"]
    assert view.tree.state() == view.tree.State.EditingState


def test_move_to_months_with_the_picker(parts, monkeypatch):
    view, session, stack = parts
    from planner_gui.gui import schedule_month_dialog

    monkeypatch.setattr(schedule_month_dialog, "get_months",
                        lambda parent, period, months: (["2026-07", "2026-08"], True))
    focus_activity(view, "a1")
    view.tree.selectionModel().select(view.model.index_for_activity("a3"),
                                      QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    view.months_action.trigger()
    assert session.plan.find_activity("a1").months == ["2026-07", "2026-08"]
    assert session.plan.find_activity("a3").months == ["2026-07", "2026-08"]
    assert stack.count() == 1
    stack.undo()
    assert session.plan.find_activity("a1").months == ["2025-09"]


def test_month_dialog_ticks_and_typing(qtbot):
    from planner_gui.gui.schedule_month_dialog import MonthDialog

    period = Period.for_kind("semester", 2025)
    dialog = MonthDialog(period, ["2025-10"], None)
    qtbot.addWidget(dialog)
    assert dialog.months() == ["2025-10"]
    dialog.boxes["2025-11"].setChecked(True)
    assert dialog.months() == ["2025-10", "2025-11"]
    assert dialog.text.text() == "十至十一月"
    dialog.anytime.setChecked(True)
    assert dialog.months() == [] and not any(b.isChecked() for b in dialog.boxes.values())
    qtbot.keyClicks(dialog.text, "x")  # "全年x" is not a month
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.text.clear()
    dialog.text.textEdited.emit("次年元月")
    dialog.text.setText("次年元月")
    assert dialog.months() == ["2026-01"] and dialog.boxes["2026-01"].isChecked() and ok.isEnabled()


def test_paste_is_one_undo_step_and_flags_what_it_could_not_place(parts, qtbot):
    view, session, stack = parts
    before = dumps(session.plan)
    ids = view.paste("说明：以下为补充安排\n十一月份：\n1、读书分享会\n2、合理化建议征集\n次年三月\t庆三八\t女工委员会\n")
    assert len(ids) == 4
    assert stack.count() == 1
    plan = session.plan
    texts = {plan.find_activity(i).text: plan.find_activity(i) for i in ids}
    assert texts["读书分享会"].months == ["2025-11"]
    assert texts["庆三八"].months == ["2026-03"] and texts["庆三八"].owner == "女工委员会"
    flagged = texts["说明：以下为补充安排"]
    assert flagged.months == []
    assert view.model.index_for_activity(flagged.id).data(ProblemRole) == NO_MONTH_FOUND
    assert view.model.index_for_activity(flagged.id).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert sorted(view.selected_ids()) == sorted(ids)
    assert "1" in view.status.text()
    stack.undo()
    assert dumps(session.plan) == before


def test_ctrl_v_pastes_from_the_clipboard(parts, qtbot):
    view, session, _ = parts
    QGuiApplication.clipboard().setText("十二月\t迎新年联欢\t工会委员会")
    focus_activity(view, "a1")
    qtbot.keyClick(view.tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [a.text for a in sch.group_members(session.plan, "2025-12")] == ["迎新年联欢"]


def test_paste_of_nothing_says_so(parts):
    view, session, stack = parts
    assert view.paste("   ") == []
    assert stack.count() == 0 and view.status.text()


def test_highlight_and_jump_to_section(parts, qtbot):
    view, session, _ = parts
    view.highlight_section("s2")
    tinted = [i for i in ("a1", "a2", "a3", "a4")
              if view.model.index_for_activity(i).data(Qt.ItemDataRole.BackgroundRole) is not None]
    assert tinted == ["a2", "a4"]
    view.highlight_section(None)
    assert view.model.index_for_activity("a2").data(Qt.ItemDataRole.BackgroundRole) is None
    focus_activity(view, "a1")
    with qtbot.waitSignal(view.section_requested) as blocker:
        view.jump_action.trigger()
    assert blocker.args == ["s1"]
    focus_activity(view, "a3")
    with qtbot.assertNotEmitted(view.section_requested):
        view.jump_to_section()
    assert view.status.text()


def test_tie_to_a_section_with_the_combo(parts):
    view, session, stack = parts
    focus_activity(view, "a3")
    combo = view.section_combo
    labels = [combo.itemText(i).strip("　") for i in range(combo.count())]
    assert labels[1:] == ["一、加强民主管理", "（一）开好教代会", "二、关心教职工生活"]
    index = combo.findData("s1.1")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert session.plan.find_activity("a3").section == "s1.1"
    assert stack.count() == 1
    view.highlight_section("s1")  # a subsection's activities belong to its parent too
    assert view.model.index_for_activity("a3").data(Qt.ItemDataRole.BackgroundRole) is not None


def test_period_change_regroups_and_keeps_the_selection(parts):
    view, session, stack = parts
    focus_activity(view, "a3")
    edit, outside = sch.refile_for_period(session.plan, Period.for_kind("calendar_year", 2026), {"year": 2026})
    stack.push(EditCommand(session, edit, "period"))
    assert outside == []
    labels = [view.model.index(r, COL_MONTH).data() for r in range(view.model.rowCount())]
    assert labels[0] == "一月" and len(labels) == 13
    assert view.current_id() == "a3"
    assert view.model.group_key(view.model.index_for_activity("a3")) == "2026-10"


def test_outside_the_period_after_a_change_is_shown_not_lost(parts):
    view, session, stack = parts
    edit, outside = sch.refile_for_period(session.plan, Period.for_kind("first_half", 2026), {"year": 2026})
    stack.push(EditCommand(session, edit, "period"))
    assert {a.id for a in outside} == {"a1", "a2", "a3"}
    last = view.model.index(view.model.rowCount() - 1, COL_MONTH)
    assert view.model.data(last, Qt.ItemDataRole.DisplayRole) != "全年"
    assert len(session.plan.schedule) == 5
    assert "不在新的计划期间内" in view.status.text() and "重阳敬老" in view.status.text()


def test_library_inserts_into_the_usual_month(parts, qtbot, tmp_path):
    view, session, stack = parts
    view.library_action.trigger()
    assert view.library.isVisible() and view.library.entries
    ident = view.insert_from_library("womens-day")
    activity = session.plan.find_activity(ident)
    assert activity.months == ["2026-03"] and "三八" in activity.text
    assert view.current_id() == ident
    # double click in the panel inserts too
    item = next(view.library.tree.topLevelItem(i).child(j)
                for i in range(view.library.tree.topLevelItemCount())
                for j in range(view.library.tree.topLevelItem(i).childCount())
                if view.library.tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole + 1) == "teachers-day")
    count = len(session.plan.schedule)
    view.library.tree.itemDoubleClicked.emit(item, 0)
    assert len(session.plan.schedule) == count + 1
    assert stack.count() == 2


def test_library_entry_outside_the_period_is_not_inserted(qtbot):
    from planner_gui.gui.schedule_view import ScheduleView

    plan = school_plan()
    plan.meta.period = Period.for_kind("second_half", 2025)
    session = PlanSession(plan)
    view = ScheduleView(session, Editor(QUndoStack(), session))
    qtbot.addWidget(view)
    assert view.insert_from_library("womens-day") is None
    assert view.status.text()


def test_library_drop_onto_a_month(parts):
    view, session, _ = parts
    view.show_library(True)
    view.model.library_dropped.emit(["mid-autumn"], "2025-10", 0)
    first = sch.group_members(session.plan, "2025-10")[0]
    assert "中秋" in first.text and first.months == ["2025-10"]


def test_add_to_library_keeps_the_users_entry(parts):
    view, session, _ = parts
    from planner_gui.gui.schedule_library import user_library_path

    focus_activity(view, "a3")
    view.library_to_action.trigger()
    path = user_library_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [e["text"] for e in data["activities"]] == ["重阳敬老"]
    assert any(e.user and e.text == "重阳敬老" for e in view.library.entries)
    mine = next(e for e in view.library.entries if e.user)
    view.library.remove_requested.emit(mine.id)
    assert not any(e.user for e in view.library.entries)
    assert json.loads(path.read_text(encoding="utf-8"))["activities"] == []


def test_year_grid_shows_gaps_and_counts(parts):
    view, session, _ = parts
    view.grid_action.trigger()
    assert view.tabs.currentWidget() is view.year_grid
    grid = view.year_grid.model
    assert grid.columnCount() == 12
    september = grid.headerData(0, Qt.Orientation.Horizontal)
    assert september.startswith("九月") and september.endswith("2")
    november = grid.headerData(2, Qt.Orientation.Horizontal)
    assert grid.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole) is not None
    assert november.startswith("十一月") and not november.endswith("2")
    assert "十一月" in view.year_grid.summary.text()
    # a span marks every month it covers; the grid follows edits
    session.apply(sch.set_months_edit(session.plan, "a3", ["2025-10", "2025-11"]))
    row = next(r for r in range(grid.rowCount() - 1) if grid.activity_id(r) == "a3")
    assert grid.index(row, 1).data() == grid.index(row, 2).data() != ""
    states = {m.key: m.state for m in grid.loads()}
    assert states["2025-11"] == sch.NORMAL and states["2025-12"] == sch.EMPTY
    assert "十一月" not in view.year_grid.summary.text() and "十二月" in view.year_grid.summary.text()
    # double click shows the activity in the month list
    view.year_grid.table.doubleClicked.emit(grid.index(row, 1))
    assert view.tabs.currentIndex() == 0 and view.current_id() == "a3"


def test_read_only_plan_refuses_edits(qtbot):
    from planner_gui.gui.schedule_view import ScheduleView

    class ReadOnlyFile:
        read_only = True
        path = None

        def close(self):
            pass

    session = PlanSession(school_plan(), plan_file=ReadOnlyFile())
    stack = QUndoStack()
    view = ScheduleView(session, Editor(stack, session))
    qtbot.addWidget(view)
    assert not view.add_action.isEnabled() and not view.paste_action.isEnabled()
    index = view.model.index_for_activity("a1", COL_TEXT)
    assert not (view.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert view.paste("九月\t新活动") == []
    assert stack.count() == 0


def _drop(view, ident, target_index):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    mime = view.model.mimeData([view.model.index_for_activity(ident)])
    pos = QPointF(view.tree.visualRect(target_index).center())
    viewport = view.tree.viewport()
    for kind in (QDragEnterEvent, QDragMoveEvent):   # the view checks the drop on enter/move
        QApplication.sendEvent(viewport, kind(pos.toPoint(), Qt.DropAction.MoveAction, mime,
                                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(viewport, QDropEvent(pos, Qt.DropAction.MoveAction, mime,
                                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # PySide marks the QPoint event constructors
def test_drag_and_drop_onto_an_activity_and_onto_a_month(parts):
    view, session, stack = parts
    before = dumps(session.plan)
    _drop(view, "a3", view.model.index_for_activity("a1"))
    assert group_ids(session.plan, "2025-09") == ["a3", "a1", "a2"]
    assert session.plan.find_activity("a3").months == ["2025-09"]
    _drop(view, "a2", view.model.index_for_group("2025-11"))
    assert group_ids(session.plan, "2025-11") == ["a2"]
    assert len(session.plan.schedule) == 5 and stack.count() == 2
    stack.undo()
    stack.undo()
    assert dumps(session.plan) == before
