"""The printed page and the exported DOCX take their figures from the same
rules (core.layout_rules, core.typography): the outputs must agree."""

from __future__ import annotations

import pytest

from planner_gui.core import typography as ty
from planner_gui.core.layout_rules import mm_twips
from planner_gui.export import docx_writer
from planner_gui.render import document as doc


def test_page_figures_are_the_exports():
    import docx

    document = docx.Document()
    sect_pr = document.sections[-1]._sectPr
    docx_writer.setup_page(sect_pr, landscape=False)
    width, height = docx_writer.text_area(sect_pr)
    assert (width, height) == (doc.TEXT_WIDTH, doc.TEXT_HEIGHT)
    assert doc.PAGE_WIDTH == mm_twips(ty.PAGE_WIDTH_MM)
    assert doc.FOOTER_DISTANCE == mm_twips(ty.FOOTER_DISTANCE_MM)


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
