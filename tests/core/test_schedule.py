"""core.schedule: grouping by the period's months, tidy inserts and moves,
re-filing when the period changes, the year's load; and the activity library."""

from __future__ import annotations

import json

import pytest

from planner_gui.core import activity_library as lib
from planner_gui.core import schedule as sch
from planner_gui.core.edits import Batch, SetMeta, apply_edit
from planner_gui.core.interchange import dumps, loads
from planner_gui.core.period import Period
from planner_gui.core.plan import Activity, Meta, Plan, Section


def make_plan(kind="calendar_year", year=2025, activities=()) -> Plan:
    plan = Plan(meta=Meta(title="计划", year=year, period=Period.for_kind(kind, year)),
                sections=[Section("s1", "加强学习", [], [Section("s1.1", "组织学习")]),
                          Section("s2", "关爱职工")])
    plan.schedule = [Activity(*a) if isinstance(a, tuple) else a for a in activities]
    return plan


def ids(plan, key):
    return [a.id for a in sch.group_members(plan, key)]


# --- grouping ------------------------------------------------------------------------

def test_school_year_groups_in_period_order_with_anytime_last():
    plan = make_plan("school_year", 2025, [("a1", ["2026-03"], "三八"), ("a2", ["2025-09"], "教师节"),
                                           ("a3", [], "日常帮扶")])
    groups = sch.group_activities(plan)
    assert [g.label for g in groups][:5] == ["九月", "十月", "十一月", "十二月", "次年元月"]
    assert groups[-1].kind == sch.ANYTIME and groups[-1].label == "全年"
    assert groups[-1].activity_ids == ("a3",)
    assert len(groups) == 13
    by_key = {g.key: g.activity_ids for g in groups}
    assert by_key["2025-09"] == ("a2",) and by_key["2026-03"] == ("a1",)
    assert by_key["2025-10"] == ()  # an empty month is still a group


def test_semester_and_half_year_months():
    assert [g.label for g in sch.group_activities(make_plan("semester"))] == \
        ["九月", "十月", "十一月", "十二月", "次年元月", "全年"]
    assert [g.label for g in sch.group_activities(make_plan("second_half"))][:6] == \
        ["七月", "八月", "九月", "十月", "十一月", "十二月"]


def test_span_is_filed_once_under_its_first_month():
    plan = make_plan(activities=[("a1", ["2025-07", "2025-08"], "送清凉")])
    groups = {g.key: g.activity_ids for g in sch.group_activities(plan)}
    assert groups["2025-07"] == ("a1",) and groups["2025-08"] == ()
    assert sch.months_label(["2025-07", "2025-08"], plan.meta.period) == "七至八月"


def test_outside_months_get_their_own_group_at_the_end():
    plan = make_plan(activities=[("a1", ["2024-12"], "去年的"), ("a2", ["2025-03"], "三月")])
    groups = sch.group_activities(plan)
    assert groups[-1].kind == sch.OUTSIDE and groups[-1].activity_ids == ("a1",)
    assert groups[-2].kind == sch.ANYTIME
    assert [a.id for a in sch.outside_activities(plan)] == ["a1"]


def test_numbering_within_a_month():
    assert [sch.item_number(i) for i in range(3)] == ["1、", "2、", "3、"]


@pytest.mark.parametrize("text, months", [
    ("三月", ["2025-03"]), ("三月份", ["2025-03"]), ("七至八月", ["2025-07", "2025-08"]),
    ("一、二月", ["2025-01", "2025-02"]), ("全年", []), ("长期", []), ("", []),
    ("2025-03", ["2025-03"]), ("2025-07至2025-08", ["2025-07", "2025-08"]),
])
def test_parse_months_text(text, months):
    assert sch.parse_months_text(text, Period.for_kind("calendar_year", 2025)) == months


def test_parse_months_text_in_a_school_year_and_refusals():
    school = Period.for_kind("school_year", 2025)
    assert sch.parse_months_text("次年元月", school) == ["2026-01"]
    assert sch.parse_months_text("元月", school) == ["2026-01"]
    assert sch.parse_months_text("十二月至次年二月", school) == ["2025-12", "2026-01", "2026-02"]
    for bad in ("不是月份", "三月开会", "2025-13", "一、"):
        assert sch.parse_months_text(bad, school) is None


