"""The printed pages: the plan's blocks broken into lines and pages.

One layout for the print preview, the printer and the PDF. Everything is
measured in twips (1/20 pt) with fonts sized in pixels of one twip, so the
line breaks do not depend on the device; the painter scales at the end.

The page is the exported DOCX's page as LibreOffice and Word lay it out:
- exact line heights with the baseline at 80 % of the line (LibreOffice's
  rule for fixed line spacing);
- CJK line breaking with 、。，． allowed to hang into the right margin of
  justified text (LibreOffice's hanging punctuation for Chinese);
- a space of a fifth of the font size between Chinese and Latin letters or
  digits (autospace: "第 41 个");
- justified lines except the last and those ending in a manual line break;
- keep-with-next for the title, headings and the signature; widow and
  orphan control of two lines (LibreOffice's default for the exported file,
  whose styles do not say);
- the month table: header row repeated on every page, rows kept whole
  unless taller than about a page, a month cell merged down its activities,
  each row as tall as its lines plus the 0.5 pt rule;
- "— n —" in the footer, odd pages right and even pages left, one
  character in from the text block.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption

from ..core import typography as ty
from ..core.plan import Plan
from ..models.pyside_fixes import protect_singletons
from . import document as doc
from . import measure
from .fonts import FontResolver, Substitution

FIXED_ASCENT = 0.8            # baseline at 80 % of an exact line height
HANGING = frozenset("、。，．")  # may hang into the right margin at a line end
AUTOSPACE = 0.2               # Chinese | Latin gap, as a fraction of the font size
TAB_STOP = 420                # the export's w:defaultTabStop, twips
EPSILON = 2                   # twips of slack when comparing widths and heights
BEARING_SLACK = 0.15          # of the font size: room for a last glyph's overhanging ink
WIDOW_LINES = 2               # lines a paragraph keeps on each side of a page break

_ALIGN = {
    "both": Qt.AlignmentFlag.AlignJustify,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "left": Qt.AlignmentFlag.AlignLeft,
    "right": Qt.AlignmentFlag.AlignRight,
}


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

    def __len__(self) -> int:
        return len(self.pages)


# --- text ---------------------------------------------------------------------------


def _is_ideograph(ch: str) -> bool:
    code = ord(ch)
    if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:   # CJK punctuation, full width
        return False
    return code >= 0x2E80 and unicodedata.category(ch) == "Lo"


def _is_latin(ch: str) -> bool:
    return ord(ch) < 0x2E80 and ch.isalnum()


def autospace_positions(text: str) -> list[int]:
    """Indexes of characters followed by a Chinese | Latin boundary ("第41个" -> 0, 2)."""
    positions = []
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if (_is_ideograph(a) and _is_latin(b)) or (_is_latin(a) and _is_ideograph(b)):
            positions.append(i)
    return positions


class Fonts:
    """QFonts in twip-sized pixels, per role of the font profile."""

    def __init__(self, profile: dict[str, str], resolver: FontResolver):
        self.profile = profile
        self.resolver = resolver
        self._cache: dict[tuple, QFont] = {}

    def font(self, role: str, size: float, bold: bool = False, spacing: int = 0) -> QFont:
        key = (role, size, bold, spacing)
        if key not in self._cache:
            font = QFont(self.resolver.family(self.profile[role]))
            font.setPixelSize(measure.twips(size))
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
            if spacing:
                font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
            self._cache[key] = font
        return self._cache[key]

    def for_style(self, style: doc.Style) -> QFont:
        spacing = ty.char_spacing_twips(style.size) if style.condense else 0
        return self.font(style.font_role, style.size, style.bold, spacing)


@dataclass
class TextBlock:
    """A paragraph broken into lines: x offsets (twips, from the block's left edge)."""
    layout: QTextLayout
    count: int
    pitch: float

    @property
    def height(self) -> float:
        return self.count * self.pitch


def break_lines(text: str, style: doc.Style, font: QFont, width: float,
                first_indent: float = 0.0, hang_indent: float = 0.0,
                right_indent: float = 0.0) -> TextBlock:
    """Lay text out in lines of `width` twips, the paragraph's indents applied."""
    text = text.replace("\r\n", "\n").replace("\n", "\u2028")
    layout = QTextLayout(text, font)
    option = QTextOption(_ALIGN[style.align])
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTabStopDistance(TAB_STOP)
    layout.setTextOption(option)
    size_twips = measure.twips(style.size)
    positions = autospace_positions(text)
    if positions:
        fmt = QTextCharFormat()
        fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        fmt.setFontLetterSpacing(size_twips * AUTOSPACE)
        ranges = []
        for pos in positions:
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = pos, 1, fmt
            ranges.append(item)
        layout.setFormats(ranges)
    # A full-width mark may hang in justified text (body, headings), not in
    # centred, right-aligned or table text, where LibreOffice moves it over.
    hang = float(size_twips + font.letterSpacing()) if style.align == "both" else 0.0
    layout.beginLayout()
    count = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        left = first_indent if count == 0 else hang_indent
        available = max(width - left - right_indent, size_twips)
        _fit_line(line, text, available, hang, size_twips * BEARING_SLACK)
        line.setPosition(QPointF(left, 0))
        count += 1
    layout.endLayout()
    return TextBlock(layout, count, measure.twips(style.line_pt))


def _fit_line(line, text: str, available: float, hang: float, slack: float) -> None:
    """Break the line as a word processor does: by advance widths alone.

    Qt also counts the ink a line's last glyph sticks out past its advance
    (e.g. 小 in Noto Serif), so five 14 pt characters do not fit in 70 pt;
    LibreOffice and Word fit them. So the line is tried a little wider and
    kept when its advance fits, and a 、。，． may hang past the edge.
    The final width is the real one wherever the break allows it.
    """
    line.setLineWidth(available + hang + slack)
    advance = line.horizontalAdvance()
    if advance <= available + EPSILON:
        line.setLineWidth(max(available, line.naturalTextWidth()))
        return
    end = line.textStart() + line.textLength()
    last = text[end - 1] if line.textLength() else ""
    if hang and last in HANGING and advance - hang <= available + EPSILON:
        line.setLineWidth(max(available + hang, line.naturalTextWidth()))
        return
    line.setLineWidth(available + slack)
    if line.horizontalAdvance() <= available + EPSILON:
        line.setLineWidth(max(available, line.naturalTextWidth()))
    else:
        line.setLineWidth(available)


# --- pagination ---------------------------------------------------------------------

class Paginator:
    """Places lines and table rows on pages, top to bottom."""

    def __init__(self):
        self.pages: list[Page] = []
        self.y = 0.0
        self.empty = True
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page(len(self.pages) + 1))
        self.y = 0.0
        self.empty = True

    def fits(self, height: float) -> bool:
        return self.y + height <= doc.TEXT_HEIGHT + EPSILON

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
        baseline = doc.MARGIN_TOP + top + block.pitch * FIXED_ASCENT
        self.page.lines.append(PlacedLine(block.layout, index, doc.MARGIN_LEFT + left,
                                          baseline - line.ascent()))


