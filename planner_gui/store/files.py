"""The file-system side of the store: raw header and journal reads, the
temporary name a new file is written under, the replace, fsync, and the
lock that guards a file while it is replaced.

A plan file is made or restored by writing a whole SQLite file under a
temporary name beside the target and moving it into place; the general
"write beside, then replace" of safe_write.write_atomically cannot serve
here, because SQLite writes the file itself through a path (not a handle we
pass it), leaves a "-journal" beside the temporary name, must be checked
(integrity_check) before the replace, and the target must be held by its
SQLite lock (lock_existing) until the replace, a lock Windows makes us let go
of first (replace_guarded). What is the same (how a stale temporary file is
told from a live one) comes from safe_write.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator
from urllib.parse import quote

from ..held_files import is_held
from ..safe_write import in_use, sweep_matching
from .errors import (OPEN_ELSEWHERE, RESTORE_HINT, NotAPlanError, PlanLockedError, StoreError,
                     StoreWriteError, describe_sqlite_error)

#: Windows semantics (a file open anywhere cannot be replaced; no directory
#: fsync); a name of its own so tests can simulate them on POSIX
#: (monkeypatch files.WINDOWS: every use reads it from this module).
WINDOWS = os.name == "nt"
SQLITE_HEADER = b"SQLite format 3\x00"

#: os.replace failing with PermissionError: on Windows the target is open in
#: another program (WPS, an antivirus scan, a sync client) far more often than
#: it is read-only.
#: What may hold a plan file open besides the editor itself.
PLAN_HOLDERS = "其他程序（例如 WPS、杀毒软件或网盘同步）"


# POSIX drops every lock a process holds on a file as soon as the process
# closes *any* descriptor of that file (held_files.py). Plans open here are
# registered there by (device, inode); a second open is refused before the
# file is touched, and no other part of the program reads them.
def open_in_this_process(path: str | os.PathLike[str]) -> bool:
    """True while a PlanFile of this process holds the file (any name for it)."""
    return is_held(path)


def read_header(path: Path) -> tuple[int, int]:
    """(application_id, user_version) read from the raw header, before SQLite
    is let near the file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise StoreError(f"文件不存在：{path}") from None
    except OSError as exc:
        raise describe_sqlite_error(exc, "读取") from None
    if stat.S_ISDIR(mode):
        raise StoreError(f"这是一个文件夹，不是计划文件：{path}")
    if not stat.S_ISREG(mode):
        # A pipe or a device would block or never end.
        raise NotAPlanError(f"这不是普通文件，不能作为计划打开：{path}")
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        raise StoreError(f"文件不存在：{path}") from None
    except IsADirectoryError:
        raise StoreError(f"这是一个文件夹，不是计划文件：{path}") from None
    except PermissionError:
        raise StoreError(f"没有权限读取文件：{path}") from None
    except OSError as exc:
        raise describe_sqlite_error(exc, "读取") from None
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        raise NotAPlanError("这不是工会工作计划文件（文件为空、已损坏或是其他程序的文件）。" + RESTORE_HINT)
    return int.from_bytes(head[68:72], "big"), int.from_bytes(head[60:64], "big")


def writable(path: Path) -> bool:
    """Mode bits as well as access(): root passes access() on a read-only file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & stat.S_IWUSR) and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


# --- write beside, then replace ------------------------------------------------

@contextmanager
def temporary_beside(target: Path, action: str, tag: str = "") -> Iterator[Path]:
    """A temporary name in the target's folder for a file that is then moved
    into place (os.replace is atomic only within one file system). On any
    failure the temporary file goes, and an SQLite or OS error becomes the
    user's message for `action` (创建文件, 备份, 恢复)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}{tag}.tmp")
    # A file and journal of this very name left by an earlier process that had
    # our pid: SQLite would play that journal into the new temporary file.
    remove_quietly(tmp)
    try:
        yield tmp
    except (sqlite3.Error, OSError) as exc:
        remove_quietly(tmp)
        raise describe_sqlite_error(exc, action) from None
    except BaseException:
        remove_quietly(tmp)
        raise


def replace_in_use_aware(source: Path, target: Path) -> None:
    """os.replace, with PermissionError told as "in use" (StoreWriteError)."""
    try:
        os.replace(source, target)
    except PermissionError:
        raise StoreWriteError(in_use(target.name, PLAN_HOLDERS)) from None


def replace_guarded(source: Path, target: Path, guard: sqlite3.Connection | None) -> sqlite3.Connection | None:
    """Move source over target, then fsync the folder. guard is the lock
    taken by lock_existing: Windows cannot replace a file that is open, our
    own guard connection included, so there it is closed first. Returns the
    guard still to be closed by the caller (None when closed here)."""
    if guard is not None and WINDOWS:
        guard.close()
        guard = None
    replace_in_use_aware(source, target)
    fsync_dir(target.parent)
    return guard


def fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in folder durable; Windows has no directory fsync."""
    if not WINDOWS and os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def lock_existing(path: Path) -> sqlite3.Connection | None:
    """Hold an existing file's SQLite lock while it is being replaced, so a
    plan open in another window or process is never swapped from under it
    (PlanLockedError). A file that is not a usable database is not guarded."""
    if open_in_this_process(path):
        raise PlanLockedError(OPEN_ELSEWHERE)
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True,
                               isolation_level=None, timeout=0.3)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.close()
        error = describe_sqlite_error(exc)
        if isinstance(error, PlanLockedError):
            raise error from None
        return None
    return conn


def remove_quietly(path: Path) -> None:
    """Remove a file and its SQLite journal, if there."""
    for candidate in (path, journal_of(path)):
        try:
            candidate.unlink()
        except OSError:
            pass


def sweep_stale_temporaries(path: Path) -> list[Path]:
    """Remove the hidden temporary files a create or backup of this very name
    left when its process was killed (.<name>.<pid>.tmp and its journal).
    Only files whose process is gone (POSIX), or older than a day elsewhere."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"(\d+)(?:\.restore)?\.tmp(?:-journal)?$")
    return sweep_matching(path.parent, pattern)


# --- journals ------------------------------------------------------------------

def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def hot_journal(path: Path) -> bool:
    """Whether a rollback journal with a live header lies beside path (SQLite
    zeroes the header when a transaction ends in exclusive locking mode, or
    deletes the file). Reads the journal only, never the plan itself."""
    try:
        with open(journal_of(path), "rb") as handle:
            return any(handle.read(28))
    except OSError:
        return False


def set_aside_stale_journal(path: Path) -> Path | None:
    """Move a hot journal beside path out of SQLite's sight, to a hidden
    .<name>-journal.<time>.orphan beside it (kept, not deleted: it may hold
    the only copy of pages of the plan it came from). Returns where it went."""
    if not hot_journal(path):
        return None
    journal = journal_of(path)
    kept = path.with_name(f".{path.name}-journal.{time.strftime('%Y%m%d-%H%M%S')}.{os.getpid()}.orphan")
    os.replace(journal, kept)
    fsync_dir(path.parent)
    return kept
