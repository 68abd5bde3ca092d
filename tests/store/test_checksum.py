"""The checksum: kept up to date row by row, still catching a changed file.

The writer no longer reads the plan back to stamp it (that was most of a
commit's time); it sums the digests of the rows it writes. These tests hold
it to what the read-back gave: after any mix of edits the stored checksum is
the one recomputed from the file, and a file changed behind our back opens
read-only with the notice.
"""

import json
import random
import sqlite3

import pytest

from planner_gui.core.edits import SetHeading, Touched, apply_edit, remove_section_edit
from planner_gui.core.interchange import dumps
from planner_gui.store import PlanFile, StoreError, StoreWriteError
from planner_gui.store.checksum import CHECKSUM_KEY, ROWS_KEY, RowDigests, content_checksum
from planner_gui.store.rows import plan_dict
from tests.reliability.crash_writer import make_edit


def stored(where, key):
    """A checksum as stored; where: a path, or an open PlanFile (whose lock
    a second connection must not meet, nor drop by closing)."""
    if isinstance(where, PlanFile):
        row = where.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    else:
        with sqlite3.connect(where) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def recomputed(plan_file: PlanFile) -> str:
    """The row checksum of what the file holds now, read back in full."""
    return RowDigests.of_rows(*plan_file._read_rows()).hexdigest()


def assert_opens_whole(path, expected_json):
    with PlanFile.open(path) as plan_file:
        assert dumps(plan_file.load()) == expected_json
        assert not plan_file.damaged and not plan_file.read_only


def test_the_checksum_follows_every_kind_of_edit(plan_path):
    """300 scripted edits of every kind (typing, inserting, removing, moving,
    indenting sections and activities, batches), committed one by one, some
    gathered into one commit as debounced typing is, some undone: after each
    commit the stored checksum is the one of the rows in the file."""
    rng = random.Random(20261120)
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        pending, undo = Touched(), []
        for n in range(300):
            if undo and rng.random() < 0.15:
                _, touched = apply_edit(plan, undo.pop())
            else:
                inverse, touched = apply_edit(plan, make_edit(rng, plan, n))
                undo.append(inverse)
            pending |= touched
            if rng.random() < 0.3:
                continue            # gathered with the next edits into one commit
            plan_file.sync(plan, pending)
            pending = Touched()
            assert stored(plan_file, ROWS_KEY) == recomputed(plan_file), f"after edit {n}"
        plan_file.sync(plan, pending)
        expected = dumps(plan)
    assert stored(plan_path, CHECKSUM_KEY) is None      # the earlier kind is gone
    assert_opens_whole(plan_path, expected)


def test_write_all_and_create_stamp_the_rows_they_wrote(plan_path, sample_plan, tmp_path):
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        # Rows disappear as well as change: a write_all is not a sum of replacements.
        apply_edit(plan, remove_section_edit(plan, plan.sections[-1].id))
        plan.schedule.pop()
        plan.sections[0].heading = "整体重写"
        plan_file.write_all(plan)
        assert stored(plan_file, ROWS_KEY) == recomputed(plan_file)
    assert_opens_whole(plan_path, dumps(plan))
    with PlanFile.create(tmp_path / "new.ghjh", sample_plan, ui_state={"collapsed": ["s1"]}) as made:
        assert stored(made, ROWS_KEY) == recomputed(made)


def test_ui_state_is_not_part_of_the_checksum(plan_path):
    with PlanFile.open(plan_path) as plan_file:
        plan_file.load()
        plan_file.set_ui("collapsed", ["s1", "s2"])
    with PlanFile.open(plan_path) as plan_file:
        plan_file.load()
        assert not plan_file.damaged


def test_a_sync_before_any_load_reads_the_digests_from_the_file(plan_path, sample_plan):
    """Save As hands the session a freshly opened file that was never loaded."""
    with PlanFile.open(plan_path) as plan_file:
        _, touched = apply_edit(sample_plan, SetHeading("s1", "未读先写"))
        plan_file.sync(sample_plan, touched)
        assert stored(plan_file, ROWS_KEY) == recomputed(plan_file)
    assert_opens_whole(plan_path, dumps(sample_plan))


@pytest.mark.parametrize("fail_in", ["_write_sections", "_stamp"])
def test_a_failed_commit_leaves_nothing_that_a_later_commit_would_misstamp(plan_path, monkeypatch, fail_in):
    """A write that fails half way is rolled back; the digests it had noted
    must not reach the next stamp (the session retries with write_all, but a
    set_ui or sync may come first)."""
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        real = getattr(PlanFile, fail_in)

        def fail_after_writing(self, *args):
            real(self, *args)
            raise sqlite3.OperationalError("disk I/O error")
        monkeypatch.setattr(PlanFile, fail_in, fail_after_writing)
        inverse, touched = apply_edit(plan, SetHeading("s1", "写到一半"))
        with pytest.raises(StoreWriteError):
            plan_file.sync(plan, touched)
        monkeypatch.undo()
        # The user undoes it (nothing of it is on disk); the next commit
        # writes another section only.
        apply_edit(plan, inverse)
        _, touched = apply_edit(plan, SetHeading("s2", "再写一次"))
        plan_file.sync(plan, touched)
        assert stored(plan_file, ROWS_KEY) == recomputed(plan_file)
    assert_opens_whole(plan_path, dumps(plan))


