"""The character-counting layout rules the DOCX export and the printed page share."""

from __future__ import annotations

import pytest

from planner_gui.core import typography as ty
from planner_gui.core.layout_rules import (balance_title, column_widths, hanging_chars, printed_width,
                                           row_kept_whole, signature_gaps, text_width,
                                           title_chars_per_line)
from planner_gui.core.schedule_table import COLUMNS


@pytest.mark.parametrize("title, expected", [
    ("红星机械厂工会2025年工作计划", "红星机械厂工会2025年工作计划"),                 # fits
    ("青禾实验小学2025—2026学年度工会工作计划", "青禾实验小学2025—2026学年度\n工会工作计划"),
    ("某某市第一人民医院有限公司工会2025年工会工作计划", "某某市第一人民医院有限公司工会\n2025年工会工作计划"),
    ("2025年某某市第一人民医院有限公司工会工作计划", "2025年某某市第一人民医院有限公司工会工作计划"),
    ("已经\n断好的很长很长很长很长很长很长很长很长的标题", "已经\n断好的很长很长很长很长很长很长很长很长的标题"),
])
def test_balance_title(title, expected):
    assert balance_title(title, 19.1) == expected


def test_text_width_counts_half_width_latin():
    assert text_width("2025年2月28日") == 6.5
    assert text_width("“三八”—…") == 6
    assert text_width("ab") == 1


def test_column_widths_fill_the_text_block():
    for keys in (("month", "text"), ("month", "text", "owner", "note")):
        columns = [c for c in COLUMNS if c[0] in keys]
        widths = column_widths(columns, 8844, ty.SIZE_SIHAO)
        assert sum(widths) == 8844
        assert widths[[k for k, _ in columns].index("text")] == max(widths)


def test_only_rows_taller_than_a_page_may_split():
    widths = [1756, 4137, 1616, 1336]
    assert row_kept_whole(["三月", "召开教代会", "工会", ""], widths, 14.0, 22.0, 12700)
    assert not row_kept_whole(["三月", "很长的内容" * 400, "工会", ""], widths, 14.0, 22.0, 12700)


def test_signature_and_date_gaps():
    """The date 右空四字 with the signature centred over it, widths counted as the
    line is set (digits half a character, autospace between digits and Chinese);
    a much longer signature keeps 右空二字 and the date is centred under it."""
    assert signature_gaps("某某工会", "") == (2, 2)
    assert printed_width("2025年2月20日") == 6.5 + 5 * ty.AUTOSPACE_CHARS
    name_gap, date_gap = signature_gaps("阳光实验学校工会委员会", "2025年2月20日")
    assert date_gap == 4 and name_gap == round(4 + (7.5 - 11) / 2, 2)
    name_gap, date_gap = signature_gaps("工会", "二〇二五年二月二十八日")
    assert date_gap == 4 and name_gap == 4 + (11 - 2) / 2
    name_gap, date_gap = signature_gaps("某某市某某区某某街道某某社区工会联合会", "2025年2月20日")
    assert name_gap == 2 and date_gap == round(2 + (19 - 7.5) / 2, 2)


def test_hanging_indent_and_title_width():
    assert hanging_chars("12、") == 2
    assert hanging_chars("") == 0
    assert title_chars_per_line(int(22 * 20 * 20)) == 19
