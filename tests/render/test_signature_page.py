"""The 落款 and 成文日期 never stand alone on the last page: the text's last
paragraph (or the month table's last row) goes over with them, in LibreOffice's
rendering of the DOCX and in the program's own PDF alike."""

from __future__ import annotations

import re

import pytest

from planner_gui.core.plan import Activity
from planner_gui.resources import load_template, sample_plan, template_names
from planner_gui.export import docx_writer as export

from ..export.docx_helpers import simple_plan
from .conftest import libreoffice_pdf, need, pdf_pages, pdf_text
from .plans import stress_plan

LINE = "这是一行用来填满正文宽度的测试文字共有二十六个字"   # 24 characters


def last_page_lines(pdf) -> list[str]:
    last = pdf_pages(pdf)
    lines = [re.sub(r"\s+", "", line) for line in pdf_text(pdf, last).splitlines()]
    return [line for line in lines if line and not re.fullmatch(r"—\d+—", line)]


def assert_signature_not_alone(pdf, plan) -> None:
    lines = last_page_lines(pdf)
    signature = plan.meta.signature or plan.meta.organization
    assert signature in lines, lines
    assert lines.index(signature) > 0, f"the signature starts the last page: {lines}"


def render_both(tmp_path, plan, name):
    from planner_gui.render.pdf import write_pdf

    need("soffice", "pdfinfo", "pdftotext")
    docx = tmp_path / f"{name}.docx"
    export.export_docx(plan, docx)
    ours = tmp_path / f"{name}-ours.pdf"
    write_pdf(plan, ours)
    return libreoffice_pdf(tmp_path, docx), ours


def _dated(plan):
    plan.meta.date = plan.meta.date or "2026-02-20"
    return plan


def _plans():
    for name in template_names():
        if name != "sample":
            yield f"starter-{name}", lambda name=name: _dated(load_template(name, 2026, "青石镇总工会"))
    yield "sample", sample_plan
    yield "stress", stress_plan


def _closing_at_page_end(lines_before: int):
    """A plan whose six-line closing paragraph ends where the signature no longer fits."""
    plan = simple_plan()
    plan.preamble = [LINE] * lines_before
    plan.closing = [LINE * 6 + "结尾。"]
    return plan


def _table_at_page_end(lines_before: int):
    """A plan that ends with the month table, its last row at the foot of a page."""
    plan = simple_plan()
    plan.preamble = [LINE] * lines_before
    plan.sections = plan.sections[:1]
    plan.closing = []
    plan.schedule = [Activity(f"a{i}", ["2025-03"], LINE[:20], "主席", "") for i in range(3)]
    return plan


CASES = list(_plans()) + [
    ("closing-at-page-end", lambda: _closing_at_page_end(3)),
    ("table-at-page-end", lambda: _table_at_page_end(9)),
]


@pytest.mark.parametrize("name,make_plan", CASES, ids=[c[0] for c in CASES])
def test_signature_never_alone_on_the_last_page(tmp_path, qapp, name, make_plan):
    plan = make_plan()
    theirs, ours = render_both(tmp_path, plan, name)
    assert_signature_not_alone(theirs, plan)
    assert_signature_not_alone(ours, plan)
    assert pdf_pages(ours) == pdf_pages(theirs)


@pytest.mark.parametrize("lines_before", range(12))
def test_our_pdf_keeps_the_signature_with_the_text(tmp_path, qapp, lines_before):
    """Wherever the text ends on the page, the last page has more than the signature."""
    from planner_gui.render.pdf import write_pdf

    need("pdftotext", "pdfinfo")
    for make in (_closing_at_page_end, _table_at_page_end):
        plan = make(lines_before)
        pdf = tmp_path / f"{make.__name__}-{lines_before}.pdf"
        write_pdf(plan, pdf)
        assert_signature_not_alone(pdf, plan)
