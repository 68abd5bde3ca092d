"""The 工作总结 drafted from a plan (issue 18): its figures, every done activity
under its section, every undone one listed, guides the check finds."""

import copy

import pytest

from planner_gui.core import summary as sm
from planner_gui.core.interchange import dumps, loads
from planner_gui.core.period import Period
from planner_gui.core.placeholders import find_placeholders
from planner_gui.core.plan import Activity, Meta, Plan, Section


def year_plan() -> Plan:
    """Ten activities: spans, a 全年 item, ties to a top section and a subsection,
    untied ones; five done (one of them untied, one 全年)."""
    sections = [
        Section("s1", "加强思想政治引领", ["……"], [Section("s1.1", "开展主题教育", [], [])]),
        Section("s2", "维护职工合法权益", ["……"], []),
        Section("s3", "加强工会自身建设", ["……"], []),   # nothing tied to it
    ]
    a = Activity
    schedule = [
        a("a1", ["2025-03"], "庆“三八”系列活动。", "女工委", "", "s1", True, "2025-03-08", "120名女职工参加"),
        a("a2", ["2025-03"], "召开教代会", "", "", "s2", True, "", ""),
        a("a3", ["2025-04"], "职工健步走", "", "", None, True, "2025-05", "参加 86 人"),
        a("a4", ["2025-05"], "劳模座谈会", "", "", "s1.1", False),
        a("a5", ["2025-07", "2025-08"], "夏送清凉", "", "", "s2", True, "2025-07", "慰问一线职工 40 人"),
        a("a6", ["2025-09"], "教师节慰问", "", "", None, False),
        a("a7", ["2025-12"], "年终考核", "", "", "s2", False),
        a("a8", [], "困难职工帮扶", "", "", None, True, "", "帮扶 5 户"),
        a("a9", [], "工会会员发展", "", "", "s1", False),
        a("a10", ["2025-12"], "迎新年联欢", "", "", None, False),
    ]
    meta = Meta("青石中学工会2025年工作计划", "青石中学工会", 2025,
                Period.for_kind("calendar_year", 2025), "青石中学工会委员会", "2025-02-20")
    return Plan(meta=meta, preamble=["指导思想"], sections=sections, schedule=schedule,
                closing=["结尾"])


def test_figures_are_counted_right():
    counts = sm.figures(year_plan())
    assert (counts.planned, counts.done, counts.undone) == (10, 5, 5)
    assert counts.percent == 50
    assert (counts.all_year_planned, counts.all_year_done) == (2, 1)
    assert counts.by_month == [("2025-03", 2, 2), ("2025-04", 1, 1), ("2025-05", 1, 0),
                               ("2025-07", 1, 1), ("2025-08", 1, 1), ("2025-09", 1, 0),
                               ("2025-12", 2, 0)]


@pytest.mark.parametrize("planned, done, percent", [(3, 1, 33), (3, 2, 67), (8, 1, 13), (1, 1, 100),
                                                    (7, 0, 0)])
def test_completion_rate_rounds_half_up(planned, done, percent):
    plan = year_plan()
    plan.schedule = [Activity(f"a{i}", ["2025-03"], "x", done=i < done) for i in range(planned)]
    assert sm.figures(plan).percent == percent


def test_an_empty_schedule_has_no_rate_and_says_so():
    plan = year_plan()
    plan.schedule = []
    counts = sm.figures(plan)
    assert (counts.planned, counts.done, counts.percent, counts.by_month) == (0, 0, None, [])
    summary = sm.build_summary(plan)
    assert "没有列出具体活动" in summary.preamble[-1]


def test_opening_states_the_figures():
    summary = sm.build_summary(year_plan())
    assert summary.preamble[0].startswith("2025年，【")
    assert summary.preamble[1] == "全年工作计划列出活动计划10项，完成5项，完成率50%；未完成5项。"
    assert summary.preamble[2] == ("分月份看：三月计划2项、完成2项；四月计划1项、完成1项；"
                                   "五月计划1项、完成0项；七月计划1项、完成1项；八月计划1项、完成1项；"
                                   "九月计划1项、完成0项；十二月计划2项、完成0项；全年性工作2项、完成1项。")


def test_all_done_says_so():
    plan = year_plan()
    for activity in plan.schedule:
        activity.done = True
    summary = sm.build_summary(plan)
    assert summary.preamble[1] == "全年工作计划列出活动计划10项，完成10项，完成率100%，全部完成。"
    assert summary.sections[1].body[0] == "计划中的活动全部完成。"


def test_title_meta_and_kind():
    plan = year_plan()
    summary = sm.build_summary(plan)
    assert summary.meta.title == "青石中学工会2025年工作总结"
    assert summary.meta.kind == "summary" and sm.is_summary(summary) and not sm.is_summary(plan)
    assert summary.meta.signature == "青石中学工会委员会"
    assert summary.meta.date is None
    assert summary.meta.period == plan.meta.period


@pytest.mark.parametrize("organization, kind, title", [
    ("青石中学", "calendar_year", "青石中学工会2025年工作总结"),
    ("", "calendar_year", "【单位名称】工会2025年工作总结"),
    ("青石中学工会", "school_year", "青石中学工会2025—2026学年工作总结"),
    ("青石中学工会", "semester", "青石中学工会2025—2026学年第一学期工作总结"),
])
def test_title_for_names_and_periods(organization, kind, title):
    plan = year_plan()
    plan.meta.organization = organization
    plan.meta.period = Period.for_kind(kind, 2025)
    assert sm.summary_title(plan) == title


