"""Measured on the page, in LibreOffice's rendering of the DOCX and in our PDF:
the page number's 一字线 7 mm below the text block (GB/T 9704), the 成文日期
右空四字 with the signature centred over it."""

from __future__ import annotations

import re
import subprocess

import pytest

from planner_gui.core import typography as ty
from planner_gui.resources import sample_plan
from planner_gui.export import docx_writer as export

from .conftest import libreoffice_pdf, need, pdf_pages

PT_PER_MM = 72 / 25.4
PAGE_HEIGHT_PT = ty.PAGE_HEIGHT_MM * PT_PER_MM
BLOCK_BOTTOM_PT = PAGE_HEIGHT_PT - ty.MARGIN_BOTTOM_MM * PT_PER_MM
BLOCK_RIGHT_PT = (ty.PAGE_WIDTH_MM - ty.MARGIN_RIGHT_MM) * PT_PER_MM
CHAR_PT = ty.SIZE_SANHAO


def dash_stroke_below_block_mm(pdf, page: int = 1, dpi: int = 600) -> float:
    """Where the first 一字线's stroke is drawn, found in the pixels of the footer."""
    scale = dpi / 72
    words = words_on(pdf, page)
    dash = next(w for w in words if w[4] == "—" and w[1] > BLOCK_BOTTOM_PT)
    x0, y0 = dash[0] + 2, BLOCK_BOTTOM_PT
    width, height = dash[2] - dash[0] - 4, dash[3] - y0 + 5
    out = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                          "-x", str(int(x0 * scale)), "-y", str(int(y0 * scale)),
                          "-W", str(int(width * scale)), "-H", str(int(height * scale)), str(pdf)],
                         capture_output=True, check=True).stdout
    _, size, _, data = out.split(b"\n", 3)
    columns, rows = map(int, size.split())
    dark = [r for r in range(rows) if sum(data[r * columns + c] < 128 for c in range(columns)) > columns / 2]
    assert dark, "no dash stroke found"
    return (dark[0] + dark[-1]) / 2 / scale / PT_PER_MM


def words_on(pdf, page: int) -> list[tuple[float, float, float, float, str]]:
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    pattern = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')
    return [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in pattern.findall(xml)]


def line_extent(words, first: str, last: str) -> tuple[float, float]:
    """x from the start of the word `first` to the end of the next word `last` on its line."""
    start = next(w for w in words if w[4].startswith(first))
    end = next(w for w in words if w[4].endswith(last) and abs(w[1] - start[1]) < 2 and w[2] >= start[0])
    return start[0], end[2]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, qapp):
    from planner_gui.render.pdf import write_pdf

    need("soffice", "pdftotext", "pdftoppm", "pdfinfo")
    folder = tmp_path_factory.mktemp("furniture")
    plan = sample_plan()
    docx = folder / "sample.docx"
    export.export_docx(plan, docx)
    ours = folder / "ours.pdf"
    write_pdf(plan, ours)
    return plan, {"LibreOffice": libreoffice_pdf(folder, docx), "ours": ours}


@pytest.mark.parametrize("renderer", ["LibreOffice", "ours"])
def test_page_number_dash_is_7_mm_below_the_text_block(rendered, renderer):
    _, pdfs = rendered
    for page in (1, 2):
        assert dash_stroke_below_block_mm(pdfs[renderer], page) == pytest.approx(7.0, abs=0.5)


@pytest.mark.parametrize("renderer", ["LibreOffice", "ours"])
def test_date_four_characters_in_with_the_signature_centred_over_it(rendered, renderer):
    plan, pdfs = rendered
    pdf = pdfs[renderer]
    words = words_on(pdf, pdf_pages(pdf))
    name_left, name_right = line_extent(words, plan.meta.signature, plan.meta.signature)
    date_left, date_right = line_extent(words, plan.meta.date[:4], "日")
    assert (BLOCK_RIGHT_PT - date_right) / CHAR_PT == pytest.approx(4.0, abs=0.15)
    offset = ((name_left + name_right) - (date_left + date_right)) / 2 / CHAR_PT
    assert offset == pytest.approx(0.0, abs=0.35)   # Noto's digits are a little wider than 仿宋's
