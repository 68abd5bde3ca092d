"""The record of the year in the real window (issue 18): 完成时间 and 完成情况
typed into the month table with the window's keys and undone with Ctrl+Z;
progress in the month list and the year grid; 文件 → 生成年度工作总结."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from planner_gui.models.schedule_model import COL_DONE, COL_DONE_ON, COL_OUTCOME

from .helpers import focus_activity, show_schedule, type_text


def _edit_cell(qtbot, view, ident, column, text):
    """Select the cell, F2, type, Enter: what a user does."""
    focus_activity(view, ident, column)
    qtbot.keyClick(view.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view.tree, "F2 opened no editor"
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call


def test_outcome_and_done_on_typed_in_the_month_table_and_undone(window, qtbot):
    view = show_schedule(window)
    plan = window.session.plan
    activity = plan.schedule[0]
    _edit_cell(qtbot, view, activity.id, COL_OUTCOME, "全校教职工120人参加")
    assert activity.outcome == "全校教职工120人参加"
    _edit_cell(qtbot, view, activity.id, COL_DONE_ON, "2025年3月8日")
    assert activity.done_on == "2025-03-08"
    assert view.model.index_for_activity(activity.id, COL_DONE_ON).data() == "2025-03-08"
    assert window.undo_stack.count() == 2
    saved = window.session.plan_file.load().find_activity(activity.id)   # read back from the file
    assert (saved.done_on, saved.outcome) == ("2025-03-08", "全校教职工120人参加")
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert activity.done_on == "" and activity.outcome == "全校教职工120人参加"
    window.actions_.undo.trigger()
    assert activity.outcome == ""
    window.actions_.redo.trigger()
    assert activity.outcome == "全校教职工120人参加"


def test_a_done_on_that_is_not_a_date_is_refused_with_a_sentence(window, qtbot):
    view = show_schedule(window)
    activity = window.session.plan.schedule[1]
    _edit_cell(qtbot, view, activity.id, COL_DONE_ON, "下个月")
    assert activity.done_on == ""
    assert window.undo_stack.count() == 0
    assert "完成时间" in view.status.text()


def test_month_rows_show_done_over_planned_and_overdue(window, qtbot):
    view = show_schedule(window)
    model = view.model
    plan = window.session.plan
    model.now_month = plan.meta.period.end[:4] + "-99"      # the whole period has passed
    key = next(k for k in model.group_keys() if k)
    members = [a for a in plan.schedule if a.months and a.months[0] == key]
    group = model.index_for_group(key)
    assert group.siblingAtColumn(COL_DONE).data() == f"0/{len(members)}"
    assert group.siblingAtColumn(COL_OUTCOME).data().startswith(str(len(members)))
    # ticking 完成 (Space on the 完成 cell) updates the month's figures
    index = model.index_for_activity(members[0].id, COL_DONE)
    view.tree.setFocus()
    view.tree.setCurrentIndex(index)
    qtbot.keyClick(view.tree, Qt.Key.Key_Space)
    assert members[0].done
    assert group.siblingAtColumn(COL_DONE).data() == f"1/{len(members)}"
    assert "计划月份已过" not in (model.index_for_activity(members[0].id, 1).data(
        Qt.ItemDataRole.ToolTipRole) or "")
    if len(members) > 1:
        tip = model.index_for_activity(members[1].id, 1).data(Qt.ItemDataRole.ToolTipRole)
        assert "计划月份已过" in tip


def test_year_grid_shows_progress_per_month_and_for_the_year(window, qtbot):
    from planner_gui.models.year_grid_model import DONE_MARK, ProgressRole

    view = show_schedule(window)
    plan = window.session.plan
    grid = view.year_grid.model
    grid.now_month = f"{plan.meta.year}-07"
    first = next(a for a in plan.schedule if a.months)
    from planner_gui.core.edits import UpdateActivity

    assert window.editor.push(UpdateActivity(first.id, {"done": True}), "done")
    view.grid_action.trigger()
    assert view.tabs.currentWidget() is view.year_grid
    progress_row = grid.rowCount() - 1
    months = plan.meta.period.months()
    column = months.index(first.months[0])
    done, planned, _ = grid.index(progress_row, column).data(ProgressRole)
    assert planned == sum(1 for a in plan.schedule if first.months[0] in a.months)
    assert done == sum(1 for a in plan.schedule if first.months[0] in a.months and a.done) >= 1
    assert grid.index(progress_row, column).data() == f"{done}/{planned}"
    row = next(r for r in range(grid.rowCount() - 2) if grid.activity_id(r) == first.id)
    assert grid.index(row, column).data() == DONE_MARK
    text = view.year_grid.summary.text()
    total_done = sum(a.done for a in plan.schedule)
    assert f"{total_done}" in text and str(len(plan.schedule)) in text


def test_file_menu_makes_the_summary_and_opens_it(window, alerts, qtbot, tmp_path):
    plan_path = window.session.path
    plan = window.session.plan
    before = hashlib.sha256(open(plan_path, "rb").read()).hexdigest()
    action = window.summary_actions.summary_action
    assert action in window.menus.file.actions()
    target = tmp_path / "年度总结.ghjh"
    alerts.answer("save_plan_path", str(target))
    year = plan.meta.year
    action.trigger()
    assert str(window.session.path) == str(target)
    summary = window.session.plan
    assert summary.meta.kind == "summary" and summary.meta.title.endswith(f"{year}年工作总结")
    assert hashlib.sha256(open(plan_path, "rb").read()).hexdigest() == before   # plan never written
    assert window.session.plan_file.load().meta.kind == "summary"    # as stored in the new file
    # the same editor: the placeholder list (文件 check) lists the summary's guides
    window.actions_.placeholders.trigger()
    panel = window.placeholder_panel
    panel.refresh()
    listed = [panel.list.topLevelItem(i).text(1) for i in range(panel.list.topLevelItemCount())]
    assert "【说明未完成的原因】" in listed or not any(not a.done for a in plan.schedule)
    assert "【结合上级工会部署和本单位实际，写明下一年的工作思路和重点】" in listed
    assert window.undo_stack.count() == 0     # a fresh history for the new document
    # its properties offer the appendix switch; a click is one undo step
    panel = window.properties_panel
    panel.refresh()
    assert not panel.appendix.isHidden() and panel.appendix.isChecked()
    qtbot.mouseClick(panel.appendix, Qt.MouseButton.LeftButton, pos=QPoint(8, panel.appendix.height() // 2))
    assert summary.option("completion_appendix") is False
    window.actions_.undo.trigger()
    assert summary.option("completion_appendix") is True
    # making a summary of a summary is refused with a sentence
    action.trigger()
    assert any("已经是" in m for m in alerts.messages("error"))


def test_cancelled_save_dialog_leaves_everything_as_it_was(window, alerts):
    path = window.session.path
    window.properties_panel.refresh()
    assert window.properties_panel.appendix.isHidden()      # a plan has no appendix switch
    window.summary_actions.summary_action.trigger()     # the fake picker answers None
    assert window.session.path == path and window.session.plan.meta.kind == "plan"


def test_new_plan_from_last_year_offers_the_summarys_plans_as_its_opening(make_window, alerts, tmp_path,
                                                                         sample_plan):
    """以去年的计划为基础新建 from last year's plan; last year's 工作总结 lies beside
    it with 下一年工作打算 written: its paragraphs are offered, accepted as one undo step."""
    import copy

    from planner_gui.core.summary import build_summary
    from planner_gui.store import PlanFile

    folder = tmp_path / "去年"
    folder.mkdir()
    old_path = folder / "2025年计划.ghjh"
    PlanFile.create(old_path, sample_plan).close()
    summary = build_summary(sample_plan)
    summary.sections[2].body = ["2026年，工会将把“职工之家”建设作为重点。", "办好教职工运动会。"]
    PlanFile.create(folder / "2025年总结.ghjh", summary).close()
    window = make_window(old_path)
    before = list(window.session.plan.preamble)
    alerts.answer("open_path", str(old_path))
    alerts.answer("ask_integer", 2026)
    alerts.answer("save_plan_path", str(tmp_path / "2026年计划.ghjh"))
    alerts.answer("confirm", True)
    [a for a in window.menus.file.actions() if a.objectName() == "actionNewFromLastYear"][0].trigger()
    assert window.session.plan.meta.year == 2026
    assert any("2025年总结.ghjh" in m for m in alerts.messages("confirm"))
    preamble = window.session.plan.preamble
    assert preamble[:2] == ["2026年，工会将把“职工之家”建设作为重点。", "办好教职工运动会。"]
    assert len(preamble) == len(before) + 2
    window.actions_.undo.trigger()
    assert len(window.session.plan.preamble) == len(before)
    assert copy.deepcopy(window.session.plan).meta.kind == "plan"


def test_no_offer_without_a_written_summary(make_window, alerts, tmp_path, sample_plan):
    from planner_gui.store import PlanFile

    folder = tmp_path / "去年"
    folder.mkdir()
    old_path = folder / "2025年计划.ghjh"
    PlanFile.create(old_path, sample_plan).close()
    from planner_gui.core.summary import build_summary
    PlanFile.create(folder / "2025年总结.ghjh", build_summary(sample_plan)).close()   # guides only
    window = make_window(old_path)
    alerts.answer("open_path", str(old_path))
    alerts.answer("ask_integer", 2026)
    alerts.answer("save_plan_path", str(tmp_path / "2026年计划.ghjh"))
    [a for a in window.menus.file.actions() if a.objectName() == "actionNewFromLastYear"][0].trigger()
    assert window.session.plan.meta.year == 2026
    assert not any("总结" in m for m in alerts.messages("confirm"))
