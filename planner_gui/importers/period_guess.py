"""Which period and year an imported plan covers.

Read from the title and the first paragraphs (学年, 学期, 上半年), the months
the schedule names (九月 … 次年元月 crosses the new year), and the date at
the end; the first period that holds every month found wins.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from ..core.period import Period, format_ym
from .lines import first_year

#: (month, next_year) as core.months reads it, or (month, year) when the
#: plan wrote the year (2025年9月): the second item is then an int year.
MonthSpec = list[tuple[int, "bool | int"]]


def resolve_spec(spec: MonthSpec, period: Period) -> list[str]:
    """Calendar months (YYYY-MM) for a month expression inside a period."""
    out: list[str] = []
    for month, flag in spec:
        ym = period.resolve(month, flag) if type(flag) is bool else format_ym(int(flag), month)
        if ym not in out:
            out.append(ym)
    return out


def explicit_years(specs: list[MonthSpec]) -> set[int]:
    return {int(flag) for spec in specs for _, flag in spec if type(flag) is not bool}


def _keyword_kind(title: str, opening: str) -> str | None:
    if re.search(r"第二学期|下学期|春季学期", title):
        return "spring"
    if re.search(r"学期", title):
        return "semester"
    if re.search(r"学年", title):
        return "school_year"
    if "上半年" in title:
        return "first_half"
    if "下半年" in title:
        return "second_half"
    if re.search(r"年度|年工作|年工会", title):
        return "calendar_year"
    if re.search(r"第二学期|下学期|春季学期", opening):
        return "spring"
    if re.search(r"本学期|这学期|新学期|本期", opening):
        return "semester"
    if re.search(r"本学年|学年度|新学年|这学年", opening):
        return "school_year"
    return None


def crosses_new_year(specs: list[MonthSpec]) -> bool:
    """次年 written, two years written, or the months run 九月 … 十二月 and
    then start again."""
    if len(explicit_years(specs)) > 1:
        return True
    previous = None
    for spec in specs:
        for month, next_year in spec:
            if next_year is True:
                return True
            if previous is not None and month < previous and previous >= 8 and month <= 8:
                return True
            previous = month
    return False


def _period(kind: str, year: int) -> Period:
    if kind == "spring":
        return Period("custom", f"{year:04d}-02", f"{year:04d}-07")
    return Period.for_kind(kind, year)


def _fits(period: Period, specs: list[MonthSpec]) -> bool:
    return all(period.contains(ym) for spec in specs for ym in resolve_spec(spec, period))


def guess_year(title: str, opening: str, date_iso: str | None, crossing: bool,
               specs: Sequence[MonthSpec] = ()) -> tuple[int | None, str]:
    """(year, where it came from) — the period's first calendar year, 1900–2999."""
    written = explicit_years(list(specs))
    if written and not first_year(title):
        return min(written), "月份安排中写明的年份"
    year, where = _guess_year(title, opening, date_iso, crossing)
    return (year, where) if year is not None and 1900 <= year <= 2999 else (None, "")


def _guess_year(title: str, opening: str, date_iso: str | None, crossing: bool) -> tuple[int | None, str]:
    year = first_year(title)
    if year:
        return year, "标题"
    if date_iso:
        date = datetime.date.fromisoformat(date_iso)
        if crossing and date.month < 7:
            return date.year - 1, "成文日期"
        return date.year, "成文日期"
    match = re.match(r"\s*((?:19|20)\d{2})\s*(?:年|学年)", opening)
    if match:
        return int(match.group(1)), "第一段"
    return None, ""


def guess_period(year: int, title: str, opening: str, specs: list[MonthSpec]) -> tuple[Period, bool]:
    """(period, whether it was only a guess from the months)."""
    keyword = _keyword_kind(title, opening[:400])
    crossing = crosses_new_year(specs)
    candidates: list[str] = [keyword] if keyword else []
    candidates += ["semester", "school_year"] if crossing else ["calendar_year"]
    candidates += ["calendar_year", "school_year"]
    for kind in candidates:
        period = _period(kind, year)
        if _fits(period, specs):
            return period, keyword is None or kind != keyword
    months = sorted({ym for spec in specs for ym in resolve_spec(spec, _period("school_year", year))})
    if months and len(months) <= 36:
        return Period("custom", months[0], months[-1]), True
    return Period.for_kind("calendar_year", year), True
