"""The built-in sample is a finished plan: dated, its years consistent, exported
and printed without a placeholder warning, in any year it is started for."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from planner_gui.core.placeholders import find_placeholders
from planner_gui.resources import load_template, sample_plan


def years_in(plan) -> set[int]:
    texts = [plan.meta.title, *plan.preamble, *plan.closing]
    stack = list(plan.sections)
    while stack:
        section = stack.pop()
        texts += [section.heading, *section.body]
        stack += section.children
    texts += [a.text for a in plan.schedule]
    return {int(y) for text in texts for y in re.findall(r"(?<!\d)(20\d\d)(?=年)", text)}


@pytest.mark.parametrize("year", [None, 2026, 2027, 2031])
def test_sample_is_finished_in_any_year(year):
    plan = sample_plan() if year is None else load_template("sample", year)
    assert find_placeholders(plan) == []
    assert plan.meta.date and plan.meta.date.startswith(str(plan.meta.year))
    assert years_in(plan) == {plan.meta.year}
    assert str(plan.meta.year) in plan.meta.title


def test_the_sample_started_for_2026_is_a_2026_plan():
    plan = load_template("sample", 2026)
    assert plan.meta.year == 2026 and plan.meta.date == "2026-02-20"
    assert all(m.startswith("2026-") for a in plan.schedule for m in a.months)
    assert "第42个教师节" in "".join(a.text for a in plan.schedule)


def test_sample_exports_and_prints_without_a_warning(tmp_path):
    target = tmp_path / "示例.ghjh"
    run = lambda *args: subprocess.run([sys.executable, "-m", "planner_gui", *map(str, args)],  # noqa: E731
                                       capture_output=True, text=True)
    assert run("new", target, "--template", "sample", "--year", 2027).returncode == 0
    assert run("check", target).returncode == 0
    result = run("export", target, "-o", tmp_path / "示例.docx")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
