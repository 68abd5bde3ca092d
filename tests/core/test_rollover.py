"""Rolling last year's plan forward: what changes by itself, what is listed,
and that forward-then-back gives the original text."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.core.anniversaries import load_rules, rules_from_dict
from planner_gui.core.edits import Batch, apply_edit
from planner_gui.core.locations import iter_texts, text_at
from planner_gui.core.period import Period
from planner_gui.core.plan import Activity, Meta, Plan, Section
from planner_gui.core.rollover import (AUTO, REVIEW, StaleChangeError, auto_changes, changes_to_edit,
                                       five_year_plan_of, propose, rollover)


def make_plan(year=2025, kind="calendar_year", preamble=(), heading="加强工会自身建设", body=(),
              activities=(), title=None):
    plan = Plan(meta=Meta(title=title if title is not None else f"{year}年某某中学工会工作计划",
                          organization="某某中学工会", year=year,
                          period=Period.for_kind(kind, year), signature="某某中学工会委员会",
                          date=f"{year}-02-20"))
    plan.preamble = list(preamble)
    plan.sections = [Section("s1", heading, list(body), [])]
    plan.schedule = [Activity(f"a{i + 1}", months, text, done=True)
                     for i, (months, text) in enumerate(activities)]
    return plan


def texts(plan):
    return [text for _, text in iter_texts(plan)]


def accept(plan, changes):
    apply_edit(plan, changes_to_edit(plan, changes))
    return plan


def roll(plan, year, which=auto_changes):
    new_plan, changes = rollover(plan, year)
    return accept(new_plan, which(changes))


def one(text, new_year=2026, **kwargs):
    """The changes proposed for a single preamble paragraph."""
    return propose(make_plan(preamble=[text], title="", **kwargs), new_year)


def pairs(changes):
    return [(c.before, c.after, c.kind) for c in changes]


# --- the rules, one by one -----------------------------------------------------

@pytest.mark.parametrize("text, before, after", [
    ("2025年工作要点", "2025", "2026"),
    ("2025 年度", "2025", "2026"),
    ("二〇二五年工会工作计划", "二〇二五", "二〇二六"),
    ("二零二五年", "二零二五", "二零二六"),
    ("2025-2026学年", "2025-2026", "2026-2027"),
    ("2025—2026学年度", "2025—2026", "2026—2027"),
    ("2024——2025学年第二学期", "2024——2025", "2025——2026"),
    ("2025-26学年", "2025-26", "2026-27"),
    ("二〇二五—二〇二六学年", "二〇二五—二〇二六", "二〇二六—二〇二七"),
    ("2025学年第一学期", "2025", "2026"),
    ("2025年—2026年", "2025年—2026", "2026年—2027"),
    ("2025/2026学年", "2025/2026", "2026/2027"),
])
def test_own_years_move_automatically(text, before, after):
    assert pairs(one(text)) == [(before, after, AUTO)]


@pytest.mark.parametrize("text", [
    "2019年习近平总书记指出", "1985年设立教师节", "二〇一九年", "共2025人次参加",
    "GB/T 9704-2012", "20xx年工会工作", "2030年远景目标", "2025-12月",
])
def test_other_years_are_not_touched(text):
    assert one(text) == []


def test_neighbouring_years_are_listed_with_a_suggestion():
    assert pairs(one("2024年我校获评先进")) == [("2024", "2025", REVIEW)]
    assert pairs(one("为2026年打好基础")) == [("2026", "2027", REVIEW)]


def test_school_year_plan_owns_both_years():
    changes = one("2026年1月召开教代会，2027年再议", kind="school_year")
    assert pairs(changes) == [("2026", "2027", AUTO), ("2027", "2028", REVIEW)]


@pytest.mark.parametrize("text, before, after", [
    ("庆祝第41个教师节", "41", "42"),
    ("第四十一个教师节", "四十一", "四十二"),
    ("第115个“三八”国际妇女节", "115", "116"),
    ("第一百一十五个“三八”妇女节", "一百一十五", "一百一十六"),
    ("建党104周年", "104", "105"),
    ("中国共产党成立一百零四周年", "一百零四", "一百零五"),
    ("五四运动106周年", "106", "107"),
    ("新中国成立76周年", "76", "77"),
    ("改革开放47周年", "47", "48"),
    ("第136个“五一”国际劳动节", "136", "137"),
])
def test_anniversaries_are_recounted(text, before, after):
    assert pairs(one(text)) == [(before, after, AUTO)]


def test_anniversary_figures_for_2026_match_the_brief():
    """For a 2026 plan: 第42个教师节, 第116个三八, 建党105, 五四107, 新中国77, 改革开放48."""
    rules = load_rules()
    counts = {e.name: e.count_in(2026) for e in rules.events}
    assert counts["教师节"] == 42
    assert counts["“三八”国际妇女节"] == 116
    assert counts["中国共产党成立"] == 105
    assert counts["五四运动"] == 107
    assert counts["中华人民共和国成立"] == 77
    assert counts["改革开放"] == 48
    assert counts["“五一”国际劳动节"] == 137


def test_a_wrong_count_is_listed_not_changed():
    assert pairs(one("庆祝第40个教师节")) == [("40", "42", REVIEW)]


def test_counts_follow_the_calendar_year_inside_a_school_year():
    # 2025-09 … 2026-08: 教师节 falls in 2025 (41st), “三八” in 2026 (116th)
    changes = one("第41个教师节，第116个“三八”妇女节", kind="school_year")
    assert pairs(changes) == [("41", "42", AUTO), ("116", "117", AUTO)]


def test_rule_table_is_data():
    rules = rules_from_dict({"ordinal": [{"name": "校庆", "first": 1950, "month": 10, "keywords": ["校庆"]}]})
    changes = propose(make_plan(preamble=["迎接第76个校庆日"], title=""), 2026, rules)
    assert pairs(changes) == [("76", "77", AUTO)]


@pytest.mark.parametrize("text, before, after", [
    ("召开五届五次教职工代表大会", "五届五次", None),
    ("召开第五届第二次会员代表大会", "第五届第二次", None),
    ("召开镇职工代表大会第二次会议", "第二次会议", None),
    ("参加区第十一届教职工运动会", "第十一届", "第十二届"),
    ("贯彻党的二十届三中全会精神", "二十届三中全会", None),
    ("2月28日前完成", "2月28日", None),
    ("二月二十八日召开", "二月二十八日", None),
    ("2025年3月5日学雷锋", "2025年3月5日", "2026年3月5日"),
    ("2025.3.5开展活动", "2025.3.5", "2026.3.5"),
    ("今年是收官之年", "收官之年", None),
])
def test_review_items(text, before, after):
    changes = one(text)
    assert pairs(changes) == [(before, after, REVIEW)]
    assert changes[0].reason


def test_well_known_festival_dates_are_not_listed():
    assert one("3月8日妇女节、10月1日国庆节") == []


def test_five_year_plan_names_only_near_their_boundary():
    assert pairs(one("“十四五”规划")) == [("十四五", "十五五", REVIEW)]
    assert pairs(one("谋划“十五五”")) == [("十五五", None, REVIEW)]
    assert one("“十四五”规划", new_year=2024, year=2023) == []
    assert five_year_plan_of(2025) == 14 and five_year_plan_of(2026) == 15


def test_last_years_figures_are_listed():
    changes = one("去年全校共有120人次参加培训，完成率98%。今年计划培训200人次。")
    assert pairs(changes) == [("120人次", None, REVIEW), ("98%", None, REVIEW)]


# --- the plan as a whole -------------------------------------------------------

def sample():
    return make_plan(
        preamble=["2025年是“十四五”规划收官之年，也是建党104周年。去年共培训53人次。"],
        heading="庆祝第41个教师节，开好五届五次教代会",
        body=["2025年3月5日开展学雷锋活动；二〇二五年度考核。", "引用2019年的讲话。"],
        activities=[(["2025-03"], "庆祝第115个“三八”国际妇女节"), (["2025-07", "2025-08"], "暑期送清凉"),
                    ([], "日常帮扶")])


def test_rollover_moves_period_schedule_and_clears_marks():
    old = sample()
    before = copy.deepcopy(old)
    new, changes = rollover(old, 2026)
    assert old == before, "the old plan is never changed"
    assert new.meta.year == 2026
    assert new.meta.period == Period.for_kind("calendar_year", 2026)
    assert new.meta.date is None
    assert [a.months for a in new.schedule] == [["2026-03"], ["2026-07", "2026-08"], []]
    assert not any(a.done for a in new.schedule)
    assert texts(new) == texts(old), "text is changed only when the user accepts"
    kinds = {(c.rule, c.kind) for c in changes}
    assert {("年份", AUTO), ("纪念日届数", AUTO), ("五年规划", REVIEW), ("年度定性", REVIEW),
            ("去年的数字", REVIEW), ("届次", REVIEW), ("具体日期", REVIEW)} <= kinds


def test_every_rule_applied_and_every_review_item_listed():
    new = roll(sample(), 2026)
    assert new.meta.title == "2026年某某中学工会工作计划"
    assert new.preamble == ["2026年是“十四五”规划收官之年，也是建党105周年。去年共培训53人次。"]
    section = new.sections[0]
    assert section.heading == "庆祝第42个教师节，开好五届五次教代会"
    assert section.body == ["2025年3月5日开展学雷锋活动；二〇二六年度考核。", "引用2019年的讲话。"]
    assert new.schedule[0].text == "庆祝第116个“三八”国际妇女节"


def test_school_year_plan_rolls_its_period():
    old = make_plan(kind="school_year", title="2025—2026学年度第一学期工会工作计划",
                    activities=[(["2025-09"], "庆祝第41个教师节"), (["2026-01"], "寒假慰问")])
    new = roll(old, 2026)
    assert new.meta.title == "2026—2027学年度第一学期工会工作计划"
    assert (new.meta.period.start, new.meta.period.end) == ("2026-09", "2027-08")
    assert [a.months for a in new.schedule] == [["2026-09"], ["2027-01"]]
    assert new.schedule[0].text == "庆祝第42个教师节"


def test_forward_and_back_twice_gives_the_same_text():
    original = sample()
    plan = original
    for _ in range(2):
        plan = roll(roll(plan, 2026), 2025)
    assert texts(plan) == texts(original)
    assert plan.meta.period == original.meta.period
    assert [a.months for a in plan.schedule] == [a.months for a in original.schedule]


def test_forward_and_back_with_every_suggestion_accepted():
    original = make_plan(preamble=["2024年获评先进，2025年再创佳绩，第41个教师节。"])
    plan = original
    everything = lambda changes: [c for c in changes if c.after is not None]  # noqa: E731
    for _ in range(2):
        plan = roll(roll(plan, 2026, everything), 2025, everything)
    assert texts(plan) == texts(original)


def test_accepting_is_one_undoable_edit():
    new, changes = rollover(sample(), 2026)
    before = texts(new)
    edit = changes_to_edit(new, auto_changes(changes))
    assert isinstance(edit, Batch)
    inverse, touched = apply_edit(new, edit)
    assert texts(new) != before and touched
    apply_edit(new, inverse)
    assert texts(new) == before


def test_review_items_without_a_suggestion_are_skipped_and_user_text_is_used():
    new, changes = rollover(make_plan(preamble=["2月28日召开五届五次教代会"], title=""), 2026)
    assert all(c.kind == REVIEW for c in changes)
    accept(new, changes)  # nothing to apply: no suggestions
    assert new.preamble == ["2月28日召开五届五次教代会"]
    from dataclasses import replace
    filled = [replace(c, after="3月6日") for c in changes if c.before == "2月28日"]
    accept(new, filled)
    assert new.preamble == ["3月6日召开五届五次教代会"]


def test_stale_changes_are_refused():
    new, changes = rollover(make_plan(), 2026)
    new.meta.title = "改过的标题"
    with pytest.raises(StaleChangeError):
        changes_to_edit(new, changes)


def test_change_places_point_at_the_text():
    plan = sample()
    for change in propose(plan, 2026):
        assert text_at(plan, change.location)[change.start:change.end] == change.before
        assert change.before in change.context
        assert change.describe(plan)


def test_same_year_proposes_nothing():
    new, changes = rollover(sample(), 2025)
    assert changes == []


@given(st.text(st.sampled_from(list("2025年二〇五零第个周教师节建党三八—-学年届次月日去年人次%，。0123456789")),
               max_size=60))
@settings(derandomize=True, max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_rolls_forward_and_back(text):
    """Whatever the text, auto changes are consistent and reversible."""
    plan = make_plan(preamble=[text], title="")
    for change in propose(plan, 2026):
        assert text[change.start:change.end] == change.before
    back = roll(roll(plan, 2026), 2025)
    assert back.preamble == [text]


def test_a_draft_can_be_re_proposed_after_edits():
    old = sample()
    draft, changes = rollover(old, 2026)
    assert propose(draft, 2026) == []          # its meta already says 2026
    again = propose(draft, 2026, from_year=2025)
    assert [(c.location, c.span, c.after) for c in again] == [(c.location, c.span, c.after) for c in changes]
    first = changes[0]
    draft.meta.title = "另一个标题"
    from planner_gui.core.rollover import still_applies
    assert not still_applies(draft, first)
    assert all(still_applies(draft, c) for c in changes if c.location != first.location)
