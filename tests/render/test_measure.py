"""render.measure restates a few export rules without python-docx: both must agree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner_gui.core import typography as ty
from planner_gui.export import docx_writer, paragraphs, table, title
from planner_gui.export.schedule import COLUMNS
from planner_gui.render import document as doc
from planner_gui.render import measure

TEXT = st.text(alphabet=st.sampled_from(list("工会年度计划学期20256ab—“”，。、 \u3000（）")),
               max_size=60)


@given(TEXT)
def test_text_width_is_the_exports(text):
    assert measure.text_width(text) == paragraphs.text_width(text)


@settings(max_examples=300)
@given(TEXT, st.floats(min_value=4, max_value=40))
def test_balance_title_is_the_exports(text, per_line):
    assert measure.balance_title(text, per_line) == title.balance_title(text, per_line)


@pytest.mark.parametrize("name", ["红星机械厂工会2025年工作计划",
                                  "阳光实验学校工会2025—2026学年度第一学期工作计划",
                                  "关于认真做好2025年度职工之家建设和群众性文体活动的工作计划"])
def test_long_titles_break_in_the_same_place(name):
    per_line = measure.title_chars_per_line(doc.TEXT_WIDTH)
    assert measure.balance_title(name, per_line) == title.balance_title(name, per_line)


def test_page_figures_are_the_exports():
    import docx

    document = docx.Document()
    sect_pr = document.sections[-1]._sectPr
    docx_writer.setup_page(sect_pr, landscape=False)
    width, height = docx_writer.text_area(sect_pr)
    assert (width, height) == (doc.TEXT_WIDTH, doc.TEXT_HEIGHT)
    assert doc.PAGE_WIDTH == docx_writer._mm_twips(ty.PAGE_WIDTH_MM)
    assert doc.FOOTER_DISTANCE == docx_writer._mm_twips(ty.FOOTER_DISTANCE_MM)


@pytest.mark.parametrize("keys", [("month", "text"), ("month", "text", "owner"),
                                  ("month", "text", "owner", "note")])
@pytest.mark.parametrize("total", [doc.TEXT_WIDTH, 13000, 5000])
def test_column_widths_are_the_exports(keys, total):
    columns = [c for c in COLUMNS if c[0] in keys]
    for size in (ty.SIZE_SIHAO, ty.SIZE_XIAOSI):
        assert measure.column_widths(columns, total, size) == table.column_widths(columns, total, size)
    assert measure.CELL_MARGIN_TWIPS == table.CELL_MARGIN_TWIPS


@given(st.lists(TEXT, min_size=2, max_size=4))
def test_kept_whole_rows_are_the_exports(texts):
    widths = [1756, 4137, 1616, 1336][:len(texts)]
    assert measure.row_kept_whole(texts, widths, 14.0, 22.0, doc.TEXT_HEIGHT) == \
        table._fits_on_a_page(texts, widths, 14.0, 22.0, doc.TEXT_HEIGHT)


@pytest.mark.parametrize("name,date", [("阳光实验学校工会委员会", "2025年2月20日"), ("工会", "2025年12月31日"),
                                       ("", "2025年1月1日"), ("红星机械厂工会委员会", ""),
                                       ("某某公司工会", "二〇二五年二月二十八日")])
def test_signature_indents_are_the_exports(name, date):
    """The export writes the signature's right indent as rightChars; ours must be the same."""
    from planner_gui.core.plan import Meta, Plan

    plan = Plan(meta=Meta(title="计划", signature=name, date="2025-02-20" if date else None))
    if date.startswith("二"):
        plan.options["date_style"] = "chinese"
    document = docx_writer.build_document(plan)
    texts = {p.text: p for p in document.paragraphs}
    ours = doc.build(plan)
    checked = 0
    for block in ours.blocks:
        if isinstance(block, doc.Paragraph) and block.style.role in ("signature", "date"):
            xml = texts[block.text]._p
            ind = xml.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ind")
            right_chars = int(ind.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rightChars"))
            assert right_chars == round(block.right_indent_chars * 100)
            checked += 1
    assert checked == bool(name) + bool(date)


def test_hanging_indent_is_the_exports():
    assert measure.hanging_chars("12、") == paragraphs.text_width("12、")
    assert measure.hanging_chars("") == 0
