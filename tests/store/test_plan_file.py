"""The plan file: round trip, atomic creation, and every refusal with a clear message."""

import os
import sqlite3
import stat

import pytest
from hypothesis import HealthCheck, given, settings

from planner_gui.core.edits import SetHeading, apply_edit, remove_section_edit
from planner_gui.core.interchange import dumps
from planner_gui.store import NotAPlanError, PlanFile, PlanLockedError, StoreError
from planner_gui.store.schema import APPLICATION_ID, FORMAT_VERSION
from tests.strategies import plans


def test_create_load_round_trip(tmp_path, sample_plan):
    path = tmp_path / "a.ghjh"
    with PlanFile.create(path, sample_plan) as plan_file:
        assert dumps(plan_file.load()) == dumps(sample_plan)
    assert sorted(os.listdir(tmp_path)) == ["a.ghjh"]


@given(plans())
@settings(derandomize=True, max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_any_plan_survives_the_file(tmp_path, plan):
    path = tmp_path / "p.ghjh"
    with PlanFile.create(path, plan, overwrite=True) as plan_file:
        assert dumps(plan_file.load()) == dumps(plan)
        # The checksum the writer summed from the rows it wrote is the one of
        # the rows read back, whatever the text holds.
        assert not plan_file.damaged


def test_header_identifies_the_format(plan_path):
    head = plan_path.read_bytes()[:100]
    assert int.from_bytes(head[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(head[60:64], "big") == FORMAT_VERSION
    with sqlite3.connect(plan_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_sync_writes_only_what_changed_and_survives_reopen(plan_path):
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        for edit in (SetHeading("s2", "推进民主管理"), remove_section_edit(plan, "s3")):
            _, touched = apply_edit(plan, edit)
            plan_file.sync(plan, touched)
        expected = dumps(plan)
    with PlanFile.open(plan_path) as plan_file:
        assert dumps(plan_file.load()) == expected


def test_create_refuses_existing_and_missing_folder(tmp_path, sample_plan, plan_path):
    with pytest.raises(StoreError, match="已存在"):
        PlanFile.create(plan_path, sample_plan)
    with pytest.raises(StoreError, match="文件夹不存在"):
        PlanFile.create(tmp_path / "nope" / "a.ghjh", sample_plan)


def test_failed_create_leaves_nothing(tmp_path, sample_plan, monkeypatch):
    def boom(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(StoreError, match="磁盘已满"):
        PlanFile.create(tmp_path / "a.ghjh", sample_plan)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("content", [b"", b"hello world" * 20, os.urandom(4096)])
def test_not_sqlite_is_refused(tmp_path, content):
    path = tmp_path / "x.ghjh"
    path.write_bytes(content)
    with pytest.raises(NotAPlanError, match="不是工会工作计划文件"):
        PlanFile.open(path)
    assert path.read_bytes() == content


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = path.read_bytes()
    with pytest.raises(NotAPlanError, match="不是工会工作计划文件"):
        PlanFile.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("ddl", [
    "CREATE TRIGGER evil AFTER INSERT ON meta BEGIN DELETE FROM sections; END",
    "CREATE VIEW v AS SELECT * FROM sections",
    "CREATE TABLE extra (x)",
])
def test_foreign_schema_objects_are_refused(plan_path, ddl):
    with sqlite3.connect(plan_path) as conn:
        conn.execute(ddl)
    before = plan_path.read_bytes()
    with pytest.raises(NotAPlanError, match="不认识"):
        PlanFile.open(plan_path)
    assert plan_path.read_bytes() == before


def test_newer_version_opens_read_only(plan_path):
    with sqlite3.connect(plan_path) as conn:
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    before = plan_path.read_bytes()
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.read_only and "更新版本" in plan_file.notice
        plan = plan_file.load()
        with pytest.raises(StoreError, match="更新版本"):
            plan_file.write_all(plan)
    assert plan_path.read_bytes() == before


def test_read_only_file_opens_read_only(plan_path):
    os.chmod(plan_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with PlanFile.open(plan_path) as plan_file:
            assert plan_file.read_only and "只读" in plan_file.notice
            assert plan_file.load().meta.title
    finally:
        os.chmod(plan_path, stat.S_IRUSR | stat.S_IWUSR)


def test_second_opener_is_told_it_is_open_elsewhere(plan_path):
    with PlanFile.open(plan_path):
        with pytest.raises(PlanLockedError, match="已在别处打开"):
            PlanFile.open(plan_path)
    PlanFile.open(plan_path).close()  # free again once closed


def test_damaged_file_is_refused_untouched(plan_path):
    data = bytearray(plan_path.read_bytes())
    for offset in range(1024, len(data), 97):
        data[offset] ^= 0xFF
    plan_path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        PlanFile.open(plan_path).load()
    assert plan_path.read_bytes() == bytes(data)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(StoreError, match="不存在"):
        PlanFile.open(tmp_path / "none.ghjh")
    with pytest.raises(StoreError, match="文件夹"):
        PlanFile.open(tmp_path)


def test_backup_is_a_valid_plan(plan_path, tmp_path):
    with PlanFile.open(plan_path) as plan_file:
        plan_file.backup_to(tmp_path / "copy.ghjh")
        expected = dumps(plan_file.load())
    with PlanFile.open(tmp_path / "copy.ghjh") as copy:
        assert dumps(copy.load()) == expected


def test_stale_temporaries_of_killed_creates_are_swept(plan_path):
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = plan_path.with_name(f".{plan_path.name}.{dead}.tmp")
    stale_journal = stale.with_name(stale.name + "-journal")
    live = plan_path.with_name(f".{plan_path.name}.{os.getppid()}.tmp")
    other = plan_path.with_name(f".其他.ghjh.{dead}.tmp")
    for path in (stale, stale_journal, live, other):
        path.write_bytes(b"half-made")
    PlanFile.open(plan_path).close()
    assert not stale.exists() and not stale_journal.exists()
    assert live.exists() and other.exists()   # a live process's, another plan's


def test_overwriting_a_plan_open_elsewhere_is_refused(plan_path, sample_plan):
    """Save As / load --force onto a plan another window has open would swap
    the file from under it: its later edits would go to a deleted file."""
    with PlanFile.open(plan_path) as first:
        before = plan_path.read_bytes()
        with pytest.raises(PlanLockedError, match="已在别处打开"):
            PlanFile.create(plan_path, sample_plan, overwrite=True)
        assert plan_path.read_bytes() == before
        assert not [p for p in plan_path.parent.iterdir() if p.name.endswith(".tmp")]
        assert first.load().meta.title
    PlanFile.create(plan_path, sample_plan, overwrite=True).close()


def test_overwriting_a_damaged_file_works(plan_path, sample_plan):
    plan_path.write_bytes(b"damaged")
    with PlanFile.create(plan_path, sample_plan, overwrite=True) as plan_file:
        assert plan_file.integrity_ok()


def test_a_second_open_here_keeps_the_plan_locked_for_other_processes(plan_path):
    """POSIX drops a process's locks on a file when it closes any descriptor of
    it: a second window reading the header must not unlock the first's plan."""
    import subprocess
    import sys

    probe = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=0.1);"
             "c.execute('BEGIN EXCLUSIVE')")
    with PlanFile.open(plan_path) as first:
        for _ in range(2):
            with pytest.raises(PlanLockedError):
                PlanFile.open(plan_path)
        with pytest.raises(PlanLockedError):
            PlanFile.open(plan_path.parent / ".." / plan_path.parent.name / plan_path.name)
        other = subprocess.run([sys.executable, "-c", probe, str(plan_path)], capture_output=True, text=True)
        assert other.returncode != 0 and "locked" in other.stderr
        assert first.load().meta.title
    assert subprocess.run([sys.executable, "-c", probe, str(plan_path)]).returncode == 0


def test_a_plan_file_dropped_without_close_is_released(plan_path):
    import gc

    PlanFile.open(plan_path)   # never closed
    gc.collect()
    PlanFile.open(plan_path).close()


def test_a_changed_text_is_noticed_by_its_checksum(plan_path):
    """A byte that changed inside a text keeps the file a valid database; the
    checksum tells, and the plan opens read-only with a notice."""
    with sqlite3.connect(plan_path) as conn:
        conn.execute("UPDATE sections SET heading = heading || '？' WHERE id = 's1'")
    before = plan_path.read_bytes()
    with PlanFile.open(plan_path) as plan_file:
        assert not plan_file.damaged
        plan = plan_file.load()
        assert plan.sections[0].heading.endswith("？")
        assert plan_file.damaged and plan_file.read_only and "校验" in plan_file.notice
        with pytest.raises(StoreError, match="校验"):
            plan_file.write_all(plan)
    assert plan_path.read_bytes() == before


def test_a_plan_without_checksum_opens_and_gets_one(plan_path):
    with sqlite3.connect(plan_path) as conn:
        assert conn.execute("DELETE FROM meta WHERE key IN ('checksum', 'row_checksum')").rowcount == 1
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        assert not plan_file.damaged
        _, touched = apply_edit(plan, SetHeading("s1", "加上校验"))
        plan_file.sync(plan, touched)
    with sqlite3.connect(plan_path) as conn:
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'row_checksum'").fetchone()[0] == 1
    with PlanFile.open(plan_path) as plan_file:
        plan_file.load()
        assert not plan_file.damaged


def test_unreadable_ui_state_gives_defaults(plan_path):
    with PlanFile.open(plan_path) as plan_file:
        plan_file.set_ui("expanded", ["s1"])
        plan_file.set_ui("width", 300)
    with sqlite3.connect(plan_path) as conn:
        conn.execute("UPDATE meta SET value = '{broken' WHERE key = 'ui.expanded'")
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.get_ui("expanded", []) == []
        assert plan_file.ui_state() == {"width": 300}
