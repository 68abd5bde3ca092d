"""The month table on the printed pages, as the exported DOCX has it.

Columns and widths from render.document (the export's), text 四号 in 22 pt
lines, header row 黑体 repeated at the top of every page the table covers,
rows kept whole unless taller than about a page (the export's cantSplit),
each row as tall as its lines plus the 0.5 pt rule, cells centred
vertically, the month cell merged down across its activities with its label
drawn centred in it; a month whose rows run onto the next page gets a cell
of its own there, labelled 六月（续） (the DOCX restarts the merge at the same
row, from the breaks this layout finds).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF

from . import document as doc
from ..core import layout_rules
from .lines import Fonts, TextBlock, break_lines


@dataclass
class Cell:
    block: TextBlock | None   # None: the continued part of a merged month cell


@dataclass
class Row:
    cells: list[Cell]
    lines: int                 # the row's height in lines
    kept_whole: bool
    first_in_group: bool
    last_in_group: bool
    place: tuple[int, int] = (0, 0)          # (group, row in the group)
    continued: TextBlock | None = None       # first row of a group: "六月（续）"


@dataclass
class MeasuredTable:
    header: Row
    rows: list[Row]
    pitch: float               # twips a line


def measure_table(table: doc.Table, fonts: Fonts, text_height: int = doc.TEXT_HEIGHT) -> MeasuredTable:
    """Every cell broken into lines; the rows' heights in lines."""
    text_style, header_style = table.text_style, table.header_style
    size = layout_rules.twips(text_style.size)
    pitch = layout_rules.twips(text_style.line_pt)
    text_font = fonts.for_style(text_style)
    header_font = fonts.for_style(header_style)
    inner = [w - 2 * layout_rules.CELL_MARGIN_TWIPS for w in table.widths]
    keys = [key for key, _ in table.columns]

    header_cells = [Cell(break_lines(title, header_style, header_font, w))
                    for (_, title), w in zip(table.columns, inner)]
    header = Row(header_cells, max(c.block.count for c in header_cells),  # type: ignore[union-attr]  # header cells always hold a block
                 True, True, True)

    centered = doc.Style("cell_center", text_style.font_role, text_style.size,
                         text_style.line_pt, align="center")
    rows: list[Row] = []
    month_width = inner[keys.index("month")] if "month" in keys else 0
    cell_chars = {key: width / size for key, width in zip(keys, inner)}
    for g, group in enumerate(table.groups):
        label = layout_rules.continued_label(group.label, month_width / size)
        continued = (break_lines(label, centered, text_font, month_width)
                     if month_width and len(group.rows) > 1 else None)
        for r, item in enumerate(group.rows):
            values = {"month": group.label if r == 0 else "", "text": item.number + item.text,
                      "owner": layout_rules.balance_cell(item.owner, cell_chars.get("owner", 0)),
                      "note": layout_rules.balance_cell(item.note, cell_chars.get("note", 0))}
            cells = []
            for key, width in zip(keys, inner):
                if key == "month" and r > 0:
                    cells.append(Cell(None))
                    continue
                style = centered if key in ("month", "owner") else text_style
                hang = layout_rules.hanging_chars(item.number) * size if key == "text" else 0.0
                cells.append(Cell(break_lines(values[key], style, text_font, width,
                                              hang_indent=hang)))
            merged = len(group.rows) > 1
            lines = max([c.block.count for k, c in zip(keys, cells)
                         if c.block is not None and not (merged and k == "month")] or [1])
            texts = [values[key] for key in keys]
            whole = layout_rules.row_kept_whole(texts, table.widths, text_style.size,
                                           text_style.line_pt, text_height)
            rows.append(Row(cells, lines, whole, r == 0, r == len(group.rows) - 1, (g, r),
                            continued if r == 0 else None))
    _grow_for_month_labels(rows, keys)
    return MeasuredTable(header, rows, pitch)


def _grow_for_month_labels(rows: list[Row], keys: list[str]) -> None:
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


