"""Plain text of a plan -> Plan: the forms plans are typed in (our own words)."""

from __future__ import annotations

import pytest

from planner_gui.core.interchange import loads, dumps
from planner_gui.importers import PlanImportError, import_text
from planner_gui.importers.lines import match_date_line, match_label, split_heading
from planner_gui.importers.tables import split_items


def plan_of(text, year=2025):
    return import_text(text, year).plan


def headings(plan):
    return [s.heading for s in plan.sections]


def months(plan):
    return [(a.months, a.text) for a in plan.schedule]


# --- single lines --------------------------------------------------------------

@pytest.mark.parametrize("line, kind, number, rest", [
    ("一、加强学习", "cn", 1, "加强学习"),
    ("二，关心职工", "cn", 2, "关心职工"),
    ("三. 做好宣传", "cn", 3, "做好宣传"),
    ("十一、其他", "cn", 11, "其他"),
    ("（一）组织学习", "paren_cn", 1, "组织学习"),
    ("(二)开展活动", "paren_cn", 2, "开展活动"),
    ("1、召开会议", "arabic", 1, "召开会议"),
    ("2. 慰问", "arabic", 2, "慰问"),
    ("3．评比", "arabic", 3, "评比"),
    ("１２、总结", "arabic", 12, "总结"),
    ("（1）报名", "paren_arabic", 1, "报名"),
    ("(2)比赛", "paren_arabic", 2, "比赛"),
    ("3）颁奖", "half_paren", 3, "颁奖"),
    ("①第一项", "circled", 1, "第一项"),
    ("1.2 细则", "multi", 2, "细则"),
])
def test_typed_numbers(line, kind, number, rest):
    label = match_label(line)
    assert (label.kind, label.number, label.rest) == (kind, number, rest)


@pytest.mark.parametrize("line", ["一是加强学习", "2025年工作要点", "5.12国际护士节", "1.5万元用于慰问",
                                  "12月份召开总结会", "三八节", "第一，要加强"])
def test_not_numbers(line):
    assert match_label(line) is None


@pytest.mark.parametrize("rest, heading, body", [
    ("加强学习。组织教职工每月学习。", "加强学习。", "组织教职工每月学习。"),
    ("指导思想：以服务职工为中心", "指导思想", "以服务职工为中心"),
    ("主要工作：", "主要工作", ""),
    ("完善“职工之家”。”另起", "完善“职工之家”。”", "另起"),
    ("一句话的标题", "一句话的标题", ""),
])
def test_heading_and_run_in_body(rest, heading, body):
    assert split_heading(rest) == (heading, body)


@pytest.mark.parametrize("line, iso", [
    ("2025年2月28日", "2025-02-28"), ("二〇二五年二月二十八日", "2025-02-28"), ("二零二五年十二月一日", "2025-12-01"),
    ("２０２５年３月１日", "2025-03-01"), ("20__年2月28日", None), ("二〇二__年__月__日", None), ("2025年2月30日", None),
])
def test_date_lines(line, iso):
    assert match_date_line(line).iso == iso


@pytest.mark.parametrize("text, items", [
    ("1、召开教代会。2、慰问退休教师", ["召开教代会。", "慰问退休教师"]),
    ("1.春季运动会；2.读书月；3.植树", ["春季运动会；", "读书月；", "植树"]),
    ("（1）报名 （2）初赛", ["报名", "初赛"]),
    ("①健步走②登山", ["健步走", "登山"]),
    ("1、发放2.5万元慰问金", ["发放2.5万元慰问金"]),
    ("2、第2、3名发奖", ["第2、3名发奖"]),
    ("走访慰问困难职工", ["走访慰问困难职工"]),
])
def test_items_on_one_line(text, items):
    assert split_items(text) == items


# --- whole plans ---------------------------------------------------------------

