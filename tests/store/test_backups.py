"""Rotating backups in the user data folder: made, valid, rotated, restored."""

import os
import sqlite3
from datetime import datetime, timedelta

import pytest

from planner_gui.core.edits import SetHeading, apply_edit
from planner_gui.core.interchange import dumps
from planner_gui.store import NotAPlanError, PlanFile, PlanLockedError, StoreError, StoreWriteError
from planner_gui.store.backups import BackupFolder, list_backups, restore_backup
from planner_gui.store import backups as backups_module
from planner_gui.store.backups import inspect_backup, plan_key


class Clock:
    def __init__(self, start=datetime(2025, 3, 1, 9, 0, 0)):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def folder(tmp_path_factory):
    """The user data folder: elsewhere than the plan's folder."""
    return tmp_path_factory.mktemp("appdata") / "backups"


def edit_heading(plan_file, text):
    plan = plan_file.load()
    _, touched = apply_edit(plan, SetHeading("s1", text))
    plan_file.sync(plan, touched)
    return plan


def test_backup_is_a_valid_plan_in_the_user_folder_not_beside_the_document(plan_path, folder, clock):
    before = sorted(os.listdir(plan_path.parent))
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        made = backups.backup(plan_file)
        expected = dumps(plan_file.load())
    assert made is not None and made.parent.parent == folder
    assert sorted(os.listdir(plan_path.parent)) == before
    with PlanFile.open(made, read_only=True) as copy:
        assert copy.integrity_ok()
        assert dumps(copy.load()) == expected
    [info] = list_backups(plan_path, folder)
    assert info.path == made and info.created == clock.now
    assert info.sections > 0 and info.activities > 0 and info.title
    assert "2025-03-01 09:00:00" in info.label()


