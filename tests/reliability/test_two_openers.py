"""Two windows or two processes on one plan: the second is told the plan is
open elsewhere, in a sentence, and the first keeps working."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.core.edits import SetHeading, apply_edit
from planner_gui.core.interchange import dumps
from planner_gui.store import PlanFile, PlanLockedError
from planner_gui.store.backups import restore_backup

REPO = Path(__file__).resolve().parents[2]
OPEN_ELSEWHERE = "该计划已在别处打开"


def run_cli(*args, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "planner_gui", *map(str, args)], cwd=REPO, env=env,
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_second_opener_in_the_same_process(plan_path, sample_plan, tmp_path_factory, figures):
    answers = []
    copy = tmp_path_factory.mktemp("backups") / "copy.ghjh"
    with PlanFile.open(plan_path) as first:
        first.backup_to(copy)
        for attempt in (lambda: PlanFile.open(plan_path),
                        lambda: PlanFile.open(plan_path, read_only=True),
                        lambda: PlanFile.create(plan_path, sample_plan, overwrite=True),
                        lambda: restore_backup(copy, plan_path)):
            with pytest.raises(PlanLockedError) as caught:
                attempt()
            answers.append(str(caught.value))
        # The first window still writes.
        plan = first.load()
        _, touched = apply_edit(plan, SetHeading("s1", "第一个窗口仍可保存"))
        first.sync(plan, touched)
    assert all(OPEN_ELSEWHERE in a for a in answers)
    with PlanFile.open(plan_path) as again:
        assert dumps(again.load()) == dumps(plan)
    figures("two openers", "second open / read-only open / overwrite / restore, same process",
            len(answers), answers[0])


def test_second_process_is_told(plan_path, tmp_path, figures):
    json_path = tmp_path / "plan.json"
    # Bytes are compared once the first has closed: reading a file this process
    # holds would drop its locks (POSIX), the very thing under test.
    before = plan_path.read_bytes()
    with PlanFile.open(plan_path) as first:
        json_path.write_text(dumps(first.load()), encoding="utf-8")
        results = [run_cli("dump", plan_path), run_cli("load", json_path, plan_path, "--force")]
        # A second window of this process tries too; the lock must survive it.
        with pytest.raises(PlanLockedError):
            PlanFile.open(plan_path)
        results.append(run_cli("dump", plan_path))
    assert plan_path.read_bytes() == before
    for result in results:
        assert result.returncode == 1
        assert OPEN_ELSEWHERE in result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert run_cli("dump", plan_path).returncode == 0   # free once the first has closed
    figures("two openers", "second process: dump / load --force / dump after a 2nd in-process open", len(results),
            results[0].stderr.strip().removeprefix("planner-gui: "))


def test_second_window_is_told(plan_path, qapp, quiet_editor, figures):
    from planner_gui.app import build_window

    first = build_window(plan_path)
    try:
        second = build_window(plan_path)
        try:
            told = [text for kind, text in quiet_editor if kind == "error"]
            assert told and OPEN_ELSEWHERE in told[-1]
            holds = getattr(second, "session", None)
            assert holds is None or holds.path is None or Path(holds.path) != plan_path
        finally:
            second.close()
            second.deleteLater()
        assert first.session.path is not None and Path(first.session.path) == plan_path
    finally:
        if first.session is not None:
            first.session.close()
        first.close()
        first.deleteLater()
    figures("two openers", "second editor window on the same plan", 1, told[-1])
