"""ScheduleModel: the month tree follows every edit, checked by Qt's own tester."""

from __future__ import annotations

import random

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from planner_gui.core import schedule as sch
from planner_gui.core.edits import UpdateActivity
from planner_gui.core.period import Period, span_label
from planner_gui.core.plan import Activity, Meta, Plan, Section
from planner_gui.models.schedule_model import (COL_DONE, COL_MONTH, COL_OWNER, COL_TEXT,
                                               MIME_ACTIVITIES, ActivityIdRole, ContinuingRole, ScheduleModel)
from planner_gui.gui.editor import Editor
from planner_gui.models.session import PlanSession
from PySide6.QtGui import QUndoStack

Mode = QAbstractItemModelTester.FailureReportingMode



def school_plan() -> Plan:
    period = Period.for_kind("school_year", 2025)
    plan = Plan(meta=Meta(title="计划", year=2025, period=period),
                sections=[Section("s1", "加强学习", [], [Section("s1.1", "组织学习")]), Section("s2", "关爱职工")])
    plan.schedule = [
        Activity("a1", ["2025-09"], "庆祝教师节", "工会委员会", section="s1"),
        Activity("a2", ["2025-09"], "中秋慰问", "工会主席", section="s2"),
        Activity("a3", ["2025-10"], "重阳敬老"),
        Activity("a4", ["2026-01", "2026-02"], "春节送温暖", section="s1.1"),
        Activity("a5", [], "日常帮扶"),
    ]
    return plan


@pytest.fixture
def session(qapp):
    return PlanSession(school_plan())


@pytest.fixture
def model(session):
    model = ScheduleModel(session)
    QAbstractItemModelTester(model, Mode.Fatal)
    editor = Editor(QUndoStack(model), session, model)   # the window's one edit path, as the view wires it
    model.edit_requested.connect(editor.push)
    return model


def tree(model) -> list[tuple[str, list[str]]]:
    out = []
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        ids = [model.index(r, 0, group).data(ActivityIdRole) for r in range(model.rowCount(group))]
        out.append((model.group_key(group), ids))
    return out


def expected(plan) -> list[tuple[str, list[str]]]:
    """Each month's own activities, then those continuing into it (a span)."""
    continuing = sch.continuing_ids(plan)
    return [(g.key, list(g.activity_ids) + list(continuing.get(g.key, ())))
            for g in sch.group_activities(plan)]


def test_months_in_period_order_then_anytime(model):
    labels = [model.index(r, COL_MONTH).data() for r in range(model.rowCount())]
    assert labels[:4] == ["九月", "十月", "十一月", "十二月"]
    assert labels[4] == "次年元月" and labels[11] == "次年八月"
    assert labels[12] == "全年"
    assert model.rowCount() == 13


def test_activity_rows_numbered_within_month_with_span(model):
    sept = model.index_for_group("2025-09")
    assert model.index(0, COL_TEXT, sept).data() == "1、庆祝教师节"
    assert model.index(1, COL_TEXT, sept).data() == "2、中秋慰问"
    assert model.index(1, COL_TEXT, sept).data(Qt.ItemDataRole.EditRole) == "中秋慰问"
    jan = model.index_for_group("2026-01")
    span = span_label(["2026-01", "2026-02"], 2025)
    assert model.index(0, COL_MONTH, jan).data() == span
    assert model.index(0, COL_MONTH, jan).data(Qt.ItemDataRole.EditRole) == span
    assert model.index(0, COL_MONTH, model.index_for_group("2025-09")).data() == ""  # one month: the group says it
    nov = model.index_for_group("2025-11")
    assert model.index(0, COL_TEXT, nov.siblingAtColumn(0)).isValid() is False
    assert nov.siblingAtColumn(COL_TEXT).data() == "无安排"


