"""Data that ships with the program: starter plans, the activity library,
translations, font aliases. Found relative to this package so it works from a
source checkout, a pip install and a PyInstaller bundle alike."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SAMPLE = "sample"


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)


def template_index() -> list[dict]:
    """[{name, title, summary}] in display order (templates/index.json)."""
    return json.loads(path("templates", "index.json").read_text(encoding="utf-8"))


def load_template(name: str, year: int | None = None, organization: str | None = None,
                  period: str | None = None):
    """A starter plan, loaded through the same path as `planner-gui load`.

    KeyError when there is no such template. With a year, the plan is moved
    to that year (title, period, months).
    """
    from ..core.interchange import loads

    names = {entry["name"] for entry in template_index()}
    if name not in names:
        raise KeyError(name)
    plan = loads(path("templates", f"{name}.json").read_text(encoding="utf-8"))
    return retarget(plan, year, organization, period)


def retarget(plan, year=None, organization=None, period=None):
    """Move a template to the user's year, organization and period kind."""
    from ..core.period import Period, add_months

    if year is not None and year != plan.meta.year:
        shift = year - plan.meta.year
        plan.meta.title = plan.meta.title.replace(str(plan.meta.year), str(year))
        plan.meta.period = plan.meta.period.shifted(shift)
        plan.meta.year = year
        for activity in plan.schedule:
            activity.months = [add_months(m, 12 * shift) for m in activity.months]
    if period is not None and period != plan.meta.period.kind:
        plan.meta.period = Period.for_kind(period, plan.meta.year)
    if organization:
        plan.meta.organization = organization
    return plan


def sample_plan():
    """The finished example plan the editor shows when opened with no file."""
    return load_template(SAMPLE)
