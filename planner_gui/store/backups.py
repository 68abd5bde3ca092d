"""Rotating backups of a plan, kept in the user's data folder.

Not beside the document: that may be a USB stick or a synced folder, the
place most likely to lose the plan and its backups together. The GUI passes
the folder in (QStandardPaths.AppDataLocation/backups); this module knows no Qt.

Layout: <folder>/<stem>-<hash of the plan's full path>/<YYYYMMDD-HHMMSS>-<digest>.ghjh
with a source.json naming the plan. Each backup is a whole plan file, made
through SQLite's backup API and checked. The rotation keeps the newest
`keep` backups (at most one per `min_interval`) plus the newest backup of each
of the last `keep_days` days. A new backup is verified (integrity check, plan
loads, content digest matches) before any older one is dropped, and older
ones are dropped only when enough verified ones remain.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from collections.abc import Callable
from urllib.parse import quote

from ..core.interchange import dumps
from ..core.plan import Plan
from .errors import (OPEN_ELSEWHERE, NotAPlanError, PlanLockedError, StoreError, StoreWriteError,
                     describe_sqlite_error)
from .files import (fsync, lock_existing, open_in_this_process, remove_quietly, replace_guarded,
                    temporary_beside)
from .plan_file import EXTENSION, PlanFile

STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(\d{8}-\d{6})(?:-(\d+))?-([0-9a-f]{12})\.ghjh$")
SOURCE = "source.json"
#: Replaced (usually damaged) files kept by a restore, per plan.
KEEP_REPLACED = 3


@dataclass(frozen=True)
class BackupInfo:
    """One verified backup, for the 从备份恢复 list."""
    path: Path
    created: datetime
    title: str
    sections: int       # every heading, at any depth
    activities: int     # rows of the month table
    size: int

    def label(self) -> str:
        """A one-line description in the user's language."""
        return (f"{self.created:%Y-%m-%d %H:%M:%S}　{self.title or '（无标题）'}　"
                f"{self.sections} 个标题，{self.activities} 项月份安排")


def stamp_time(stamp: str) -> datetime:
    """The time a backup's name holds (YYYYMMDD-HHMMSS, see STAMP); ValueError
    for an impossible one. Read by hand, not with datetime.strptime: every
    plan opened asks whether a backup is due, and strptime's first call imports
    _strptime and builds its locale's patterns (about 3 ms of the start-up)."""
    return datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
                    int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]))


def plan_key(plan_path: str | os.PathLike[str]) -> str:
    """The sub-folder name for one plan: readable stem plus a hash of the full
    path, so two plans called 计划.ghjh in different folders stay apart."""
    path = Path(plan_path).expanduser()
    try:
        path = path.resolve()
    except OSError:
        path = path.absolute()
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", path.stem).strip(" .")[:40] or "plan"
    return f"{stem}-{digest}"