def test_set_data_goes_through_the_session(model, session):
    index = model.index_for_activity("a3", COL_OWNER)
    assert model.setData(index, "各工会小组")
    assert session.plan.find_activity("a3").owner == "各工会小组"
    done = model.index_for_activity("a3", COL_DONE)
    assert model.setData(done, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert session.plan.find_activity("a3").done is True
    assert done.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_months_typed_in_place_move_the_row(model, session):
    index = model.index_for_activity("a3", COL_MONTH)
    assert model.setData(index, "七至八月")
    assert session.plan.find_activity("a3").months == ["2026-07", "2026-08"]
    assert model.group_key(model.index_for_activity("a3")) == "2026-07"
    assert not model.setData(model.index_for_activity("a3", COL_MONTH), "不是月份")
    assert model.setData(model.index_for_activity("a3", COL_MONTH), "全年")
    assert tree(model) == expected(session.plan)


def test_edits_are_requested_not_applied(model, session):
    """The model asks (edit_requested); the window's editor applies. Nothing
    changes the plan behind the undo stack's back."""
    model.edit_requested.disconnect()
    seen = []
    model.edit_requested.connect(lambda edit, text: seen.append((edit, text)))
    model.setData(model.index_for_activity("a1", COL_TEXT), "庆祝第41个教师节")
    assert len(seen) == 1 and isinstance(seen[0][0], UpdateActivity)
    assert session.plan.find_activity("a1").text == "庆祝教师节"


def test_persistent_index_follows_a_move_to_another_month(model, session):
    keep = model.index_for_activity("a2")
    from PySide6.QtCore import QPersistentModelIndex
    persistent = QPersistentModelIndex(keep)
    session.apply(sch.move_to_group_edit(session.plan, "a2", "2025-12"))
    assert persistent.isValid()
    assert persistent.data(ActivityIdRole) == "a2"
    assert model.group_key(model.index(persistent.row(), 0, persistent.parent())) == "2025-12"


def test_outside_group_appears_and_goes(model, session):
    session.apply(UpdateActivity("a3", {"months": ["2027-03"]}))
    assert tree(model) == expected(session.plan)
    last = model.index(model.rowCount() - 1, COL_MONTH)
    assert "不在计划期间内" in last.data()
    session.apply(UpdateActivity("a3", {"months": ["2025-10"]}))
    assert tree(model) == expected(session.plan)
    assert model.rowCount() == 13


def test_period_change_resets_and_keeps_everything(model, session):
    edit, outside = sch.refile_for_period(session.plan, Period.for_kind("second_half", 2025))
    session.apply(edit)
    assert tree(model) == expected(session.plan)
    assert {a.id for a in outside} == {"a4"}
    assert len(session.plan.schedule) == 5


def test_highlight_section_includes_subsections(model):
    model.set_highlight_section("s1")
    assert sorted(model.highlighted_ids()) == ["a1", "a4"]
    assert model.index_for_activity("a4").data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index_for_activity("a2").data(Qt.ItemDataRole.BackgroundRole) is None
    model.set_highlight_section(None)
    assert model.highlighted_ids() == []


def test_drop_moves_into_a_month_at_a_position(model, session):
    mime = model.mimeData([model.index_for_activity("a3")])
    assert mime.hasFormat(MIME_ACTIVITIES)
    sept = model.index_for_group("2025-09")
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, sept)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, sept)
    assert [a.id for a in sch.group_members(session.plan, "2025-09")] == ["a1", "a3", "a2"]
    # down within the month: dropped before row 3 (the end) of 九月
    mime = model.mimeData([model.index_for_activity("a1")])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, sept)
    assert [a.id for a in sch.group_members(session.plan, "2025-09")] == ["a3", "a2", "a1"]
    assert tree(model) == expected(session.plan)


def test_drop_keeps_a_span_length(model, session):
    mime = model.mimeData([model.index_for_activity("a4")])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index_for_group("2026-07"))
    assert session.plan.find_activity("a4").months == ["2026-07", "2026-08"]


def test_set_session_resets(model, qapp):
    other = Plan()
    model.set_session(PlanSession(other))
    assert model.rowCount() == 13  # calendar year + 全年
    assert model.rowCount(model.index(0, 0)) == 0


