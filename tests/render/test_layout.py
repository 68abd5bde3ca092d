"""The page layout: margins, line pitch, page numbers, table rules, fonts."""

from __future__ import annotations

import sys

import pytest

from planner_gui.core.plan import Activity, Meta, Plan, Section
from planner_gui.core.period import Period
from planner_gui.core import layout_rules
from planner_gui.render import document as doc
from planner_gui.render import layout as lay
from planner_gui.render import lines
from planner_gui.render.fonts import FontResolver, Substitution, candidates, describe, is_same_font

from .plans import stress_plan

TOP, LEFT = doc.MARGIN_TOP, doc.MARGIN_LEFT
BOTTOM, RIGHT = doc.MARGIN_TOP + doc.TEXT_HEIGHT, doc.MARGIN_LEFT + doc.TEXT_WIDTH


def line_text(placed: lay.PlacedLine) -> str:
    line = placed.layout.lineAt(placed.index)
    return placed.layout.text()[line.textStart():line.textStart() + line.textLength()]


def baseline(placed: lay.PlacedLine) -> float:
    return placed.y + placed.layout.lineAt(placed.index).ascent()


def page_texts(page: lay.Page) -> list[str]:
    return [line_text(p) for p in page.lines]


@pytest.fixture(scope="module")
def stress_pages(qapp):
    return lay.layout_plan(stress_plan())


@pytest.fixture(scope="module")
def long_table(qapp):
    """A plan whose month table runs over many pages, and its layout (laid out once)."""
    plan = stress_plan(seed=5, activities=200)
    return plan, lay.layout_plan(plan)


def test_every_line_inside_the_text_block(stress_pages):
    assert len(stress_pages) >= 25
    for page in stress_pages.pages:
        assert page.lines
        for placed in page.lines:
            line = placed.layout.lineAt(placed.index)
            left = placed.x + line.x()
            assert LEFT - 1 <= left
            # a hanging 、。，． may reach one character into the right margin
            assert left + line.naturalTextWidth() <= RIGHT + 330
            assert TOP < baseline(placed) <= BOTTOM


def test_body_lines_follow_the_28_point_pitch(qapp):
    plan = Plan(meta=Meta(title=""), preamble=["工会" * 400])
    pages = lay.layout_plan(plan)
    lines = pages.pages[0].lines
    steps = {round(baseline(b) - baseline(a), 3) for a, b in zip(lines, lines[1:])}
    assert steps == {560.0}
    assert len(lines) == 22             # 22 lines a page (GB/T 9704)
    first = lines[0].layout.lineAt(0)
    assert first.x() == 640             # 2-character first-line indent
    assert round(baseline(lines[0]) - TOP, 3) == 560 * lay.FIXED_ASCENT
    # 28 characters a line: 26 after the indent, then 28
    assert [len(line_text(p)) for p in lines[:3]] == [26, 28, 28]


def test_page_numbers_sit_outside(stress_pages):
    for page in stress_pages.pages:
        footer = page.footer
        text = line_text(footer)
        assert text == f"— {page.number} —"
        line = footer.layout.lineAt(0)
        left = footer.x + line.x() + (line.width() - line.naturalTextWidth() if page.number % 2 else 0)
        if page.number % 2:   # odd: right, one 四号 character in
            assert abs(left + line.naturalTextWidth() - (RIGHT - 280)) < 30
        else:                  # even: left, one character in
            assert abs(footer.x + line.x() - (LEFT + 280)) < 1
        assert baseline(footer) > BOTTOM


def test_hanging_punctuation_and_kinsoku(qapp):
    fonts = lines.Fonts({"body": "仿宋_GB2312"}, FontResolver())
    style = doc.styles({})["body"]
    font = fonts.for_style(style)
    # 28 characters fill a line; the 29th, a full stop, hangs in the margin
    text = "工" * 28 + "。" + "会" * 10
    block = lines.break_lines(text, style, font, doc.TEXT_WIDTH)
    first = block.layout.lineAt(0)
    assert first.textLength() == 29
    # so do ：；！？ and their ASCII forms
    for mark in "：；！？,.;:!?":
        block = lines.break_lines("工" * 28 + mark + "会" * 10, style, font, doc.TEXT_WIDTH)
        assert block.layout.lineAt(0).textLength() == 29, mark
    # a closing bracket cannot start a line nor hang: the character before it goes along
    text = "工" * 28 + "）" + "会" * 10
    block = lines.break_lines(text, style, font, doc.TEXT_WIDTH)
    assert block.layout.lineAt(0).textLength() == 27
    # table text (left aligned) never hangs
    cell = doc.styles({})["table_text"]
    block = lines.break_lines("工" * 5 + "、会", cell, fonts.font("body", 14), 1400)
    assert block.layout.lineAt(0).textLength() == 4


