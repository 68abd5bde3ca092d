"""The benchmarks' stress plan is what it promises: 300 sections in 4 levels,
30,000 characters of text, 1,000 activities over a school year, a valid plan
that survives the interchange JSON and a plan file. No timing here."""

from __future__ import annotations

import pytest

from benchmarks.stress_plan import (ACTIVITIES, SECTIONS, TEXT_CHARS, depth_counts, stress_plan,
                                    text_length, write_stress_plan)
from planner_gui.core.interchange import dumps, loads
from planner_gui.core.placeholders import find_placeholders


@pytest.fixture(scope="module")
def plan():
    return stress_plan()


def test_three_hundred_sections_in_four_levels(plan):
    counts = depth_counts(plan)
    assert len(counts) == 4
    assert sum(counts) == SECTIONS == 300
    assert all(n > 0 for n in counts)
    # every branch reaches the fourth level: a deep tree, not a flat list
    for top in plan.sections:
        assert any(child.children and any(g.children for g in child.children)
                   for child in top.children)


def test_thirty_thousand_characters_of_text(plan):
    assert text_length(plan) == TEXT_CHARS == 30_000
    assert all(s.heading and s.body and all(s.body) for s in plan.walk())


def test_text_length_counts_what_it_says():
    plan = stress_plan()
    before = text_length(plan)
    plan.preamble.append("多")
    plan.sections[0].heading += "两字"
    plan.sections[0].children[0].body.append("三个字")
    assert text_length(plan) == before + 6


def test_a_thousand_activities_over_a_school_year(plan):
    assert len(plan.schedule) == ACTIVITIES == 1000
    assert plan.meta.period.kind == "school_year"
    months = plan.meta.period.months()
    assert months[0] == "2025-09" and months[-1] == "2026-08"
    used = {m for a in plan.schedule for m in a.months}
    assert used == set(months)                      # the whole year is busy
    assert all(set(a.months) <= set(months) and a.months == sorted(a.months)
               for a in plan.schedule)
    assert any(not a.months for a in plan.schedule)            # some 全年
    assert any(len(a.months) == 2 for a in plan.schedule)      # some spans
    section_ids = {s.id for s in plan.walk()}
    tied = [a.section for a in plan.schedule if a.section is not None]
    assert set(tied) <= section_ids and len(tied) > ACTIVITIES // 2


def test_ids_unique(plan):
    section_ids = [s.id for s in plan.walk()]
    activity_ids = [a.id for a in plan.schedule]
    assert len(set(section_ids)) == len(section_ids)
    assert len(set(activity_ids)) == len(activity_ids)


def test_same_plan_every_time(plan):
    assert stress_plan() == plan


def test_no_placeholders_so_export_is_not_refused(plan):
    assert find_placeholders(plan) == []


def test_survives_interchange_json(plan):
    assert loads(dumps(plan)) == plan


def test_plan_file_holds_the_same_plan(tmp_path, plan):
    from planner_gui.store import PlanFile

    path = write_stress_plan(tmp_path / "stress.ghjh", plan)
    with PlanFile.open(path, read_only=True) as opened:
        assert opened.load() == plan
    write_stress_plan(path)                         # replaces an existing file
    with PlanFile.open(path, read_only=True) as opened:
        assert opened.load() == plan
