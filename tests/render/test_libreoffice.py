"""The PDF has the pages of the exported DOCX as LibreOffice renders it (±1 page).

Runs where LibreOffice (`soffice`) and poppler-utils are installed; the fonts the DOCX names resolve to Noto CJK through
planner_gui/resources/fonts/fontconfig-aliases.conf, as our layout's do.
"""

from __future__ import annotations

import re

from planner_gui.export import docx_writer as export

from .conftest import libreoffice_pdf, need, pdf_pages, pdf_text
from .plans import stress_plan


def both(tmp_path, plan, name):
    from planner_gui.render.pdf import write_pdf

    need("soffice", "pdfinfo", "pdftotext")
    docx = tmp_path / f"{name}.docx"
    export.export_docx(plan, docx)
    theirs = libreoffice_pdf(tmp_path, docx)
    ours = tmp_path / f"{name}-ours.pdf"
    write_pdf(plan, ours)
    return ours, theirs


def lines_of(pdf, page):
    return [re.sub(r"\s+", "", line) for line in pdf_text(pdf, page).splitlines() if line.strip()]


def test_sample_plan_pages_match(tmp_path, qapp, sample_plan):
    ours, theirs = both(tmp_path, sample_plan, "sample")
    assert abs(pdf_pages(ours) - pdf_pages(theirs)) <= 1
    # the first page breaks its lines where LibreOffice does (a hanging 。 aside)
    strip = lambda lines: [line.rstrip("，。、") for line in lines]  # noqa: E731
    assert strip(lines_of(ours, 1)) == strip(lines_of(theirs, 1))


def test_stress_plan_pages_match(tmp_path, qapp):
    plan = stress_plan()
    ours, theirs = both(tmp_path, plan, "stress")
    assert pdf_pages(theirs) >= 25
    assert abs(pdf_pages(ours) - pdf_pages(theirs)) <= 1


def test_options_and_a_table_of_its_own(tmp_path, qapp):
    plan = stress_plan(seed=3, activities=60)
    plan.sections = plan.sections[:3]                 # no host: the table gets its own section
    plan.meta.title = "东方机床厂工会委员会关于2025年度职工之家建设和群众性文体活动的工作计划"
    plan.options = {"font_profile": "windows", "bold_headings": True, "level3_style": "comma",
                    "date_style": "chinese", "hide_empty_columns": False}
    ours, theirs = both(tmp_path, plan, "options")
    assert abs(pdf_pages(ours) - pdf_pages(theirs)) <= 1