PLAN = """\
明湖中学工会
2025年工会工作计划
新的一年，学校工会以服务教职工为中心，做好以下工作。
一、加强思想建设。组织教职工开展专题学习，每月一次。
（一）抓好理论学习
1、每月集中学习一次
2、每学期交流一次心得
（二）深化师德建设
二、关心教职工生活
坚持困难教职工帮扶制度。
三、具体月份工作安排
三月份：
1、庆“三八”女教职工活动
2、召开第五届教代会第二次会议
四月：春季健步走
七至八月份：夏季送清凉（负责人：工会主席）
九月份:庆祝教师节
十一月：1、秋季运动会2、读书分享会
全年：困难职工帮扶
总之，我们要团结一心，把工会工作做得更好。
明湖中学工会委员会
2025年2月20日
"""


def test_a_whole_plan():
    result = import_text(PLAN)
    plan = result.plan
    assert plan.meta.title == "明湖中学工会2025年工会工作计划"
    assert plan.meta.organization == "明湖中学工会"
    assert plan.meta.year == 2025
    assert plan.meta.period.kind == "calendar_year"
    assert plan.meta.signature == "明湖中学工会委员会"
    assert plan.meta.date == "2025-02-20"
    assert plan.preamble == ["新的一年，学校工会以服务教职工为中心，做好以下工作。"]
    assert headings(plan) == ["加强思想建设。", "关心教职工生活", "具体月份工作安排"]
    first = plan.sections[0]
    assert first.body == ["组织教职工开展专题学习，每月一次。"]
    assert [c.heading for c in first.children] == ["抓好理论学习", "深化师德建设"]
    assert [c.heading for c in first.children[0].children] == ["每月集中学习一次", "每学期交流一次心得"]
    assert months(plan) == [
        (["2025-03"], "庆“三八”女教职工活动"), (["2025-03"], "召开第五届教代会第二次会议"),
        (["2025-04"], "春季健步走"), (["2025-07", "2025-08"], "夏季送清凉"), (["2025-09"], "庆祝教师节"),
        (["2025-11"], "秋季运动会"), (["2025-11"], "读书分享会"), ([], "困难职工帮扶")]
    assert plan.schedule[3].owner == "工会主席"
    assert plan.closing == ["总之，我们要团结一心，把工会工作做得更好。"]
    assert plan.options.get("level3_style") == "comma"
    assert loads(dumps(plan)) == plan


@pytest.mark.parametrize("line, expected", [
    ("三月份", ["2025-03"]), ("三月：", ["2025-03"]), ("一、二月", ["2025-01", "2025-02"]),
    ("元月至二月", ["2025-01", "2025-02"]), ("七至八月份", ["2025-07", "2025-08"]),
    ("七——八月份", ["2025-07", "2025-08"]), ("3月", ["2025-03"]), ("１２月份：", ["2025-12"]),
])
def test_month_line_forms(line, expected):
    plan = plan_of(f"一、主要工作\n二、活动安排\n{line}\n1、某项活动\n")
    assert months(plan) == [(expected, "某项活动")]


def test_next_year_months_make_a_school_year():
    plan = plan_of("活动安排\n九月份：教师节\n十二月份：迎新年\n次年元月份：期末总结\n次年三月份：植树\n")
    assert plan.meta.period.kind == "school_year"
    assert months(plan) == [(["2025-09"], "教师节"), (["2025-12"], "迎新年"), (["2026-01"], "期末总结"),
                            (["2026-03"], "植树")]


def test_september_to_january_is_a_semester():
    plan = plan_of("工作安排如下：\n九月：教师节\n十月：运动会\n一月：总结\n")
    assert (plan.meta.period.kind, plan.meta.period.start, plan.meta.period.end) == ("semester", "2025-09", "2026-01")
    assert months(plan)[-1] == (["2026-01"], "总结")


@pytest.mark.parametrize("title, kind", [
    ("2025年上半年工会工作计划", "first_half"), ("2025年下半年工会工作计划", "second_half"),
    ("2025—2026学年度工会工作计划", "school_year"), ("2025—2026学年第一学期工会工作计划", "semester"),
    ("2025年工会工作计划", "calendar_year"),
])
def test_period_from_the_title(title, kind):
    plan = import_text(f"{title}\n一、主要工作\n做好服务。\n").plan
    assert plan.meta.period.kind == kind
    assert plan.meta.year == 2025


