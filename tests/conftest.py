"""Shared fixtures. Qt runs offscreen; the seeds are read from ../shared when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = next((p for p in (REPO.parent / "shared" / "seeds", REPO.parent.parent / "shared" / "seeds")
              if p.is_dir()), REPO.parent / "shared" / "seeds")   # a worktree sits one level deeper


# As app.main does at program start, before any Qt object (planner_gui/qt_fixes.py):
# the one place the tests apply it.
from planner_gui.qt_fixes import protect_singletons

protect_singletons()


#: The year the tests date the built-in sample in (the program dates it in
#: core.starter.planning_year, which moves with the calendar).
SAMPLE_YEAR = 2025


@pytest.fixture(autouse=True, scope="session")
def _sample_in_a_fixed_year():
    """Session-wide, so module-scoped fixtures see it too; tests/test_sample_year.py
    checks the real rule (resources.sample_year is saved as REAL_SAMPLE_YEAR)."""
    from planner_gui import resources

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(resources, "sample_year", lambda: SAMPLE_YEAR)
        yield


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present (only CI and the team have it)")
    return SEEDS


@pytest.fixture
def sample_plan():
    from planner_gui.resources import sample_plan

    return sample_plan(SAMPLE_YEAR)


@pytest.fixture
def plan_path(tmp_path, sample_plan):
    """A plan file holding the sample plan."""
    from planner_gui.store import PlanFile

    path = tmp_path / "计划.ghjh"
    PlanFile.create(path, sample_plan).close()
    return path