@dataclass
class Cell:
    block: TextBlock | None
    valign_center: bool = True


@dataclass
class Row:
    cells: list[Cell]
    lines: int                 # the row's height in lines
    kept_whole: bool
    group: int                 # index of its month group
    first_in_group: bool
    last_in_group: bool


class PlanLayout:
    """Builds the pages of one plan."""

    def __init__(self, plan: Plan, resolver: FontResolver | None = None):
        protect_singletons()   # PySide6 6.12 drops a reference to None on void calls
        self.printed = doc.build(plan)
        self.resolver = resolver or FontResolver()
        self.fonts = Fonts(self.printed.fonts, self.resolver)
        self.pager = Paginator()

    # measuring
    def paragraph(self, block: doc.Paragraph) -> TextBlock:
        style = block.style
        font = self.fonts.for_style(style)
        chars = measure.twips(style.size)
        return break_lines(block.text, style, font, doc.TEXT_WIDTH,
                           first_indent=style.first_indent_chars * chars,
                           right_indent=block.right_indent_chars * chars)

    def first_height(self, block, measured) -> float:
        """Height of what keep-with-next must keep on the same page: a paragraph's
        first line (with its space before) or a table's header and first row."""
        if isinstance(block, doc.Paragraph):
            lines = measured.count if measured.count < 2 * WIDOW_LINES else WIDOW_LINES
            return measure.twips(block.style.before_pt) + lines * measured.pitch
        if isinstance(block, doc.Table):
            header, rows, pitch = measured
            first = rows[0].lines if rows else 0
            return (header.lines + first) * pitch + 2 * measure.BORDER_TWIPS
        return measure.twips(block.height_pt)

    def build(self) -> Pages:
        blocks = self.printed.blocks
        measured = [self.measure(block) for block in blocks]
        pager = self.pager
        for i, block in enumerate(blocks):
            if isinstance(block, doc.Paragraph):
                if block.style.keep_next:
                    chain = self.keep_chain(blocks, measured, i)
                    if chain <= doc.TEXT_HEIGHT:
                        pager.room_for(chain)
                self.place_paragraph(block, measured[i])
            elif isinstance(block, doc.Table):
                self.place_table(block, *measured[i])
            else:
                pager.room_for(measure.twips(block.height_pt))
                pager.y += measure.twips(block.height_pt)
                pager.empty = False
        self.add_footers()
        return Pages(pager.pages, self.resolver.substitutions())

    def measure(self, block):
        if isinstance(block, doc.Paragraph):
            return self.paragraph(block)
        if isinstance(block, doc.Table):
            return self.measure_table(block)
        return None

    def keep_chain(self, blocks, measured, i: int) -> float:
        total = 0.0
        j = i
        while j < len(blocks) and isinstance(blocks[j], doc.Paragraph) and blocks[j].style.keep_next:
            style = blocks[j].style
            total += measure.twips(style.before_pt) + measured[j].height + measure.twips(style.after_pt)
            j += 1
        if j < len(blocks):
            total += self.first_height(blocks[j], measured[j])
        return total

    def place_paragraph(self, block: doc.Paragraph, text: TextBlock) -> None:
        """Lines down the page; a page break leaves at least WIDOW_LINES lines of
        the paragraph on each side, else moves more of it (or all) over."""
        pager = self.pager
        pager.y += measure.twips(block.style.before_pt)
        index = 0
        while index < text.count:
            left = text.count - index
            room = int((doc.TEXT_HEIGHT + EPSILON - pager.y) // text.pitch)
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
        pager.y += measure.twips(block.style.after_pt)

    # the month table
    def measure_table(self, table: doc.Table):
        text_style, header_style = table.text_style, table.header_style
        size = measure.twips(text_style.size)
        pitch = measure.twips(text_style.line_pt)
        text_font = self.fonts.for_style(text_style)
        header_font = self.fonts.for_style(header_style)
        inner = [w - 2 * measure.CELL_MARGIN_TWIPS for w in table.widths]
        keys = [key for key, _ in table.columns]

        header_cells = [Cell(break_lines(title, header_style, header_font, w))
                        for (_, title), w in zip(table.columns, inner)]
        header = Row(header_cells, max(c.block.count for c in header_cells), True, -1, True, True)

        centered = doc.Style("cell_center", text_style.font_role, text_style.size,
                             text_style.line_pt, align="center")
        rows: list[Row] = []
        for g, group in enumerate(table.groups):
            for r, item in enumerate(group.rows):
                values = {"month": group.label if r == 0 else "", "text": item.number + item.text,
                          "owner": item.owner, "note": item.note}
                cells = []
                for key, width in zip(keys, inner):
                    if key == "month" and r > 0:
                        cells.append(Cell(None))
                        continue
                    style = centered if key in ("month", "owner") else text_style
                    hang = measure.hanging_chars(item.number) * size if key == "text" else 0.0
                    cells.append(Cell(break_lines(values[key], style, text_font, width,
                                                  hang_indent=hang)))
                merged = len(group.rows) > 1
                lines = max([c.block.count for k, c in zip(keys, cells)
                             if c.block is not None and not (merged and k == "month")] or [1])
                texts = [values[key] for key in keys]
                whole = measure.row_kept_whole(texts, table.widths, text_style.size,
                                               text_style.line_pt, doc.TEXT_HEIGHT)
                rows.append(Row(cells, lines, whole, g, r == 0, r == len(group.rows) - 1))
        self._grow_for_month_labels(rows, keys, pitch)
        return header, rows, pitch

    @staticmethod
    def _grow_for_month_labels(rows: list[Row], keys: list[str], pitch: float) -> None:
        """A merged month label taller than its rows makes the group's last row taller."""
        if "month" not in keys:
            return
        column = keys.index("month")
        start = 0
        for i, row in enumerate(rows):
            if row.first_in_group:
                start = i
            if row.last_in_group and i > start:
                label = rows[start].cells[column].block
                total = sum(r.lines for r in rows[start:i + 1])
                if label is not None and label.count > total:
                    row.lines += label.count - total

    def place_table(self, table: doc.Table, header: Row, rows: list[Row], pitch: float) -> None:
        pager = self.pager
        border = measure.BORDER_TWIPS
        row_height = lambda row: row.lines * pitch + border  # noqa: E731
        lefts = [doc.MARGIN_LEFT + (doc.TEXT_WIDTH - sum(table.widths)) / 2]
        for width in table.widths:
            lefts.append(lefts[-1] + width)
        keys = [key for key, _ in table.columns]
        month = keys.index("month") if "month" in keys else -1

        first = row_height(header) + (row_height(rows[0]) if rows else 0)
        pager.room_for(first)
        drawer = TableDrawer(self.pager, lefts, pitch, month)
        drawer.header(header)
        for row in rows:
            height = row_height(row)
            if not pager.fits(height) and drawer.rows_on_page:
                if row.kept_whole or not pager.fits(pitch + border):
                    drawer.close_page()
                    pager.new_page()
                    drawer.header(header)
            if pager.fits(height) or row.kept_whole:
                drawer.row(row, 0, row.lines)
                continue
            start = 0
            while start < row.lines:   # a row taller than the room left: split by lines
                room = int((doc.TEXT_HEIGHT - pager.y - border) // pitch)
                if room <= 0:
                    drawer.close_page()
                    pager.new_page()
                    drawer.header(header)
                    continue
                end = min(row.lines, start + room)
                drawer.row(row, start, end)
                start = end
        drawer.close_page()

    # footers
    def add_footers(self) -> None:
        style = self.printed.styles["footer"]
        font = self.fonts.for_style(style)
        metrics = QFontMetricsF(font)
        gap = ty.PAGE_NUMBER_GAP_CHARS * measure.twips(style.size)
        for page in self.pager.pages:
            odd = page.number % 2 == 1
            align = "right" if odd else "left"
            footer_style = doc.Style("footer", style.font_role, style.size, 0.0, align=align)
            text = break_lines(ty.page_number_text(page.number), footer_style, font,
                               doc.TEXT_WIDTH, first_indent=0 if odd else gap,
                               right_indent=gap if odd else 0)
            baseline = doc.PAGE_HEIGHT - doc.FOOTER_DISTANCE - metrics.descent()
            line = text.layout.lineAt(0)
            page.footer = PlacedLine(text.layout, 0, doc.MARGIN_LEFT, baseline - line.ascent())


class TableDrawer:
    """Puts table rows on the current page and draws their rules."""

    def __init__(self, pager: Paginator, lefts: list[float], pitch: float, month_column: int):
        self.pager = pager
        self.lefts = lefts
        self.pitch = pitch
        self.month = month_column
        self.rows_on_page = 0
        self.top = 0.0               # y where the table starts on this page
        self.month_start: float | None = None   # top of the open merged month cell
        self.month_label: tuple | None = None   # (cell, drawn?) of the open group

    @property
    def border(self) -> float:
        return measure.BORDER_TWIPS

    def _y(self, y: float) -> float:
        """Page y of a rule at the top of a row: drawn inside the row, as LibreOffice does."""
        return doc.MARGIN_TOP + y + self.border / 2

    def _hline(self, y: float, skip_month: bool = False) -> None:
        page = self.pager.page
        y = self._y(y)
        if skip_month and self.month >= 0:
            left, right = self.lefts[self.month], self.lefts[self.month + 1]
            if left > self.lefts[0]:
                page.rules.append(QLineF(self.lefts[0], y, left, y))
            if right < self.lefts[-1]:
                page.rules.append(QLineF(right, y, self.lefts[-1], y))
        else:
            page.rules.append(QLineF(self.lefts[0], y, self.lefts[-1], y))

    def header(self, header: Row) -> None:
        pager = self.pager
        self.top = pager.y
        self.rows_on_page = 0
        self._hline(pager.y)
        self._cells(header, 0, header.lines, pager.y)
        pager.y += header.lines * self.pitch + self.border
        self._hline(pager.y)
        pager.empty = False
        if self.month_label is not None:   # a merged month cell continues on this page
            self.month_start = pager.y

    def row(self, row: Row, start: int, end: int) -> None:
        pager = self.pager
        top = pager.y
        height = (end - start) * self.pitch + self.border
        if row.first_in_group and start == 0:
            self.month_start = top
            self.month_label = (row.cells[self.month], False) if self.month >= 0 else None
        self._cells(row, start, end, top, skip_month=True)
        pager.y += height
        pager.empty = False
        self.rows_on_page += 1
        closes_group = row.last_in_group and end == row.lines
        self._hline(pager.y, skip_month=not closes_group)
        if closes_group:
            self._month_cell(pager.y)
            self.month_label = None
            self.month_start = None

    def close_page(self) -> None:
        """The page ends: close an open merged month cell and draw the verticals."""
        pager = self.pager
        if self.month_label is not None and self.month_start is not None:
            self._month_cell(pager.y, centre=False)
            self._hline(pager.y)
            self.month_start = None
        page = pager.page
        for x in self.lefts:
            page.rules.append(QLineF(x, self._y(self.top), x, self._y(pager.y)))

    def _month_cell(self, bottom: float, centre: bool = True) -> None:
        """Draw the month label once: centred in its merged cell, or at the top of
        the cell's first part when the month goes on over a page (as LibreOffice)."""
        if self.month_label is None or self.month_start is None:
            return
        cell, drawn = self.month_label
        if not drawn and cell.block is not None:
            top = self.month_start
            lines = cell.block.count
            offset = max(0.0, (bottom - top - self.border - lines * self.pitch) / 2) if centre else 0.0
            self._text(cell.block, 0, lines, self.month, top + offset)
            self.month_label = (cell, True)

    def _cells(self, row: Row, start: int, end: int, top: float, skip_month: bool = False) -> None:
        for column, cell in enumerate(row.cells):
            if cell.block is None or (skip_month and column == self.month):
                continue
            block = cell.block
            if start == 0 and end == row.lines:   # whole row: centred vertically
                offset = (row.lines - block.count) * self.pitch / 2
                self._text(block, 0, block.count, column, top + offset)
            else:                                 # a split row: lines top-aligned
                self._text(block, start, min(end, block.count), column, top - start * self.pitch)

    def _text(self, block: TextBlock, first: int, last: int, column: int, top: float) -> None:
        x = self.lefts[column] + measure.CELL_MARGIN_TWIPS - doc.MARGIN_LEFT
        for index in range(first, last):
            self.pager.place_line(block, index, x, top + 1.5 * self.border + index * self.pitch)


def layout_plan(plan: Plan, resolver: FontResolver | None = None) -> Pages:
    """The plan's printed pages (needs a QGuiApplication)."""
    return PlanLayout(plan, resolver).build()
