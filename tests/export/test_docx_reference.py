"""Exported structure compared with stored references, so layout changes show in review.

Each reference (tests/export/reference/*.json) lists the body in order: every
paragraph's style name and text, every table's rows of cell texts. After an
intended change, regenerate them and review the diff:

    PLANNER_UPDATE_REFERENCES=1 python -m pytest tests/export/test_docx_reference.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from planner_gui.export.docx_writer import build_document

from .docx_helpers import load_fixture

REFERENCE = Path(__file__).resolve().parent / "reference"
UPDATE = os.environ.get("PLANNER_UPDATE_REFERENCES") == "1"

CASES = [
    ("calendar_plan", False),
    ("calendar_plan", True),
    ("school_year_plan", False),
    ("school_year_plan", True),
]


def structure(document) -> dict:
    blocks = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            blocks.append({"style": block.style.name, "text": block.text})
        elif isinstance(block, Table):
            blocks.append({"table": [[cell.text for cell in row.cells] for row in block.rows]})
    section = document.sections[0]
    return {
        "page": {"width_mm": round(section.page_width.mm), "height_mm": round(section.page_height.mm)},
        "footers": {"odd": [p.text for p in section.footer.paragraphs],
                    "even": [p.text for p in section.even_page_footer.paragraphs]},
        "body": blocks,
    }


@pytest.mark.parametrize("name, schedule_only", CASES)
def test_structure_matches_reference(name, schedule_only):
    actual = structure(build_document(load_fixture(name), schedule_only=schedule_only))
    path = REFERENCE / f"{name}{'-schedule' if schedule_only else ''}.json"
    if UPDATE:
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.is_file(), f"no reference {path.name}: run with PLANNER_UPDATE_REFERENCES=1"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected


def test_reference_structure_sees_a_change():
    """The comparison is not vacuous: a renamed heading changes the structure."""
    plan = load_fixture("calendar_plan")
    before = structure(build_document(plan))
    plan.sections[0].heading = "改过的标题"
    assert structure(build_document(plan)) != before
