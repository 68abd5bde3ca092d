"""The editor's sample is a current plan: dated in the year plans are being written for."""

from __future__ import annotations

import datetime

from planner_gui import resources
from planner_gui.core.starter import planning_year

REAL_SAMPLE_YEAR = resources.sample_year


def test_the_sample_is_dated_in_the_planning_year(monkeypatch):
    monkeypatch.setattr(resources, "sample_year", REAL_SAMPLE_YEAR)  # the program's rule, not the tests' year
    plan = resources.sample_plan()
    assert plan.meta.year == planning_year(datetime.date.today())
    assert str(plan.meta.year) in plan.meta.title
    assert plan.meta.date.startswith(str(plan.meta.year))
