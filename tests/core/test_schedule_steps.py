"""core.schedule's one-step edits over several activities (duplicate, give
months, drag into a month) and the plan's change of year.

The several-activity builders used to chain their edits over a deep copy of
the whole plan; they now chain over ids and months only. The reference
implementations below are that old way, and the properties check the new
builders give exactly the same edits on any schedule."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.core import schedule as sch
from planner_gui.core.edits import Batch, Edit, apply_edit
from planner_gui.core.period import Period
from planner_gui.core.plan import Activity, Meta, Plan, Section

# --- the old way, kept as the reference ----------------------------------------------


def legacy_sequence(plan, builder, ids):
    plan = copy.deepcopy(plan)
    edits, results = [], []
    for ident in ids:
        built = builder(plan, ident)
        edit, result = built if isinstance(built, tuple) else (built, None)
        if edit is None:
            continue
        apply_edit(plan, edit)
        edits.append(edit)
        results.append(result)
    if not edits:
        return None, []
    return (edits[0] if len(edits) == 1 else Batch(edits)), results


def legacy_move(plan, ids, key, position=-1):
    plan = copy.deepcopy(plan)
    edits = []
    pos = None if position is None or position < 0 else position
    for ident in ids:
        activity = plan.find_activity(ident)
        if activity is None:
            continue
        if pos is not None and sch.group_key(activity) == key:
            if sch.position_in_group(plan, ident) < pos:
                pos -= 1
        edit = sch.move_to_group_edit(plan, ident, key, pos)
        if edit is not None:
            apply_edit(plan, edit)
            edits.append(edit)
        if pos is not None:
            pos = sch.position_in_group(plan, ident) + 1
    if not edits:
        return None
    return edits[0] if len(edits) == 1 else Batch(edits)


# --- plans ------------------------------------------------------------------------------

def make_plan(activities, kind="calendar_year", year=2025, title="2025年某某工会工作计划") -> Plan:
    plan = Plan(meta=Meta(title=title, year=year, period=Period.for_kind(kind, year)),
                sections=[Section("s1", "加强学习", ["正文"])])
    plan.schedule = [Activity(f"a{i + 1}", list(months), f"活动{i + 1}", f"负责人{i + 1}",
                              done=i % 2 == 0, section="s1" if i % 3 == 0 else None)
                     for i, months in enumerate(activities)]
    return plan


MONTHS = ["2025-01", "2025-03", "2025-04", "2025-12", "2024-11", "2026-02"]   # two outside 2025


@st.composite
def months_of_one(draw):
    if draw(st.integers(0, 4)) == 0:
        return []
    first = draw(st.sampled_from(MONTHS))
    length = draw(st.integers(1, 3))
    year, month = map(int, first.split("-"))
    out = []
    for step in range(length):
        total = year * 12 + month - 1 + step
        out.append(f"{total // 12}-{total % 12 + 1:02d}")
    return out


@st.composite
def plan_and_ids(draw):
    activities = draw(st.lists(months_of_one(), min_size=1, max_size=9))
    plan = make_plan(activities)
    plan.schedule.sort(key=lambda a: sch._sort_key(a.months))   # the editor keeps month order
    known = [a.id for a in plan.schedule]
    ids = draw(st.lists(st.sampled_from(known + ["a99"]), min_size=1, max_size=4, unique=True))
    return plan, ids


def applied(plan: Plan, edit: Edit | None) -> Plan:
    plan = copy.deepcopy(plan)
    if edit is not None:
        apply_edit(plan, edit)
    return plan


@pytest.fixture
def no_deep_copy(monkeypatch):
    """The builders must not copy the plan: a deep copy fails the test."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("the plan was deep-copied")
    monkeypatch.setattr(copy, "deepcopy", refuse)


# --- moving several activities into a month -----------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_and_ids(), st.sampled_from(MONTHS + [sch.NO_MONTH]), st.integers(-1, 5))
def test_move_activities_edit_is_what_the_copying_builder_made(case, key, position):
    plan, ids = case
    before = copy.deepcopy(plan)
    expected = legacy_move(plan, ids, key, position)
    edit = sch.move_activities_edit(plan, ids, key, position)
    assert edit == expected
    assert plan == before                                  # building changes nothing
    assert applied(plan, edit) == applied(plan, expected)


def test_dragging_two_activities_down_their_month_keeps_them_in_order(no_deep_copy):
    plan = make_plan([["2025-03"], ["2025-03"], ["2025-03"], ["2025-03"]])
    edit = sch.move_activities_edit(plan, ["a1", "a2"], "2025-03", 4)   # below the last row
    apply_edit(plan, edit)
    assert [a.id for a in plan.schedule] == ["a3", "a4", "a1", "a2"]


def test_dragging_into_another_month_keeps_spans_and_fields(no_deep_copy):
    plan = make_plan([["2025-03", "2025-04"], ["2025-12"], ["2025-04"]])
    edit = sch.move_activities_edit(plan, ["a2", "a1"], "2025-04", 0)
    apply_edit(plan, edit)
    assert [(a.id, a.months) for a in plan.schedule] == [
        ("a2", ["2025-04"]), ("a1", ["2025-04", "2025-05"]), ("a3", ["2025-04"])]
    assert plan.find_activity("a1").text == "活动1" and plan.find_activity("a1").done