def test_year_from_the_title_date_or_the_caller():
    assert import_text("2024年工会工作计划\n一、工作\n").plan.meta.year == 2024
    assert import_text("工会工作计划\n一、工作\n某某工会\n2023年3月1日\n").plan.meta.year == 2023
    assert import_text("2024年工会工作计划\n一、工作\n", year=2026).plan.meta.year == 2026
    report = import_text("一、工作\n").report
    assert any("没有写明年度" in item.message for item in report.guesses)


def test_month_at_the_start_of_prose_is_prose():
    text = ("一、加强学习\n5月份各基层工会组织广大职工学习，全镇有一千多名职工参加了知识竞赛。\n"
            "二、做好服务\n三月份召开了职代会，审议通过了集体合同。\n")
    plan = plan_of(text)
    assert plan.schedule == []
    assert plan.sections[0].body == ["5月份各基层工会组织广大职工学习，全镇有一千多名职工参加了知识竞赛。"]


def test_section_numbered_one_vs_the_months_one_and_two():
    text = "一、加强组织建设\n做好会员发展。\n二、月份安排\n一、二月：\n1、春节慰问\n三月：妇女节活动\n三、保障措施\n"
    plan = plan_of(text)
    assert headings(plan) == ["加强组织建设", "月份安排", "保障措施"]
    assert months(plan) == [(["2025-01", "2025-02"], "春节慰问"), (["2025-03"], "妇女节活动")]


def test_a_run_of_month_lines_without_a_heading_is_a_schedule():
    result = import_text("一、主要工作\n做好服务。\n三月：妇女节活动\n四月：读书月\n五月：劳动节表彰\n", 2025)
    assert months(result.plan) == [(["2025-03"], "妇女节活动"), (["2025-04"], "读书月"), (["2025-05"], "劳动节表彰")]
    assert any("连续的月份行" in item.message for item in result.report.guesses)


def test_a_single_month_line_in_prose_is_not_a_schedule():
    plan = plan_of("一、主要工作\n三月：召开教代会，审议年度工作报告。\n二、其他工作\n")
    assert plan.schedule == []
    assert plan.sections[0].body == ["三月：召开教代会，审议年度工作报告。"]


def test_numbered_lines_before_the_first_heading_stay_in_the_preamble():
    result = import_text("今年要做到：\n1、思想统一\n2、行动有力\n一、主要工作\n二、保障措施\n", 2025)
    assert result.plan.preamble == ["今年要做到：", "1、思想统一", "2、行动有力"]
    assert len(result.report.unplaced) == 2
    assert result.report.unplaced[0].location is not None


def test_broken_paragraphs_are_joined_and_reported():
    text = ("一、加强学习\n组织全体教职工认真学习有关文件精神，提高政治站位和业务能力，努力打造一支\n"
            "务实高效的队伍。\n")
    result = import_text(text, 2025)
    assert result.plan.sections[0].body == [
        "组织全体教职工认真学习有关文件精神，提高政治站位和业务能力，努力打造一支务实高效的队伍。"]
    joins = [item for item in result.report.guesses if "接上" in item.message]
    assert joins and joins[0].text == "政治站位和业务能力，努力打造一支务实高效的队伍。"
    assert joins[0].location is not None


def test_a_wrapped_heading_is_joined():
    text = "（一）加强工会自身建设，依法维护教职工合法权益，强化\n民主管理意识。\n正文一段。\n"
    assert headings(plan_of(text)) == ["加强工会自身建设，依法维护教职工合法权益，强化民主管理意识。"]


def test_short_headings_are_not_joined_with_their_body():
    plan = plan_of("一、指导思想\n以服务职工为中心。\n二、认真做好工会会费的管理使用工作\n按要求缴纳会费，专款专用。\n")
    assert headings(plan) == ["指导思想", "认真做好工会会费的管理使用工作"]


