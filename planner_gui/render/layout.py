"""The printed pages: the plan's blocks broken into lines and pages.

One layout for the print preview, the printer and the PDF. Everything is
measured in twips (1/20 pt) with fonts sized in pixels of one twip, so the
line breaks do not depend on the device; the painter scales at the end.

The page is the exported DOCX's page as LibreOffice and Word lay it out:
- exact line heights with the baseline at 80 % of the line (LibreOffice's
  rule for fixed line spacing);
- CJK line breaking with 、。，；：！？ (and ASCII ,.;:!?) hanging into the margin of
  justified text (LibreOffice's hanging punctuation for Chinese);
- a space of a fifth of the font size between Chinese and Latin letters or
  digits (autospace: "第 41 个");
- justified lines except the last and those ending in a manual line break;
- keep-with-next for the title, headings and the signature, and for the
  text's last paragraph (or the table's last row) before the signature, so
  the 落款 and 成文日期 never stand alone on a page; widow and
  orphan control of two lines (LibreOffice's default for the exported file,
  whose styles do not say);
- the month table: header row repeated on every page, rows kept whole
  unless taller than about a page, a month cell merged down its activities,
  each row as tall as its lines plus the 0.5 pt rule;
- "— n —" in the footer, odd pages right and even pages left, one
  character in from the text block.
"""

from __future__ import annotations

import logging

from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QFontMetricsF, QTextLayout

from ..core import typography as ty
from ..core.plan import Plan
from . import document as doc
from ..core import layout_rules
from .fonts import FontResolver, Substitution
from .lines import EPSILON, Fonts, TextBlock, break_lines
from .table import measure_table, place_table

logger = logging.getLogger(__name__)

FIXED_ASCENT = 0.8            # baseline at 80 % of an exact line height
WIDOW_LINES = 2               # lines a paragraph keeps on each side of a page break


# --- what a page holds --------------------------------------------------------------

@dataclass
class PlacedLine:
    """One laid-out line drawn with its origin at (x, y) on the page (twips)."""
    layout: QTextLayout
    index: int
    x: float
    y: float

    def draw(self, painter) -> None:
        self.layout.lineAt(self.index).draw(painter, QPointF(self.x, self.y))


@dataclass
class Page:
    number: int
    lines: list[PlacedLine] = field(default_factory=list)
    rules: list[QLineF] = field(default_factory=list)   # table borders, twips
    footer: PlacedLine | None = None


@dataclass
class Pages:
    """The laid-out plan: pages of twips, and the fonts that had to be replaced."""
    pages: list[Page]
    substitutions: list[Substitution]
    width: int = doc.PAGE_WIDTH
    height: int = doc.PAGE_HEIGHT
    geometry: doc.Geometry = doc.PORTRAIT
    table_breaks: frozenset = frozenset()   # (group, row) of month-table rows starting a page

    def __len__(self) -> int:
        return len(self.pages)


# --- pagination ---------------------------------------------------------------------

class Paginator:
    """Places lines and table rows on pages, top to bottom."""

    def __init__(self, geometry: doc.Geometry = doc.PORTRAIT):
        self.geometry = geometry
        self.pages: list[Page] = []
        self.y = 0.0
        self.empty = True
        self.table_breaks: list[tuple[int, int]] = []   # (group, row) starting a page
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page(len(self.pages) + 1))
        self.y = 0.0
        self.empty = True

    def fits(self, height: float) -> bool:
        return self.y + height <= self.geometry.text_height + EPSILON

    def room_for(self, height: float) -> None:
        """Start a new page unless `height` fits below (an empty page takes anything)."""
        if not self.empty and not self.fits(height):
            self.new_page()

    def line(self, block: TextBlock, index: int, left: float) -> None:
        self.room_for(block.pitch)
        self.place_line(block, index, left, self.y)
        self.y += block.pitch
        self.empty = False

    def place_line(self, block: TextBlock, index: int, left: float, top: float) -> None:
        line = block.layout.lineAt(index)
        baseline = self.geometry.margin_top + top + block.pitch * FIXED_ASCENT
        self.page.lines.append(PlacedLine(block.layout, index, self.geometry.margin_left + left,
                                          baseline - line.ascent()))


