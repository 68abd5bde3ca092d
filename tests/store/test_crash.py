"""A process writing a plan is killed (SIGKILL) at random moments; the file is
then either absent or a whole, valid plan holding every committed edit."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner_gui.store import PlanFile

REPO = Path(__file__).resolve().parents[2]

WRITER = r"""
import sys
from planner_gui.core.edits import SetBody, InsertActivity, new_section, InsertSection
from planner_gui.core.plan import Activity
from planner_gui.resources import sample_plan
from planner_gui.store import PlanFile
from planner_gui.models.session import PlanSession

path = sys.argv[1]
plan_file = PlanFile.create(path, sample_plan())
session = PlanSession(plan_file.load(), plan_file)
n = 0
while True:
    n += 1
    plan = session.plan
    if n % 3 == 0:
        session.apply(InsertSection(None, len(plan.sections), new_section(plan, f"第{n}节")))
    elif n % 3 == 1:
        session.apply(InsertActivity(len(plan.schedule), Activity(plan.new_activity_id(), [], f"活动{n}")))
    else:
        session.apply(SetBody("s1", [f"第{n}次修改"] * 50))
    print(n, flush=True)
"""

TRIALS = int(os.environ.get("PLANNER_CRASH_TRIALS", "12"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_writer_leaves_absent_or_whole_plan(tmp_path):
    rng = random.Random(2025)
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    outcomes = {"absent": 0, "whole": 0}
    for trial in range(TRIALS):
        path = tmp_path / f"t{trial}.ghjh"
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.05, 1.2))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        committed = [int(x) for x in out.split()]
        if not path.exists():
            assert not committed
            outcomes["absent"] += 1
            continue
        with PlanFile.open(path) as plan_file:
            assert plan_file.integrity_ok()
            plan = plan_file.load()
        outcomes["whole"] += 1
        if committed:
            last = committed[-1]
            kind = last % 3
            if kind == 0:
                assert any(s.heading == f"第{last}节" for s in plan.sections)
            elif kind == 1:
                assert any(a.text == f"活动{last}" for a in plan.schedule)
            else:
                assert plan.sections[0].body[0] == f"第{last}次修改"
        # A create killed half-way may leave its hidden temporary file, never a
        # half-made plan under a real name.
        names = {p.name for p in tmp_path.iterdir()}
        assert all(n.endswith((".ghjh", ".tmp", "-journal")) for n in names)
    print(f"\ncrash trials: {TRIALS}, absent: {outcomes['absent']}, whole: {outcomes['whole']}, damaged: 0")
