"""store/rows.py: the plan <-> rows mapping, and the seams of the store."""

from __future__ import annotations

import ast
import json
from dataclasses import replace
from pathlib import Path

from planner_gui.core.interchange import dumps, plan_from_dict, plan_to_dict
from planner_gui.core.plan import META_KEYS, OPTIONAL_META_KEYS
from planner_gui.store.checksum import ACTIVITY_COLUMNS, SECTION_COLUMNS
from planner_gui.store.rows import activity_rows, plan_dict, section_rows

STORE = Path(__file__).resolve().parents[2] / "planner_gui" / "store"


def _stored(plan):
    """The rows as plan_file writes and reads them (columns in schema order)."""
    data = plan_to_dict(plan)
    meta = {**data["meta"], "preamble": data["preamble"], "closing": data["closing"],
            "options": data.get("options", {})}
    meta_rows = [(key, json.dumps(value, ensure_ascii=False)) for key, value in meta.items()]
    sections = [tuple(row[c] for c in SECTION_COLUMNS) for row in section_rows(plan)]
    activities = [tuple(row[c] for c in ACTIVITY_COLUMNS) for row in activity_rows(plan)]
    return meta_rows, sections, activities


def test_rows_give_back_the_plan(sample_plan):
    assert dumps(plan_from_dict(plan_dict(*_stored(sample_plan)))) == dumps(sample_plan)


def test_meta_rows_follow_cores_one_list_of_keys(sample_plan):
    summary = replace(sample_plan, meta=replace(sample_plan.meta, kind="summary"))
    meta = plan_dict(*_stored(summary))["meta"]
    assert tuple(meta) == META_KEYS + OPTIONAL_META_KEYS
    assert tuple(plan_to_dict(sample_plan)["meta"]) == META_KEYS      # kind at its default: not written
    assert tuple(plan_dict(*_stored(sample_plan))["meta"]) == META_KEYS


def test_no_private_name_is_imported_across_store_modules():
    """The store's modules share public helpers only (files.py, rows.py)."""
    found = []
    for path in sorted(STORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                found += [f"{path.name}: {alias.name}" for alias in node.names
                          if alias.name.startswith("_") and alias.name != "__future__"]
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                    and not node.attr.startswith("__") and isinstance(node.value, ast.Name) \
                    and node.value.id.endswith("module"):
                found.append(f"{path.name}: {node.value.id}.{node.attr}")
    assert not found, found