# --- inserting and moving -----------------------------------------------------------------

def sample() -> Plan:
    return make_plan(activities=[("a1", ["2025-01"], "一"), ("a2", ["2025-03"], "三甲"),
                                 ("a3", ["2025-03"], "三乙"), ("a4", ["2025-09"], "九"), ("a5", [], "全年")])


def test_insert_keeps_schedule_in_month_order():
    plan = sample()
    edit, new = sch.new_activity_edit(plan, ["2025-05"], text="五月")
    apply_edit(plan, edit)
    assert [a.id for a in plan.schedule] == ["a1", "a2", "a3", new, "a4", "a5"]
    edit, first = sch.new_activity_edit(plan, ["2025-03"], position=0, text="三月第一")
    apply_edit(plan, edit)
    assert ids(plan, "2025-03") == [first, "a2", "a3"]
    edit, last = sch.new_activity_edit(plan, [], text="又一个全年")
    apply_edit(plan, edit)
    assert plan.schedule[-1].id == last


def test_insert_several_drafts_gives_fresh_ids_in_order():
    plan = sample()
    drafts = [Activity("x", ["2025-03"], "甲"), Activity("x", ["2025-03"], "乙"), Activity("x", [], "丙")]
    edit, new = sch.insert_activities_edit(plan, drafts, position=0)
    apply_edit(plan, edit)
    assert len(set(new)) == 3 and not set(new) & {"a1", "a2", "a3", "a4", "a5"}
    assert ids(plan, "2025-03") == [new[0], new[1], "a2", "a3"]
    assert ids(plan, "") == ["a5", new[2]]


def test_move_within_month_and_its_limits():
    plan = sample()
    apply_edit(plan, sch.move_within_group_edit(plan, "a3", -1))
    assert ids(plan, "2025-03") == ["a3", "a2"]
    assert sch.move_within_group_edit(plan, "a3", -1) is None
    assert sch.move_within_group_edit(plan, "a2", 1) is None
    apply_edit(plan, sch.move_within_group_edit(plan, "a3", 1))
    assert ids(plan, "2025-03") == ["a2", "a3"]


def test_move_to_another_month_keeps_order_and_span_length():
    plan = sample()
    plan.find_activity("a2").months = ["2025-03", "2025-04"]
    edit = sch.move_to_group_edit(plan, "a2", "2025-09", position=0)
    assert isinstance(edit, Batch)
    apply_edit(plan, edit)
    assert plan.find_activity("a2").months == ["2025-09", "2025-10"]
    assert [a.id for a in plan.schedule] == ["a1", "a3", "a2", "a4", "a5"]
    apply_edit(plan, sch.move_to_group_edit(plan, "a2", sch.NO_MONTH))
    assert plan.find_activity("a2").months == [] and plan.schedule[-1].id == "a2"


def test_set_months_edit_is_undoable():
    plan = sample()
    before = dumps(plan)
    inverse, _ = apply_edit(plan, sch.set_months_edit(plan, "a1", ["2025-07", "2025-08"]))
    assert plan.find_activity("a1").months == ["2025-07", "2025-08"]
    apply_edit(plan, inverse)
    assert dumps(plan) == before
    assert sch.set_months_edit(plan, "a1", ["2025-01"]) is None


def test_duplicate_follows_the_original_and_is_not_done():
    plan = sample()
    plan.find_activity("a2").done = True
    edit, new = sch.duplicate_edit(plan, "a2")
    apply_edit(plan, edit)
    assert ids(plan, "2025-03") == ["a2", new, "a3"]
    copy = plan.find_activity(new)
    assert copy.text == "三甲" and copy.done is False


def test_remove_several_is_one_edit():
    plan = sample()
    edit = sch.remove_activities_edit(plan, ["a2", "a4", "nope"])
    assert isinstance(edit, Batch)
    apply_edit(plan, edit)
    assert [a.id for a in plan.schedule] == ["a1", "a3", "a5"]
    assert sch.remove_activities_edit(plan, ["nope"]) is None


# --- the period changes ------------------------------------------------------------------------

