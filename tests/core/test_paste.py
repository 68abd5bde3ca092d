"""core.paste: rows from Word/Excel and month lists become activities;
nothing is dropped. Texts here are our own; the seed plans are read at run
time from ../shared/seeds and checked against counts written down by hand."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from planner_gui.core.months import match_month_head
from planner_gui.core.paste import (NO_MONTH_FOUND, OUTSIDE_PERIOD, UNREAD_MONTH, parse_paste, split_items,
                                    split_rows, strip_item_number)
from planner_gui.core.period import Period

CAL = Period.for_kind("calendar_year", 2025)
SEMESTER = Period.for_kind("semester", 2025)
SCHOOL = Period.for_kind("school_year", 2025)


def summary(result):
    return [(a.months, a.text) for a in result.activities]


# --- month lines ---------------------------------------------------------------------------

def test_month_lines_with_numbered_items():
    text = "三月份：\n1、召开教代会。\n2、庆三八活动\n\n四月份\n- 1、春季健步走\n"
    result = parse_paste(text, CAL)
    assert summary(result) == [(["2025-03"], "召开教代会。"), (["2025-03"], "庆三八活动"),
                               (["2025-04"], "春季健步走")]
    assert result.flagged == [] and result.skipped == []


def test_month_and_item_on_one_line():
    result = parse_paste("九月份:教师节表彰\n十月：1、重阳敬老。\n次年元月份:总结全年工作", SEMESTER)
    assert summary(result) == [(["2025-09"], "教师节表彰"), (["2025-10"], "重阳敬老。"),
                               (["2026-01"], "总结全年工作")]


def test_months_come_out_in_calendar_order():
    assert parse_paste("三月、一月：走访", CAL).activities[0].months == ["2025-01", "2025-03"]


def test_spans_and_anytime():
    result = parse_paste("七至八月份：送清凉\n一、二月：走访慰问\n全年：\n做好日常帮扶", CAL)
    assert summary(result) == [(["2025-07", "2025-08"], "送清凉"), (["2025-01", "2025-02"], "走访慰问"),
                               ([], "做好日常帮扶")]
    assert result.flagged == []


def test_unnumbered_lines_under_a_month_are_items():
    result = parse_paste("一月份：\n走访困难职工。\n发放节日慰问品。", CAL)
    assert [a.text for a in result.activities] == ["走访困难职工。", "发放节日慰问品。"]


def test_broken_line_joins_the_item_above():
    result = parse_paste("十月份：\n1、报送调研文章（两\n篇）。\n2、国庆活动", CAL)
    assert [a.text for a in result.activities] == ["报送调研文章（两篇）。", "国庆活动"]


def test_several_items_on_one_line_but_not_inside_a_sentence():
    assert split_items("1、召开会议。2、慰问退休职工；3、总结") == ["召开会议。", "慰问退休职工；", "总结"]
    assert split_items("1、评选第2、3名的表彰") == ["评选第2、3名的表彰"]
    assert split_items("（1）甲。（2）乙") == ["甲。", "乙"]
    assert split_items("没有编号") == ["没有编号"]
    assert strip_item_number("- 1、庆“三八”活动") == "庆“三八”活动"
    assert strip_item_number("① 读书活动") == "读书活动"


def test_owner_in_brackets_at_the_end():
    result = parse_paste("五月：\n1、气排球比赛（负责人：文体委员）", CAL)
    assert result.activities[0].text == "气排球比赛" and result.activities[0].owner == "文体委员"


def test_announcing_heading_is_skipped_and_reported():
    result = parse_paste("四、具体月份工作安排：\n三月：植树", CAL)
    assert result.skipped == ["四、具体月份工作安排："]
    assert summary(result) == [(["2025-03"], "植树")]


def test_lines_before_any_month_are_kept_and_flagged():
    result = parse_paste("这是一段说明文字\n1、没有月份的事项\n三月：植树", CAL)
    assert [(a.text, a.problem) for a in result.activities] == [
        ("这是一段说明文字", NO_MONTH_FOUND), ("1、没有月份的事项", NO_MONTH_FOUND), ("植树", "")]
    assert result.activities[0].months == []


def test_month_outside_the_period_is_flagged():
    result = parse_paste("七月份：暑期培训\n九月：教师节", SEMESTER)
    assert [(a.months, a.problem) for a in result.activities] == [(["2025-07"], OUTSIDE_PERIOD),
                                                                   (["2025-09"], "")]


def test_empty_text():
    assert parse_paste("", CAL).activities == []
    assert parse_paste("\n \n\t\n", CAL).activities == []


def test_windows_line_ends():
    result = parse_paste("三月\r\n1、甲\r\n2、乙\r\n", CAL)
    assert summary(result) == [(["2025-03"], "甲"), (["2025-03"], "乙")]


# --- table rows -----------------------------------------------------------------------------------

def test_excel_rows_with_header_and_merged_month_cells():
    text = ("月份\t工作内容\t负责人\t备注\n"
            "三月\t召开教代会\t工会委员会\t\n"
            "\t庆三八趣味活动\t女工委员会\t全体女职工\n"
            "七至八月\t送清凉\t工会主席\t高温岗位\n")
    result = parse_paste(text, CAL)
    assert result.skipped == ["月份\t工作内容\t负责人\t备注"]
    assert [(a.months, a.text, a.owner, a.note) for a in result.activities] == [
        (["2025-03"], "召开教代会", "工会委员会", ""),
        (["2025-03"], "庆三八趣味活动", "女工委员会", "全体女职工"),
        (["2025-07", "2025-08"], "送清凉", "工会主席", "高温岗位")]


def test_header_in_another_column_order():
    text = "序号\t工作内容\t时间\t责任部门\n1\t职工体检\t十月\t工会\n"
    result = parse_paste(text, CAL)
    assert [(a.months, a.text, a.owner) for a in result.activities] == [(["2025-10"], "职工体检", "工会")]


def test_excel_quoted_cell_with_line_breaks():
    text = '九月\t"1、教师节表彰\n2、中秋慰问"\t工会委员会\n十月\t"""金秋""助学"\t\n'
    rows = split_rows(text.rstrip("\n"))
    assert rows[0] == ["九月", "1、教师节表彰\n2、中秋慰问", "工会委员会"]
    assert rows[1][1] == '"金秋"助学'
    result = parse_paste(text, SCHOOL)
    assert [(a.months, a.text, a.owner) for a in result.activities] == [
        (["2025-09"], "教师节表彰", "工会委员会"), (["2025-09"], "中秋慰问", "工会委员会"),
        (["2025-10"], '"金秋"助学', "")]


