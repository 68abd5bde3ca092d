import pytest

from planner_gui.core.period import Period, span_label


def test_kinds():
    assert Period.for_kind("calendar_year", 2025).months()[0] == "2025-01"
    assert len(Period.for_kind("calendar_year", 2025).months()) == 12
    assert Period.for_kind("first_half", 2025).months()[-1] == "2025-06"
    assert Period.for_kind("second_half", 2025).months()[0] == "2025-07"
    school = Period.for_kind("school_year", 2025)
    assert (school.start, school.end) == ("2025-09", "2026-08")
    semester = Period.for_kind("semester", 2025)
    assert semester.months() == ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01"]


def test_labels_cross_new_year():
    semester = Period.for_kind("semester", 2025)
    assert [semester.label(m) for m in semester.months()] == [
        "九月", "十月", "十一月", "十二月", "次年元月"]
    assert semester.label("2026-01", "份") == "次年元月份"
    year = Period.for_kind("calendar_year", 2025)
    assert year.label("2025-01") == "一月"
    assert year.label("2025-12") == "十二月"


def test_resolve_bare_month_inside_period():
    school = Period.for_kind("school_year", 2025)
    assert school.resolve(1) == "2026-01"
    assert school.resolve(9) == "2025-09"
    assert school.resolve(1, next_year=True) == "2026-01"


def test_span_labels():
    assert span_label(["2025-07", "2025-08"], 2025) == "七至八月"
    assert span_label([], 2025) == "全年"
    assert span_label(["2025-03"], 2025, "份") == "三月份"
    assert span_label(["2025-01", "2025-03"], 2025) == "一月、三月"
    assert span_label(["2026-01", "2026-02"], 2025) == "次年元至二月"
    assert span_label(["2025-12", "2026-01"], 2025) == "十二月至次年元月"


@pytest.mark.parametrize("args", [("weekly", "2025-01", "2025-02"), ("custom", "2025-13", "2025-12"),
                                  ("custom", "2025-05", "2025-01"), ("custom", "2020-01", "2025-01")])
def test_invalid_periods(args):
    with pytest.raises(ValueError):
        Period(*args)


def test_planning_year_turns_in_december():
    import datetime

    from planner_gui.core.starter import planning_year

    assert planning_year(datetime.date(2026, 11, 30)) == 2026
    assert planning_year(datetime.date(2026, 12, 1)) == 2027
    assert planning_year(datetime.date(2027, 1, 5)) == 2027
