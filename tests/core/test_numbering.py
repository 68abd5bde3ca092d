import pytest

from planner_gui.core.numbering import (chinese_number, digits_as_chinese, format_date,
                                        number_for_path, parse_chinese_number, section_number)


@pytest.mark.parametrize("n, text", [
    (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"),
    (100, "一百"), (101, "一百零一"), (105, "一百零五"), (110, "一百一十"), (1000, "一千"),
    (1001, "一千零一"), (1010, "一千零一十"), (10000, "一万"), (10010, "一万零一十"),
    (12345, "一万二千三百四十五"), (100000000, "一亿"), (0, "零"),
])
def test_chinese_number(n, text):
    assert chinese_number(n) == text
    assert parse_chinese_number(text) == n


def test_parse_round_trip_wide():
    for n in range(3000):
        assert parse_chinese_number(chinese_number(n)) == n


def test_section_numbers_by_depth():
    assert section_number(1, 0) == "一、"
    assert section_number(1, 20) == "二十一、"
    assert section_number(2, 2) == "（三）"
    assert section_number(3, 0) == "1."
    assert section_number(3, 0, "comma") == "1、"
    assert section_number(4, 1) == "（2）"
    assert section_number(5, 0) == "①"
    assert section_number(6, 19) == "⑳"
    assert section_number(5, 25) == "(26)"
    assert number_for_path([3, 1]) == "（二）"


def test_dates():
    assert format_date("2025-02-28") == "2025年2月28日"
    assert format_date("2025-02-28", "chinese") == "二〇二五年二月二十八日"
    assert format_date("2030-10-01", "chinese") == "二〇三〇年十月一日"
    assert format_date(None) == ""
    assert digits_as_chinese("2026") == "二〇二六"
