"""The editor's sample is a current plan: dated in the year plans are being written for."""

from __future__ import annotations

import datetime

from planner_gui import resources
from planner_gui.core.starter import planning_year


def test_the_sample_is_dated_in_the_planning_year(monkeypatch):
    monkeypatch.undo()  # drop the tests' fixed sample year for this test
    plan = resources.sample_plan()
    assert plan.meta.year == planning_year(datetime.date.today())
    assert str(plan.meta.year) in plan.meta.title
    assert plan.meta.date.startswith(str(plan.meta.year))
