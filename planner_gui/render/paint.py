"""Drawing laid-out pages on a printer, a PDF writer or a preview.

The layout is in twips on an A4 page; here the painter is moved to the
paper's corner and scaled to the device's resolution, so the same pages
print on any device. A paper other than A4 gets the A4 page scaled to fit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen

from .layout import Page, Pages

RULE_WIDTH = 10    # twips: the table's 0.5 pt rules


class PaintError(Exception):
    """Painting could not start (str() is a Chinese sentence for the user)."""


def page_transform(device, width: int | None = None,
                   height: int | None = None) -> tuple[float, float, float]:
    """(dx, dy, scale): from twips on the page (A4 portrait unless width and
    height are given) to the painter's device pixels."""
    dpi = device.logicalDpiX() or 72
    layout = device.pageLayout()
    full = layout.fullRectPixels(dpi)
    paint = layout.paintRectPixels(dpi)
    # The painter's origin is the paintable area's corner; draw from the paper's corner.
    dx, dy = full.x() - paint.x(), full.y() - paint.y()
    if layout.mode() == layout.Mode.FullPageMode:
        dx = dy = 0.0
    from .document import PAGE_HEIGHT, PAGE_WIDTH

    width, height = width or PAGE_WIDTH, height or PAGE_HEIGHT
    natural = dpi / 1440.0
    scale = min(natural, full.width() / width, full.height() / height)
    return dx, dy, scale


def draw_page(painter: QPainter, page: Page) -> None:
    """Draw one page in twips (the painter already transformed)."""
    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(RULE_WIDTH)
    pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    painter.setPen(pen)
    if page.rules:
        painter.drawLines(page.rules)
    for line in page.lines:
        line.draw(painter)
    if page.footer is not None:
        page.footer.draw(painter)


def selected_pages(pages: Pages, device) -> list[Page]:
    """The pages a printer's page range asks for (all for a PDF writer)."""
    ranges = getattr(device, "pageRanges", None)
    if ranges is None:
        return list(pages.pages)
    chosen = ranges()
    if chosen.isEmpty():
        return list(pages.pages)
    return [page for page in pages.pages if chosen.contains(page.number)]


def paint_pages(pages: Pages, device) -> int:
    """Paint the pages onto a QPrinter or QPdfWriter; returns the pages painted."""
    chosen = selected_pages(pages, device)
    copies = 1
    if hasattr(device, "supportsMultipleCopies") and not device.supportsMultipleCopies():
        copies = max(1, device.copyCount())
    painter = QPainter()
    if not painter.begin(device):
        raise PaintError("无法开始打印：打印机或文件不可用。")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        dx, dy, scale = page_transform(device, pages.width, pages.height)
        first = True
        for _ in range(copies):
            for page in chosen:
                if not first and not device.newPage():
                    raise PaintError("打印中断：无法开始新的一页。")
                first = False
                painter.save()
                painter.translate(dx, dy)
                painter.scale(scale, scale)
                draw_page(painter, page)
                painter.restore()
    finally:
        painter.end()
    return len(chosen) * copies