def _first_unreferenced_leaf(conn):
    used = {row[0] for row in conn.execute("SELECT section FROM activities")}
    parents = {row[0] for row in conn.execute("SELECT parent FROM sections")}
    return next(row[0] for row in conn.execute("SELECT id FROM sections ORDER BY rowid")
                if row[0] not in used and row[0] not in parents)


CHANGES = {
    "a heading": lambda c: c.execute("UPDATE sections SET heading = heading || '？' WHERE id = 's1'"),
    "a paragraph": lambda c: c.execute(
        "UPDATE sections SET body = json_array('改过的段落') WHERE id = 's2'"),
    "the title": lambda c: c.execute(
        "UPDATE meta SET value = json_quote('别的标题') WHERE key = 'title'"),
    "an activity ticked": lambda c: c.execute(
        "UPDATE activities SET done = 1 - done WHERE rowid = (SELECT min(rowid) FROM activities)"),
    "two sections swapped": lambda c: c.executescript(
        "UPDATE sections SET position = CASE position WHEN 0 THEN 1 ELSE 0 END "
        "WHERE parent IS NULL AND position IN (0, 1)"),
    "an activity gone": lambda c: c.execute(
        "DELETE FROM activities WHERE rowid = (SELECT max(rowid) FROM activities)"),
    "a section gone": lambda c: c.execute("DELETE FROM sections WHERE id = ?", [_first_unreferenced_leaf(c)]),
    "an activity added": lambda c: c.execute(
        "INSERT INTO activities (id, position, months, text, owner, note, section, done) "
        "VALUES ('a-extra', 999, '[]', '多出来的', '', '', NULL, 0)"),
    "a blob in a text": lambda c: c.execute("UPDATE sections SET heading = x'e4b880' WHERE id = 's1'"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_file_changed_behind_our_back_opens_read_only_and_untouched(plan_path, change):
    """Each change keeps a valid database and a plan that loads; only the
    checksum can tell, and it does: read-only, a notice, no write."""
    with sqlite3.connect(plan_path) as conn:
        assert CHANGES[change](conn) is not None
    before = plan_path.read_bytes()
    with PlanFile.open(plan_path) as plan_file:
        assert not plan_file.damaged
        try:
            plan = plan_file.load()
        except StoreError as exc:           # refused outright is as good, if said clearly
            assert "损坏" in str(exc) or "无效" in str(exc)
        else:
            assert plan_file.damaged and plan_file.read_only and "校验" in plan_file.notice
            with pytest.raises(StoreError, match="校验"):
                plan_file.write_all(plan)
            with pytest.raises(StoreError, match="校验"):
                plan_file.sync(plan, Touched(meta=True))
    assert plan_path.read_bytes() == before


def test_the_change_cases_do_load(plan_path, tmp_path):
    """Most changes above must reach the checksum, not an earlier refusal,
    or that test would prove little."""
    loaded = 0
    for name, change in CHANGES.items():
        copy = tmp_path / f"{len(name)}-{loaded}.ghjh"
        copy.write_bytes(plan_path.read_bytes())
        with sqlite3.connect(copy) as conn:
            change(conn)
        with PlanFile.open(copy) as plan_file:
            try:
                plan_file.load()
            except StoreError:
                continue
            loaded += plan_file.damaged
    assert loaded >= len(CHANGES) - 1


def stamp_as_earlier_version(path):
    """What an earlier version left: the whole-plan checksum under "checksum"."""
    with PlanFile.open(path, read_only=True) as plan_file:
        checksum = content_checksum(plan_dict(*plan_file._read_rows()))
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", [ROWS_KEY])
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [CHECKSUM_KEY, json.dumps(checksum)])


def test_a_file_stamped_by_an_earlier_version_is_still_checked(plan_path, tmp_path):
    stamp_as_earlier_version(plan_path)
    changed = tmp_path / "changed.ghjh"
    changed.write_bytes(plan_path.read_bytes())
    with sqlite3.connect(changed) as conn:
        conn.execute("UPDATE sections SET heading = heading || '？' WHERE id = 's1'")
    with PlanFile.open(changed) as plan_file:
        plan_file.load()
        assert plan_file.damaged and plan_file.read_only
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        assert not plan_file.damaged
        _, touched = apply_edit(plan, SetHeading("s1", "新版本保存"))
        plan_file.sync(plan, touched)
    assert stored(plan_path, CHECKSUM_KEY) is None and stored(plan_path, ROWS_KEY)
    assert_opens_whole(plan_path, dumps(plan))


def test_an_earlier_version_that_saved_last_is_believed(plan_path):
    """An earlier version edits a file we stamped: it writes its own checksum
    and leaves ours, now stale. Its checksum is the one that counts."""
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
    with sqlite3.connect(plan_path) as conn:      # the earlier version's edit
        conn.execute("UPDATE sections SET heading = '旧版本改的' WHERE id = 's1'")
    stale = stored(plan_path, ROWS_KEY)
    stamp_as_earlier_version(plan_path)
    with sqlite3.connect(plan_path) as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [ROWS_KEY, json.dumps(stale)])
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        assert not plan_file.damaged and plan.sections[0].heading == "旧版本改的"