def _random_edit(rng: random.Random, plan):
    ids = [a.id for a in plan.schedule]
    months = plan.meta.period.months()
    choice = rng.randrange(7)
    if choice == 0 or not ids:
        span = rng.choice([0, 1, 1, 2])
        first = rng.choice(months)
        draft_months = [] if span == 0 else [m for m in months if m >= first][:span]
        edit, _ = sch.new_activity_edit(plan, draft_months, rng.choice([None, 0, 1]), text=f"活动{rng.randrange(99)}")
        return edit
    ident = rng.choice(ids)
    if choice == 1:
        return sch.remove_activities_edit(plan, [ident])
    if choice == 2:
        return sch.move_within_group_edit(plan, ident, rng.choice([-1, 1]))
    if choice == 3:
        key = rng.choice(months + [sch.NO_MONTH, "2030-01"])
        return sch.move_to_group_edit(plan, ident, key, rng.choice([None, 0, 1]))
    if choice == 4:
        return sch.duplicate_edit(plan, ident)[0]
    if choice == 5:
        return UpdateActivity(ident, {"text": f"改{rng.randrange(99)}", "done": rng.random() < 0.5})
    kind = rng.choice(["calendar_year", "school_year", "semester", "second_half"])
    return sch.refile_for_period(plan, Period.for_kind(kind, 2025))[0]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_sequence_under_the_model_tester(qapp, seed):
    rng = random.Random(seed)
    session = PlanSession(school_plan())
    model = ScheduleModel(session)
    QAbstractItemModelTester(model, Mode.Fatal)
    editor = Editor(QUndoStack(model), session, model)
    model.edit_requested.connect(editor.push)
    undo: list = []
    for _ in range(60):
        if undo and rng.random() < 0.25:
            session.apply(undo.pop())
        else:
            edit = _random_edit(rng, session.plan)
            if edit is None:
                continue
            undo.append(session.apply(edit))
        assert tree(model) == expected(session.plan)
        for row in range(model.rowCount()):
            group = model.index(row, 0)
            own = len([g for g in sch.group_activities(session.plan) if g.key == model.group_key(group)][0]
                      .activity_ids)
            for r in range(model.rowCount(group)):
                text = model.index(r, COL_TEXT, group).data()
                if r < own:
                    assert text.startswith(f"{r + 1}、")
                else:   # a span begun in an earlier month
                    assert model.index(r, COL_TEXT, group).data(ContinuingRole) is True
                    assert not text[:1].isdigit()
    while undo:
        session.apply(undo.pop())
    assert tree(model) == expected(school_plan())


def test_parent_of_top_level_is_invalid(model):
    assert model.parent(model.index(0, 0)) == QModelIndex()
    child = model.index(0, 2, model.index(0, 0))
    assert model.parent(child).row() == 0


def test_meta_edits_other_than_the_period_leave_rows_alone(model, session):
    from PySide6.QtCore import QPersistentModelIndex

    from planner_gui.core.edits import SetMeta

    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    kept = QPersistentModelIndex(model.index_for_activity("a2"))
    session.apply(SetMeta({"title": "新标题"}))
    assert resets == [] and kept.isValid()


def test_removing_a_section_clears_its_highlight(model, session):
    from planner_gui.core.edits import remove_section_edit

    model.set_highlight_section("s1")
    assert model.highlighted_ids() == ["a1", "a4"]
    session.apply(remove_section_edit(session.plan, "s1"))
    assert model.highlighted_ids() == []
    assert session.plan.find_activity("a1").section is None


def test_year_grid_model_under_the_tester(qapp):
    from planner_gui.models.year_grid_model import MARK, LoadStateRole, YearGridModel

    session = PlanSession(school_plan())
    grid = YearGridModel(session)
    QAbstractItemModelTester(grid, Mode.Fatal)
    assert grid.columnCount() == 12 and grid.rowCount() == 7   # five activities, the count and progress rows
    row = next(r for r in range(5) if grid.activity_id(r) == "a4")
    assert [grid.index(row, c).data() for c in range(4, 7)] == [MARK, MARK, ""]
    assert grid.index(5, 0).data() == "2"                       # 九月 has two
    assert grid.index(5, 2).data(LoadStateRole) == sch.EMPTY    # 十一月 has none
    session.apply(sch.remove_activities_edit(session.plan, ["a1", "a2"]))
    assert grid.rowCount() == 5 and grid.index(3, 0).data(LoadStateRole) == sch.EMPTY
    grid.set_session(None)
    assert grid.rowCount() == 0
