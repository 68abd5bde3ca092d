"""A new, empty plan with the title and period a user expects."""

from __future__ import annotations

import datetime

from .period import Period
from .plan import Meta, Plan


def planning_year(today: datetime.date | None = None) -> int:
    """The year a new plan is usually for: this year, but next year from
    December on (plans are written before the year starts). The new-plan
    dialog proposes it and the built-in sample is dated in it."""
    today = today or datetime.date.today()
    return today.year + 1 if today.month == 12 else today.year


def period_span(kind: str, year: int) -> str:
    """How a title names the period: 2025年, 2025—2026学年度, 2025年上半年 …"""
    return {
        "school_year": f"{year}—{year + 1}学年度",
        "semester": f"{year}—{year + 1}学年度第一学期",
        "first_half": f"{year}年上半年",
        "second_half": f"{year}年下半年",
    }.get(kind, f"{year}年")


def default_title(year: int, organization: str, kind: str) -> str:
    return f"{organization}{period_span(kind, year)}工会工作计划"


def empty_plan(year: int, organization: str = "", kind: str = "calendar_year") -> Plan:
    meta = Meta(
        title=default_title(year, organization, kind),
        organization=organization,
        year=year,
        period=Period.for_kind(kind, year),
        signature=organization.removesuffix("工会") + "工会委员会" if organization else "",
        date=None,
    )
    return Plan(meta=meta)
