"""The printed page: one layout for print preview, printer and PDF.

The page is the exported DOCX's page (GB/T 9704 profile, see core.typography
and export/): render.document lists the plan's blocks as the export writes
them (core.layout_rules holds the counting rules both share), render.layout pages them, with render.lines breaking text into
lines and render.table laying out the month table; render.paint draws the
pages on any QPrinter or QPdfWriter, render.pdf writes a PDF file, and
render.fonts picks an installed face for each font the profile names.

API (Qt is imported on first use, never at import time):
    layout_plan(plan, resolver=None) -> Pages      (needs a QGuiApplication)
    paint_pages(pages, device) -> int
    write_pdf(plan, path, resolver=None) -> [Substitution]
    PdfError, PaintError  (str(exc) is a Chinese sentence for the user)
"""

from __future__ import annotations

__all__ = ["PaintError", "PdfError", "layout_plan", "paint_pages", "write_pdf"]

_WHERE = {
    "layout_plan": "layout",
    "paint_pages": "paint",
    "PaintError": "paint",
    "write_pdf": "pdf",
    "PdfError": "pdf",
}


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        module = importlib.import_module(f"{__name__}.{_WHERE[name]}")
        return getattr(module, name)
    raise AttributeError(name)