def test_refile_calendar_to_school_year_by_calendar_month():
    plan = sample()
    new_period = Period.for_kind("school_year", 2025)
    edit, outside = sch.refile_for_period(plan, new_period)
    assert isinstance(edit, Batch) and isinstance(edit.edits[0], SetMeta)
    assert outside == []
    apply_edit(plan, edit)
    assert plan.meta.period == new_period
    assert plan.find_activity("a1").months == ["2026-01"]   # 一月 stays 一月: next January
    assert plan.find_activity("a2").months == ["2026-03"]
    assert plan.find_activity("a4").months == ["2025-09"]
    assert plan.find_activity("a5").months == []
    # plan.schedule reads in calendar order again, order inside a month kept
    assert [a.id for a in plan.schedule] == ["a4", "a1", "a2", "a3", "a5"]


def test_refile_reports_but_keeps_what_falls_outside():
    plan = sample()
    before = dumps(plan)
    edit, outside = sch.refile_for_period(plan, Period.for_kind("second_half", 2025), {"year": 2025})
    assert sorted(a.id for a in outside) == ["a1", "a2", "a3"]
    inverse, _ = apply_edit(plan, edit)
    assert len(plan.schedule) == 5
    assert plan.find_activity("a2").months == ["2025-03"]  # kept as it was
    assert {a.id for a in sch.outside_activities(plan)} == {"a1", "a2", "a3"}
    apply_edit(plan, inverse)
    assert dumps(plan) == before


def test_refile_moves_a_plan_to_next_year():
    plan = sample()
    edit, outside = sch.refile_for_period(plan, Period.for_kind("calendar_year", 2026), {"year": 2026})
    apply_edit(plan, edit)
    assert outside == [] and plan.meta.year == 2026
    assert [a.months for a in plan.schedule] == [["2026-01"], ["2026-03"], ["2026-03"], ["2026-09"], []]


def test_refile_span_across_new_year():
    plan = make_plan("school_year", 2025, [("a1", ["2025-12", "2026-01"], "跨年")])
    edit, _ = sch.refile_for_period(plan, Period.for_kind("calendar_year", 2026))
    apply_edit(plan, edit)
    assert plan.find_activity("a1").months == ["2026-01", "2026-12"]


def test_refile_without_changes_is_only_the_period():
    plan = sample()
    edit, outside = sch.refile_for_period(plan, plan.meta.period)
    assert len(edit.edits) == 1 and outside == []


# --- the year at a glance --------------------------------------------------------------------------

def test_month_load_marks_empty_and_crowded_months():
    activities = [(f"a{i}", ["2025-03"], "三月") for i in range(6)]
    activities += [("b1", ["2025-04", "2025-05"], "跨月"), ("b2", ["2025-05"], "五月"), ("c", [], "全年")]
    loads = {m.key: m for m in sch.month_load(make_plan(activities=activities))}
    assert loads["2025-03"].count == 6 and loads["2025-03"].state == sch.CROWDED
    assert loads["2025-04"].count == 1 and loads["2025-04"].state == sch.NORMAL
    assert loads["2025-05"].count == 2
    assert loads["2025-01"].state == sch.EMPTY and loads["2025-01"].label == "一月"


def test_crowded_threshold():
    assert sch.crowded_threshold([0, 0]) == 5
    assert sch.crowded_threshold([1, 1, 1]) == 5
    assert sch.crowded_threshold([4, 4, 4, 4]) == 6


# --- sections ---------------------------------------------------------------------------------------

def test_section_choices_and_family():
    plan = make_plan()
    assert sch.section_choices(plan) == [("s1", "一、加强学习", 1), ("s1.1", "（一）组织学习", 2),
                                         ("s2", "二、关爱职工", 1)]
    assert sch.section_family(plan, "s1") == {"s1", "s1.1"}
    assert sch.section_family(plan, None) == set()
    assert sch.section_family(plan, "gone") == set()


# --- every activity field survives dump/load ---------------------------------------------------------

