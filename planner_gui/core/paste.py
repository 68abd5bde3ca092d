"""Text pasted into the schedule -> activities with their months.

What people paste:
- rows of a Word or Excel table: 月份<TAB>内容<TAB>负责人<TAB>备注, a header
  row, empty month cells under a merged month, quoted cells holding line
  breaks (Excel), rows whose first cell is a numbered item (Word);
- month lines ("三月份：", "七至八月", "次年元月份") followed by items
  "1、…", or a month and its item on one line ("九月份:庆祝教师节");
- "全年" / "长期" lines for activities without a month.

Nothing is dropped: a line that cannot be placed under a month goes in as an
activity without a month, its text kept as pasted, and is flagged so the
editor can point the user at it. Headings that only announce the list
(具体月份工作安排) and table header rows are recognised and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .months import match_month_head, resolve, table_columns
from .period import Period
from .plan import Activity
from .sanitize import clean_text

#: Why a pasted item was flagged for the user to check.
NO_MONTH_FOUND = "no_month"      # not under any month line
UNREAD_MONTH = "unread_month"    # a month cell that could not be read (kept in the note)
OUTSIDE_PERIOD = "outside"       # a month the plan's period does not cover

MAX_PASTE_CHARS = 200_000

_BULLET = re.compile(r"^(?:[-–•·*●◆◇■□▪▶►√☆★>]\s*)+")
_ITEM = re.compile(r"^(?:[（(]\s*(?P<p>\d{1,2})\s*[)）]|(?P<n>\d{1,2})\s*[、.．,，](?!\d)|(?P<c>[①-⑳]))\s*")
_ANNOUNCE = re.compile(r"(?:月份|月度|逐月|每月|具体|主要|活动|工作|重点)[^，。；]{0,8}(?:安排|计划|行事历|日程)"
                       r"|行事历|月工作")
_SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*")
_OWNER_TAIL = re.compile(r"[（(](?:负责人|责任人|负责|牵头|责任部门|负责部门|承办)[:：]\s*(?P<o>[^（）()]{1,30})[)）]\s*$")
_OPENERS, _CLOSERS = "（(“‘《【「", "）)”’》】」"
_SENTENCE_END = "。；;！!？?"


@dataclass
class PastedActivity:
    months: list[str]
    text: str
    owner: str = ""
    note: str = ""
    problem: str = ""   # "" when understood; else NO_MONTH_FOUND / UNREAD_MONTH / OUTSIDE_PERIOD
    source: str = ""    # the pasted line (or row) it came from

    def draft(self) -> Activity:
        """An Activity to insert (the id is given on insertion)."""
        return Activity("", list(self.months), self.text, self.owner, self.note)


@dataclass
class PasteResult:
    activities: list[PastedActivity] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # headings and header rows

    @property
    def flagged(self) -> list[PastedActivity]:
        return [a for a in self.activities if a.problem]


# --- splitting the text into rows of cells ----------------------------------------

def split_rows(text: str) -> list[list[str]]:
    """Lines, each a list of tab-separated cells. A cell that starts with a
    quote and whose closing quote is followed by a tab or line end is an
    Excel-quoted cell ("" is a quote) and may hold line breaks."""
    rows: list[list[str]] = []
    row: list[str] = []
    i, n = 0, len(text)
    while i <= n:
        cell, i = _read_cell(text, i)
        row.append(cell)
        if i >= n:
            rows.append(row)
            break
        if text[i] == "\t":
            i += 1
            continue
        rows.append(row)   # a line break
        row = []
        i += 1
    return rows


def _read_cell(text: str, i: int) -> tuple[str, int]:
    n = len(text)
    if i < n and text[i] == '"':
        j, buf = i + 1, []
        while j < n:
            if text[j] == '"':
                if j + 1 < n and text[j + 1] == '"':
                    buf.append('"')
                    j += 2
                    continue
                if j + 1 == n or text[j + 1] in "\t\n":
                    return "".join(buf), j + 1
                break
            buf.append(text[j])
            j += 1
    j = i
    while j < n and text[j] not in "\t\n":
        j += 1
    return text[i:j], j


# --- items -------------------------------------------------------------------------

def strip_item_number(text: str) -> str:
    """"- 1、庆“三八”活动" -> "庆“三八”活动"."""
    text = _BULLET.sub("", text.strip())
    return _ITEM.sub("", text, count=1).strip()


def _is_item(text: str) -> bool:
    text = _BULLET.sub("", text.strip())
    return bool(_ITEM.match(text))


def _item_number(text: str) -> int | None:
    match = _ITEM.match(_BULLET.sub("", text.strip()))
    if not match:
        return None
    if match.group("c"):
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(match.group("c")) + 1
    return int(match.group("p") or match.group("n"))


def split_items(text: str) -> list[str]:
    """"1、召开教代会。2、慰问退休教师" -> two items. Only numbers counting up
    from the first, each after punctuation or a space, split the line, so
    "第2、3名" stays whole."""
    text = _BULLET.sub("", text.strip())
    first = _item_number(text)
    if first is None:
        return [text] if text else []
    items: list[str] = []
    rest = text
    number = first
    while True:
        after = rf"(?<=[{re.escape(_SENTENCE_END)}，,\s）)”])\s*"
        nxt = re.compile(after + rf"(?:{number + 1}\s*[、.．](?!\d)|[（(]{number + 1}[)）])")
        body = _ITEM.sub("", rest, count=1)
        match = nxt.search(body)
        if not match:
            items.append(body.strip())
            break
        items.append(body[:match.start()].strip())
        rest = body[match.start():].strip()
        number += 1
    return [i for i in items if i]


def _owner_from_tail(text: str) -> tuple[str, str]:
    match = _OWNER_TAIL.search(text)
    if not match:
        return text, ""
    return text[:match.start()].rstrip(), match.group("o").strip()


def _continues(previous: str, line: str) -> bool:
    """A broken line: the item above left a bracket or quote open, or this
    line opens with closing punctuation."""
    if line[:1] in _CLOSERS + "，,、；;。":
        return True
    for opener, closer in zip(_OPENERS, _CLOSERS):
        if opener != closer and previous.count(opener) > previous.count(closer):
            return True
    return False


# --- the parser -----------------------------------------------------------------------

class _Reader:
    def __init__(self, period: Period):
        self.period = period
        self.months: list[tuple[int, bool]] | None = None   # None: no month seen yet
        self.result = PasteResult()
        self.columns = {"month": 0, "text": 1, "owner": 2, "note": 3}
        self.last: PastedActivity | None = None

    # -- output
    def add(self, text: str, source: str, owner: str = "", note: str = "",
            months: list[tuple[int, bool]] | None = None, problem: str = "") -> None:
        text = text.strip()
        if not text:
            return
        spec = self.months if months is None else months
        if not owner:
            rest, found = _owner_from_tail(text)
            if rest.strip():   # a line that is only "（负责人：…）" stays text
                text, owner = rest, found
        if spec is None:
            resolved, problem = [], problem or NO_MONTH_FOUND
        else:
            resolved = sorted(resolve(spec, self.period))
            if not problem and any(not self.period.contains(m) for m in resolved):
                problem = OUTSIDE_PERIOD
        item = PastedActivity(resolved, text, owner.strip(), note.strip(), problem, source)
        self.result.activities.append(item)
        self.last = item

    def add_items(self, text: str, source: str, owner: str = "", note: str = "") -> None:
        for item in split_items(text):
            self.add(item, source, owner, note)

    # -- plain lines
    def line(self, raw: str) -> None:
        line = raw.strip(" \u3000\t")
        if not line:
            return
        bare = _BULLET.sub("", line)
        head = match_month_head(bare)
        if head is not None and (head.separated or not head.rest
                                 or (not head.anytime and len(head.rest) <= 30)):
            self.months = list(head.months)
            self.last = None
            if head.rest:
                self.add_items(head.rest, raw)
            return
        if self.announces(bare):
            self.result.skipped.append(line)
            self.last = None
            return
        if _is_item(bare):
            if self.months is None:
                self.add(line, raw, problem=NO_MONTH_FOUND)
            else:
                self.add_items(bare, raw)
            return
        if self.last is not None and _continues(self.last.text, bare):
            self.last.text += bare
            self.last.source += "\n" + raw
            return
        if self.months is None:
            self.add(line, raw, problem=NO_MONTH_FOUND)
        else:
            self.add(bare, raw)

    @staticmethod
    def announces(line: str) -> bool:
        """A heading that only announces the month list: 四、具体月份工作安排："""
        text = _SECTION_NUMBER.sub("", line).rstrip("：:。 ")
        return len(text) <= 16 and bool(_ANNOUNCE.search(text)) and not _is_item(line)

    # -- table rows
    def header(self, cells: list[str]) -> bool:
        columns = table_columns(cells)
        if columns is not None:
            self.columns = columns
        return columns is not None

    def row(self, cells: list[str]) -> None:
        source = "\t".join(cells)
        if not any(c.strip() for c in cells):
            return
        if self.header(cells):
            self.result.skipped.append(source)
            return
        before = len(self.result.activities)
        month_cell = self._row(cells, source)
        added = self.result.activities[before:]
        kept = "\n".join(a.text + "\n" + a.owner + "\n" + a.note for a in added)
        # Whatever the row held that went nowhere (an extra column, an odd
        # cell) is kept: in the note of what the row gave, or as an activity.
        extra = [c.strip() for i, c in enumerate(cells)
                 if c.strip() and i != month_cell and strip_item_number(c.strip()) not in kept]
        if not extra:
            return
        if added:
            added[-1].note = "；".join(p for p in (added[-1].note, *extra) if p)
        else:
            self.add("　".join(extra), source)

    def _row(self, cells: list[str], source: str) -> int | None:
        """Read one table row; returns the index of the cell read as its
        month, if any."""
        col = self.columns

        def cell(name: str) -> str:
            index = col.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        month_cell, text, owner, note = cell("month"), cell("text"), cell("owner"), cell("note")
        month_index = None
        if month_cell:
            head = match_month_head(month_cell)
            if head is not None and (not head.rest or head.separated):
                self.months = list(head.months)
                month_index = col["month"]
                if head.rest:   # "三月：庆三八" in the month cell
                    text = "\n".join(p for p in (head.rest, text) if p)
            elif _is_item(month_cell) and col.get("month") == 0:
                # Word: a content cell's later paragraphs arrive as their own rows
                shifted = cells[1:]
                owner = shifted[0].strip() if len(shifted) > 0 else ""
                note = shifted[1].strip() if len(shifted) > 1 else ""
                self.add_items(month_cell, source, owner, note)
                return None
            else:
                note = "；".join(p for p in (month_cell, note) if p)
                for item in self.cell_items(text or month_cell):
                    self.add(item, source, owner, note, months=[], problem=UNREAD_MONTH)
                return None
        for item in self.cell_items(text):
            self.add(item, source, owner, note)
        return month_index

    @staticmethod
    def cell_items(text: str) -> list[str]:
        """A content cell: numbered lines start items, others continue them."""
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        if not lines:
            return []
        if not any(_is_item(ln) for ln in lines):
            return ["".join(lines)] if len(lines) > 1 and _continues(lines[0], lines[1]) else lines
        items: list[str] = []
        for ln in lines:
            if _is_item(ln) or not items:
                items.extend(split_items(ln))
            else:
                items[-1] += ln
        return items


def parse_paste(text: str, period: Period) -> PasteResult:
    """Read pasted text as schedule activities for a plan with `period`."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    text = clean_text(text[:MAX_PASTE_CHARS]).replace("\u00a0", " ")
    reader = _Reader(period)
    for cells in split_rows(text):
        if len(cells) >= 2:
            reader.row(cells)
        else:
            for part in cells[0].split("\n") if cells else []:
                reader.line(part)
    return reader.result