def test_moving_nothing_anywhere_is_no_edit(no_deep_copy):
    plan = make_plan([["2025-03"], []])
    assert sch.move_activities_edit(plan, ["a99"], "2025-03") is None
    assert sch.move_activities_edit(plan, ["a1"], "2025-03") is None   # already at its month's end
    assert sch.move_activities_edit(plan, ["a2"], sch.NO_MONTH, None) is None


# --- giving several activities months ---------------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_and_ids(), months_of_one())
def test_set_months_of_edit_is_what_the_copying_builder_made(case, months):
    plan, ids = case
    ids = [i for i in ids if plan.find_activity(i) is not None]
    before = copy.deepcopy(plan)
    expected, _ = legacy_sequence(plan, lambda p, i: sch.set_months_edit(p, i, months), ids)
    edit = sch.set_months_of_edit(plan, ids, months)
    assert edit == expected
    assert plan == before
    assert applied(plan, edit) == applied(plan, expected)


def test_set_months_of_several_is_one_step_in_month_order(no_deep_copy):
    plan = make_plan([["2025-01"], ["2025-03"], ["2025-12"], []])
    edit = sch.set_months_of_edit(plan, ["a4", "a1"], ["2025-04"])
    assert isinstance(edit, Batch)
    inverse, _ = apply_edit(plan, edit)
    assert [(a.id, a.months) for a in plan.schedule] == [
        ("a2", ["2025-03"]), ("a4", ["2025-04"]), ("a1", ["2025-04"]), ("a3", ["2025-12"])]
    apply_edit(plan, inverse)
    assert [(a.id, a.months) for a in plan.schedule] == [
        ("a1", ["2025-01"]), ("a2", ["2025-03"]), ("a3", ["2025-12"]), ("a4", [])]
    assert sch.set_months_of_edit(plan, ["a2"], ["2025-03"]) is None
    with pytest.raises(KeyError):
        sch.set_months_of_edit(plan, ["a99"], ["2025-03"])


# --- duplicating several activities -------------------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_and_ids())
def test_duplicate_activities_edit_is_what_the_copying_builder_made(case):
    plan, ids = case
    ids = [i for i in ids if plan.find_activity(i) is not None]
    before = copy.deepcopy(plan)
    expected, expected_ids = legacy_sequence(plan, sch.duplicate_edit, ids)
    edit, new_ids = sch.duplicate_activities_edit(plan, ids)
    assert (edit, new_ids) == (expected, expected_ids)
    assert plan == before
    assert applied(plan, edit) == applied(plan, expected)


def test_duplicates_follow_their_originals_with_fresh_ids(no_deep_copy):
    plan = make_plan([["2025-03"], ["2025-03"], ["2025-04"]])
    edit, new_ids = sch.duplicate_activities_edit(plan, ["a3", "a1"])
    assert new_ids == ["a4", "a5"]
    apply_edit(plan, edit)
    assert [a.id for a in plan.schedule] == ["a1", "a5", "a2", "a3", "a4"]
    copy_of_a1 = plan.find_activity("a5")
    assert (copy_of_a1.text, copy_of_a1.owner, copy_of_a1.section, copy_of_a1.done) == \
        ("活动1", "负责人1", "s1", False)
    assert plan.find_activity("a1").done                   # the original keeps its mark
    assert sch.duplicate_activities_edit(plan, []) == (None, [])
    with pytest.raises(KeyError):
        sch.duplicate_activities_edit(plan, ["a99"])


# --- the plan moves to another year -----------------------------------------------------

def test_year_change_moves_period_months_and_title_in_one_undoable_edit():
    plan = make_plan([["2025-03"], ["2025-12", "2026-01"], []], title="2025年某某工会2025年度工作计划")
    original = copy.deepcopy(plan)
    edit = sch.year_change_edit(plan, 2026)
    assert plan == original                                # building changes nothing
    inverse, _ = apply_edit(plan, edit)
    assert plan.meta.year == 2026
    assert plan.meta.period == Period.for_kind("calendar_year", 2026)
    assert plan.meta.title == "2026年某某工会2026年度工作计划"
    assert [a.months for a in plan.schedule] == [["2026-03"], ["2026-12", "2027-01"], []]
    assert [a.text for a in plan.schedule] == [a.text for a in original.schedule]
    apply_edit(plan, inverse)
    assert plan == original


def test_year_change_backwards_in_a_school_year_and_a_title_without_the_year():
    plan = make_plan([["2025-09"], ["2026-03"]], kind="school_year", title="某某中学工会工作计划")
    apply_edit(plan, sch.year_change_edit(plan, 2023))
    assert plan.meta.year == 2023
    assert plan.meta.period == Period.for_kind("school_year", 2023)
    assert plan.meta.title == "某某中学工会工作计划"
    assert [a.months for a in plan.schedule] == [["2023-09"], ["2024-03"]]


def test_year_change_edit_is_a_meta_change_then_one_update_per_dated_activity():
    plan = make_plan([["2025-03"], [], ["2025-05"]], title="工作计划")
    edit = sch.year_change_edit(plan, 2027)
    assert isinstance(edit, Batch)
    kinds = [type(e).__name__ for e in edit.edits]
    assert kinds == ["SetMeta", "UpdateActivity", "UpdateActivity"]
    assert edit.edits[0].changes == {"year": 2027, "period": Period.for_kind("calendar_year", 2027)}
