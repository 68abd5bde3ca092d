"""A long editing session must not bring the program down.

PySide6 6.12.0 takes a reference from True with every Signal.emit() (see
planner_gui/qt_fixes.py); on CPython before 3.12 the interpreter
aborts ("Fatal Python error: bool_dealloc") once True runs out. In the real
window one edit costs about 17 references, so without the fix the editor
would die after a hundred or so edits. These tests run real sessions in
child processes and measure how far the reserve reaches.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import available

REPO = Path(__file__).resolve().parents[2]
EDITS = int(os.environ.get("PLANNER_LONG_SESSION_EDITS", "200"))

EDITOR = r"""
import json, sys
from planner_gui.app import build_window
from planner_gui.core.edits import SetHeading
from PySide6.QtWidgets import QApplication

path, edits = sys.argv[1], int(sys.argv[2])
window = build_window(path)
window.show()
app = QApplication.instance()
app.processEvents()
start = sys.getrefcount(True)
for i in range(edits):
    window.editor.push(SetHeading("s1", f"第{i}次修改标题"), "改标题")
    if i % 25 == 0:
        app.processEvents()
app.processEvents()
leak = (start - sys.getrefcount(True)) / edits
window.session.close()
print(json.dumps({"start": start, "leak_per_edit": leak}), flush=True)
"""

SESSION = r"""
import json, sys
from planner_gui.core.edits import SetHeading
from planner_gui.models.session import PlanSession
from planner_gui.store import PlanFile

path, edits = sys.argv[1], int(sys.argv[2])
plan_file = PlanFile.open(path)
session = PlanSession(plan_file.load(), plan_file)
start = sys.getrefcount(True)
for i in range(edits):
    session.apply(SetHeading("s1", f"第{i}次修改标题"))
leak = (start - sys.getrefcount(True)) / edits
session.close()
print(json.dumps({"start": start, "leak_per_edit": leak}), flush=True)
"""


def run(script: str, path: Path, edits: int, data_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen",
               XDG_DATA_HOME=str(data_home), XDG_CONFIG_HOME=str(data_home / "config"))
    return subprocess.run([sys.executable, "-c", script, str(path), str(edits)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)


def last_heading(path: Path) -> str:
    from planner_gui.store import PlanFile

    with PlanFile.open(path, read_only=True) as plan_file:
        return plan_file.load().find_section("s1").heading


def reach(report: dict) -> str:
    if report["leak_per_edit"] <= 0:
        return "no references lost"
    return f"about {int(report['start'] / report['leak_per_edit']):,} edits before the reserve runs out"


@pytest.mark.skipif(not available("planner_gui.gui.launch"), reason="the editor window is not there yet")
def test_the_editor_survives_a_long_session(plan_path, tmp_path, figures):
    result = run(EDITOR, plan_path, EDITS, tmp_path / "data")
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert last_heading(plan_path) == f"第{EDITS - 1}次修改标题"
    # Ten million edits at least: a secretary's working life, many times over.
    assert report["leak_per_edit"] <= 0 or report["start"] / report["leak_per_edit"] > 10_000_000
    figures("crash", f"editor window: {EDITS} edits in one session", EDITS,
            f"process alive, last edit saved; {reach(report)}")


def test_a_session_without_the_editor_survives_a_long_session(plan_path, tmp_path, figures):
    """A script that uses PlanSession without the program's start-up (so
    without qt_fixes' reserve) survives a long session on the PySide6 that
    pyproject allows; the leak per edit is reported."""
    edits = max(EDITS * 10, 3000)
    result = run(SESSION, plan_path, edits, tmp_path / "data")
    if result.returncode != 0:
        first_line = result.stderr.strip().splitlines()[0] if result.stderr.strip() else ""
        figures("crash", f"PlanSession alone (no editor start-up): {edits} edits", 1,
                f"process ended with {result.returncode}: {first_line}", failed=1)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert last_heading(plan_path) == f"第{edits - 1}次修改标题"
    figures("crash", f"PlanSession alone (no editor start-up): {edits} edits", edits,
            f"process alive, last edit saved; {reach(report)}")
