"""Paragraphs and runs built as XML, with text made safe for XML on the way.

Text reaching the export was cleaned by core.sanitize when it entered the
plan; clean_text runs again here so that a \\x0b or \\x0c that slipped in
becomes a line break instead of an lxml error.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn

from ..core.sanitize import clean_text
from .xmlutil import get_or_add, make, set_child, set_fonts


def _run_shell(font: str | None, bold: bool | None, size: float | None):
    run = make("r")
    if font or bold is not None or size:
        rpr = make("rPr")
        run.insert(0, rpr)
        if font:
            set_fonts(rpr, font)
        if bold is not None:
            set_child(rpr, "b", val=1 if bold else 0)
            set_child(rpr, "bCs", val=1 if bold else 0)
        if size:
            half = int(round(size * 2))
            set_child(rpr, "sz", val=half)
            set_child(rpr, "szCs", val=half)
    return run


def _paragraph_shell(style_id: str, font: str | None, align: str | None,
                     outline_level: int | None, ind: tuple | None, no_numbering: bool,
                     empty: bool):
    p = make("p")
    ppr = make("pPr")
    p.append(ppr)
    set_child(ppr, "pStyle", val=style_id)
    if no_numbering:
        set_child(ppr, "numPr").append(make("numId", val=0))
    if ind:
        set_child(ppr, "ind", **dict(ind))
    if align:
        set_child(ppr, "jc", val=align)
    if outline_level is not None:
        set_child(ppr, "outlineLvl", val=outline_level)
    if empty and font:
        # an empty paragraph still carries its font on the paragraph mark
        set_fonts(get_or_add(ppr, "rPr"), font)
    return p


class Shells(dict):
    """Finished empty <w:p>/<w:r> elements by their properties, deep-copied for
    each new one: a 1,000-row month table builds the same few shells tens of
    thousands of times, and lxml copies a tree far faster than Python builds it.
    Bounded, though the keys are few (styles × fonts × a handful of indents)."""

    LIMIT = 512

    def get_copy(self, key, build):
        shell = self.get(key)
        if shell is None:
            if len(self) >= self.LIMIT:
                self.clear()
            shell = self[key] = build(*key)
        return copy.deepcopy(shell)


_RUNS = Shells()
_PARAGRAPHS = Shells()


def make_run(text: str, font: str | None = None, bold: bool | None = None,
             size: float | None = None):
    """<w:r> holding text; \\n becomes <w:br/>, \\t becomes <w:tab/>."""
    run = _RUNS.get_copy((font, bold, size), _run_shell)
    for line_index, line in enumerate(clean_text(text).split("\n")):
        if line_index:
            run.append(make("br"))
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                run.append(make("tab"))
            if part:
                t = make("t")
                t.text = part
                if part != part.strip():
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(t)
    return run


def make_paragraph(style_id: str, text: str = "", font: str | None = None, *,
                   align: str | None = None, outline_level: int | None = None,
                   bold: bool | None = None, ind: dict | None = None,
                   no_numbering: bool = False):
    """<w:p> in a style; direct properties only where a paragraph differs from it.

    no_numbering switches off list numbering the style brings (a template whose
    heading styles are linked to a multilevel list): the numbers are our text.
    """
    key = (style_id, font, align, outline_level, tuple(ind.items()) if ind else None,
           no_numbering, not text)
    p = _PARAGRAPHS.get_copy(key, _paragraph_shell)
    if text:
        p.append(make_run(text, font, bold))
    return p


def append_to_body(body, element) -> None:
    """Add a block before the body's final w:sectPr (which must stay last)."""
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is not None:
        sect_pr.addprevious(element)
    else:
        body.append(element)
