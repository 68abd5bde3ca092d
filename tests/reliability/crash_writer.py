"""The writer that the crash trials kill, and the edit script they replay.

`python -m tests.reliability.crash_writer serve` imports the program once and
becomes a small fork server: for each line of JSON on stdin it forks a child
that opens (or creates) a plan and makes scripted edits through
models.session.PlanSession.apply, the path every GUI edit takes (debounce off,
so each edit is committed when apply returns), writing the number of each
committed edit to a log. The test kills the child with SIGKILL at a random
moment, then checks the file against a replay of the same script. Forking
keeps a trial to milliseconds: no interpreter start, no re-import of Qt.

Protocol: stdin line {"plan", "log", "seed", "create", "limit"} ->
stdout "pid N", later "exit STATUS" (the raw waitpid status).
"""

from __future__ import annotations

import os
import random
import signal
import sys

from planner_gui.core.edits import (Batch, InsertActivity, InsertSection, MoveActivity, SetBody,
                                    SetHeading, SetMeta, SetParagraphs, UpdateActivity, apply_edit,
                                    indent_edit, move_by_edit, new_section, outdent_edit,
                                    remove_section_edit)
from planner_gui.core.plan import Activity, Plan

from tests.reliability.fork_server import serve_jobs

MAX_SECTIONS = 40
MAX_ACTIVITIES = 40


def starting_plan(seed: int) -> Plan:
    """A small plan of our own for trials that create their file."""
    from planner_gui.resources import sample_plan

    plan = sample_plan(2025)  # the tests date the sample in 2025 (tests/conftest.py)
    plan.meta.title = f"试验计划 {seed}"
    return plan


def make_edit(rng: random.Random, plan: Plan, n: int):
    """The n-th scripted edit: a mix of what a user does, from typing a
    heading to removing a whole section. Deterministic given rng and plan."""
    sections = list(plan.walk())
    months = plan.meta.period.months()
    while True:
        kind = rng.randrange(12)
        if kind == 0 and sections:
            return SetHeading(rng.choice(sections).id, f"标题{n}")
        if kind == 1 and sections:
            # Bodies of varying size, so some transactions span many pages.
            return SetBody(rng.choice(sections).id, [f"第{n}次修改，" + "内容" * rng.randrange(1, 400)]
                           * rng.randrange(1, 8))
        if kind == 2 and len(sections) < MAX_SECTIONS:
            parent = rng.choice([None] + [s.id for s in sections])
            siblings = plan.children_of(parent)
            return InsertSection(parent, rng.randrange(len(siblings) + 1),
                                 new_section(plan, f"第{n}节", [f"新增段落{n}"]))
        if kind == 3 and len(sections) > 3:
            return remove_section_edit(plan, rng.choice(sections).id)
        if kind == 4 and sections:
            builder = rng.choice([indent_edit, outdent_edit,
                                  lambda p, s: move_by_edit(p, s, rng.choice((-1, 1)))])
            edit = builder(plan, rng.choice(sections).id)
            if edit is not None:
                return edit
        if kind == 5 and len(plan.schedule) < MAX_ACTIVITIES:
            first = rng.randrange(len(months))
            return InsertActivity(rng.randrange(len(plan.schedule) + 1), Activity(
                plan.new_activity_id(), months[first:first + rng.randrange(1, 3)], f"活动{n}",
                owner=f"负责人{n}"))
        if kind == 6 and plan.schedule:
            target = rng.choice(plan.schedule)
            return UpdateActivity(target.id, {"text": f"活动修改{n}", "done": bool(n % 2),
                                              "section": rng.choice([None] + [s.id for s in sections])})
        if kind == 7 and len(plan.schedule) > 1:
            return MoveActivity(rng.choice(plan.schedule).id, rng.randrange(len(plan.schedule)))
        if kind == 8 and plan.schedule and len(plan.schedule) > 3:
            from planner_gui.core.edits import RemoveActivity
            return RemoveActivity(rng.choice(plan.schedule).id)
        if kind == 9:
            return SetMeta({"title": f"计划标题{n}", "signature": f"署名{n}"})
        if kind == 10:
            return SetParagraphs(rng.choice(["preamble", "closing"]), [f"段落{n}"] * rng.randrange(0, 4))
        if kind == 11 and sections:
            # A replace-all: many headings in one step, one transaction.
            chosen = rng.sample(sections, min(len(sections), rng.randrange(2, 10)))
            return Batch([SetHeading(s.id, f"替换{n}-{i}") for i, s in enumerate(chosen)])


def replay(plan: Plan, seed: int, count: int) -> list[str]:
    """Apply the first `count` edits of a trial's script to plan (in memory);
    returns the interchange JSON after 0, 1, ... count edits."""
    from planner_gui.core.interchange import dumps

    rng = random.Random(seed)
    states = [dumps(plan)]
    for n in range(1, count + 1):
        apply_edit(plan, make_edit(rng, plan, n))
        states.append(dumps(plan))
    return states


def run_trial(plan_path: str, log_path: str, seed: int, create: bool, limit: int) -> None:
    from planner_gui.models.session import PlanSession
    from planner_gui.store import PlanFile

    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    if create:
        plan_file = PlanFile.create(plan_path, starting_plan(seed))
        os.write(log, b"created\n")
    else:
        plan_file = PlanFile.open(plan_path)
    os.write(log, b"opened\n")
    session = PlanSession(plan_file.load(), plan_file)
    failures: list[str] = []
    session.save_failed.connect(failures.append)
    rng = random.Random(seed)
    for n in range(1, limit + 1):
        session.apply(make_edit(rng, session.plan, n), debounce=False)
        if failures or not session.saved:
            os.write(log, f"failed {n} {failures}\n".encode())
            break
        os.write(log, f"{n}\n".encode())
    os.write(log, b"idle\n")
    while True:          # wait for the kill; never end on our own
        signal.pause()


def serve() -> None:
    # Import everything a trial needs before forking.
    from planner_gui.core import interchange  # noqa: F401
    from planner_gui.models import session  # noqa: F401
    from planner_gui.resources import sample_plan  # noqa: F401
    from planner_gui.store import PlanFile, prepare_writing  # noqa: F401

    prepare_writing()   # sqlite-utils is imported by the first write, not by the store
    serve_jobs(lambda job: run_trial(job["plan"], job["log"], job["seed"], job["create"], job["limit"]))


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
