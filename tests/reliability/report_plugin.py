"""The reliability suite's figures, printed as one table at the end of the run.

Tests call `record(...)` (through the `figures` fixture); at the end of the
session the rows are written to <basetemp>/reliability-figures.json (and to
$PLANNER_RELIABILITY_JSON when set) and printed. tests/reliability/conftest.py
re-exports the hooks, so the table appears whenever that folder was collected;
nothing here imports the program.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest


@dataclass
class Row:
    area: str            # crash, full disk, damaged files, backups, untrusted input, security, two openers
    case: str            # what was tried
    tried: int = 0       # how many times
    answer: str = ""     # how the program answered (the user's message, abridged)
    damaged: int = 0     # plan files found damaged afterwards (must be 0)
    lost: int = 0        # committed edits missing afterwards (must be 0)
    failed: int = 0      # answers that were wrong (traceback, hang, file written...) (must be 0)
    extra: dict = field(default_factory=dict)


ROWS: list[Row] = []


def record(area: str, case: str, tried: int = 1, answer: str = "", damaged: int = 0,
           lost: int = 0, failed: int = 0, **extra) -> Row:
    row = Row(area, case, tried, _abridge(answer), damaged, lost, failed, extra)
    ROWS.append(row)
    return row


def _abridge(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@pytest.fixture
def figures():
    """record(area, case, tried, answer, damaged=0, lost=0, failed=0, **extra)."""
    return record


AREAS = ["crash", "full disk", "damaged files", "backups", "untrusted input", "security", "two openers",
         # issue 14, round two
         "stale journal", "second descriptor", "journal mode", "tampered schema", "menu actions",
         "background backups", "cli checks", "messages", "windows"]


def merged(rows: list[Row]) -> list[Row]:
    """Rows sharing extra["group"] become one row (e.g. 29 kinds of bad JSON),
    in the order of AREAS, then of first appearance."""
    out: list[Row] = []
    groups: dict[tuple, list[Row]] = {}
    for row in rows:
        group = row.extra.get("group")
        if group is None:
            out.append(row)
            continue
        key = (row.area, group)
        if key not in groups:
            groups[key] = []
            out.append(Row(row.area, group, extra={"group": group}))
        groups[key].append(row)
    for row in out:
        members = groups.get((row.area, row.extra.get("group")), [])
        if members:
            row.tried = sum(m.tried for m in members)
            row.damaged = sum(m.damaged for m in members)
            row.lost = sum(m.lost for m in members)
            row.failed = sum(m.failed for m in members)
            kinds = Counter(m.extra.get("kind", "answered") for m in members)
            row.answer = "; ".join(f"{k} {n}" for k, n in kinds.most_common())
    order = {area: i for i, area in enumerate(AREAS)}
    return sorted(out, key=lambda r: order.get(r.area, len(AREAS)))


def table(rows: list[Row]) -> list[str]:
    trials = sum(int(r.extra.get("trials", 0)) for r in rows)
    lines = [
        "| area | case | tried | answer | damaged | lost | wrong |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    for r in merged(rows):
        lines.append(f"| {r.area} | {r.case} | {r.tried} | {r.answer} | {r.damaged} | {r.lost} | {r.failed} |")
    known = [r for r in rows if r.failed and r.extra.get("known")]
    lines.append("")
    bad_inputs = sum(r.tried for r in rows if r.area in ("damaged files", "untrusted input"))
    lines.append(f"crash trials run: {trials}; bad inputs tried (damaged files, untrusted input): {bad_inputs}; "
                 f"files damaged: {sum(r.damaged for r in rows)} (must be 0); "
                 f"edits lost: {sum(r.lost for r in rows)} (must be 0); "
                 f"wrong answers: {sum(r.failed for r in rows)} (must be 0"
                 + (f"; {len(known)} known, reported, marked xfail" if known else "") + ")")
    for r in known:
        lines.append(f"  known: {r.area} / {r.case}: {r.extra['known']}")
    return lines


def pytest_sessionfinish(session, exitstatus):
    if not ROWS:
        return
    data = [asdict(r) for r in ROWS]
    targets = []
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is not None:
        targets.append(Path(factory.getbasetemp()) / "reliability-figures.json")
    if os.environ.get("PLANNER_RELIABILITY_JSON"):
        targets.append(Path(os.environ["PLANNER_RELIABILITY_JSON"]))
    for target in targets:
        try:
            target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError:
            pass


_PRINTED: list[bool] = []


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    # Registered through tests/reliability/conftest.py; should the module also
    # be listed in pytest_plugins, the table is still printed once.
    if not ROWS or _PRINTED:
        return
    _PRINTED.append(True)
    terminalreporter.section("reliability figures")
    for line in table(ROWS):
        terminalreporter.write_line(line)
