"""Open, create, load and write a plan file.

One plan = one SQLite file. Every change is committed as it is made, in one
transaction, with a rollback journal (not WAL: no -wal/-shm files beside a
file people copy to USB sticks) and synchronous=FULL, so between transactions
the file on disk is always a whole plan. The file is held with an exclusive
lock while open, so a second window or process is told it is open elsewhere.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Callable, Iterable
from urllib.parse import quote

from ..core.interchange import PlanFormatError, plan_from_dict, plan_to_dict
from ..held_files import file_key, hold, release
from ..safe_write import name_problem
from ..core.plan import Plan
from .checksum import ACTIVITY_COLUMNS, CHECKSUM_KEY, ROWS_KEY, SECTION_COLUMNS, RowDigests, counted
from .database import database
from .errors import (OPEN_ELSEWHERE, RESTORE_HINT, InterruptedSaveError, NewerVersionError, NotAPlanError,
                     PlanLockedError, StoreError, StoreWriteError, describe_sqlite_error)
from .files import (fsync, fsync_dir, hot_journal, journal_of, lock_existing, open_in_this_process, read_header,
                    replace_guarded, replace_in_use_aware, set_aside_stale_journal, sweep_stale_temporaries,
                    temporary_beside, writable)
from .rows import (activity_rows, checksum_ok, plan_dict, section_rows, touched_activity_rows,
                   touched_section_rows)
from .schema import APPLICATION_ID, FORMAT_VERSION, MIGRATION_NAMES, apply_migrations, check_schema
from ..core.files import PLAN_EXTENSION as EXTENSION

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ..core.edits import Touched

#: The largest text or blob a plan file may hold in one cell (see _connect).
MAX_CELL_BYTES = 16 * 1024 * 1024
#: Retrying an open that met another opener's lock (see PlanFile.open).
OPEN_RETRY_S = 2.0
#: A plan whose last save was cut short, on a medium that cannot be written.
INTERRUPTED_READ_ONLY = (
    "此计划上次保存时被中断了（旁边留有同名的“-journal”文件），要先把未完成的保存撤回才能打开，"
    "但文件所在的位置不能写入（只读的U盘、光盘或只读文件）。可以把它连同“-journal”文件复制到"
    "可写的位置后打开；编辑器会提出替您这样做。")
#: The file was deleted, moved or replaced by something else while open.
REPLACED_WHILE_OPEN = (
    "计划文件在打开期间被删除、移走或被别的文件替换了（可能是其他程序、网盘同步或文件管理器所为），"
    "修改无法写回原文件。您的修改仍保留在程序中：请用“另存为”保存。")

#: Shown when the checksum (checksum.py; written in every transaction that
#: changes the plan, checked by load()) does not match what the file holds.
DAMAGED_NOTICE = ("文件内容与保存时的校验值不符，可能已损坏（例如存储设备出错）。"
                  "已以只读方式打开：请核对内容，可用“文件 → 从备份恢复”找回以前的版本，"
                  "也可用“另存为”保存一份副本。")


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = f"file:{quote(str(path))}?mode={'ro' if read_only else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=0.3,
                           check_same_thread=False)
    # No single text or blob larger than this is read or written: a damaged
    # or hostile file with a 200 MB cell is refused ("string or blob too
    # big") without building it in memory. A whole plan is well under 1 MB.
    if sys.version_info >= (3, 11):     # Connection.setlimit is new in 3.11
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_CELL_BYTES)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    return conn


class PlanFile:
    """An open plan file. Use PlanFile.open() or PlanFile.create()."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, notice: str | None):
        self.path = path
        self.conn = conn
        self._db: Database | None = None   # sqlite-utils over conn, made on the first write (see db)
        self.read_only = read_only
        self.notice = notice  # why the file is read-only, for the user
        self._release: Callable[[], object] | None = None  # forgets the file in held_files on close
        self._key: tuple[int, int] | None = None  # (device, inode) at open: tells a file deleted or replaced since
        self.damaged = False  # set by load() when the checksum does not match
        #: The digest of every row in the file (checksum.py), or None when not
        #: known (before load(), after a failed transaction): then the next
        #: stamp reads them from the file.
        self._digests: RowDigests | None = None

    @property
    def db(self) -> Database:
        """A sqlite_utils.Database over the connection. Only writing, creating
        and migrating use it: reading a plan never imports sqlite-utils."""
        if self._db is None:
            self._db = database(self.conn)
        return self._db

    # --- opening -----------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> PlanFile:
        """Open a plan. When two programs open one plan at the same moment,
        each may take a shared lock that keeps the other from the exclusive
        one, and both would be refused: a refused opener lets go of every
        lock, waits a random moment and tries again (for up to OPEN_RETRY_S),
        so exactly one of them opens it and the other is told."""
        path = Path(path)
        deadline = time.monotonic() + OPEN_RETRY_S
        while True:
            try:
                return cls._open_once(path, read_only)
            except PlanLockedError:
                if open_in_this_process(path) or time.monotonic() >= deadline:
                    raise
                time.sleep(random.uniform(0.03, 0.2))

    @classmethod
    def _open_once(cls, path: Path, read_only: bool) -> PlanFile:
        if open_in_this_process(path):
            raise PlanLockedError(OPEN_ELSEWHERE)
        app_id, version = read_header(path)
        if app_id != APPLICATION_ID:
            raise NotAPlanError("这是一个数据库文件，但不是工会工作计划文件。")
        notice = None
        if version > FORMAT_VERSION:
            read_only = True
            notice = (f"此计划由更新版本的程序保存（格式版本 {version}），"
                      "已以只读方式打开。请升级本程序后再编辑。")
        elif not writable(path):
            notice = "文件是只读的（或所在位置不能写入），已以只读方式打开。可用“另存为”保存一份可编辑的副本。"
            read_only = True
        # A hot journal is rolled back into the file by SQLite as it opens.
        # SQLite cannot tell a journal of this file from one of an earlier file
        # of the same name (moved away by a file manager without its journal),
        # so after a rollback the whole file is checked, not only quick_check.
        rolled_back = hot_journal(path)
        if rolled_back and not writable(path):
            # The journal must be written back before the plan can be read,
            # and this place cannot be written: not a "read-only file" to
            # Save As (nothing is open), an interrupted save to recover.
            raise InterruptedSaveError(INTERRUPTED_READ_ONLY)
        try:
            conn = _connect(path, read_only=not writable(path))
        except sqlite3.Error as exc:
            raise describe_sqlite_error(exc, "打开") from None
        try:
            plan_file = cls(path, conn, read_only, notice)
            plan_file._check_and_lock(version, full_check=rolled_back)
        except sqlite3.Error as exc:
            conn.close()
            raise describe_sqlite_error(exc, "打开") from None
        except (UnicodeDecodeError, ValueError, OverflowError):
            # SQLite reporting on a damaged page can carry undecodable bytes.
            conn.close()
            raise NotAPlanError("文件已损坏，无法打开。" + RESTORE_HINT) from None
        except BaseException:
            conn.close()
            raise
        key = file_key(path)
        plan_file._key = key
        if key is not None:
            hold(key)
            plan_file._release = weakref.finalize(plan_file, release, key)
        if not plan_file.read_only:
            sweep_stale_temporaries(path)
        return plan_file

    def _check_and_lock(self, version: int, full_check: bool = False) -> None:
        """Take the lock, then check the schema before any of our statements
        reads a table: only our own tables and indexes, no views or triggers,
        and (for this format version) exactly the columns we create.
        full_check: integrity_check (indexes against their tables) instead of
        quick_check, for a file a hot journal was just rolled back into."""
        if self.read_only:
            self.conn.execute("PRAGMA query_only = ON")
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        else:
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("BEGIN EXCLUSIVE")
            self.conn.execute("COMMIT")
            # Another tool may have switched the file to WAL: edits would then
            # live in a -wal file that a copy of the .ghjh alone lacks. Back to
            # the rollback journal (this checkpoints and removes the -wal);
            # nothing to tell the user, the file is the same plan.
            if str(self.conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "delete":
                mode = self.conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
                if str(mode).lower() != "delete":
                    raise StoreWriteError("无法把计划文件改回普通日志方式，为安全起见未打开。")
        check_schema(self.conn, version)
        if full_check:
            verdict = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        else:
            verdict = self.conn.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise NotAPlanError("文件已损坏，无法打开。" + RESTORE_HINT)
        applied = [row[0] for row in self.conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'planner_gui'")]
        if set(applied) - set(MIGRATION_NAMES) and not self.read_only:
            self.read_only = True
            self.conn.execute("PRAGMA query_only = ON")
            self.notice = "此计划由更新版本的程序保存，已以只读方式打开。"
        elif version < FORMAT_VERSION and not self.read_only:
            apply_migrations(self.db)

    # --- creating ----------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], plan: Plan, overwrite: bool = False,
               ui_state: dict[str, Any] | None = None) -> PlanFile:
        """Write a new plan file atomically: a temporary file in the same folder,
        checked, then renamed; a half-written plan never has the target's name."""
        path = Path(path)
        problem = name_problem(path)
        if problem:
            raise StoreError(problem)
        try:
            if path.is_symlink():
                # `load --force` / 另存为 onto a link: the file the link points to
                # is replaced (atomically) and the link kept, as Word and WPS do.
                path = Path(os.path.realpath(path))
                problem = name_problem(path)
                if problem:
                    raise StoreError(problem)
        except OSError as exc:
            raise describe_sqlite_error(exc, "创建文件") from None
        if not path.parent.is_dir():
            raise StoreError(f"文件夹不存在：{path.parent}")
        if path.exists() and not overwrite:
            raise StoreError(f"文件已存在：{path}")
        if path.is_dir():
            raise StoreError(f"这是一个文件夹：{path}")
        sweep_stale_temporaries(path)
        guard = lock_existing(path) if path.exists() else None
        try:
            with temporary_beside(path, "创建文件") as tmp:
                conn = sqlite3.connect(str(tmp), isolation_level=None)
                try:
                    if sys.version_info >= (3, 11):   # never a file that open() would refuse
                        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_CELL_BYTES)
                    conn.execute("PRAGMA synchronous = FULL")
                    writer = cls(tmp, conn, False, None)
                    with writer.db.atomic():
                        apply_migrations(writer.db)
                        writer._write_all(plan)
                        writer._stamp()
                        for key, value in (ui_state or {}).items():
                            writer._put_meta(f"ui.{key}", value)
                    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                        raise StoreWriteError("新文件写入后校验失败，未保存。")
                finally:
                    conn.close()
                fsync(tmp)
                # A journal still hot beside the target belongs to no file we
                # are replacing (the guard has rolled back the target's own):
                # the new file must never meet it.
                set_aside_stale_journal(path)
                guard = replace_guarded(tmp, path, guard)
        finally:
            if guard is not None:
                guard.close()
        return cls.open(path)

    # --- reading -----------------------------------------------------------
    def load(self) -> Plan:
        """The plan. A checksum mismatch opens it read-only with a notice
        (self.damaged): what is readable is shown, nothing is written over."""
        try:
            meta_rows, section_rows, activity_rows = self._read_rows()
            data = plan_dict(meta_rows, section_rows, activity_rows)
            digests = RowDigests.of_rows(meta_rows, section_rows, activity_rows)
            if not checksum_ok(meta_rows, data, digests):
                self._mark_damaged()
            elif not self.read_only:
                self._digests = digests     # kept up to date by the writes from now on
            return plan_from_dict(data)
        except PlanFormatError as exc:
            raise NotAPlanError(f"文件内容无效：{exc}。" + RESTORE_HINT) from None
        except sqlite3.DataError as exc:
            if "too big" in str(exc).lower():
                raise describe_sqlite_error(exc, "读取") from None
            raise NotAPlanError("文件已损坏，其中部分内容无法读取。" + RESTORE_HINT) from None
        except (sqlite3.Error, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            # Undecodable text, broken JSON in a cell, a page that fails to read.
            raise NotAPlanError("文件已损坏，其中部分内容无法读取。" + RESTORE_HINT) from None

    def _read_rows(self) -> tuple[list[Any], list[Any], list[Any]]:
        """Every meta, section and activity row as stored (columns in schema order)."""
        meta = self.conn.execute("SELECT key, value FROM meta").fetchall()
        sections = self.conn.execute(
            "SELECT id, parent, position, heading, body FROM sections ORDER BY position, rowid").fetchall()
        if self._has_outcome_columns():
            activities = self.conn.execute(
                "SELECT id, position, months, text, owner, note, section, done, done_on, outcome "
                "FROM activities ORDER BY position, rowid").fetchall()
        else:
            activities = self.conn.execute(
                "SELECT id, position, months, text, owner, note, section, done FROM activities "
                "ORDER BY position, rowid").fetchall()
        return meta, sections, activities

    def _has_outcome_columns(self) -> bool:
        """False only for a version-1 file opened read-only (not migrated)."""
        names = {row[0] for row in self.conn.execute("SELECT name FROM pragma_table_info('activities')")}
        return "outcome" in names

    def _mark_damaged(self) -> None:
        self.damaged = True
        self.notice = DAMAGED_NOTICE
        if not self.read_only:
            self.read_only = True
            self.conn.execute("PRAGMA query_only = ON")

    def get_ui(self, key: str, default: Any = None) -> Any:
        """UI state is a convenience: unreadable state gives the default."""
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [f"ui.{key}"]).fetchone()
            return json.loads(row[0]) if row else default
        except (sqlite3.Error, ValueError, TypeError):
            return default

    def ui_state(self) -> dict[str, Any]:
        state: dict[str, Any] = {}
        try:
            rows = self.conn.execute("SELECT key, value FROM meta WHERE key LIKE 'ui.%'").fetchall()
        except sqlite3.Error:
            return state
        for key, value in rows:
            try:
                state[key[3:]] = json.loads(value)
            except (ValueError, TypeError):
                continue
        return state

    def rows_checksum(self) -> str | None:
        """The row checksum (checksum.py) of what the file holds, as load()
        verified it and the writes since kept it; None when not known (not
        loaded, read-only, damaged, or a failed transaction since)."""
        return self._digests.hexdigest() if self._digests is not None else None

    def stored_rows_checksum(self) -> str | None:
        """The row checksum the file says it holds, unverified (None when it
        has none, or is stamped the older way, see checksum.py)."""
        try:
            stored = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)",
                                            [ROWS_KEY, CHECKSUM_KEY]).fetchall())
            if CHECKSUM_KEY in stored or ROWS_KEY not in stored:
                return None
            value = json.loads(stored[ROWS_KEY])
        except (sqlite3.Error, ValueError, TypeError):
            return None
        return value if isinstance(value, str) else None

    # --- writing -----------------------------------------------------------
    def _checkwritable(self) -> None:
        if self.read_only:
            raise StoreWriteError(self.notice or "文件以只读方式打开，无法保存。")

    def _transaction(self, work: Callable[[], object], action: str = "保存") -> None:
        self._checkwritable()
        try:
            try:
                with self.db.atomic():
                    work()
            except BaseException:
                # Rolled back: the digests may describe rows that are not there.
                self._digests = None
                raise
        except (sqlite3.Error, OSError) as exc:
            if self._replaced():
                raise StoreWriteError(REPLACED_WHILE_OPEN) from None
            raise describe_sqlite_error(exc, action) from None

    def _replaced(self) -> bool:
        """Whether the file at self.path is no longer the one opened (deleted,
        moved away, or replaced by another program or a sync client)."""
        return self._key is not None and file_key(self.path) != self._key

    def set_ui(self, key: str, value: Any) -> None:
        """UI state kept with the plan (expanded sections); not part of the plan."""
        if not self.read_only:
            self._transaction(lambda: self._put_meta(f"ui.{key}", value))

    def write_all(self, plan: Plan) -> None:
        """Replace the whole plan in one transaction."""
        def work() -> None:
            self._write_all(plan)
            self._stamp()
        self._transaction(work)

    def sync(self, plan: Plan, touched: Touched) -> None:
        """Write what an edit touched (see core.edits), in one transaction."""
        def work() -> None:
            self._sync(plan, touched)
            self._stamp()
        self._transaction(work)

    def _stamp(self) -> None:
        """The checksum of what is now stored, in the same transaction: from
        the digests of the rows written since load(), without reading the
        plan back (the whole file is read only when they are not known)."""
        if self._digests is None:
            self._digests = RowDigests.of_rows(*self._read_rows())
        self._put_meta(ROWS_KEY, self._digests.hexdigest())
        self.conn.execute("DELETE FROM meta WHERE key = ?", [CHECKSUM_KEY])

    def _put_meta(self, key: str, value: Any) -> None:
        self._write_meta({key: value})

    def _write_meta(self, data: dict[str, Any]) -> None:
        rows = [(key, json.dumps(value, ensure_ascii=False)) for key, value in data.items()]
        # Upserts: a row whose key exists is updated in place, never deleted
        # and inserted again as INSERT OR REPLACE would (which also deletes
        # any other row a UNIQUE index finds in the way); any other conflict
        # fails the transaction. Written out: the store runs only literal SQL.
        self.conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value", rows)
        if self._digests is not None:
            for row in rows:
                if counted(row[0]):
                    self._digests.put("meta", row)

    # Statements are literals (tests/reliability/test_security.py): they name the
    # columns of checksum.SECTION_COLUMNS / ACTIVITY_COLUMNS in that order. A
    # row whose id exists is updated in place (an upsert, never INSERT OR
    # REPLACE, which deletes whatever row conflicts with any unique index).
    def _write_sections(self, rows: list[dict[str, Any]], replace: bool = True) -> None:
        values = [tuple(r[c] for c in SECTION_COLUMNS) for r in rows]
        if replace:
            self.conn.executemany(
                "INSERT INTO sections (id, parent, position, heading, body) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET parent = excluded.parent, position = excluded.position, "
                "heading = excluded.heading, body = excluded.body", values)
        else:
            self.conn.executemany(
                "INSERT INTO sections (id, parent, position, heading, body) VALUES (?, ?, ?, ?, ?)", values)
        self._note_rows("sections", SECTION_COLUMNS, rows)

    def _write_activities(self, rows: list[dict[str, Any]], replace: bool = True) -> None:
        values = [tuple(r[c] for c in ACTIVITY_COLUMNS) for r in rows]
        if replace:
            self.conn.executemany(
                "INSERT INTO activities (id, position, months, text, owner, note, section, done, done_on, "
                "outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "position = excluded.position, months = excluded.months, text = excluded.text, "
                "owner = excluded.owner, note = excluded.note, section = excluded.section, "
                "done = excluded.done, done_on = excluded.done_on, outcome = excluded.outcome", values)
        else:
            self.conn.executemany(
                "INSERT INTO activities (id, position, months, text, owner, note, section, done, done_on, "
                "outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        self._note_rows("activities", ACTIVITY_COLUMNS, rows)

    def _note_rows(self, table: str, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
        if self._digests is not None:
            for row in rows:
                self._digests.put(table, tuple(row[c] for c in columns))

    def _forget_rows(self, table: str, keys: Iterable[object]) -> None:
        if self._digests is not None:
            for key in keys:
                self._digests.remove(table, key)

    def _write_all(self, plan: Plan) -> None:
        data = plan_to_dict(plan)
        self.conn.execute("DELETE FROM meta WHERE key NOT LIKE 'ui.%'")
        self.conn.execute("DELETE FROM sections")
        self.conn.execute("DELETE FROM activities")
        self._digests = RowDigests()    # every counted row was just deleted
        self._write_meta({**data["meta"], "preamble": data["preamble"], "closing": data["closing"],
                          "options": data.get("options", {})})
        # Plain inserts: a repeated id fails the transaction, as it always did.
        self._write_sections(section_rows(plan), replace=False)
        self._write_activities(activity_rows(plan), replace=False)

    def _sync(self, plan: Plan, touched: Touched) -> None:
        """Write the rows the touched fields name, and only those."""
        if touched.meta or touched.options:
            # The meta and options of plan_to_dict, without the plan's sections.
            data = plan_to_dict(Plan(meta=plan.meta, options=plan.options))
            if touched.meta:
                self._write_meta(data["meta"])
            if touched.options:
                self._write_meta({"options": data.get("options", {})})
        if touched.texts:
            self._write_meta({"preamble": plan.preamble, "closing": plan.closing})
        deleted = list(touched.deleted_sections)
        if deleted:
            self.db.table("sections").delete_where(
                f"id IN ({','.join('?' * len(deleted))})", deleted)
            self._forget_rows("sections", deleted)
        if touched.sections or touched.children_of:
            self._write_sections(touched_section_rows(plan, touched))
        gone = list(touched.deleted_activities)
        if gone:
            self.db.table("activities").delete_where(f"id IN ({','.join('?' * len(gone))})", gone)
            self._forget_rows("activities", gone)
        if touched.schedule_order:
            self._write_activities(activity_rows(plan))
        elif touched.activities:
            self._write_activities(touched_activity_rows(plan, touched))

    # --- copies and checks --------------------------------------------------
    def integrity_ok(self) -> bool:
        result: str = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        return result == "ok"

    def backup_to(self, target: str | os.PathLike[str]) -> None:
        """A byte-for-byte copy of the committed file through SQLite's backup API,
        written to a temporary name, checked, then renamed into place; the
        folder is synced after the rename (where the system has that), so a
        power cut cannot leave the old name pointing nowhere."""
        target = Path(target)
        with temporary_beside(target, "备份") as tmp:
            dst = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                self.conn.backup(dst)
                if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise StoreWriteError("备份校验失败。")
            finally:
                dst.close()
            replace_in_use_aware(tmp, target)
        fsync_dir(target.parent)

    def snapshot(self) -> PlanFile:
        """A read-only PlanFile over an in-memory copy of the committed file,
        made through SQLite's backup API on this connection (milliseconds for
        a plan), for a backup written on another thread while editing goes on:
        the copy shares nothing with this file, and no second descriptor of
        the plan is opened. Close it when done."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            self.conn.backup(memory)
            memory.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            memory.close()
            raise describe_sqlite_error(exc, "备份") from None
        return PlanFile(self.path, memory, True, None)

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        if self._release is not None:
            self._release()

    def __enter__(self) -> PlanFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def recovered_copy(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> Path:
    """For a plan whose save was interrupted on a medium that cannot be
    written (InterruptedSaveError): copy the plan and its journal into folder
    (a writable place, e.g. the user data folder), let SQLite roll the
    interrupted save back there, check the copy, and return its path. The
    original and its journal are left as they are."""
    import shutil

    path = Path(path)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = folder / f"{path.stem}（恢复 {stamp}）{EXTENSION}"
        shutil.copyfile(path, target)
        shutil.copyfile(journal_of(path), journal_of(target))
    except OSError as exc:
        raise describe_sqlite_error(exc, "复制") from None
    with PlanFile.open(target) as copy:       # rolls the journal back, checks the whole file
        if not copy.integrity_ok():
            raise NotAPlanError("恢复出的副本已损坏。" + RESTORE_HINT)
        copy.load()
    return target


__all__ = ["PlanFile", "EXTENSION", "NewerVersionError", "PlanLockedError"]
