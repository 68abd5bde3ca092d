"""The month table as rows: grouping and labels, no python-docx.

Rules (shared with anyone who lays the table out differently):
- an activity is listed under its first month; one spanning several months
  shows its span after the text, e.g. "……（七至八月）";
- months in calendar order, activities in plan order within a month;
- activities with no month (全年, 长期) form the last group, labelled 全年;
- items are numbered 1、2、 within a month, a month's only item too: one rule
  with the window (core.schedule.item_number);
- months are printed as a printed plan names them (printed_month_label):
  九月份 … 十二月份, 一月份 … 八月份 after the year has turned (not 次年元月份),
  with the year only where a month number would be ambiguous;
- the 负责人 and 备注 columns are left out when empty everywhere and the plan's
  hide_empty_columns option is on (the default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .period import Period, month_name, parse_ym, span_label
from .plan import Activity, Plan, Section
from .sanitize import clean_text
from .schedule import item_number

#: A section whose heading says it is the month list takes the table, if it
#: has no subsections; otherwise the table gets a level-1 section of its own.
HOST_PATTERN = re.compile(r"月份|工作安排|活动安排|安排表|计划表|行事历|月工作")
DEFAULT_HEADING = "具体月份工作安排"
NO_MONTH_LABEL = "全年"

COLUMNS = (("month", "月份"), ("text", "工作内容"), ("owner", "负责人"), ("note", "备注"))


@dataclass(frozen=True)
class Row:
    number: str      # "1、"
    text: str        # the activity text with its span appended when it spans months
    owner: str
    note: str
    activity_id: str


@dataclass(frozen=True)
class MonthGroup:
    key: str         # YYYY-MM of the first month, or "" for the no-month group
    label: str       # 三月份 / 次年元月份 / 全年
    rows: tuple[Row, ...]


def schedule_host(plan: Plan) -> Section | None:
    """The last section without subsections whose heading names the month list."""
    found = None
    for section in plan.walk():
        if not section.children and HOST_PATTERN.search(section.heading or ""):
            found = section
    return found


def group_schedule(plan: Plan) -> list[MonthGroup]:
    start_year = plan.meta.period.start_year
    by_month: dict[str, list[Activity]] = {}
    for activity in plan.schedule:
        key = activity.months[0] if activity.months else ""
        by_month.setdefault(key, []).append(activity)
    keys = sorted(k for k in by_month if k) + ([""] if "" in by_month else [])
    ambiguous = _ambiguous_months(plan.meta.period, [k for k in keys if k])
    groups = []
    for key in keys:
        activities = by_month[key]
        rows = []
        for index, activity in enumerate(activities):
            text = clean_text(activity.text)
            if len(activity.months) > 1:
                first_year = parse_ym(activity.months[0])[0]
                span = span_label(activity.months, first_year if ambiguous is None else start_year)
                text = f"{text}（{span}）"
            rows.append(Row(item_number(index), text,
                            clean_text(activity.owner), clean_text(activity.note), activity.id))
        label = printed_month_label(key, plan.meta.period, ambiguous) if key else NO_MONTH_LABEL
        groups.append(MonthGroup(key, label, tuple(rows)))
    return groups


def _ambiguous_months(period: Period, keys: list[str]) -> set[int] | None:
    """Month numbers that occur in two years among the period's and the table's
    months (None when none does: every month name is unambiguous)."""
    years: dict[int, set[int]] = {}
    for ym in list(period.months()) + keys:
        year, month = parse_ym(ym)
        years.setdefault(month, set()).add(year)
    found = {month for month, seen in years.items() if len(seen) > 1}
    return found or None


def printed_month_label(ym: str, period: Period, ambiguous: set[int] | None = None) -> str:
    """三月份 / 一月份 as printed plans name a month (the window keeps its 次年元月);
    2027年一月份 only where 一月 alone could mean two months of the table."""
    year, month = parse_ym(ym)
    name = month_name(month, "一") + "份"
    if ambiguous and month in ambiguous:
        return f"{year}年{name}"
    return name


def visible_columns(plan: Plan, groups: list[MonthGroup]) -> list[tuple[str, str]]:
    """(key, header) of the columns to show."""
    if not plan.option("hide_empty_columns"):
        return list(COLUMNS)
    rows = [row for group in groups for row in group.rows]
    shown = []
    for key, header in COLUMNS:
        if key in ("owner", "note") and not any(getattr(row, key).strip() for row in rows):
            continue
        shown.append((key, header))
    return shown
