"""What was done in the year: the date an activity took place, and the
figures the year grid, the month list and the 工作总结 show.

An activity counts as *planned* in every month it covers (a 七至八月 item
in both), and for the year once; a 全年 item (no months) counts for the
year only. It is *overdue* when the last of its months has passed and it
is not marked 完成. "Passed" is decided against a given date (today in the
window, a fixed date in tests), so nothing here reads the clock itself.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .period import format_ym
from .plan import Activity, Plan

_ISO = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:[-./月]\s*(?:(\d{1,2})\s*日?)?)?\s*$")


class DoneOnError(ValueError):
    """A 完成时间 that is neither a month nor a date; the message is for the user."""


def normalize_done_on(text: str) -> str:
    """"2025-3-8", "2025.03.08", "2025年3月8日" -> "2025-03-08"; "2025年3月",
    "2025-3" -> "2025-03"; "" -> "". Anything else raises DoneOnError."""
    text = (text or "").strip()
    if not text:
        return ""
    text = text.translate(str.maketrans("０１２３４５６７８９－．／", "0123456789-./"))
    match = _ISO.match(text)
    if not match:
        raise DoneOnError(f"完成时间应写成年月（如 2025-03）或日期（如 2025-03-08）：{text}")
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if not (1900 <= year <= 2999 and 1 <= month <= 12):
        raise DoneOnError(f"完成时间中的年月无效：{text}")
    if day is None:
        return format_ym(year, month)
    try:
        return datetime.date(year, month, int(day)).isoformat()
    except ValueError:
        raise DoneOnError(f"完成时间中的日期无效：{text}") from None


def done_on_month(done_on: str) -> str | None:
    """The YYYY-MM of a normalized 完成时间, or None when unset."""
    return done_on[:7] if done_on else None


def done_on_label(done_on: str) -> str:
    """"2025-03-08" -> "2025年3月8日", "2025-03" -> "2025年3月", "" -> ""."""
    if not done_on:
        return ""
    parts = [int(p) for p in done_on.split("-")]
    label = f"{parts[0]}年{parts[1]}月"
    return label + (f"{parts[2]}日" if len(parts) == 3 else "")


@dataclass(frozen=True)
class MonthProgress:
    month: str          # YYYY-MM
    planned: int        # activities covering the month
    done: int           # of those, marked 完成
    overdue: int        # of those, not done although their last month has passed


@dataclass(frozen=True)
class YearProgress:
    planned: int        # every activity once (全年 items included)
    done: int
    overdue: int
    months: list[MonthProgress]

    @property
    def undone(self) -> int:
        return self.planned - self.done


def current_month(today: datetime.date | None = None) -> str:
    today = today or datetime.date.today()
    return format_ym(today.year, today.month)


def is_overdue(activity: Activity, now_month: str) -> bool:
    """Not 完成 and its last planned month is before now_month (YYYY-MM).
    A 全年 item is never overdue before the year's summary is written."""
    return not activity.done and bool(activity.months) and max(activity.months) < now_month


def year_progress(plan: Plan, now_month: str) -> YearProgress:
    """Per month of the plan's period and for the year; now_month decides
    which months have passed (current_month() in the window)."""
    counts = {m: [0, 0, 0] for m in plan.meta.period.months()}
    planned = done = overdue = 0
    for activity in plan.schedule:
        late = is_overdue(activity, now_month)
        planned += 1
        done += activity.done
        overdue += late
        for month in activity.months:
            figures = counts.get(month)
            if figures is not None:
                figures[0] += 1
                figures[1] += activity.done
                figures[2] += late
    months = [MonthProgress(m, *figures) for m, figures in counts.items()]
    return YearProgress(planned, done, overdue, months)


def overdue_activities(plan: Plan, now_month: str) -> list[Activity]:
    return [a for a in plan.schedule if is_overdue(a, now_month)]