def place_table(pager, table: doc.Table, measured: MeasuredTable, tail: float = 0.0) -> None:
    """The table down the pages: header row on each, rows kept whole where they can be.

    tail: the height that must follow the last row on its page (the signature
    and date); the last row goes over with it when it does not fit (w:keepNext
    on that row's paragraphs in the DOCX)."""
    header, rows, pitch = measured.header, measured.rows, measured.pitch
    border = layout_rules.BORDER_TWIPS
    row_height = lambda row: row.lines * pitch + border  # noqa: E731
    geometry = pager.geometry
    lefts = [geometry.margin_left + (geometry.text_width - sum(table.widths)) / 2]
    for width in table.widths:
        lefts.append(lefts[-1] + width)
    keys = [key for key, _ in table.columns]
    month = keys.index("month") if "month" in keys else -1

    first = row_height(header) + (row_height(rows[0]) if rows else 0)
    pager.room_for(first)
    drawer = TableDrawer(pager, lefts, pitch, month)
    drawer.header(header)
    for number, row in enumerate(rows, 1):
        height = row_height(row)
        if (tail and number == len(rows) and drawer.rows_on_page and pager.fits(height)
                and not pager.fits(height + tail) and row.kept_whole):
            drawer.close_page()
            pager.new_page()
            drawer.header(header)
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
            room = int((geometry.text_height - pager.y - border) // pitch)
            if room <= 0:
                drawer.close_page()
                pager.new_page()
                drawer.header(header)
                continue
            end = min(row.lines, start + room)
            drawer.row(row, start, end)
            start = end
    drawer.close_page()
    pager.table_breaks.extend(drawer.breaks)


class TableDrawer:
    """Puts table rows on the current page and draws their rules."""

    def __init__(self, pager, lefts: list[float], pitch: float, month_column: int):
        self.pager = pager
        self.lefts = lefts
        self.pitch = pitch
        self.month = month_column
        self.rows_on_page = 0
        self.top = 0.0               # y where the table starts on this page
        self.month_start: float | None = None   # top of the open merged month cell
        self.month_label: tuple | None = None   # (cell, drawn?) of the open group
        self.continued: TextBlock | None = None  # "六月（续）" of the open group
        self.breaks: list[tuple[int, int]] = []  # (group, row) of rows that start a page

    @property
    def border(self) -> float:
        return layout_rules.BORDER_TWIPS

    def _y(self, y: float) -> float:
        """Page y of a rule at the top of a row: drawn inside the row, as LibreOffice does."""
        return self.pager.geometry.margin_top + y + self.border / 2

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
            self.month_label = (self.month_label[0], True)   # labelled by the next row()

    def row(self, row: Row, start: int, end: int) -> None:
        pager = self.pager
        top = pager.y
        height = (end - start) * self.pitch + self.border
        if row.first_in_group and start == 0:
            self.month_start = top
            self.month_label = (row.cells[self.month], False) if self.month >= 0 else None
            self.continued = row.continued
        elif start == 0 and self.rows_on_page == 0 and self.month_label is not None:
            # a month running onto this page: its cell restarts here, labelled 六月（续）
            self.breaks.append(row.place)
            self.month_label = (Cell(self.continued), False)
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
            self._month_cell(pager.y)
            self._hline(pager.y)
            self.month_start = None
        page = pager.page
        for x in self.lefts:
            page.rules.append(QLineF(x, self._y(self.top), x, self._y(pager.y)))

    def _month_cell(self, bottom: float, centre: bool = True) -> None:
        """Draw the month label centred in its merged cell; a month that runs over
        a page has a cell on each page (the DOCX restarts the merge there), the
        later ones labelled 六月（续）."""
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
        x = self.lefts[column] + layout_rules.CELL_MARGIN_TWIPS - self.pager.geometry.margin_left
        for index in range(first, last):
            self.pager.place_line(block, index, x, top + 1.5 * self.border + index * self.pitch)
