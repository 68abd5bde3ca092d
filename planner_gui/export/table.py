"""The month table (具体月份工作安排) as a WordprocessingML table.

Written as XML rather than through python-docx's Table API: that API has no
header-row, no-split or vertical-merge setters and looks every cell up from
the grid, which is slow for a thousand rows.
"""

from __future__ import annotations

from ..core import typography as ty
from ..core.layout_rules import (CELL_MARGIN_TWIPS, balance_cell, column_texts, column_widths,
                                 continued_label,
                                 hanging_chars, row_kept_whole, twips)
from ..core.schedule_table import MonthGroup
from .paragraphs import Shells, make_paragraph
from .styles import StyleSet
from .xmlutil import make, set_child

BORDER_SIZE = 4           # eighths of a point: a 0.5 pt line

_CELLS = Shells()


def _table_properties(total: int):
    tbl_pr = make("tblPr")
    set_child(tbl_pr, "tblW", w=total, type="dxa")
    set_child(tbl_pr, "jc", val="center")
    borders = set_child(tbl_pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(make(side, val="single", sz=BORDER_SIZE, space=0, color="000000"))
    set_child(tbl_pr, "tblLayout", type="fixed")
    margins = set_child(tbl_pr, "tblCellMar")
    margins.append(make("left", w=CELL_MARGIN_TWIPS, type="dxa"))
    margins.append(make("right", w=CELL_MARGIN_TWIPS, type="dxa"))
    set_child(tbl_pr, "tblLook", val="04A0", firstRow=1, lastRow=0, firstColumn=1,
              lastColumn=0, noHBand=0, noVBand=1)
    return tbl_pr


def _cell_shell(width: int, v_merge: str | None, center: bool):
    tc = make("tc")
    tc_pr = make("tcPr")
    tc.append(tc_pr)
    set_child(tc_pr, "tcW", w=width, type="dxa")
    if v_merge == "restart":
        set_child(tc_pr, "vMerge", val="restart")
    elif v_merge == "continue":
        set_child(tc_pr, "vMerge")
    if center:
        set_child(tc_pr, "vAlign", val="center")
    return tc


def _cell(width: int, paragraph, v_merge: str | None = None, center: bool = False):
    tc = _CELLS.get_copy((width, v_merge, center), _cell_shell)
    tc.append(paragraph)
    return tc


def _row(header: bool = False, can_split: bool = False):
    tr = make("tr")
    tr_pr = make("trPr")
    tr.append(tr_pr)
    if not can_split:
        set_child(tr_pr, "cantSplit")
    if header:
        set_child(tr_pr, "tblHeader")
    return tr


def _hanging(number: str, size: float) -> dict | None:
    """Wrapped lines of a numbered item start under its text, not under "1、"."""
    if not number:
        return None
    chars = hanging_chars(number)
    return {"left": twips(chars * size), "leftChars": int(chars * 100),
            "hanging": twips(chars * size), "hangingChars": int(chars * 100)}


def build_table(groups: list[MonthGroup], columns: list[tuple[str, str]], styles: StyleSet,
                total_width: int, page_height: int, breaks=frozenset()):
    """The <w:tbl> for the month groups; header row repeats, rows keep together,
    a month cell merges down across its activities.

    breaks: (group index, row index) of rows that start a page inside a month
    (render.layout.table_page_starts): the month cell restarts there with
    六月（续）, so every page's first row says which month it is. Without them
    the merged cell runs on unlabelled, as Word draws a merge over a page."""
    text_style, header_style = styles.id("table_text"), styles.id("table_header")
    text_font, header_font = styles.run_font("table_text"), styles.run_font("table_header")
    size = styles.sizes["table_text"]
    plain_text = "table_text" in styles.numbered
    plain_header = "table_header" in styles.numbered
    line_pt = ty.TABLE_LINE_PITCH_PT if size >= ty.SIZE_SIHAO else ty.LANDSCAPE_TABLE_LINE_PITCH_PT
    widths = column_widths(columns, total_width, size, column_texts(groups))
    keys = [key for key, _ in columns]
    inner = {key: (width - 2 * CELL_MARGIN_TWIPS) / twips(size) for key, width in zip(keys, widths)}
    month_chars = inner.get("month", 0.0)
    owner_chars, note_chars = inner.get("owner", 0.0), inner.get("note", 0.0)
    tbl = make("tbl")
    tbl.append(_table_properties(sum(widths)))
    grid = make("tblGrid")
    for width in widths:
        grid.append(make("gridCol", w=width))
    tbl.append(grid)

    header = _row(header=True)
    for (_key, title), width in zip(columns, widths):
        header.append(_cell(width, make_paragraph(header_style, title, header_font,
                                                 no_numbering=plain_header), center=True))
    tbl.append(header)

    for group_index, group in enumerate(groups):
        merged = len(group.rows) > 1
        for index, row in enumerate(group.rows):
            restart = index == 0 or (group_index, index) in breaks
            label = (group.label if index == 0
                     else continued_label(group.label, month_chars) if restart else "")
            values = {"month": label, "text": row.number + row.text,
                      "owner": balance_cell(row.owner, owner_chars),
                      "note": balance_cell(row.note, note_chars)}
            texts = [values[key] for key, _ in columns]
            tr = _row(can_split=not row_kept_whole(texts, widths, size, line_pt, page_height))
            for (key, _), width in zip(columns, widths):
                if key == "month":
                    v_merge = None if not merged else ("restart" if restart else "continue")
                    paragraph = make_paragraph(text_style, values["month"], text_font, align="center",
                                               no_numbering=plain_text)
                    tr.append(_cell(width, paragraph, v_merge, center=True))
                elif key == "owner":
                    paragraph = make_paragraph(text_style, values[key], text_font, align="center",
                                               no_numbering=plain_text)
                    tr.append(_cell(width, paragraph, center=True))
                else:
                    hang = _hanging(row.number, size) if key == "text" else None
                    paragraph = make_paragraph(text_style, values[key], text_font, ind=hang,
                                               no_numbering=plain_text)
                    tr.append(_cell(width, paragraph, center=True))
            tbl.append(tr)
    return tbl