def test_at_most_one_backup_per_interval_unless_forced(plan_path, folder, clock):
    backups = BackupFolder(folder, min_interval=timedelta(minutes=10), clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        assert backups.backup(plan_file) is not None
        edit_heading(plan_file, "第二稿")
        clock.advance(minutes=5)
        assert not backups.due(plan_path)
        assert backups.backup(plan_file) is None
        assert backups.backup(plan_file, force=True) is not None
        clock.advance(minutes=11)
        assert backups.due(plan_path)
        # Unchanged since the newest backup: nothing to keep.
        assert backups.backup(plan_file) is None
    assert len(list_backups(plan_path, folder)) == 2


def test_an_unchanged_plan_is_told_by_its_checksum_without_reading_it_again(plan_path, folder, clock,
                                                                           monkeypatch):
    """The editor asks at every opening (the newest backup is usually more
    than ten minutes old) right after loading the plan: reading and encoding
    it again would cost as long as the opening."""
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        assert backups.backup(plan_file) is not None
    clock.advance(hours=1)
    with PlanFile.open(plan_path) as plan_file:
        plan_file.load()                               # as the editor opens it
        loads = []
        real_load = plan_file.load
        monkeypatch.setattr(plan_file, "load", lambda: loads.append(1) or real_load())
        assert backups.backup(plan_file) is None
        assert loads == []
        edit_heading(plan_file, "第二稿")
        clock.advance(hours=1)
        assert backups.backup(plan_file) is not None   # changed since: a new backup
    assert len(list_backups(plan_path, folder)) == 2


def test_same_second_backups_get_distinct_names(plan_path, folder, clock):
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        first = backups.backup(plan_file)
        edit_heading(plan_file, "又一稿")
        second = backups.backup(plan_file, force=True)
    assert first != second and first.exists() and second.exists()
    assert [b.path for b in list_backups(plan_path, folder)] == [second, first]


def test_rotation_keeps_the_last_ten_and_one_per_day(plan_path, folder, clock):
    backups = BackupFolder(folder, keep=10, keep_days=14, clock=clock)
    made = []
    with PlanFile.open(plan_path) as plan_file:
        for day in range(4):
            for step in range(6):
                edit_heading(plan_file, f"第{day}天第{step}稿")
                made.append(backups.backup(plan_file))
                clock.advance(minutes=15)
            clock.advance(days=1)
    assert None not in made
    listed = list_backups(plan_path, folder)
    kept = {b.path for b in listed}
    assert set(made[-10:]) <= kept                   # the newest ten
    assert made[5] in kept and made[11] in kept      # the last of days 0 and 1
    assert len(kept) == 12
    dates = [b.created for b in listed]
    assert dates == sorted(dates, reverse=True)


def test_daily_backups_expire_after_keep_days(plan_path, folder, clock):
    backups = BackupFolder(folder, keep=2, keep_days=3, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        for day in range(6):
            edit_heading(plan_file, f"第{day}天")
            backups.backup(plan_file)
            clock.advance(days=1)
    days = sorted(b.created.date() for b in list_backups(plan_path, folder))
    # The newest two, plus the days within the last three.
    assert days == [datetime(2025, 3, d).date() for d in (4, 5, 6)]


def test_a_damaged_backup_does_not_count_and_is_dropped(plan_path, folder, clock):
    backups = BackupFolder(folder, keep=3, keep_days=0, clock=clock)
    made = []
    with PlanFile.open(plan_path) as plan_file:
        for step in range(3):
            edit_heading(plan_file, f"第{step}稿")
            made.append(backups.backup(plan_file))
            clock.advance(minutes=20)
        made[1].write_bytes(made[1].read_bytes()[:2000])       # damaged in the user folder
        edit_heading(plan_file, "第三稿")
        made.append(backups.backup(plan_file))
    kept = [b.path for b in list_backups(plan_path, folder)]
    # The damaged one is gone and does not push out a whole older one.
    assert kept == [made[3], made[2], made[0]]
    assert not made[1].exists()


def test_a_backup_that_fails_its_check_drops_nothing(plan_path, folder, clock, monkeypatch):
    backups = BackupFolder(folder, keep=1, keep_days=0, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        first = backups.backup(plan_file)
        edit_heading(plan_file, "新稿")
        clock.advance(minutes=30)
        real = backups_module._inspect

        def failing(path):
            if path != first:
                raise NotAPlanError("模拟：备份已损坏")
            return real(path)
        monkeypatch.setattr(backups_module, "_inspect", failing)
        with pytest.raises(StoreWriteError, match="校验失败"):
            backups.backup(plan_file)
    monkeypatch.undo()
    assert [b.path for b in list_backups(plan_path, folder)] == [first]
    assert len(list(first.parent.glob("*.ghjh"))) == 1


def test_backups_of_same_named_plans_stay_apart(tmp_path, sample_plan, folder, clock):
    paths = []
    for sub in ("甲", "乙"):
        (tmp_path / sub).mkdir()
        path = tmp_path / sub / "计划.ghjh"
        PlanFile.create(path, sample_plan).close()
        paths.append(path)
    backups = BackupFolder(folder, clock=clock)
    for path in paths:
        with PlanFile.open(path) as plan_file:
            backups.backup(plan_file)
    assert plan_key(paths[0]) != plan_key(paths[1])
    assert all(len(list_backups(p, folder)) == 1 for p in paths)
    assert sorted(p for p, _ in backups.plans()) == sorted(p.absolute() for p in paths)


def test_restore_replaces_a_damaged_plan_and_keeps_the_damaged_file(plan_path, folder, clock):
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        backups.backup(plan_file)
        expected = dumps(plan_file.load())
    damaged = plan_path.read_bytes()[:3000]
    plan_path.write_bytes(damaged)
    with pytest.raises(StoreError):
        PlanFile.open(plan_path).load()
    [info] = backups.list_backups(plan_path)
    kept = backups.restore(info, plan_path)
    with PlanFile.open(plan_path) as restored:
        assert restored.integrity_ok()
        assert dumps(restored.load()) == expected
    assert kept is not None and kept.read_bytes() == damaged
    assert [b.path for b in backups.list_backups(plan_path)] == [info.path]   # not a backup
    assert sorted(os.listdir(plan_path.parent)) == [plan_path.name]


def test_restore_moves_a_stale_journal_aside(plan_path, folder, clock):
    """A journal beside the damaged file would be 'rolled back' onto the
    restored plan; restore must take it away first."""
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        made = backups.backup(plan_file)
        expected = dumps(plan_file.load())
    journal = plan_path.with_name(plan_path.name + "-journal")
    # A hot journal: a valid header and page images from another file.
    with sqlite3.connect(plan_path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + os.urandom(4096))
    restore_backup(made, plan_path, keep_replaced_in=folder / "kept")
    assert not journal.exists()
    with PlanFile.open(plan_path) as restored:
        assert dumps(restored.load()) == expected
    assert list((folder / "kept").glob("*.ghjh-journal.saved"))


def test_restore_refuses_a_plan_open_elsewhere(plan_path, folder, clock):
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        made = backups.backup(plan_file)
        edit_heading(plan_file, "正在编辑")
        expected = dumps(plan_file.load())
        with pytest.raises(PlanLockedError, match="已在别处打开"):
            restore_backup(made, plan_path)
    with PlanFile.open(plan_path) as plan_file:
        assert dumps(plan_file.load()) == expected


def test_restore_of_a_damaged_backup_leaves_the_target_alone(plan_path, tmp_path):
    bad = tmp_path / "bad.ghjh"
    bad.write_bytes(plan_path.read_bytes()[:1500])
    before = plan_path.read_bytes()
    with pytest.raises(NotAPlanError, match="此备份无法使用"):
        restore_backup(bad, plan_path)
    assert plan_path.read_bytes() == before


def test_restore_is_atomic_when_the_rename_fails(plan_path, folder, clock, monkeypatch):
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        made = backups.backup(plan_file)
    plan_path.write_bytes(b"damaged")

    def boom(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(StoreError, match="磁盘已满"):
        restore_backup(made, plan_path)
    monkeypatch.undo()
    assert plan_path.read_bytes() == b"damaged"
    assert sorted(os.listdir(plan_path.parent)) == [plan_path.name]


def test_restore_to_a_new_name(plan_path, folder, clock, tmp_path):
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        made = backups.backup(plan_file)
    target = tmp_path / "恢复的计划.ghjh"
    assert restore_backup(made, target) is None
    assert inspect_backup(target).title == inspect_backup(made).title


def test_listing_skips_damaged_backups_and_foreign_names(plan_path, folder, clock):
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        made = backups.backup(plan_file)
    sub = made.parent
    (sub / "20250301-100000-0123456789ab.ghjh").write_bytes(b"not a plan")
    (sub / "notes.txt").write_text("x")
    assert [b.path for b in backups.list_backups(plan_path)] == [made]
    assert backups.list_backups(plan_path.with_name("其他.ghjh")) == []


def test_a_damaged_plan_is_not_backed_up_over_good_backups(plan_path, folder, clock):
    backups = BackupFolder(folder, keep=1, keep_days=0, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        good = backups.backup(plan_file)
    with sqlite3.connect(plan_path) as conn:
        conn.execute("UPDATE sections SET heading = '坏' WHERE id = 's1'")
    clock.advance(hours=1)
    with PlanFile.open(plan_path) as plan_file:
        with pytest.raises(StoreWriteError, match="损坏"):
            backups.backup(plan_file)
    assert [b.path for b in backups.list_backups(plan_path)] == [good]
