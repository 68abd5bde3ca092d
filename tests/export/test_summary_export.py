"""A 工作总结 (core.summary) exported to DOCX in the official profile: the
profile's own checks pass on it, its body has no month table, and the
appendix 全年活动完成情况 (月份 | 活动 | 完成情况) follows on a page of its own."""

from __future__ import annotations

import docx
import pytest

from planner_gui.core.summary import APPENDIX_TITLE, build_summary
from planner_gui.export.docx_writer import export_docx

from . import test_docx_profile as profile
from .docx_helpers import NS, attr, part_xml, w


def marked_plan(plan):
    """The calendar fixture with a year's record: some done, dated, described."""
    for index, activity in enumerate(plan.schedule):
        activity.done = index % 2 == 0
        if activity.done:
            activity.done_on = (activity.months[0] if activity.months else "2025-12")
            activity.outcome = f"第{index + 1}项已办，{10 * (index + 1)}人参加"
    return plan


@pytest.fixture
def summary(calendar_plan):
    return build_summary(marked_plan(calendar_plan))


@pytest.fixture
def exported(tmp_path, summary):
    path = tmp_path / "summary.docx"
    export_docx(summary, path)
    return path


@pytest.mark.parametrize("check", [
    profile.test_page_is_a4_with_the_standard_margins,
    profile.test_no_letter_size_japanese_or_theme_leftovers,
    profile.test_theme_east_asian_fonts_are_the_profile_fonts,
    profile.test_language_and_defaults_are_chinese,
    profile.test_every_paragraph_style_sets_east_asian_font_and_size,
    profile.test_body_indent_and_exact_line_spacing,
    profile.test_fonts_live_in_the_styles_not_on_the_runs,
    profile.test_page_numbers_are_page_fields_odd_right_even_left,
    profile.test_property_elements_are_in_schema_order,
    profile.test_line_breaks_are_not_justified,
], ids=lambda f: f.__name__)
def test_the_summary_passes_the_profile_checks(check, exported):
    check(exported)


def texts(path):
    return [p.text for p in docx.Document(str(path)).paragraphs]


def table_rows(tbl):
    return [["".join(tc.itertext()) for tc in tr.findall("w:tc", NS)] for tr in tbl.findall("w:tr", NS)]


def test_body_then_signature_then_the_appendix(exported, summary):
    paragraphs = texts(exported)
    assert paragraphs[0] == "红星机械厂工会2025年工作总结"
    assert "一、主要工作及成效" in paragraphs
    assert "二、存在的问题和不足" in paragraphs and "三、下一年工作打算" in paragraphs
    signature = paragraphs.index(summary.meta.signature)
    assert paragraphs[signature + 1:signature + 3] == ["附件", APPENDIX_TITLE]
    body = part_xml(exported, "word/document.xml").find("w:body", NS)
    tables = body.findall("w:tbl", NS)
    assert len(tables) == 1                       # no month table in the body, only the appendix
    label = [p for p in body.findall("w:p", NS) if "".join(p.itertext()) == "附件"][0]
    assert label.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert list(body).index(tables[0]) > list(body).index(label)


def test_appendix_table_lists_every_activity_with_its_outcome(exported, summary):
    tbl = part_xml(exported, "word/document.xml").find(".//w:tbl", NS)
    rows = table_rows(tbl)
    assert rows[0] == ["月份", "活动", "完成情况"]
    assert tbl.findall("w:tr", NS)[0].find("w:trPr/w:tblHeader", NS) is not None
    assert len(rows) - 1 == len(summary.schedule)
    outcomes = [row[2] for row in rows[1:]]
    assert outcomes.count("未完成") == sum(not a.done for a in summary.schedule)
    for activity in summary.schedule:
        if activity.done:
            assert any(activity.outcome in cell and cell.startswith("已完成（2025年") for cell in outcomes)


def test_appendix_can_be_switched_off_and_a_plan_still_gets_its_month_table(tmp_path, summary,
                                                                              calendar_plan):
    summary.options["completion_appendix"] = False
    path = tmp_path / "no-appendix.docx"
    export_docx(summary, path)
    assert part_xml(path, "word/document.xml").find(".//w:tbl", NS) is None
    assert "附件" not in texts(path)
    plan_path = tmp_path / "plan.docx"
    export_docx(calendar_plan, plan_path)
    rows = table_rows(part_xml(plan_path, "word/document.xml").find(".//w:tbl", NS))
    assert rows[0][:2] == ["月份", "工作内容"]


def test_appendix_label_is_flush_left_and_the_title_centred(exported):
    body = part_xml(exported, "word/document.xml").find("w:body", NS)
    label = [p for p in body.findall("w:p", NS) if "".join(p.itertext()) == "附件"][0]
    assert attr(label.find("w:pPr/w:ind", NS), "firstLine") == "0"
    title = label.getnext()
    assert "".join(title.itertext()) == APPENDIX_TITLE
    assert title.find("w:pPr/w:pStyle", NS).get(w("val")) == "Title"


def test_headings_carry_numbering_text_and_outline_level(exported, summary):
    body = part_xml(exported, "word/document.xml").find("w:body", NS)
    headings = [(p.find("w:pPr/w:pStyle", NS).get(w("val")), p.find("w:pPr/w:outlineLvl", NS).get(w("val")),
                 "".join(p.itertext()))
                for p in body.findall("w:p", NS) if p.find("w:pPr/w:outlineLvl", NS) is not None]
    parts = [("Heading2", "1", f"（{'一二三四五六'[i]}）{part.heading}")
             for i, part in enumerate(summary.sections[0].children)]
    assert headings == [("Heading1", "0", "一、主要工作及成效"), *parts,
                        ("Heading1", "0", "二、存在的问题和不足"), ("Heading1", "0", "三、下一年工作打算")]


def test_the_summary_is_valid_against_the_schema(exported):
    """openxml-audit's schema and package checks (skipped where it is not installed)."""
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator().validate(str(exported))
    assert result.is_valid, [str(error) for error in result.errors][:5]


def test_appendix_columns_share_the_text_width(exported):
    """活动 and 完成情况 split what the month column leaves; the cells agree with the grid."""
    tbl = part_xml(exported, "word/document.xml").find(".//w:tbl", NS)
    grid = [int(attr(col, "w")) for col in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert grid[2] > grid[0] and abs(grid[1] - grid[2]) < grid[1] // 3
    assert sum(grid) == int(attr(tbl.find("w:tblPr/w:tblW", NS), "w"))
    for tr in tbl.findall("w:tr", NS):
        assert [int(attr(tc.find("w:tcPr/w:tcW", NS), "w")) for tc in tr.findall("w:tc", NS)] == grid
