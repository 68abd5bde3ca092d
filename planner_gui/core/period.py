"""The months a plan covers, in order, and how each month is labelled.

A school-year plan runs 九月 … 次年八月 and a semester 九月 … 次年元月, so a
month is always a calendar month ("2025-09"), and its label depends on the
period it is shown in (次年元月 when it falls in the year after the start).
"""

from __future__ import annotations

from dataclasses import dataclass

from .numbering import chinese_number

KINDS = ("calendar_year", "first_half", "second_half", "school_year", "semester", "custom")

#: (first month, number of months) for each kind counted from the plan's year.
_SPANS = {
    "calendar_year": (1, 12),
    "first_half": (1, 6),
    "second_half": (7, 6),
    "school_year": (9, 12),
    "semester": (9, 5),
}

MAX_MONTHS = 36


#: Months already read: models, layout and importers ask for the same few
#: dozen months again and again. Only good str input is kept, and not much.
_PARSED: dict[str, tuple[int, int]] = {}


def parse_ym(text: str) -> tuple[int, int]:
    """'2025-03' -> (2025, 3); ValueError with the offending text otherwise."""
    if type(text) is str:
        known = _PARSED.get(text)
        if known is not None:
            return known
    try:
        year_text, month_text = text.split("-")
        year, month = int(year_text), int(month_text)
    except (AttributeError, ValueError):
        raise ValueError(f"月份格式应为 YYYY-MM：{text!r}") from None
    if len(year_text) != 4 or len(month_text) != 2 or not 1 <= month <= 12:
        raise ValueError(f"月份格式应为 YYYY-MM：{text!r}")
    if type(text) is str and len(_PARSED) < 4096:
        _PARSED[text] = (year, month)
    return year, month


def format_ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(ym: str, count: int) -> str:
    year, month = parse_ym(ym)
    index = year * 12 + (month - 1) + count
    return format_ym(index // 12, index % 12 + 1)


def month_span(start: str, end: str) -> list[str]:
    """Every YYYY-MM from start to end inclusive."""
    (y0, m0), (y1, m1) = parse_ym(start), parse_ym(end)
    count = (y1 * 12 + m1) - (y0 * 12 + m0) + 1
    return [add_months(start, i) for i in range(max(count, 0))]


@dataclass(frozen=True)
class Period:
    kind: str
    start: str
    end: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"未知的计划期间类型：{self.kind!r}")
        parse_ym(self.start)
        parse_ym(self.end)
        if self.end < self.start:
            raise ValueError(f"计划期间的结束月份早于开始月份：{self.start} … {self.end}")
        if len(self.months()) > MAX_MONTHS:
            raise ValueError(f"计划期间过长（超过 {MAX_MONTHS} 个月）")

    @classmethod
    def for_kind(cls, kind: str, year: int) -> Period:
        """The usual period of a kind starting in `year` (custom = calendar year)."""
        first, count = _SPANS.get(kind, (1, 12))
        start = format_ym(year, first)
        return cls(kind, start, add_months(start, count - 1))

    @property
    def start_year(self) -> int:
        return parse_ym(self.start)[0]

    def months(self) -> list[str]:
        return month_span(self.start, self.end)

    def contains(self, ym: str) -> bool:
        return self.start <= ym <= self.end

    def label(self, ym: str, suffix: str = "") -> str:
        """三月 / 次年元月 (suffix "份" gives 三月份 / 次年元月份)."""
        return month_label(ym, self.start_year, suffix)

    def resolve(self, month: int, next_year: bool = False) -> str:
        """The calendar month meant by a bare month name in this period.

        元月 in a school-year plan is the January inside the period; 次年 forces
        the year after the start year.
        """
        if next_year:
            return format_ym(self.start_year + 1, month)
        year, first = parse_ym(self.start)
        if 1 <= month <= 12:
            # the first month of the period with that number, by arithmetic:
            # importers ask this for every month line of a plan
            end_year, last = parse_ym(self.end)
            offset = (month - first) % 12
            if offset <= (end_year * 12 + last) - (year * 12 + first):
                return add_months(self.start, offset)
        return format_ym(year, month)

    def shifted(self, years: int) -> Period:
        return Period(self.kind, add_months(self.start, 12 * years), add_months(self.end, 12 * years))


def month_name(month: int, january: str = "元") -> str:
    """1 -> 元月 (or 一月), 11 -> 十一月."""
    if month == 1:
        return f"{january}月"
    return f"{chinese_number(month)}月"


def month_label(ym: str, start_year: int, suffix: str = "") -> str:
    year, month = parse_ym(ym)
    if year == start_year:
        return month_name(month, "一") + suffix
    if year == start_year + 1:
        return "次年" + month_name(month) + suffix
    return f"{year}年{month}月{suffix}"


def span_label(months: list[str], start_year: int, suffix: str = "") -> str:
    """The usual way a span is written: 三月, 七至八月, 一、二月 is kept for two
    adjacent months as 一至二月; non-adjacent months are joined with 、.
    An empty span is 全年."""
    if not months:
        return "全年"
    if len(months) == 1:
        return month_label(months[0], start_year, suffix)
    contiguous = months == month_span(months[0], months[-1])
    first = month_label(months[0], start_year)
    if contiguous:
        last = month_label(months[-1], start_year)
        # 七至八月: drop the first 月 when both are in the same year
        if first.endswith("月") and parse_ym(months[0])[0] == parse_ym(months[-1])[0]:
            first = first[:-1]
            if first.startswith("次年") and last.startswith("次年"):
                last = last[2:]  # 次年元至二月, not 次年元至次年二月
        return f"{first}至{last}{suffix}"
    labels = [month_label(m, start_year) for m in months]
    return "、".join(labels) + suffix
