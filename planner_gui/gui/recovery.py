"""Recovery copies: when a plan cannot be written to its file (disk full,
USB stick pulled), the session writes the whole plan as interchange JSON to
the user's data folder, and the editor offers it back the next time that file
is opened, if the copy is newer than the file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ..core.interchange import dumps, loads


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    if not base:
        base = os.path.join(os.path.expanduser("~"), ".planner_gui")
    return Path(base) / "recovery"


def recovery_path(plan_path) -> Path:
    """One copy per plan file: <name>-<hash of the full path>.json."""
    plan_path = Path(plan_path).resolve()
    digest = hashlib.sha1(str(plan_path).encode("utf-8")).hexdigest()[:10]
    return recovery_dir() / f"{plan_path.stem}-{digest}.json"


def writer_for(plan_path):
    """The session's `recovery` callable for a plan file."""
    target = recovery_path(plan_path)

    def write(plan) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(dumps(plan), encoding="utf-8")
        os.replace(tmp, target)

    return write


def newer_copy(plan_path) -> Path | None:
    """The recovery copy of this file when it is newer than the file itself."""
    copy = recovery_path(plan_path)
    try:
        if copy.stat().st_mtime > Path(plan_path).stat().st_mtime:
            return copy
    except OSError:
        return None
    return None


def load_copy(copy: Path):
    return loads(copy.read_text(encoding="utf-8"))


def discard(plan_path) -> None:
    try:
        recovery_path(plan_path).unlink()
    except OSError:
        pass