def test_a_quote_inside_text_is_not_a_quoted_cell():
    assert split_rows('"五一"表彰\t工会') == [['"五一"表彰', "工会"]]


def test_word_rows_whose_first_cell_is_an_item():
    text = "三月\t1、召开教代会\t工会委员会\n2、庆三八活动\t女工委员会\n"
    result = parse_paste(text, CAL)
    assert [(a.months, a.text, a.owner) for a in result.activities] == [
        (["2025-03"], "召开教代会", "工会委员会"), (["2025-03"], "庆三八活动", "女工委员会")]


def test_unreadable_month_cell_keeps_its_text_in_the_note():
    result = parse_paste("开学初\t迎新活动\t工会\n", CAL)
    item = result.activities[0]
    assert (item.months, item.text, item.owner, item.problem) == ([], "迎新活动", "工会", UNREAD_MONTH)
    assert "开学初" in item.note


def test_cells_beyond_the_columns_are_kept_in_the_note():
    item = parse_paste("三月\t植树\t团委\t带工具\t上午九点\n", CAL).activities[0]
    assert item.note == "带工具；上午九点"


def test_a_row_that_reads_as_nothing_is_still_kept():
    result = parse_paste("1、\t0月份\t见附件", CAL)
    assert len(result.activities) == 1
    assert "0月份" in result.activities[0].text and "见附件" in result.activities[0].text
    assert result.activities[0].problem == NO_MONTH_FOUND


def test_draft_carries_every_field():
    item = parse_paste("三月\t植树\t团委\t带工具\n", CAL).activities[0]
    draft = item.draft()
    assert (draft.months, draft.text, draft.owner, draft.note, draft.section, draft.done) == \
        (["2025-03"], "植树", "团委", "带工具", None, False)


# --- the seed plans (read at run time) -------------------------------------------------------------

def _is_month_start(line: str) -> bool:
    head = match_month_head(line)
    return head is not None and bool(head.months) and (head.separated or not head.rest) and len(line) < 60


def _stops(line: str) -> bool:
    return bool(re.search(r"篇[一二三四五六七八九十\d]+$", line)) or (
        bool(re.match(r"^[一二三四五六七八九十]{1,3}、", line)) and match_month_head(line) is None)