class PlanLayout:
    """Builds the pages of one plan."""

    def __init__(self, plan: Plan, resolver: FontResolver | None = None,
                 schedule_only: bool = False):
        self.printed = doc.build(plan, schedule_only=schedule_only)
        self.geometry = self.printed.geometry
        self.resolver = resolver or FontResolver()
        self.fonts = Fonts(self.printed.fonts, self.resolver)
        self.pager = Paginator(self.geometry)

    # measuring
    def paragraph(self, block: doc.Paragraph) -> TextBlock:
        style = block.style
        font = self.fonts.for_style(style)
        chars = layout_rules.twips(style.size)
        return break_lines(block.text, style, font, self.geometry.text_width,
                           first_indent=style.first_indent_chars * chars,
                           right_indent=block.right_indent_chars * chars)

    def first_height(self, block, measured) -> float:
        """Height of what keep-with-next must keep on the same page: a paragraph's
        first line (with its space before) or a table's header and first row."""
        if isinstance(block, doc.Paragraph):
            lines = measured.count if measured.count < 2 * WIDOW_LINES else WIDOW_LINES
            return layout_rules.twips(block.style.before_pt) + lines * measured.pitch
        if isinstance(block, doc.Table):
            first = measured.rows[0].lines if measured.rows else 0
            return (measured.header.lines + first) * measured.pitch + 2 * layout_rules.BORDER_TWIPS
        return layout_rules.twips(block.height_pt)

    def build(self) -> Pages:
        blocks = self.printed.blocks
        measured = [self.measure(block) for block in blocks]
        pager = self.pager
        for i, block in enumerate(blocks):
            if isinstance(block, doc.Paragraph):
                if keeps_with_next(block):
                    chain = self.keep_chain(blocks, measured, i)
                    if chain <= self.geometry.text_height:
                        pager.room_for(chain)
                self.place_paragraph(block, measured[i])
            elif isinstance(block, doc.Table):
                tail = self.keep_chain(blocks, measured, i + 1) if block.keep_last_row else 0.0
                place_table(pager, block, measured[i], tail)
            else:
                pager.room_for(layout_rules.twips(block.height_pt))
                pager.y += layout_rules.twips(block.height_pt)
                pager.empty = False
        self.add_footers()
        return Pages(pager.pages, self.resolver.substitutions(),
                     self.geometry.page_width, self.geometry.page_height, self.geometry,
                     table_breaks=frozenset(pager.table_breaks))

    def measure(self, block):
        if isinstance(block, doc.Paragraph):
            return self.paragraph(block)
        if isinstance(block, doc.Table):
            return measure_table(block, self.fonts, self.geometry.text_height)
        return None

    def keep_chain(self, blocks, measured, i: int) -> float:
        total = 0.0
        j = i
        while j < len(blocks) and isinstance(blocks[j], doc.Paragraph) and keeps_with_next(blocks[j]):
            style = blocks[j].style
            total += layout_rules.twips(style.before_pt) + measured[j].height + layout_rules.twips(style.after_pt)
            j += 1
        if j < len(blocks):
            total += self.first_height(blocks[j], measured[j])
        return total

    def place_paragraph(self, block: doc.Paragraph, text: TextBlock) -> None:
        """Lines down the page; a page break leaves at least WIDOW_LINES lines of
        the paragraph on each side, else moves more of it (or all) over."""
        pager = self.pager
        if block.style.page_break_before and not pager.empty:
            pager.new_page()
        pager.y += layout_rules.twips(block.style.before_pt)
        index = 0
        while index < text.count:
            left = text.count - index
            room = int((self.geometry.text_height + EPSILON - pager.y) // text.pitch)
            if left <= room or pager.empty:
                take = left if left <= room else max(room, 1)
            elif text.count < 2 * WIDOW_LINES or room < WIDOW_LINES:
                take = 0            # too little room for the paragraph's start
            else:
                take = min(room, left - WIDOW_LINES)
                take = take if take >= WIDOW_LINES or index > 0 else 0
            if take <= 0:
                pager.new_page()
                continue
            for _ in range(take):
                pager.line(text, index, 0.0)
                index += 1
            if index < text.count:
                pager.new_page()
        pager.y += layout_rules.twips(block.style.after_pt)

    # footers
    def add_footers(self) -> None:
        style = self.printed.styles["footer"]
        font = self.fonts.for_style(style)
        metrics = QFontMetricsF(font)
        gap = ty.PAGE_NUMBER_GAP_CHARS * layout_rules.twips(style.size)
        for page in self.pager.pages:
            odd = page.number % 2 == 1
            align = "right" if odd else "left"
            footer_style = doc.Style("footer", style.font_role, style.size, 0.0, align=align)
            text = break_lines(ty.page_number_text(page.number), footer_style, font,
                               self.geometry.text_width, first_indent=0 if odd else gap,
                               right_indent=gap if odd else 0)
            baseline = self.geometry.page_height - self.geometry.footer_distance - metrics.descent()
            line = text.layout.lineAt(0)
            page.footer = PlacedLine(text.layout, 0, self.geometry.margin_left, baseline - line.ascent())


def keeps_with_next(block: doc.Paragraph) -> bool:
    """Keep-with-next from the style (title, headings, 落款) or for the text's
    last paragraph before the signature. LibreOffice moves such a paragraph
    whole to the next page when it and what follows do not fit together."""
    return block.style.keep_next or block.keep_next


def table_page_starts(plan: Plan, schedule_only: bool = False) -> frozenset:
    """(group, row) of the month-table rows that start a page inside a month
    in the printed plan, for the DOCX to restart the month cell there
    (export.docx_writer). Needs a QGuiApplication."""
    return layout_plan(plan, schedule_only=schedule_only).table_breaks


def export_table_breaks(plan: Plan, schedule_only: bool = False) -> frozenset:
    """table_page_starts for a Word export: makes the Qt application the
    layout needs when none runs (offscreen without a display), and gives no
    breaks when the layout cannot be made (the month cells then merge over
    the page unlabelled, as Word would show them): the Word file must never
    fail for want of a page estimate."""
    if not plan.schedule:
        return frozenset()
    try:
        from .application import gui_application

        gui_application()
        return table_page_starts(plan, schedule_only)
    except Exception:
        logger.exception("print layout failed; the month cells merge over pages unlabelled")
        return frozenset()


def layout_plan(plan: Plan, resolver: FontResolver | None = None,
                schedule_only: bool = False) -> Pages:
    """The plan's printed pages, or the landscape 工作计划表 alone (needs a
    QGuiApplication)."""
    return PlanLayout(plan, resolver, schedule_only).build()