def content_digest(plan: Plan) -> str:
    return hashlib.sha256(dumps(plan).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def inspect_backup(path: str | os.PathLike[str]) -> BackupInfo:
    """Open a backup read-only, check it whole and return what it holds.
    Raises StoreError (NotAPlanError for a damaged one)."""
    return _inspect(Path(path))[0]


def _inspect(path: Path) -> tuple[BackupInfo, Plan]:
    with PlanFile.open(path, read_only=True) as plan_file:
        if not plan_file.integrity_ok():
            raise NotAPlanError("备份文件已损坏。")
        plan = plan_file.load()
    match = _NAME.match(path.name)
    size = path.stat().st_size
    if match:
        created = stamp_time(match.group(1))
    else:
        created = datetime.fromtimestamp(path.stat().st_mtime)
    info = BackupInfo(path, created, plan.meta.title, sum(1 for _ in plan.walk()),
                      len(plan.schedule), size)
    return info, plan


class BackupFolder:
    """The backups of every plan, under one folder (the GUI's user data folder)."""

    def __init__(self, folder: str | os.PathLike[str], keep: int = 10,
                 min_interval: timedelta = timedelta(minutes=10), keep_days: int = 14,
                 clock: Callable[[], datetime] = datetime.now):
        self.folder = Path(folder)
        self.keep = keep
        self.min_interval = min_interval
        self.keep_days = keep_days
        self.clock = clock

    # --- where --------------------------------------------------------------
    def plan_folder(self, plan_path: str | os.PathLike[str]) -> Path:
        return self.folder / plan_key(plan_path)

    def _files(self, plan_path: str | os.PathLike[str]) -> list[tuple[datetime, Path]]:
        """(time, path) of the backups of one plan, newest first, by name only."""
        folder = self.plan_folder(plan_path)
        found = []
        try:
            entries = list(folder.iterdir())
        except OSError:
            return []
        for entry in entries:
            match = _NAME.match(entry.name)
            if match and entry.is_file():
                try:
                    found.append((stamp_time(match.group(1)), int(match.group(2) or 0), entry))
                except ValueError:
                    continue
        found.sort(key=lambda item: (item[0], item[1]), reverse=True)
        return [(when, path) for when, _, path in found]

    # --- making -------------------------------------------------------------
    def due(self, plan_path: str | os.PathLike[str], now: datetime | None = None) -> bool:
        """True when the newest backup is older than min_interval (or none)."""
        files = self._files(plan_path)
        now = now or self.clock()
        return not files or now - files[0][0] >= self.min_interval

    def backup(self, plan_file: PlanFile, force: bool = False) -> Path | None:
        """Back up the committed state of an open plan file.

        Returns the new backup, or None when none was needed (too soon since
        the last one unless force, or the plan is unchanged since the newest
        backup). Raises StoreWriteError when the backup could not be made
        (the older backups are then all kept).
        """
        now = self.clock()
        if not force and not self.due(plan_file.path, now):
            return None
        files = self._files(plan_file.path)
        if files and _holds_same_rows(files[0][1], plan_file):
            return None     # unchanged since the newest backup, told without reading the plan again
        plan = plan_file.load()
        if plan_file.damaged:
            # Never rotate good backups out for a copy of a damaged plan.
            raise StoreWriteError("计划文件可能已损坏，未做备份；以前的备份都保留着。")
        digest = content_digest(plan)
        files = self._files(plan_file.path)
        if files and files[0][1].name.endswith(f"-{digest}{EXTENSION}"):
            return None
        folder = self.plan_folder(plan_file.path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._write_source(folder, plan_file.path)
        except OSError as exc:
            raise describe_sqlite_error(exc, "备份") from None
        target = self._new_name(folder, now, digest)
        plan_file.backup_to(target)
        try:
            info, copy = _inspect(target)
            if content_digest(copy) != digest:
                raise NotAPlanError("备份内容与计划不一致。")
        except StoreError:
            remove_quietly(target)
            raise StoreWriteError("备份写入后校验失败，已保留以前的备份。") from None
        self.prune(plan_file.path, now, verified={info.path})
        return target

    def _new_name(self, folder: Path, now: datetime, digest: str) -> Path:
        """<stamp>-<digest>.ghjh; a second backup within the same second gets a
        serial number so the names still sort in the order they were made."""
        stamp = now.strftime(STAMP)
        same = [p for p in folder.glob(f"{stamp}-*{EXTENSION}") if _NAME.match(p.name)]
        if not same:
            return folder / f"{stamp}-{digest}{EXTENSION}"
        serial = 1 + max(int(m.group(2) or 0) for p in same if (m := _NAME.match(p.name)))
        return folder / f"{stamp}-{serial}-{digest}{EXTENSION}"

    @staticmethod
    def _write_source(folder: Path, plan_path: str | os.PathLike[str]) -> None:
        source = folder / SOURCE
        text = json.dumps({"path": str(Path(plan_path).absolute())}, ensure_ascii=False)
        if not source.exists() or source.read_text(encoding="utf-8", errors="replace") != text:
            tmp = folder / f".{SOURCE}.{os.getpid()}.tmp"
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, source)

    # --- rotating -----------------------------------------------------------
    def prune(self, plan_path: str | os.PathLike[str], now: datetime | None = None,
              verified: set[Path] | frozenset[Path] = frozenset()) -> list[Path]:
        """Drop backups beyond the rotation; returns what was dropped.

        Walks newest to oldest, checking each backup it would keep (damaged
        ones are dropped and do not count). Nothing older is dropped unless
        the newest kept backup was verified.
        """
        now = now or self.clock()
        files = self._files(plan_path)
        kept: list[tuple[datetime, Path]] = []
        days: set[date] = set()
        dropped: list[Path] = []
        oldest_day = (now - timedelta(days=self.keep_days)).date()
        for when, path in files:
            recent = len(kept) < self.keep
            daily = when.date() not in days and when.date() > oldest_day
            if not (recent or daily):
                dropped.append(path)
                continue
            if path not in verified and not _verifies(path):
                dropped.append(path)
                continue
            kept.append((when, path))
            days.add(when.date())
        if not kept:
            return []   # never leave a plan without any backup by our own hand
        for path in dropped:
            remove_quietly(path)
        return dropped

    # --- listing and restoring ---------------------------------------------
    def list_backups(self, plan_path: str | os.PathLike[str]) -> list[BackupInfo]:
        """The plan's backups that open and pass the integrity check, newest first."""
        out = []
        for _, path in self._files(plan_path):
            try:
                out.append(inspect_backup(path))
            except StoreError:
                continue
        return out

    def plans(self) -> list[tuple[Path, Path]]:
        """(plan path as recorded, its backup folder) for every plan with backups:
        for a plan that was moved or renamed since."""
        out = []
        try:
            entries = sorted(self.folder.iterdir())
        except OSError:
            return []
        for entry in entries:
            try:
                source = json.loads((entry / SOURCE).read_text(encoding="utf-8"))["path"]
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if isinstance(source, str):
                out.append((Path(source), entry))
        return out

    def restore(self, backup: str | os.PathLike[str] | BackupInfo, target: str | os.PathLike[str]) -> Path | None:
        """Put a backup in place of target; the replaced file (often a damaged
        one) is kept in the plan's backup folder. Returns where it was kept."""
        return restore_backup(backup, target, keep_replaced_in=self.plan_folder(target))


def _holds_same_rows(backup: Path, plan_file: PlanFile) -> bool:
    """Whether a backup holds the rows of the open plan file, by the row
    checksums both carry (checksum.py). The editor asks at every opening of
    a plan (a backup is due when the newest is ten minutes old): comparing
    content digests would read and encode the whole plan again, about as
    long as opening it. False when either checksum is not known; the digest
    is compared then."""
    current = plan_file.rows_checksum()
    if current is None:
        return False
    try:
        with PlanFile.open(backup, read_only=True) as copy:
            return copy.stored_rows_checksum() == current
    except StoreError:
        return False


def _verifies(path: Path) -> bool:
    try:
        inspect_backup(path)
    except StoreError:
        return False
    return True


def list_backups(plan_path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> list[BackupInfo]:
    """The plan's verified backups in folder, newest first."""
    return BackupFolder(folder).list_backups(plan_path)


def restore_backup(backup: str | os.PathLike[str] | BackupInfo, target: str | os.PathLike[str],
                   keep_replaced_in: str | os.PathLike[str] | None = None) -> Path | None:
    """Replace target with a copy of backup, atomically.

    The backup is checked first; the copy is written under a temporary name
    beside target, checked, then renamed over it, so target is at every moment
    either the old file or the whole restored plan. A target open in another
    window or process is refused (PlanLockedError). The replaced file and a
    journal left beside it are moved to keep_replaced_in when given (a stale
    journal must never meet the restored file: SQLite would "roll it back").
    """
    source = Path(backup.path if isinstance(backup, BackupInfo) else backup)
    target = Path(target)
    try:
        inspect_backup(source)
    except StoreError as exc:
        raise NotAPlanError(f"此备份无法使用：{exc}") from None
    if not target.parent.is_dir():
        raise StoreError(f"文件夹不存在：{target.parent}")
    if target.is_dir():
        raise StoreError(f"这是一个文件夹：{target}")
    if open_in_this_process(target):
        raise PlanLockedError(OPEN_ELSEWHERE)
    # Copy the replaced file first: reading it after taking its lock would
    # drop the lock again (POSIX closes all of a process's locks on a file).
    try:
        kept = _keep_replaced(target, keep_replaced_in)
    except OSError as exc:
        raise describe_sqlite_error(exc, "恢复") from None
    try:
        guard = lock_existing(target)
    except StoreError:
        if kept is not None:
            remove_quietly(kept)
            remove_quietly(kept.with_name(kept.name + "-journal.saved"))
        raise
    try:
        with temporary_beside(target, "恢复", ".restore") as tmp:
            _copy_plan(source, tmp)
            journal = target.with_name(target.name + "-journal")
            if journal.exists():
                journal.unlink()
            guard = replace_guarded(tmp, target, guard)
    finally:
        if guard is not None:
            guard.close()
    return kept


def _keep_replaced(target: Path, folder: str | os.PathLike[str] | None) -> Path | None:
    if folder is None or not target.exists():
        return None
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime(STAMP)
    kept = folder / f"replaced-{stamp}{EXTENSION}"
    serial = 1
    while kept.exists():
        kept = folder / f"replaced-{stamp}-{serial}{EXTENSION}"
        serial += 1
    shutil.copyfile(target, kept)
    journal = target.with_name(target.name + "-journal")
    if journal.exists():
        shutil.copyfile(journal, kept.with_name(kept.name + "-journal.saved"))
    old = sorted(folder.glob("replaced-*" + EXTENSION), reverse=True)[KEEP_REPLACED:]
    for path in old:
        remove_quietly(path)
        remove_quietly(path.with_name(path.name + "-journal.saved"))
    return kept


def _copy_plan(source: Path, tmp: Path) -> None:
    """A checked copy of a plan file through SQLite's backup API."""
    src = sqlite3.connect(f"file:{quote(str(source))}?mode=ro", uri=True, isolation_level=None)
    try:
        src.execute("PRAGMA trusted_schema = OFF")
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            src.backup(dst)
            if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StoreWriteError("恢复的副本校验失败，原文件未改动。")
        finally:
            dst.close()
    finally:
        src.close()
    fsync(tmp)