def month_blocks(text: str) -> list[str]:
    """Each month list in a seed: from the heading line before its first
    month line to the next plan's title or level-1 heading."""
    lines = [ln.strip() for ln in text.split("\n")]
    blocks, i = [], 0
    while i < len(lines):
        if not _is_month_start(lines[i]):
            i += 1
            continue
        start = i
        previous = next((k for k in range(i - 1, -1, -1) if lines[k]), None)
        if previous is not None and len(lines[previous]) <= 20:
            start = previous
        j = i + 1
        while j < len(lines) and not _stops(lines[j]):
            j += 1
        blocks.append("\n".join(lines[start:j]))
        i = j
    return blocks


# Counted by reading the seeds: (period kind, {month: items}, next-year months).
EXPECTED = {
    "000": [
        ("calendar_year", {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 9: 1, 10: 1, 11: 1, 12: 1}),
        ("calendar_year", {1: 2, 2: 3, 3: 2, 4: 2, 5: 2, 6: 3, 7: 2, 8: 2, 9: 3, 10: 2, 11: 3, 12: 5}),
        ("calendar_year", {1: 1, 2: 3, 3: 2, 4: 4, 5: 3, 6: 2, 7: 4, 9: 1, 10: 2, 11: 1, 12: 4}),
    ],
    "001": [],
    "002": [
        ("semester", {9: 5, 10: 4, 11: 5, 12: 3}),
        ("semester", {9: 1, 10: 1, 11: 1, 12: 1, 1: 1}),
    ],
}


def _seed(seeds_dir, prefix):
    found = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not present")
    return found[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_month_lists(seeds_dir, prefix):
    blocks = month_blocks(_seed(seeds_dir, prefix))
    expected = EXPECTED[prefix]
    assert len(blocks) == len(expected)
    for block, (kind, counts) in zip(blocks, expected):
        period = Period.for_kind(kind, 2025)
        result = parse_paste(block, period)
        got = Counter(int(a.months[0][5:7]) for a in result.activities if a.months)
        assert dict(got) == counts
        assert result.flagged == []
        assert len(result.skipped) == 1          # the heading announcing the list
        assert all(a.text and len(a.months) == 1 for a in result.activities)
        # items lose their numbers: none starts with "1、" any more
        assert not any(re.match(r"^\d+\s*[、.．]", a.text) for a in result.activities)
        if kind == "semester" and 1 in counts:
            assert any(a.months == ["2026-01"] for a in result.activities)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_whole_seed_pasted_drops_nothing(seeds_dir, prefix):
    text = _seed(seeds_dir, prefix)
    result = parse_paste(text, CAL)
    out = "\n".join([a.text for a in result.activities] + result.skipped)
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        head = match_month_head(line)
        rest = head.rest if head is not None else line
        rest = strip_item_number(rest)
        if rest:
            assert rest[:6] in out, line
    assert len(result.activities) >= sum(sum(c.values()) for _, c in EXPECTED[prefix])


# --- anything at all ------------------------------------------------------------------------------

from hypothesis import given, settings
from hypothesis import strategies as st

_PIECES = st.sampled_from(["三月份：", "七至八月", "全年", "1、", "2、", "\t", "\n", "\"", "（", "）", "月份\t工作内容",
                           "次年元月", "负责人", "—", "庆三八", "十二月：总结", " ", "\r\n", "(负责人：主席)"])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["calendar_year", "school_year", "semester", "second_half"]))
def test_any_text_parses_without_error_and_keeps_its_words(text, kind):
    period = Period.for_kind(kind, 2025)
    result = parse_paste(text, period)
    for item in result.activities:
        assert item.text.strip()
        assert all(len(m) == 7 and m[4] == "-" for m in item.months)
        assert item.months == sorted(set(item.months))
        if item.problem != OUTSIDE_PERIOD:
            assert all(period.contains(m) for m in item.months)
    words = [w for w in re.findall(r"[\u4e00-\u9fff]{2,}", text)
             if w not in {"月份", "工作内容", "负责人", "全年", "次年"}]
    out = "".join(a.text + a.owner + a.note for a in result.activities) + "".join(result.skipped)
    for word in words:
        # a word may be read as a month expression (七至八月) or a header; it is never silently lost
        assert word in out or match_month_head(word) is not None or any(
            word in line and match_month_head(line.strip()) is not None for line in text.split("\n")), word
