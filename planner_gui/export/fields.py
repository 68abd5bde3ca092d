"""Page numbers "— 1 —" as a PAGE field: odd pages right, even pages left.

GB/T 9704: 四号 宋体, the number between em dashes, 单页码居右空一字,
双页码居左空一字. Word shows different odd and even footers only with
w:evenAndOddHeaders in settings.xml, which the caller switches on.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from ..core import typography as ty
from .paragraphs import make_paragraph, make_run
from ..core.layout_rules import twips
from .xmlutil import get_or_add, make, set_fonts


def _field_runs(instruction: str, cached: str, font: str | None, size: float):
    """begin / instrText / separate / cached result / end, each in its own run."""
    def run_with(child):
        run = make_run("", font, size=size)
        run.append(child)
        return run

    instr = make("instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        run_with(make("fldChar", fldCharType="begin")),
        run_with(instr),
        run_with(make("fldChar", fldCharType="separate")),
        make_run(cached, font, size=size),
        run_with(make("fldChar", fldCharType="end")),
    ]


def page_number_paragraph(style_id: str, font: str | None, odd: bool):
    """The footer paragraph: "— PAGE —" with one character's gap to the edge."""
    size = ty.SIZE_SIHAO
    gap = ty.PAGE_NUMBER_GAP_CHARS
    side = "right" if odd else "left"
    ind = {f"{side}Chars": gap * 100, side: twips(gap * size)}
    p = make_paragraph(style_id, "", None, align=side, ind=ind)
    dash = ty.PAGE_NUMBER_DASH
    p.append(make_run(f"{dash} ", font, size=size))
    for run in _field_runs("PAGE", "1" if odd else "2", font, size):
        p.append(run)
    p.append(make_run(f" {dash}", font, size=size))
    if font:
        set_fonts(get_or_add(p.find(qn("w:pPr")), "rPr"), font)
    return p


def fill_footer(footer, style_id: str, font: str | None, odd: bool) -> None:
    """Replace a python-docx footer's content with the page-number paragraph."""
    element = footer._element
    for child in list(element):
        element.remove(child)
    element.append(page_number_paragraph(style_id, font, odd))
