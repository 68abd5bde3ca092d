"""Fixtures for the DOCX export tests (helpers live in docx_helpers.py)."""

from __future__ import annotations

import pytest

from planner_gui.core.plan import Plan

from .docx_helpers import load_fixture


@pytest.fixture
def calendar_plan() -> Plan:
    return load_fixture("calendar_plan")


@pytest.fixture
def school_plan() -> Plan:
    return load_fixture("school_year_plan")