def test_chinese_dashes_are_one_em(qapp):
    assert lines.full_width_dashes("甲——乙") == [1, 2]
    assert lines.full_width_dashes("— 1 —") == []
    fonts = lines.Fonts({"body": "仿宋_GB2312"}, FontResolver())
    style = doc.styles({})["body"]
    font = fonts.for_style(style)
    # 28 characters a line, dashes included (a Western em dash is narrower)
    block = lines.break_lines("甲—" * 30, style, font, doc.TEXT_WIDTH)
    assert block.layout.lineAt(1).textLength() == 28


def test_autospace_between_chinese_and_latin():
    assert lines.autospace_positions("第41个") == [0, 2]
    assert lines.autospace_positions("（1）组织") == []
    assert lines.autospace_positions("2025年，3月") == [3, 6]
    assert lines.autospace_positions("年，2025") == []
    assert lines.autospace_positions("Qt，己") == []


def test_widow_and_orphan_control(qapp):
    """A three-line paragraph never leaves one line alone on either page."""
    preamble = ["工会" * 13] * 20 + ["学校" * 40]   # 20 one-line paragraphs, then three lines
    plan = Plan(meta=Meta(title=""), preamble=preamble)
    pages = lay.layout_plan(plan)
    first, second = page_texts(pages.pages[0]), page_texts(pages.pages[1])
    assert len(first) == 20 and len(second) == 3   # two lines would fit: all three moved


def test_headings_keep_with_the_next_paragraph(stress_pages):
    headings = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"}
    for page in stress_pages.pages:
        last = line_text(page.lines[-1])
        assert not any(last.startswith(h) for h in headings), last


def test_table_header_repeats_and_months_appear_once(long_table):
    plan, pages = long_table
    table_pages = [p for p in pages.pages if "工作内容" in page_texts(p)]
    assert len(table_pages) >= 5
    for page in table_pages:
        texts = page_texts(page)
        assert texts.count("月份") == 1 and texts.count("工作内容") == 1
        assert page.rules   # the table is ruled on every page it covers
    labels = [t for p in pages.pages for t in page_texts(p) if t.endswith("月份") and t != "月份"]
    table = next(b for b in doc.build(plan).blocks if isinstance(b, doc.Table))
    groups, months = table.groups, [g.label for g in table.groups]
    month_chars = (table.widths[0] - 2 * layout_rules.CELL_MARGIN_TWIPS) / layout_rules.twips(
        table.text_style.size)
    # a month running onto the next page is named there, on one line: 六月（续）,
    # or 十一月份 repeated where 十一月（续） would not fit the month column
    continued = [t for p in pages.pages for t in page_texts(p) if t.endswith("（续）")]
    repeated = [groups[g].label for g, _ in pages.table_breaks
                if layout_rules.continued_label(groups[g].label, month_chars) == groups[g].label]
    assert len(continued) + len(repeated) == len(pages.table_breaks) >= 3
    assert all(t[:-3] + "份" in months or t[:-3] in months for t in continued)
    assert sorted(labels) == sorted([m for m in months if m.endswith("月份")] + repeated)


def test_every_table_page_names_its_month(long_table):
    """The first row on every page of the table has a month label (六月 or 六月（续）)."""
    _, pages = long_table
    table_pages = [p for p in pages.pages if "工作内容" in page_texts(p)]
    assert len(table_pages) >= 10
    for page in table_pages:
        labels = [t for t in page_texts(page) if t.endswith(("月份", "（续）", "全年")) and t != "月份"]
        assert labels, page.number


def test_rows_are_not_split(qapp):
    plan = stress_plan(seed=6, activities=120)
    pages = lay.layout_plan(plan)
    pages_of: dict[int, set[int]] = {}
    texts: dict[int, str] = {}
    for page in pages.pages:
        for placed in page.lines:
            pages_of.setdefault(id(placed.layout), set()).add(page.number)
            texts[id(placed.layout)] = placed.layout.text()
    table = next(b for b in doc.build(plan).blocks if isinstance(b, doc.Table))
    cells = {row.number + row.text for group in table.groups for row in group.rows}
    assert cells & set(texts.values())
    split = [texts[key] for key, numbers in pages_of.items() if len(numbers) > 1]
    assert split, "some body paragraphs run over a page"
    assert not [t for t in split if t in cells]


