"""Unit checks behind issue 14's fixes (the trials are in tests/reliability/test_round_two.py)."""

from __future__ import annotations

import sqlite3

import pytest

from planner_gui import held_files
from planner_gui.safe_write import name_problem
from planner_gui.store import PlanFile, schema


def test_index_definitions_are_those_a_fresh_plan_has():
    """INDEX_DEFINITIONS must describe exactly what the migrations create: a
    migration adding an index must add it there too."""
    from planner_gui.store.database import database

    conn = sqlite3.connect(":memory:", isolation_level=None)
    schema.apply_migrations(database(conn))
    found = {name: schema.index_definition(conn, name, table) for kind, name, table in
             conn.execute("SELECT type, name, tbl_name FROM sqlite_master") if kind == "index"}
    assert found == schema.INDEX_DEFINITIONS
    assert set(found) == schema.INDEXES


def test_a_held_plan_is_not_read_by_any_name(plan_path, tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(plan_path)
    with PlanFile.open(plan_path):
        for name in (plan_path, link):
            assert held_files.is_held(name)
            with pytest.raises(held_files.FileReadError, match="正在编辑的计划文件本身"):
                held_files.read_regular(name, 1 << 20)
    assert not held_files.is_held(plan_path)
    assert held_files.read_regular(plan_path, 1 << 20).startswith(b"SQLite format 3")


def test_read_regular_refuses_folders_and_oversized_files(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(held_files.FileReadError, match="太大"):
        held_files.read_regular(big, 1000)
    with pytest.raises(held_files.FileReadError, match="文件夹"):
        held_files.read_regular(tmp_path, 1000)
    with pytest.raises(held_files.FileReadError, match="不存在"):
        held_files.read_regular(tmp_path / "none.txt", 1000)
    assert held_files.read_regular(big, 1001) == b"x" * 1001


@pytest.mark.parametrize("name, bad", [
    ("计划.ghjh", False), ("CON.ghjh", True), ("con", True), ("Aux.txt.ghjh", True), ("COM9.ghjh", True),
    ("CONSOLE.ghjh", False), ("计划?.ghjh", True), ("计划.ghjh ", True), ("a" * 256, True),
])
def test_windows_name_rules(tmp_path, name, bad):
    assert (name_problem(tmp_path / name) is not None) == bad


def test_upserts_keep_rows_in_place(plan_path):
    """A section written twice keeps its rowid (updated, not deleted and re-inserted)."""
    from planner_gui.core.edits import SetHeading, apply_edit

    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        before = plan_file.conn.execute("SELECT rowid FROM sections WHERE id = 's1'").fetchone()
        _, touched = apply_edit(plan, SetHeading("s1", "原地更新"))
        plan_file.sync(plan, touched)
        after = plan_file.conn.execute("SELECT rowid, heading FROM sections WHERE id = 's1'").fetchone()
    assert after == (before[0], "原地更新")


def test_backup_copy_syncs_its_folder_after_the_rename(plan_path, tmp_path, monkeypatch):
    """The rename that puts a backup in place is made durable like every other
    replace: the folder is synced after it (a no-op on Windows)."""
    from planner_gui.store import plan_file as module

    order = []
    real_replace = module.replace_in_use_aware
    monkeypatch.setattr(module, "replace_in_use_aware", lambda src, dst: (order.append("replace"), real_replace(src, dst)))
    monkeypatch.setattr(module, "fsync_dir", lambda folder: order.append(("sync", folder)))
    target = tmp_path / "copies" / "副本.ghjh"
    target.parent.mkdir()
    with PlanFile.open(plan_path) as plan_file:
        plan_file.backup_to(target)
    assert order == ["replace", ("sync", target.parent)]
    with PlanFile.open(target, read_only=True) as copy:
        assert copy.load().meta.title
