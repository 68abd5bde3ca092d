"""Recovery copies and backups, placed in the user's data folder.

When a plan cannot be written to its file (disk full, USB stick pulled), the
session hands the whole plan to a writer made here, which keeps it as a
recovery copy (store.RecoveryFolder) under AppDataLocation/recovery. The
editor offers the copy back the next time that file is opened, if the copy
is newer than the file, and discards it once the plan is saved again.
Rotating backups (store.BackupFolder) live beside it, under .../backups.
"""

from __future__ import annotations

import os
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

from ..core.files import PlanFileProblem

if TYPE_CHECKING:
    from ..store.backups import BackupFolder
    from ..store.recovery import RecoveryFolder

# The store is imported when a copy or a backup is first made or read, not
# at start-up (the sample needs none of it).


def data_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:
        base = os.path.join(os.path.expanduser("~"), ".planner_gui")
    return Path(base)


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def backup_dir() -> Path:
    return data_dir() / "backups"


def backup_folder() -> BackupFolder:
    """The rotating backups (store.BackupFolder) in the user's data folder."""
    from ..store.backups import BackupFolder

    return BackupFolder(backup_dir())


def _folder() -> RecoveryFolder:
    from ..store.recovery import RecoveryFolder

    return RecoveryFolder(recovery_dir())


def writer_for(plan_path):
    """The session's `recovery` callable for a plan file: it imports the
    store's recovery copies when a save has failed, not when the plan opens."""
    folder = recovery_dir()

    def write_recovery(plan) -> None:
        from ..store.recovery import RecoveryFolder

        RecoveryFolder(folder).write(plan, plan_path)
    return write_recovery


def recovery_path(plan_path) -> Path:
    return _folder().path_for(plan_path)


def newer_copy(plan_path) -> Path | None:
    """The recovery copy of this file when it is newer than the file itself."""
    copy = _folder().find(plan_path)
    if copy is None:
        return None
    try:
        if copy.path.stat().st_mtime > Path(plan_path).stat().st_mtime:
            return copy.path
    except OSError:
        return None
    return None


def load_copy(copy: Path):
    from ..store import PlanFile

    with PlanFile.open(copy, read_only=True) as plan_file:
        return plan_file.load()


def discard(plan_path) -> None:
    _folder().discard(plan_path)


def backup(plan_file) -> Path | None:
    """A rotating backup of an open plan file when one is due; never raises
    (a backup that cannot be made must not stand in the user's way)."""
    if plan_file is None:
        return None
    try:
        return backup_folder().backup(plan_file)
    except (PlanFileProblem, OSError):
        return None
