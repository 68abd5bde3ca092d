"""Every page of the month table names its month in the month column: a month
whose rows run onto the next page is labelled there (六月（续）), in
LibreOffice's rendering of the DOCX and in the program's own PDF alike."""

from __future__ import annotations

import re

import pytest

from planner_gui.resources import sample_plan
from planner_gui.export import docx_writer as export

from .conftest import libreoffice_pdf, need, pdf_pages, pdf_text
from .plans import stress_plan

LABEL = re.compile(r"^\s*(?:[一二三四五六七八九十]+月(?:份|（续）)|全年)", re.M)
CONTINUED = re.compile(r"^\s*[一二三四五六七八九十]+月（续）", re.M)


def table_pages(pdf) -> list[str]:
    pages = [pdf_text(pdf, n) for n in range(1, pdf_pages(pdf) + 1)]
    return [text for text in pages if re.search(r"月份\s+工作内容", text)]


@pytest.mark.parametrize("make_plan", [stress_plan, sample_plan], ids=["stress", "sample"])
def test_every_table_page_names_its_month(tmp_path, qapp, make_plan):
    from planner_gui.render.pdf import write_pdf

    need("soffice", "pdftotext", "pdfinfo")
    plan = make_plan()
    docx = tmp_path / "plan.docx"
    from planner_gui.render.layout import export_table_breaks

    export.export_docx(plan, docx, table_breaks=export_table_breaks(plan))
    ours = tmp_path / "ours.pdf"
    write_pdf(plan, ours)
    theirs = libreoffice_pdf(tmp_path, docx)
    for pdf in (theirs, ours):
        pages = table_pages(pdf)
        assert pages
        for number, text in enumerate(pages):
            assert LABEL.search(text), f"table page {number + 1} has no month label"
    if make_plan is stress_plan:
        continued = [len(CONTINUED.findall(text)) for text in table_pages(theirs)]
        assert sum(continued) >= 5
        assert continued == [len(CONTINUED.findall(text)) for text in table_pages(ours)]


def test_without_the_layout_a_month_runs_on_unlabelled(tmp_path, qapp):
    """The check can fail: the same plan exported without page breaks loses labels."""
    from planner_gui.export import docx_writer

    need("soffice", "pdftotext", "pdfinfo")
    docx = tmp_path / "plan.docx"
    document = docx_writer.build_document(stress_plan(), table_breaks=frozenset())
    document.save(str(docx))
    pages = table_pages(libreoffice_pdf(tmp_path, docx))
    assert not all(LABEL.search(text) for text in pages)
