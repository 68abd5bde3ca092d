"""Month expressions as plans write them: 三月份, 一、二月, 七至八月, 次年元月份.

Used by the schedule's paste, the importers and rollover alike, so there is
one reading of what a month line means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .hanzi import fold
from .numbering import parse_chinese_number
from .period import Period

_NUM = r"(?:十[一二]|[一二三四五六七八九十元]|1[0-2]|0?[1-9])"
_NEXT = r"(?:下一年度|下一年|次年度|下年度|次年|下年|明年|翌年|来年)"
_JOIN = r"(?:、|，|,|和|及|与|至|到|—+|－|-|~|～|〜)"
_ONE = rf"{_NEXT}?{_NUM}(?:[ \u3000]?月(?:[ \u3000]?份)?)?"    # "3 月", "三 月 份" (spaced out) too
_SPEC = rf"{_ONE}(?:\s*{_JOIN}\s*{_ONE})*"

#: The patterns by name: (source, flags), compiled by _regex on first use.
_SOURCES = {
    "head": (rf"^\s*[（(]?(?P<spec>{_SPEC})[)）]?(?P<sep>\s*[:：]\s*|\s+|[，,、]\s*)?(?P<rest>.*)$", re.S),
    "anytime": (r"^\s*(?P<spec>全年|长期|常年|每月|平时|日常|经常性工作|常规工作|其他)(?:工作)?"
                r"(?P<sep>\s*[:：]\s*|\s+)?(?P<rest>.*)$", re.S),
    "quarter": (r"^\s*(?:第)?(?P<q>[一二三四1-4])季度(?P<sep>\s*[:：]\s*|\s+|[，,、]\s*)?(?P<rest>.*)$", re.S),
    "token": (rf"(?P<next>{_NEXT})?(?P<num>{_NUM})(?:[ \u3000]?月(?:[ \u3000]?份)?)?|(?P<join>{_JOIN})", 0),
}


@cache
def _regex(name: str) -> re.Pattern[str]:
    """The pattern `name` of _SOURCES, compiled the first time it is asked
    for: the editor imports this module at start-up (through the month
    table) but reads no month expression or table header before a paste, an
    import or a rollover, and compiling them all costs about 2.5 ms."""
    source, flags = _SOURCES[name]
    return re.compile(source, flags)


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_HAS_FULLWIDTH = re.compile("[０-９]")


def _ascii_digits(text: str) -> str:
    """Full-width digits as ASCII; str.translate only when there are any
    (importers ask for every line, and a dict lookup per character is slow)."""
    return text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text


@dataclass
class MonthHead:
    """A month expression found at the start of a line."""
    months: list[tuple[int, bool]]  # (month 1..12, written as 次年)
    rest: str                       # what follows on the same line
    spec: str                       # the expression as written
    separated: bool                 # a colon or space followed the expression
    #: What a month label line names besides the month and nothing more: a
    #: part of the month ("3月上旬" -> 上旬) or a remark in brackets ("三月份（4项）"
    #: -> 4项). The importer makes it the note of the activities under the line,
    #: or drops a count of items.
    part: str = ""

    @property
    def anytime(self) -> bool:
        return not self.months


def _month_of(num: str) -> int | None:
    value = parse_chinese_number(_ascii_digits(num))
    return value if value is not None and 1 <= value <= 12 else None


def parse_month_spec(spec: str) -> list[tuple[int, bool]] | None:
    """'七至八月' -> [(7, False), (8, False)]; '十二月至次年二月' wraps the year."""
    spec = _ascii_digits(spec)
    items: list[tuple[int, bool]] = []
    pending_range = False
    position = 0
    scripts: set[bool] = set()
    for match in _regex("token").finditer(spec):
        if spec[position:match.start()].strip():
            return None
        position = match.end()
        if match.group("join"):
            pending_range = match.group("join") not in ("、", "，", ",", "和", "及", "与")
            continue
        scripts.add(match.group("num")[0].isdigit())
        if len(scripts) > 1:
            return None        # "1，四月": an item number before a month, not a range
        month = _month_of(match.group("num"))
        if month is None:
            return None
        next_year = bool(match.group("next"))
        if pending_range and items:
            first, first_next = items[-1]
            current, wrapped = first, first_next
            while True:
                current += 1
                if current == 13:
                    current, wrapped = 1, True
                if current == month or len(items) > 24:
                    break
                items.append((current, wrapped))
            items.append((month, next_year or wrapped or (month < first)))
        else:
            items.append((month, next_year))
        pending_range = False
    if spec[position:].strip() or not items:
        return None
    return items


def match_month_head(line: str) -> MonthHead | None:
    """Read a month expression at the start of a line, or None.

    The expression must name 月 (三月, 三月份, 七至八月) so that section
    numbering like 一、 is not mistaken for a month; 全年 / 长期 give an
    empty month list.
    """
    text = fold(_ascii_digits(line))
    head = _match_folded(text)
    if head is not None and head.rest and text is not line and text != line:
        # the same offsets in the line as written (fold and the digits keep the length)
        end = len(text.rstrip())
        start = end - len(head.rest)
        if text[start:end] == head.rest:
            head.rest = line[start:end]
    return head


def _match_folded(text: str) -> MonthHead | None:
    quarter = _regex("quarter").match(text)
    if quarter:
        q = parse_chinese_number(quarter.group("q")) or 1
        rest = quarter.group("rest").strip()
        return MonthHead([(m, False) for m in range(3 * q - 2, 3 * q + 1)], rest,
                         text[:quarter.start("sep") if quarter.group("sep") is not None else quarter.end("q") + 2]
                         .strip(), bool(quarter.group("sep")) or not rest)
    anytime = _regex("anytime").match(text)
    if anytime:
        return MonthHead([], anytime.group("rest").strip(), anytime.group("spec"),
                         bool(anytime.group("sep")) or not anytime.group("rest").strip())
    match = _regex("head").match(text)
    if not match or "月" not in match.group("spec"):
        return None
    spec = match.group("spec")
    # Trim back to the last 月 so 三月份各基层 keeps its text in rest.
    cut = spec.rfind("月") + 1
    after = spec[cut:cut + 2].lstrip(" \u3000")
    if after[:1] == "份":
        cut = spec.index("份", cut) + 1
    tail = spec[cut:]
    rest = tail + (match.group("sep") or "") + match.group("rest") if tail else match.group("rest")
    months = parse_month_spec(spec[:cut])
    if months is None:
        return None
    sep = match.group("sep") or ""
    separated = tail == "" and (bool(sep.strip()) or bool(sep) or not match.group("rest").strip())
    return MonthHead(months, rest.strip(), spec[:cut], separated)


def resolve(months: list[tuple[int, bool]], period: Period) -> list[str]:
    """Calendar months (YYYY-MM) for parsed month names within a period."""
    out: list[str] = []
    for month, next_year in months:
        ym = period.resolve(month, next_year)
        if ym not in out:
            out.append(ym)
    return out


# --- a month table's header row (月份 | 工作内容 | 负责人 | 备注) ----------------

_SOURCES.update({
    "month column": (r"^(?:月份|月|时间|日期|时段|月次|时间安排|活动时间|月份安排)$", 0),
    "text column": (r"内容|工作|活动|项目|事项|要点|安排|主题", 0),
    "owner column": (r"负责|责任|牵头|承办|主办|部门|执行|参加", 0),
    "note column": (r"备注|说明|完成|要求|情况|形式", 0),
    "number column": (r"^(?:序号|编号|序|NO\.?|No\.?)$", 0),
})


def table_columns(cells: list[str]) -> dict[str, int] | None:
    """{"month", "text", "owner", "note"} -> column index when the row is the
    header of a month table (it must name a month and a content column);
    None otherwise. Shared by paste and the Word importer."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = fold(re.sub(r"\s+", "", cell))
        if not name or _regex("number column").match(name):
            continue
        if "month" not in columns and _regex("month column").match(name):
            columns["month"] = index
        elif "owner" not in columns and _regex("owner column").search(name) and len(name) <= 8:
            columns["owner"] = index
        elif "note" not in columns and _regex("note column").search(name) and len(name) <= 8:
            columns["note"] = index
        elif "text" not in columns and _regex("text column").search(name) and len(name) <= 10:
            columns["text"] = index
    return columns if "month" in columns and "text" in columns else None
