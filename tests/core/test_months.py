import pytest

from planner_gui.core.months import match_month_head, resolve
from planner_gui.core.period import Period


@pytest.mark.parametrize("line, months, rest", [
    ("三月份", [(3, False)], ""),
    ("三月：", [(3, False)], ""),
    ("一、二月", [(1, False), (2, False)], ""),
    ("元月至二月", [(1, False), (2, False)], ""),
    ("七至八月份", [(7, False), (8, False)], ""),
    ("七——八月份", [(7, False), (8, False)], ""),
    ("次年元月份", [(1, True)], ""),
    ("九月份:庆祝教师节", [(9, False)], "庆祝教师节"),
    ("十一月：1、准备学校工会档案", [(11, False)], "1、准备学校工会档案"),
    ("十二月至次年二月", [(12, False), (1, True), (2, True)], ""),
    ("3月", [(3, False)], ""),
    ("１２月份：总结", [(12, False)], "总结"),
])
def test_month_heads(line, months, rest):
    head = match_month_head(line)
    assert head is not None
    assert head.months == months
    assert head.rest == rest


@pytest.mark.parametrize("line", ["一、加强工会自身建设", "（一）指导思想", "1、召开教代会", "二是进一步完善", "月亮"])
def test_not_month_heads(line):
    assert match_month_head(line) is None


def test_anytime_and_prose():
    assert match_month_head("全年：做好日常帮扶").anytime
    head = match_month_head("5月份各基层工会组织广大职工学习")
    assert head is not None and not head.separated  # prose, not a schedule line


def test_resolve_in_school_year():
    school = Period.for_kind("school_year", 2025)
    assert resolve(match_month_head("次年元月份").months, school) == ["2026-01"]
    assert resolve(match_month_head("元月").months, school) == ["2026-01"]
    assert resolve(match_month_head("七至八月").months, school) == ["2026-07", "2026-08"]
