"""Tables in a plan: the month table (月份 | 工作内容 | 负责人 | 备注) or not.

A month table is recognised by its header row, or, without one, by a
column whose cells read as months. Merged month cells (one month over
several rows) and empty month cells both mean "the month above"; a merged
content cell over several months makes one activity spanning them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..core.months import table_columns
from .base import Table
from .lines import match_label, month_head, strip_bullet



@dataclass
class TableActivity:
    months: list[tuple[int, bool]] | None   # None: the month cell could not be read
    text: str
    owner: str = ""
    note: str = ""
    month_text: str = ""
    rows: list[int] = field(default_factory=list)




def _reads_as_month(cell: str) -> bool:
    head = month_head(cell.strip())
    return head is not None and (head.separated or len(head.rest) <= 6)


def _columns_by_content(rows: list[list[str]]) -> dict[str, int] | None:
    width = max((len(r) for r in rows), default=0)
    for col in range(min(width, 3)):
        cells = [r[col] for r in rows if col < len(r) and r[col].strip()]
        hits = sum(1 for c in cells if _reads_as_month(c))
        if hits >= 2 and hits * 10 >= len(cells) * 6:
            text_col = next((c for c in range(col + 1, width)
                             if any(c < len(r) and r[c].strip() for r in rows)), None)
            if text_col is None:
                return None
            cols = {"month": col, "text": text_col}
            if text_col + 1 < width:
                cols["note"] = text_col + 1
            return cols
    return None


def _items(cell: str) -> list[str]:
    """A content cell -> activity texts: numbered lines start items, a line
    without a number continues the item above; without numbers every line
    is an item. "1、…2、…" on one line is split."""
    lines = [strip_bullet(line.strip()) for line in cell.split("\n") if line.strip()]
    if not lines:
        return []
    numbered = [match_label(line) is not None for line in lines]
    items: list[str] = []
    if any(numbered):
        for line, has_number in zip(lines, numbered):
            if has_number or not items:
                items.append(line)
            else:
                items[-1] += line
    else:
        items = lines
    out: list[str] = []
    for item in items:
        out.extend(split_items(item))
    return [i for i in out if i]


def read_schedule(table: Table) -> list[TableActivity] | None:
    """The activities of a month table, or None when the table is something else."""
    rows = [list(r) for r in table.rows]
    if not rows:
        return None
    header_at, cols = -1, None   # -1: no header row (columns read from the content)
    for index, row in enumerate(rows[:3]):
        cols = table_columns(row)
        if cols:
            header_at = index
            break
    if cols is None:
        cols = _columns_by_content(rows)
        if cols is None:
            return None
        header_at = -1
    mc, tc = cols["month"], cols["text"]
    oc, nc = cols.get("owner"), cols.get("note")
    out: list[TableActivity] = []
    months: list[tuple[int, bool]] | None = None
    month_text = ""
    extra = ""
    last_from_cell: list[TableActivity] = []
    for r in range(header_at + 1, len(rows)):
        row = rows[r]
        cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""  # noqa: E731, B023 - used in this iteration only
        if not any(c.strip() for c in row):
            continue
        month_cell = cell(mc)
        if month_cell and not table.is_continued(r, mc):
            head = month_head(month_cell)
            month_text = month_cell
            if head is None:
                months, extra = None, ""
            else:
                months, extra = head.months, head.rest.strip("：: ")
        if table.is_continued(r, tc) and last_from_cell:
            # one content cell merged over several months: the activity spans them
            for activity in last_from_cell:
                if activity.months is not None and months:
                    activity.months += [m for m in months if m not in activity.months]
                activity.rows.append(r)
            continue
        owner = "" if oc is None or table.is_continued(r, oc) and out else cell(oc)
        note_parts = [p for p in (extra, cell(nc)) if p]
        last_from_cell = []
        for text in _items(cell(tc)):
            activity = TableActivity(list(months) if months is not None else None, text, owner,
                                     "；".join(note_parts), month_text, [r])
            out.append(activity)
            last_from_cell.append(activity)
    return out


def table_lines(table: Table) -> list[str]:
    """A table that is not a month table, one paragraph per row (cells joined
    with ｜), merged cells written once."""
    lines = []
    for r, row in enumerate(table.rows):
        cells = [c.strip().replace("\n", " ") for c_index, c in enumerate(row)
                 if c.strip() and not table.is_continued(r, c_index)]
        if cells:
            lines.append("｜".join(cells))
    return lines


# --- several items on one line -------------------------------------------------

_CN_NUMS = "一二三四五六七八九十"
_BEFORE_ITEM = "。；;，,！!？?  \t）)”’"
_NOT_BEFORE_ITEM = "第共约近前后至到和及或与、"


@functools.cache
def _next_marker(kind: str, number: int) -> re.Pattern | None:
    if kind == "arabic":
        return re.compile(rf"(?<![0-9.]){number}\s*[、.．](?![0-9])")
    if kind == "paren_arabic":
        return re.compile(rf"[（(]\s*{number}\s*[)）]")
    if kind == "circled":
        return re.compile("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[number - 1]) if number <= 20 else None
    if kind == "paren_cn" and number <= 10:
        return re.compile(rf"[（(]{_CN_NUMS[number - 1]}[)）]")
    return None


def split_items(text: str) -> list[str]:
    """"1、召开教代会。2、慰问退休教师" -> ["召开教代会。", "慰问退休教师"].

    Only numbers counting up from 1, each after punctuation or a space, split
    the line, so "共2.5万元" or "第2、3名" stay whole. A single numbered item
    loses its number.
    """
    text = strip_bullet(text.strip())
    label = match_label(text)
    if label is None:
        return [text] if text else []
    if label.number != 1 or label.kind in ("cn", "multi"):
        return [label.rest] if label.rest else [text]
    items: list[str] = []
    rest = label.rest
    number = 2
    while number <= 99:
        pattern = _next_marker(label.kind, number)
        if pattern is None:
            break
        found = None
        for match in pattern.finditer(rest):
            before = rest[match.start() - 1] if match.start() > 0 else ""
            if before and (label.kind != "arabic" or before in _BEFORE_ITEM
                           or ("\u4e00" <= before <= "\u9fff" and before not in _NOT_BEFORE_ITEM)):
                found = match
                break
        if found is None:
            break
        items.append(rest[:found.start()].strip())
        rest = rest[found.end():].strip()
        number += 1
    items.append(rest.strip())
    return [i for i in items if i]


# --- a table a web page flattened into lines ------------------------------------------

_HEADER_CELL_MAX = 8


def unflatten_tables(blocks: list, report) -> list:
    """"月份" / "工作内容" / "负责人" on lines of their own, then each month's
    cells line by line: a table copied out of a web page. The header lines
    become a table's header row and the lines below its rows (a row starts
    at a month label; the last short line is the owner when the header has
    an owner column), so the header is not read as text nor an owner as an
    activity."""
    from .base import Block, Table

    out: list = []
    i = 0
    while i < len(blocks):
        header = _header_run(blocks, i)
        if header is None:
            out.append(blocks[i])
            i += 1
            continue
        names, cols = header
        rows: list[list[str]] = [names]
        j = i + len(names)
        while j < len(blocks) and blocks[j].table is None and _reads_as_month(blocks[j].text) \
                and month_head(blocks[j].text).rest == "":  # type: ignore[union-attr]  # _reads_as_month: a head
            k = j + 1
            cells: list[str] = []
            while k < len(blocks) and blocks[k].table is None and not _reads_as_month(blocks[k].text) \
                    and match_label_rank(blocks[k].text) and len(cells) < 40:
                cells.append(blocks[k].text.strip())
                k += 1
            if not cells:
                break
            row = [""] * len(names)
            row[cols["month"]] = blocks[j].text.strip()
            owner = ""
            if "owner" in cols and len(cells) > 1 and _short_name(cells[-1]):
                owner = cells.pop()
                row[cols["owner"]] = owner
            row[cols["text"]] = "\n".join(cells)
            rows.append(row)
            j = k
        if len(rows) < 2:
            out.append(blocks[i])
            i += 1
            continue
        out.append(Block(table=Table(rows)))
        report.add("guess", "逐行排列的表格（表头“" + "”“".join(names) + "”）已按表格读取", names[0])
        i = j
    return out


def match_label_rank(text: str) -> bool:
    """A line that can be a cell: not a 一、 / （一） heading."""
    label = match_label(text)
    return label is None or label.kind not in ("cn", "paren_cn", "part")


def _short_name(text: str) -> bool:
    return 0 < len(text) <= 12 and text[-1] not in "。；;！？!?，," and match_label(text) is None


def _header_run(blocks: list, start: int):
    names: list[str] = []
    for block in blocks[start:start + 5]:
        text = block.text.strip() if block.table is None else ""
        if not text or len(text) > _HEADER_CELL_MAX or any(c in text for c in "。，,；：:"):
            break
        names.append(text)
    for size in range(len(names), 1, -1):
        cols = table_columns(names[:size])
        if cols is not None and len(cols) == size - sum(1 for n in names[:size] if n in ("序号", "编号")):
            return names[:size], cols
    return None
