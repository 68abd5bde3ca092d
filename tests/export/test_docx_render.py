"""LibreOffice renders an export with CJK faces, the expected pages and page numbers.

Skipped where LibreOffice (`soffice`) or poppler-utils are not installed. The
official fonts (仿宋_GB2312, 黑体 …) are mapped to Noto CJK by
planner_gui/resources/fonts/fontconfig-aliases.conf through a generated
fonts.conf (FONTCONFIG_FILE), and each run has its own LibreOffice profile so
parallel runs do not clash.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from planner_gui.export.docx_writer import export_docx

from .docx_helpers import load_fixture

ALIASES = (Path(__file__).resolve().parents[2] / "planner_gui" / "resources" / "fonts"
           / "fontconfig-aliases.conf")

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdffonts") and shutil.which("pdfinfo")
         and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) or poppler-utils not installed")


def fonts_conf(folder: Path) -> Path:
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <include>{ALIASES}</include>\n"
        "</fontconfig>\n", encoding="utf-8")
    return conf


def to_pdf(tmp_path: Path, *documents: Path) -> list[Path]:
    out = tmp_path / "pdf"
    out.mkdir()
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf(tmp_path)), HOME=str(tmp_path))
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, documents)],
        capture_output=True, text=True, env=env, timeout=300)
    pdfs = [out / (d.stem + ".pdf") for d in documents]
    missing = [p.name for p in pdfs if not p.is_file()]
    assert not missing, f"LibreOffice made no PDF for {missing}: {result.stderr[-2000:]}"
    return pdfs


def pdf_info(pdf: Path) -> dict:
    text = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def pdf_fonts(pdf: Path) -> list[str]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return [line.split()[0] for line in lines if line.strip()]


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_render_uses_cjk_faces_and_numbers_pages(tmp_path):
    plan = load_fixture("calendar_plan")
    full, sheet = tmp_path / "计划.docx", tmp_path / "计划表.docx"
    export_docx(plan, full)
    export_docx(plan, sheet, schedule_only=True)
    full_pdf, sheet_pdf = to_pdf(tmp_path, full, sheet)

    info = pdf_info(full_pdf)
    assert 2 <= int(info["Pages"]) <= 3
    assert re.search(r"595\.\d* x 841\.\d*", info["Page size"])          # A4 portrait
    sheet_info = pdf_info(sheet_pdf)
    assert int(sheet_info["Pages"]) == 1
    assert re.search(r"841\.\d* x 595\.\d*", sheet_info["Page size"])    # A4 landscape

    for pdf in (full_pdf, sheet_pdf):
        fonts = pdf_fonts(pdf)
        assert fonts, "no fonts embedded"
        # Noto CJK faces, or the Kai face that stands in for 楷体 (scripts/setup.sh)
        latin = [f for f in fonts if "CJK" not in f and "UKai" not in f]
        assert not latin, f"fell back to non-CJK fonts: {latin}"

    first, second = page_text(full_pdf, 1), page_text(full_pdf, 2)
    assert "红星机械厂工会2025年工作计划" in first.replace(" ", "")
    assert re.search(r"—\s*1\s*—", first)
    assert re.search(r"—\s*2\s*—", second)
    # odd page number at the right, even at the left
    last_line = lambda text: [l for l in text.splitlines() if l.strip()][-1]  # noqa: E731
    assert last_line(first).startswith(" " * 20)
    assert not last_line(second).startswith(" " * 20)
