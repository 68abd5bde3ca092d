"""Format version 2 (issue 18): the activities' 完成时间 and 完成情况 columns.
A version-1 file opens and is upgraded in place with its checksum intact; a
read-only version-1 file opens without being upgraded; a file from a newer
version stays read-only."""

import sqlite3

from planner_gui.core.edits import UpdateActivity, apply_edit
from planner_gui.core.interchange import dumps
from planner_gui.store import PlanFile
from planner_gui.store.schema import FORMAT_VERSION


def downgrade_to_version_1(path):
    """What the previous program wrote: no new columns, no m002, user_version 1."""
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE activities DROP COLUMN done_on")
        conn.execute("ALTER TABLE activities DROP COLUMN outcome")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_activity_outcome'")
        conn.execute("PRAGMA user_version = 1")
    conn.close()


def columns(path):
    with sqlite3.connect(path) as conn:
        names = [row[1] for row in conn.execute("PRAGMA table_info(activities)")]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return names, version


def test_new_files_have_the_columns(plan_path):
    names, version = columns(plan_path)
    assert names[-2:] == ["done_on", "outcome"] and version == FORMAT_VERSION == 2


def test_a_version_1_file_is_upgraded_and_keeps_its_checksum(plan_path, sample_plan):
    downgrade_to_version_1(plan_path)
    assert columns(plan_path) == (["id", "position", "months", "text", "owner", "note", "section", "done"], 1)
    with PlanFile.open(plan_path) as plan_file:
        assert not plan_file.read_only
        plan = plan_file.load()
        assert not plan_file.damaged
        assert dumps(plan) == dumps(sample_plan)
        _, touched = apply_edit(plan, UpdateActivity(plan.schedule[0].id,
                                                     {"done_on": "2025-03-08", "outcome": "80人参加"}))
        plan_file.sync(plan, touched)
        expected = dumps(plan)
    assert columns(plan_path)[1] == 2
    with PlanFile.open(plan_path) as plan_file:
        assert dumps(plan_file.load()) == expected and not plan_file.damaged


def test_a_read_only_version_1_file_opens_without_upgrade(plan_path, sample_plan):
    downgrade_to_version_1(plan_path)
    plan_path.chmod(0o444)
    try:
        with PlanFile.open(plan_path) as plan_file:
            assert plan_file.read_only
            assert dumps(plan_file.load()) == dumps(sample_plan) and not plan_file.damaged
        assert columns(plan_path)[1] == 1
    finally:
        plan_path.chmod(0o644)


def test_a_file_from_the_future_stays_read_only(plan_path):
    with sqlite3.connect(plan_path) as conn:
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    conn.close()
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.read_only and "更新版本" in plan_file.notice
        assert plan_file.load().schedule


def test_the_new_fields_and_kind_survive_the_file(tmp_path, sample_plan):
    sample_plan.schedule[1].done = True
    sample_plan.schedule[1].done_on = "2025-04"
    sample_plan.schedule[1].outcome = "评出先进个人10名"
    sample_plan.meta.kind = "summary"
    path = tmp_path / "s.ghjh"
    with PlanFile.create(path, sample_plan) as plan_file:
        assert dumps(plan_file.load()) == dumps(sample_plan)
    with PlanFile.open(path) as plan_file:
        plan = plan_file.load()
        assert plan.meta.kind == "summary" and plan.schedule[1].outcome == "评出先进个人10名"
        assert not plan_file.damaged