def test_placeholder_date_keeps_its_text():
    plan = plan_of("一、工作\n做好服务。\n某某工会\n20__年__月__日\n")
    assert plan.meta.date is None
    assert plan.meta.signature == "某某工会"
    assert plan.closing == ["20__年__月__日"]


def test_pasted_tab_separated_month_table():
    text = "一、活动安排\n月份\t工作内容\t负责人\n三月\t妇女节活动\t女工委\n\t植树活动\t\n四月\t读书月\t宣传委员\n"
    plan = plan_of(text)
    assert months(plan) == [(["2025-03"], "妇女节活动"), (["2025-03"], "植树活动"), (["2025-04"], "读书月")]
    assert [a.owner for a in plan.schedule] == ["女工委", "", "宣传委员"]


def test_nothing_is_dropped():
    text = ("2025年工会工作计划\n开头一段话。\n一、第一部分\n正文甲。\n（一）小节\n正文乙。\n奇怪的一行★\n"
            "二、活动安排\n三月：活动丙\n1、活动丁\n随便写的一行\n某工会\n2025年1月5日\n")
    plan = plan_of(text)
    every = " ".join([plan.meta.title, plan.meta.signature] + plan.preamble + plan.closing
                     + [p for s in plan.walk() for p in [s.heading, *s.body]] + [a.text for a in plan.schedule])
    for word in ["开头一段话", "第一部分", "正文甲", "小节", "正文乙", "奇怪的一行★", "活动安排", "活动丙",
                 "活动丁", "随便写的一行", "某工会"]:
        assert word in every


def test_empty_and_too_long_texts_are_refused():
    with pytest.raises(PlanImportError, match="没有找到"):
        import_text("  \n\n \t ")
    with pytest.raises(PlanImportError, match="太长"):
        import_text("字" * 2_000_001)


def test_too_many_lines_are_refused():
    with pytest.raises(PlanImportError, match="段落太多"):
        import_text("一行\n" * 60_000)


def test_report_summary_and_lines():
    result = import_text(PLAN, 2025)
    assert result.summary().startswith("已导入：3 个一级标题")
    assert all(line.startswith("[") for line in result.report.lines())


@pytest.mark.parametrize("line, expected, text", [
    ("【三月】妇女节活动", ["2025-03"], "妇女节活动"),
    ("[四月] 读书月", ["2025-04"], "读书月"),
    ("三月份工作：妇女节活动", ["2025-03"], "妇女节活动"),
    ("3月8日召开庆祝大会", ["2025-03"], "3月8日召开庆祝大会"),
    ("3月上旬 植树活动", ["2025-03"], "3月上旬 植树活动"),
    ("2025年3月：妇女节活动", ["2025-03"], "妇女节活动"),
])
def test_more_month_line_forms(line, expected, text):
    plan = plan_of(f"一、工作\n二、月份安排\n{line}\n")
    assert months(plan) == [(expected, text)]


def test_written_years_place_months_and_give_the_year():
    plan = import_text("活动安排\n2025年9月：教师节\n2025年12月：迎新年\n2026年1月：总结\n").plan
    assert plan.meta.year == 2025
    assert (plan.meta.period.kind, plan.meta.period.start) == ("semester", "2025-09")
    assert months(plan) == [(["2025-09"], "教师节"), (["2025-12"], "迎新年"), (["2026-01"], "总结")]


def test_month_and_day_in_prose_is_not_a_schedule():
    plan = plan_of("一、工作\n3月8日上午，工会组织全体女教职工参加了庆祝活动，气氛热烈。\n")
    assert plan.schedule == []


def test_parts_and_chapters_rank_above_one():
    plan = plan_of("第一部分 指导思想\n一、总体要求\n第二部分 主要任务\n一、组织建设\n")
    assert headings(plan) == ["指导思想", "主要任务"]
    assert [c.heading for c in plan.sections[1].children] == ["组织建设"]
