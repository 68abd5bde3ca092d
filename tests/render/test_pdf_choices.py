"""`planner-gui pdf --schedule-only / --template`: the PDF is what `export`
writes with the same choice (the landscape 工作计划表; the user's template)."""

from __future__ import annotations

import re

import pytest

from planner_gui.export import docx_writer as export

from .conftest import libreoffice_pdf, need, pdf_pages, pdf_text
from .plans import stress_plan
from .test_pdf_command import run_cli


def page_size(pdf) -> tuple[float, float]:
    import subprocess

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    return float(width), float(height)


def test_pdf_schedule_only_is_the_landscape_sheet(tmp_path, plan_path, sample_plan):
    need("pdfinfo", "pdftotext")
    result = run_cli(plan_path, "--schedule-only")
    assert result.returncode == 0, result.stderr
    out = plan_path.with_name(plan_path.stem + "-工作计划表.pdf")
    width, height = page_size(out)
    assert width > height                                   # A4 landscape
    text = "".join(pdf_text(out).split())
    assert sample_plan.meta.title in text and "工作内容" in text
    assert sample_plan.preamble[0][:10] not in text         # the table alone
    assert sample_plan.meta.signature not in text


def test_schedule_sheet_pages_match_libreoffice(tmp_path, qapp):
    """Our landscape sheet breaks its pages where LibreOffice breaks the DOCX's."""
    from planner_gui.render.pdf import write_pdf

    need("soffice", "pdfinfo", "pdftotext")
    plan = stress_plan(activities=150)
    docx = tmp_path / "sheet.docx"
    from planner_gui.render.layout import export_table_breaks

    export.export_docx(plan, docx, schedule_only=True, table_breaks=export_table_breaks(plan, True))
    ours = tmp_path / "ours.pdf"
    write_pdf(plan, ours, schedule_only=True)
    theirs = libreoffice_pdf(tmp_path, docx)
    assert pdf_pages(theirs) >= 3
    assert pdf_pages(ours) == pdf_pages(theirs)
    for page in range(1, pdf_pages(ours) + 1):
        assert re.search(r"(?m)^\s*(?:[一二三四五六七八九十]+月(?:份|（续）)|全年)", pdf_text(theirs, page))


def test_pdf_template_is_the_template_export(tmp_path, plan_path):
    need("soffice", "pdftotext")
    from ..export.test_template_letterhead import LETTERHEAD, NUMBER, letterhead_template

    template = letterhead_template(tmp_path / "红头模板.docx")
    out = tmp_path / "模板.pdf"
    result = run_cli(plan_path, "-o", out, "--template", template)
    assert result.returncode == 0, result.stderr
    assert "已保留模板正文中的内容" in result.stderr
    first = "".join(pdf_text(out, 1).split())
    assert first.index(LETTERHEAD) < first.index(NUMBER)


def test_pdf_template_without_libreoffice_says_so(tmp_path, plan_path, monkeypatch):
    from planner_gui.commands import pdf as command
    from planner_gui.commands.base import CommandError
    from planner_gui.core.interchange import loads  # noqa: F401  (the plan loads as the CLI does)

    monkeypatch.setattr("shutil.which", lambda name: None)
    from planner_gui.resources import sample_plan

    with pytest.raises(CommandError, match="LibreOffice"):
        command.template_pdf(sample_plan(), tmp_path / "x.pdf", tmp_path / "t.docx", False)
    assert not (tmp_path / "x.pdf").exists()
