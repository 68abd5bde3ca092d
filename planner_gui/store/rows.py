"""The plan <-> rows mapping: the rows a plan is stored as (a meta row per
key, a row per section, a row per activity) and the interchange dict rebuilt
from them. No SQL here: plan_file.py runs the statements.

Columns follow checksum.SECTION_COLUMNS / ACTIVITY_COLUMNS; the meta keys are
core's (core.plan.META_KEYS), the one list of them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable, Iterator

from ..core.plan import META_KEYS, OPTIONAL_META_KEYS
from .checksum import CHECKSUM_KEY, ROWS_KEY, RowDigests, content_checksum

if TYPE_CHECKING:
    from ..core.edits import Touched
    from ..core.plan import Activity, Plan, Section


def plan_dict(meta_rows: Iterable[Any], section_rows: list[Any],
              activity_rows: Iterable[Any]) -> dict[str, Any]:
    """The interchange dict of the stored rows (plan_from_dict checks it)."""
    wanted = {*META_KEYS, *OPTIONAL_META_KEYS, "preamble", "closing", "options"}
    meta = {key: json.loads(value) for key, value in meta_rows if key in wanted}
    nodes = {r[0]: {"id": r[0], "heading": r[3], "body": json.loads(r[4]), "children": []}
             for r in section_rows}
    top: list[dict[str, Any]] = []
    for ident, parent, *_ in section_rows:
        (nodes[parent]["children"] if parent in nodes else top).append(nodes[ident])
    schedule = [
        {"id": r[0], "months": json.loads(r[2]), "text": r[3], "owner": r[4], "note": r[5],
         "section": r[6], "done": bool(r[7]),
         **({"done_on": r[8]} if len(r) > 8 and r[8] else {}),
         **({"outcome": r[9]} if len(r) > 9 and r[9] else {})}
        for r in activity_rows
    ]
    data = {
        "format": "union-plan", "version": 1,
        "meta": {**{k: meta.get(k) for k in META_KEYS},
                 **{k: meta[k] for k in OPTIONAL_META_KEYS if k in meta}},
        "preamble": meta.get("preamble", []),
        "sections": top,
        "schedule": schedule,
        "closing": meta.get("closing", []),
    }
    if meta.get("options"):
        data["options"] = meta["options"]
    return data


def checksum_ok(meta_rows: Iterable[Any], data: dict[str, Any], digests: RowDigests) -> bool:
    """Whether the stored checksum matches the rows (checksum.py). A file
    without one was written before checksums; it is stamped on the next save."""
    stored = {key: value for key, value in meta_rows if key in (ROWS_KEY, CHECKSUM_KEY)}
    if CHECKSUM_KEY in stored:
        expected = content_checksum(data)
    elif ROWS_KEY in stored:
        expected = digests.hexdigest()
    else:
        return True
    try:
        ok: bool = json.loads(stored[CHECKSUM_KEY] if CHECKSUM_KEY in stored else stored[ROWS_KEY]) == expected
        return ok
    except (ValueError, TypeError):
        return False


def section_row(section: Section, parent_id: str | None, position: int) -> dict[str, Any]:
    return {"id": section.id, "parent": parent_id, "position": position,
            "heading": section.heading, "body": json.dumps(section.body, ensure_ascii=False)}


def section_rows(plan: Plan) -> list[dict[str, Any]]:
    """Every section's row, in reading order."""
    def rows(items: list[Section], parent: str | None) -> Iterator[dict[str, Any]]:
        for position, section in enumerate(items):
            yield section_row(section, parent, position)
            yield from rows(section.children, section.id)
    return list(rows(plan.sections, None))


def touched_section_rows(plan: Plan, touched: Touched) -> list[dict[str, Any]]:
    """Rows of the sections in touched.sections and of the children of each
    parent in touched.children_of (None: the top level), in reading order; a
    section no longer in the plan (deleted later in the same batch) is left out."""
    found: dict[str, tuple[Section, str | None, int]] = {}
    for section_id in touched.sections:
        try:
            parent, index = plan.locate(section_id)
        except KeyError:
            continue
        siblings = parent.children if parent is not None else plan.sections
        found[section_id] = (siblings[index], parent.id if parent is not None else None, index)
    for parent_id in touched.children_of:
        try:
            children = plan.children_of(parent_id)
        except KeyError:
            continue
        for index, section in enumerate(children):
            found[section.id] = (section, parent_id, index)
    ordered = sorted(found.values(), key=lambda item: plan.path_of(item[0].id))
    return [section_row(section, parent, index) for section, parent, index in ordered]


def activity_rows(plan: Plan) -> list[dict[str, Any]]:
    """Every activity's row, in the month table's order."""
    return [activity_row(a, i) for i, a in enumerate(plan.schedule)]


def touched_activity_rows(plan: Plan, touched: Touched) -> list[dict[str, Any]]:
    """Rows of the activities in touched.activities still in the plan, in order."""
    indexes: set[int] = set()
    for activity_id in touched.activities:
        try:
            indexes.add(plan.activity_index(activity_id))
        except KeyError:
            continue    # removed later in the same batch
    return [activity_row(plan.schedule[i], i) for i in sorted(indexes)]


def activity_row(activity: Activity, position: int) -> dict[str, Any]:
    return {"id": activity.id, "position": position,
            "months": json.dumps(activity.months), "text": activity.text,
            "owner": activity.owner, "note": activity.note,
            "section": activity.section, "done": int(activity.done),
            "done_on": activity.done_on or None, "outcome": activity.outcome or None}
