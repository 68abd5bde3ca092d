"""完成时间 and 完成情况 on activities (issue 18): edits with undo, the
interchange keys (optional, version 1), rollover clearing them."""

import json

import pytest

from planner_gui.core.edits import EditError, Touched, UpdateActivity, apply_edit
from planner_gui.core.interchange import PlanFormatError, dumps, loads, plan_to_dict
from planner_gui.core.locations import iter_texts
from planner_gui.core.placeholders import find_placeholders
from planner_gui.core.progress import DoneOnError, done_on_label, normalize_done_on
from planner_gui.core.rollover import rollover


@pytest.mark.parametrize("text, expected", [
    ("", ""), ("  ", ""), ("2025-03", "2025-03"), ("2025-3", "2025-03"),
    ("2025-3-8", "2025-03-08"), ("2025.03.08", "2025-03-08"), ("2025/3/8", "2025-03-08"),
    ("2025年3月", "2025-03"), ("2025年3月8日", "2025-03-08"), ("２０２５－０３", "2025-03"),
])
def test_done_on_accepts_months_and_dates(text, expected):
    assert normalize_done_on(text) == expected


@pytest.mark.parametrize("text", ["三月", "2025", "2025-13", "2025-02-30", "昨天", "1800-01"])
def test_done_on_refuses_what_is_not_a_month_or_date(text):
    with pytest.raises(DoneOnError, match="完成时间"):
        normalize_done_on(text)


def test_done_on_label():
    assert done_on_label("2025-03-08") == "2025年3月8日"
    assert done_on_label("2025-11") == "2025年11月"
    assert done_on_label("") == ""


def test_update_activity_sets_and_undoes_the_new_fields(sample_plan):
    activity = sample_plan.schedule[0]
    before = dumps(sample_plan)
    inverse, touched = apply_edit(sample_plan, UpdateActivity(
        activity.id, {"done": True, "done_on": "2025年3月8日", "outcome": "120名女职工参加"}))
    assert (activity.done, activity.done_on, activity.outcome) == (True, "2025-03-08", "120名女职工参加")
    assert touched == Touched(activities={activity.id})
    apply_edit(sample_plan, inverse)
    assert dumps(sample_plan) == before


def test_a_bad_done_on_is_refused_before_anything_changes(sample_plan):
    with pytest.raises(EditError, match="完成时间"):
        UpdateActivity(sample_plan.schedule[0].id, {"done_on": "下个月"})


def test_interchange_keys_are_optional_and_round_trip(sample_plan):
    plain = plan_to_dict(sample_plan)
    assert all("done_on" not in a and "outcome" not in a for a in plain["schedule"])
    assert "kind" not in plain["meta"]
    sample_plan.schedule[0].done_on = "2025-03"
    sample_plan.schedule[0].outcome = "开展活动3场"
    sample_plan.meta.kind = "summary"
    data = plan_to_dict(sample_plan)
    assert data["schedule"][0]["done_on"] == "2025-03"
    assert data["schedule"][0]["outcome"] == "开展活动3场"
    assert data["meta"]["kind"] == "summary"
    assert data["version"] == 1
    again = loads(dumps(sample_plan))
    assert again.schedule[0].outcome == "开展活动3场" and again.meta.kind == "summary"
    assert dumps(again) == dumps(sample_plan)


@pytest.mark.parametrize("where, value, message", [
    ("done_on", "2025-3-8", "done_on"), ("done_on", 202503, "done_on"),
    ("outcome", 5, "outcome"), ("kind", "report", "meta.kind"),
])
def test_interchange_refuses_bad_values(sample_plan, where, value, message):
    data = plan_to_dict(sample_plan)
    if where == "kind":
        data["meta"]["kind"] = value
    else:
        data["schedule"][0][where] = value
    with pytest.raises(PlanFormatError, match=message):
        loads(json.dumps(data, ensure_ascii=False))


def test_outcome_is_searched_and_checked_like_other_text(sample_plan):
    activity = sample_plan.schedule[0]
    activity.outcome = "参加人数【填写】"
    assert any(loc.field == "outcome" and text == "参加人数【填写】" for loc, text in iter_texts(sample_plan))
    assert any(p.location.field == "outcome" for p in find_placeholders(sample_plan))


def test_rollover_clears_what_was_done(sample_plan):
    for activity in sample_plan.schedule:
        activity.done, activity.done_on, activity.outcome = True, "2025-05", "完成"
    sample_plan.meta.kind = "summary"
    new_plan, _ = rollover(sample_plan, sample_plan.meta.year + 1)
    assert all(not a.done and a.done_on == "" and a.outcome == "" for a in new_plan.schedule)
    assert new_plan.meta.kind == "plan"


def test_year_progress_counts_done_planned_and_overdue():
    from planner_gui.core.period import Period
    from planner_gui.core.plan import Activity, Meta, Plan
    from planner_gui.core.progress import is_overdue, overdue_activities, year_progress

    plan = Plan(meta=Meta(year=2025, period=Period.for_kind("calendar_year", 2025)), schedule=[
        Activity("a1", ["2025-03"], "x", done=True),
        Activity("a2", ["2025-03"], "y"),
        Activity("a3", ["2025-05", "2025-06"], "z"),
        Activity("a4", ["2025-06"], "w", done=True),
        Activity("a5", [], "全年的事"),
    ])
    progress = year_progress(plan, "2025-06")
    assert (progress.planned, progress.done, progress.overdue, progress.undone) == (5, 2, 1, 3)
    months = {m.month: (m.done, m.planned, m.overdue) for m in progress.months}
    assert len(months) == 12
    assert months["2025-03"] == (1, 2, 1)
    assert months["2025-05"] == (0, 1, 0)         # its last month (六月) has not passed
    assert months["2025-06"] == (1, 2, 0)
    assert months["2025-01"] == (0, 0, 0)
    assert [a.id for a in overdue_activities(plan, "2025-07")] == ["a2", "a3"]
    assert not is_overdue(plan.schedule[4], "2099-01")   # 全年 items are never overdue
