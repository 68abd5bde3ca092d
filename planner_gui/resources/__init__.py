"""Data that ships with the program: starter plans, the activity library,
the supplement to Qt's Chinese translation, font aliases. Found relative to this package so it works from a
source checkout, a pip install and a PyInstaller bundle alike.

Starter plans are interchange JSON (templates/<name>.json, listed in
templates/index.json) written for one fixed base year; load_template() reads
one through the same path as `planner-gui load` and moves it to the year,
organization and period the user asked for (retarget()).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..core.starter import period_span

ROOT = Path(__file__).resolve().parent
SAMPLE = "sample"

#: What a template writes where the user's organization goes.
ORG_MARKER = "【单位名称】"
#: Endings stripped from an organization's name to get the unit's own name
#: (阳光中学工会 -> 阳光中学), longest first.
_ORG_SUFFIXES = ("工会委员会", "机关工会", "总工会", "工会")


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)


def template_index() -> list[dict]:
    """[{name, title, summary, periods}] in display order (templates/index.json).

    `periods` lists the period kinds that make sense for the template (what a
    dialog should offer); load_template() accepts any kind.
    """
    return json.loads(path("templates", "index.json").read_text(encoding="utf-8"))


def template_names() -> list[str]:
    return [entry["name"] for entry in template_index()]


def load_template(name: str, year: int | None = None, organization: str | None = None,
                  period: str | None = None):
    """A starter plan, loaded through the same path as `planner-gui load`.

    KeyError when there is no such template; ValueError (Chinese message) for
    a year or period kind that cannot be used. See retarget() for what the
    year, organization and period change.
    """
    from ..core.interchange import loads

    if name not in template_names():
        raise KeyError(name)
    plan = loads(path("templates", f"{name}.json").read_text(encoding="utf-8"))
    date = plan.meta.date
    plan = retarget(plan, year, organization, period)
    if name == SAMPLE and date and not plan.meta.date:
        # the sample is a finished plan: dated in its year, so it exports without a warning
        plan.meta.date = f"{plan.meta.year}{date[4:]}"
    return plan


def retarget(plan, year=None, organization=None, period=None):
    """Move a plan (normally a template) to the user's year, organization and
    period kind, and return it (a new object when the year changes).

    - year: the rollover helper moves the period and every activity's months
      and makes its safe text changes (2025年 -> 2026年, 第41个教师节 -> 第42个);
      the 成文日期 and done marks are cleared as in any rollover.
    - period: a kind such as "school_year"; each activity keeps its calendar
      month (三月 stays 三月, now in the school year's second calendar year),
      activities whose months all fall outside a shorter period are left out,
      and the span in the title (2025年 / 2025—2026学年度) follows.
    - organization: replaces the template's 【单位名称】 (or the plan's own
      organization name) everywhere, so the title and signature read right.
    """
    if year is not None and year != plan.meta.year:
        plan = _shift_year(plan, year)
    if period is not None and period != plan.meta.period.kind:
        _refile(plan, period)
    if organization and organization.strip():
        _rename(plan, organization.strip())
    return plan


def sample_plan(year: int | None = None):
    """The finished example plan the editor shows when opened with no file,
    dated in the year a plan is being written for now (core.starter.planning_year),
    so that a sample opened today is a current plan, not last year's with every
    activity overdue."""
    return load_template(SAMPLE, year=year or sample_year())


def sample_year() -> int:
    """The year the editor's sample is dated in (the tests pin it)."""
    from ..core.starter import planning_year

    return planning_year()


# --- the three moves ------------------------------------------------------------

def _shift_year(plan, year: int):
    from ..core.edits import apply_edit
    from ..core.rollover import auto_changes, changes_to_edit, rollover

    moved, changes = rollover(plan, year)
    apply_edit(moved, changes_to_edit(moved, auto_changes(changes)))
    return moved


def _refile(plan, kind: str) -> None:
    """Another period for a template: activities keep their calendar months
    (core.schedule.refile_for_period); a template's activities the shorter
    period cannot hold are left out, as they are only suggestions."""
    from ..core.edits import apply_edit
    from ..core.period import Period
    from ..core.schedule import refile_for_period

    old = plan.meta.period
    new = Period.for_kind(kind, plan.meta.year)
    edit, _ = refile_for_period(plan, new)
    apply_edit(plan, edit)
    for activity in plan.schedule:
        activity.months = [m for m in activity.months if new.contains(m)] or activity.months
    plan.schedule = [a for a in plan.schedule if all(new.contains(m) for m in a.months)]

    old_span, new_span = period_span(old.kind, plan.meta.year), period_span(kind, plan.meta.year)
    if old_span != new_span:
        plan.meta.title = plan.meta.title.replace(old_span, new_span, 1)
        plan.preamble = [new_span + p[len(old_span):] if p.startswith(old_span + "，") else p
                         for p in plan.preamble]


def unit_name(organization: str) -> str:
    """阳光中学工会 -> 阳光中学 (the name a signature is built from)."""
    for suffix in _ORG_SUFFIXES:
        if organization.endswith(suffix) and len(organization) > len(suffix):
            return organization[:-len(suffix)]
    return organization


def _rename(plan, organization: str) -> None:
    from ..core.edits import Batch, apply_edit
    from ..core.locations import iter_texts, set_texts_edits

    old = plan.meta.organization
    old_unit = ORG_MARKER if ORG_MARKER in old else unit_name(old)
    unit = unit_name(organization)
    if unit == organization and old_unit and old_unit != old:
        # "青石中学" for a template of "【单位名称】工会": keep the template's ending
        organization = old.replace(old_unit, unit)
    pairs = {old: organization, old_unit: unit, ORG_MARKER: unit}
    pairs = {k: v for k, v in pairs.items() if k and k != v}
    if pairs:
        pattern = re.compile("|".join(re.escape(k) for k in sorted(pairs, key=len, reverse=True)))
        changed = {}
        for location, text in iter_texts(plan):
            new_text = pattern.sub(lambda m: pairs[m.group()], text)
            if new_text != text:
                changed[location] = new_text
        if changed:
            apply_edit(plan, Batch(set_texts_edits(plan, changed)))
    plan.meta.organization = organization