def test_every_done_activity_appears_under_its_section():
    plan = year_plan()
    summary = sm.build_summary(plan)
    work, problems, next_year = summary.sections
    assert [work.heading, problems.heading, next_year.heading] == [
        "主要工作及成效", "存在的问题和不足", "下一年工作打算"]
    parts = {part.heading: part.body for part in work.children}
    # Sections with activities tied to them, in reading order, then the untied ones.
    assert [p.heading for p in work.children] == ["加强思想政治引领", "开展主题教育", "维护职工合法权益", "其他工作"]
    assert parts["加强思想政治引领"][1:] == ["2025年3月8日，庆“三八”系列活动。120名女职工参加。"]
    assert parts["维护职工合法权益"][1:] == ["三月，召开教代会。" + sm.GUIDE_OUTCOME,
                                         "2025年7月，夏送清凉。慰问一线职工 40 人。"]
    assert parts["其他工作"][1:] == ["2025年5月，职工健步走。参加 86 人。", "全年，困难职工帮扶。帮扶 5 户。"]
    assert parts["开展主题教育"][1:] == ["这方面计划的1项活动均未标记完成。"]
    text = "\n".join(p for part in work.children for p in part.body)
    for activity in plan.schedule:
        assert (activity.text.rstrip("。") in text) == activity.done


def test_every_undone_activity_is_listed_with_a_guide():
    plan = year_plan()
    problems = sm.build_summary(plan).sections[1]
    assert problems.body[0] == "计划中有5项活动未完成："
    listed = problems.body[1:-1]
    assert listed == [
        "五月：劳模座谈会（未完成）。【说明未完成的原因】",
        "九月：教师节慰问（未完成）。【说明未完成的原因】",
        "十二月：年终考核（未完成）。【说明未完成的原因】",
        "全年：工会会员发展（未完成）。【说明未完成的原因】",
        "十二月：迎新年联欢（未完成）。【说明未完成的原因】",
    ]
    assert problems.body[-1] == sm.GUIDE_PROBLEMS


def test_guides_and_blanks_are_placeholders_the_check_lists():
    summary = sm.build_summary(year_plan())
    found = find_placeholders(summary)
    texts = [p.text for p in found]
    for guide in (sm.GUIDE_OVERVIEW, sm.GUIDE_PART, sm.GUIDE_OUTCOME, sm.GUIDE_NOT_DONE,
                  sm.GUIDE_PROBLEMS, sm.GUIDE_NEXT_YEAR):
        assert guide in texts, guide
    assert texts.count(sm.GUIDE_NOT_DONE) == 5
    assert "成文日期未填" in texts


def test_the_plan_is_not_changed_and_the_schedule_is_kept():
    plan = year_plan()
    before = copy.deepcopy(plan)
    summary = sm.build_summary(plan)
    assert plan == before
    assert [(a.id, a.text, a.done, a.done_on, a.outcome) for a in summary.schedule] == [
        (a.id, a.text, a.done, a.done_on, a.outcome) for a in plan.schedule]
    assert summary.schedule[0] is not plan.schedule[0]
    parts = {p.id: p.heading for p in summary.sections[0].children}
    assert [parts.get(a.section) for a in summary.schedule] == [
        "加强思想政治引领", "维护职工合法权益", None, "开展主题教育", "维护职工合法权益", None,
        "维护职工合法权益", None, "加强思想政治引领", None]


def test_the_summary_round_trips_through_the_interchange():
    summary = sm.build_summary(year_plan())
    text = dumps(summary)
    assert '"kind": "summary"' in text
    assert dumps(loads(text)) == text


def test_untied_part_left_out_when_no_untied_activity_is_done():
    plan = year_plan()
    for activity in plan.schedule:
        if activity.section is None:
            activity.done = False
    assert "其他工作" not in [p.heading for p in sm.build_summary(plan).sections[0].children]


def test_next_year_paragraphs_leave_out_guides():
    summary = sm.build_summary(year_plan())
    assert sm.next_year_paragraphs(summary) == []
    summary.sections[2].body = [sm.GUIDE_NEXT_YEAR, "明年，工会将重点做好三件事。", "  "]
    summary.sections[2].children = [Section("s99", "建家", ["推进“职工之家”建设。"], [])]
    assert sm.next_year_paragraphs(summary) == ["明年，工会将重点做好三件事。", "推进“职工之家”建设。"]


def test_sample_plan_gives_a_summary(sample_plan):
    summary = sm.build_summary(sample_plan)
    assert summary.meta.title.endswith(f"{sample_plan.meta.year}年工作总结")
    counts = sm.figures(sample_plan)
    assert counts.planned == len(sample_plan.schedule)


def test_next_year_paragraphs_become_the_new_plans_opening_in_one_undoable_edit():
    from planner_gui.core.edits import Touched, apply_edit
    from planner_gui.core.rollover import rollover

    plan = year_plan()
    summary = sm.build_summary(plan)
    new_plan, _ = rollover(plan, 2026)
    assert sm.opening_from_summary_edit(new_plan, summary) is None      # nothing written yet
    summary.sections[2].body = [sm.GUIDE_NEXT_YEAR, "2026年，工会将围绕学校中心工作，重点做好三件事。"]
    edit = sm.opening_from_summary_edit(new_plan, summary)
    inverse, touched = apply_edit(new_plan, edit)
    assert new_plan.preamble == ["2026年，工会将围绕学校中心工作，重点做好三件事。", "指导思想"]
    assert touched == Touched(texts=True)
    apply_edit(new_plan, inverse)
    assert new_plan.preamble == ["指导思想"]