def test_a_row_taller_than_a_page_splits(qapp):
    plan = Plan(meta=Meta(title="计划", period=Period.for_kind("calendar_year", 2025)))
    plan.sections = [Section("s1", "具体月份工作安排")]
    plan.schedule = [Activity("a1", ["2025-03"], "很长的活动说明" * 200, "工会")]
    pages = lay.layout_plan(plan)
    assert len(pages) >= 3
    for page in pages.pages[1:]:
        assert "工作内容" in page_texts(page)   # header repeated above the continued row


def test_merged_month_cell_draws_its_label_once(qapp):
    plan = Plan(meta=Meta(title="计划", period=Period.for_kind("calendar_year", 2025)))
    plan.sections = [Section("s1", "具体月份工作安排")]
    plan.schedule = [Activity(f"a{i}", ["2025-03"], f"活动{i}", "工会") for i in range(60)]
    pages = lay.layout_plan(plan)
    assert len(pages) >= 2
    assert sum(page_texts(p).count("三月份") for p in pages.pages) == 1
    # inside the merged cell no rule crosses the month column
    table = next(b for b in doc.build(plan).blocks if isinstance(b, doc.Table))
    month_right = LEFT + table.widths[0]
    horizontals = [r for r in pages.pages[0].rules if r.y1() == r.y2()]
    crossing = [r for r in horizontals if r.x1() <= LEFT + 1 and r.x2() >= month_right - 1]
    assert len(crossing) == 3    # table top, under the header, the page's bottom


def test_keeps_none_alive_across_many_layouts(qapp):
    """The PySide6 6.12 refcount bug must not bring the interpreter down."""
    plan = stress_plan(seed=2, activities=30)
    for _ in range(3):
        lay.layout_plan(plan)
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > 1 << 30


# --- fonts --------------------------------------------------------------------------

def test_named_font_wins_when_installed():
    resolver = FontResolver(frozenset({"仿宋_GB2312", "Noto Serif CJK SC"}))
    assert resolver.family("仿宋_GB2312") == "仿宋_GB2312"
    assert resolver.substitutions() == []


def test_same_font_under_its_english_name_is_no_substitution():
    resolver = FontResolver(frozenset({"SimHei", "Noto Sans CJK SC"}))
    assert resolver.family("黑体") == "SimHei"
    assert resolver.substitutions() == []
    assert is_same_font("黑体", "SimHei")


def test_a_font_of_the_same_kind_before_noto():
    resolver = FontResolver(frozenset({"仿宋", "楷体", "Noto Serif CJK SC", "Noto Sans CJK SC"}))
    assert resolver.family("仿宋_GB2312") == "仿宋"
    assert resolver.family("楷体_GB2312") == "楷体"
    assert resolver.family("黑体") == "Noto Sans CJK SC"
    assert resolver.substitutions() == [Substitution("仿宋_GB2312", "仿宋"), Substitution("楷体_GB2312", "楷体"),
                                        Substitution("黑体", "Noto Sans CJK SC")]


def test_noto_by_kind():
    resolver = FontResolver(frozenset({"Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Sans"}))
    assert [resolver.family(n) for n in ("方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "宋体", "黑体")] == \
        ["Noto Serif CJK SC"] * 4 + ["Noto Sans CJK SC"]
    assert "黑体 → Noto Sans CJK SC" in describe(resolver.substitutions())


def test_last_resort_is_a_chinese_font(qapp):
    resolver = FontResolver(frozenset({"DejaVu Sans"}))
    from PySide6.QtGui import QFontDatabase

    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert resolver.family("仿宋_GB2312") in chinese


def test_candidates_start_with_the_name():
    assert candidates("黑体")[:2] == ["黑体", "SimHei"]
    assert "Noto Serif CJK SC" in candidates("楷体_GB2312")


def test_this_machine_prints_with_cjk_faces(qapp):
    pages = lay.layout_plan(stress_plan(seed=1, activities=5))
    used = {s.used for s in pages.substitutions}
    assert used and all("CJK" in name or name in ("仿宋", "楷体", "黑体", "宋体", "AR PL UKai CN")
                        for name in used)