def test_round_trip_of_every_activity_field():
    plan = make_plan("school_year", 2025, [
        Activity("a1", ["2025-09"], "庆祝教师节，表彰“师德标兵”", "工会委员会", "备注：全体教职工", "s1", True),
        Activity("a2", ["2026-07", "2026-08"], "暑期疗休养\n分两批", "工会主席", "", "s1.1", False),
        Activity("a3", [], "日常帮扶😀", "", "长期", None, False),
    ])
    edit, _ = sch.new_activity_edit(plan, ["2026-01"], text="次年元月的活动", owner="女工委员会", section="s2")
    apply_edit(plan, edit)
    again = loads(dumps(plan))
    assert again.schedule == plan.schedule
    assert dumps(again) == dumps(plan)
    data = json.loads(dumps(plan))["schedule"]
    assert set(data[0]) == {"id", "months", "text", "owner", "note", "section", "done"}


# --- the activity library -------------------------------------------------------------------------------

def test_shipped_library_reads_and_covers_the_year(tmp_path):
    from planner_gui import resources

    entries, message = lib.load_library(resources.path("activities.json"), tmp_path / "none.json")
    assert message == ""
    names = {e.name for e in entries}
    for wanted in ("元旦", "春节送温暖", "三八节", "植树节", "五一", "五四", "六一", "七一", "夏季送清凉",
                   "金秋助学", "教师节", "中秋", "国庆", "重阳", "年终总结", "职代会", "教代会", "会员体检",
                   "困难职工慰问"):
        assert wanted in names, wanted
    months = {m for e in entries for m in e.months}
    assert months == set(range(1, 13))


def test_library_entry_in_a_period():
    entry = lib.LibraryEntry("x", "三八", "庆三八", (3,))
    assert entry.months_in(Period.for_kind("school_year", 2025)) == ["2026-03"]
    assert entry.months_in(Period.for_kind("second_half", 2025)) is None
    assert entry.draft(Period.for_kind("second_half", 2025)) is None
    anytime = lib.LibraryEntry("y", "帮扶", "日常帮扶", ())
    assert anytime.draft(Period.for_kind("semester", 2025)).months == []
    assert entry.suits_kind("school") and entry.suits_kind(None)
    assert not lib.LibraryEntry("z", "护士节", "t", (5,), suits=("hospital",)).suits_kind("school")


def test_user_entries_merge_save_and_survive_a_broken_file(tmp_path):
    from planner_gui import resources

    builtin = resources.path("activities.json")
    user = tmp_path / "sub" / "activities.json"
    entries, _ = lib.load_library(builtin, user)
    mine = lib.entry_from_activity(Activity("a1", ["2025-05", "2025-06"], "教职工气排球赛", "各工会小组"), entries)
    assert mine.user and mine.months == (5, 6) and mine.id == "user-1"
    user.parent.mkdir()
    user.write_text(lib.library_text([mine]), encoding="utf-8")
    merged, message = lib.load_library(builtin, user)
    assert message == "" and merged[-1] == mine and len(merged) == len(entries) + 1
    user.write_text("{not json", encoding="utf-8")
    again, message = lib.load_library(builtin, user)
    assert len(again) == len(entries) and "已忽略" in message


@pytest.mark.parametrize("text", [
    '{"format": "other", "activities": []}',
    '{"format": "activity-library", "activities": [{"id": "a"}]}',
    '{"format": "activity-library", "activities": [{"id": "a", "text": "t", "months": [13]}]}',
    '{"format": "activity-library", "activities": [{"id": "a", "text": "t", "suits": ["bank"]}]}',
    '{"format": "activity-library", "activities": [{"id": "a", "text": "t"}, {"id": "a", "text": "u"}]}',
])
def test_bad_library_files_are_refused_with_a_message(text):
    with pytest.raises(lib.LibraryError) as info:
        lib.parse_library(text)
    assert str(info.value)


def test_shelves_follow_the_period_and_kind():
    entries = [lib.LibraryEntry("a", "元旦", "t", (1,)), lib.LibraryEntry("b", "教师节", "t", (9,), suits=("school",)),
               lib.LibraryEntry("c", "帮扶", "t", ())]
    school = Period.for_kind("school_year", 2025)
    assert [s.month for s in lib.shelves(entries, school)] == [9, 1, None]
    assert [s.month for s in lib.shelves(entries, school, "enterprise")] == [1, None]
    half = Period.for_kind("second_half", 2025)
    assert [s.month for s in lib.shelves(entries, half)] == [9, None, 1]

