"""Recovery copies: where an edit goes when the plan's own file cannot take it.

When a save fails (disk full, USB stick pulled) models.session.PlanSession
calls its `recovery` callable with the plan in memory. RecoveryFolder.writer()
makes that callable: it writes the whole plan as a plan file in the user data
folder (passed in by the GUI, e.g. AppDataLocation/recovery), on another drive
than the document more often than not. The copy opens in the editor like any
plan; it records which plan it stands for. The GUI discards it once the plan
is saved again, and offers it when the plan is next opened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..core.plan import Plan
from .backups import plan_key
from .errors import StoreError
from .files import remove_quietly
from .plan_file import EXTENSION, PlanFile

#: The key under which a recovery copy names the plan it stands for (ui state).
SOURCE_KEY = "recovered_from"
UNSAVED = "未保存的计划"


@dataclass(frozen=True)
class RecoveryCopy:
    path: Path
    source: Path | None     # the plan it stands for (None: a plan never saved)
    written: datetime


class RecoveryFolder:
    def __init__(self, folder: str | os.PathLike[str]):
        self.folder = Path(folder)

    def path_for(self, plan_path: str | os.PathLike[str] | None) -> Path:
        name = plan_key(plan_path) if plan_path is not None else UNSAVED
        return self.folder / f"{name}{EXTENSION}"

    def write(self, plan: Plan, plan_path: str | os.PathLike[str] | None) -> Path:
        """Write (or replace) the recovery copy of a plan, atomically."""
        target = self.path_for(plan_path)
        self.folder.mkdir(parents=True, exist_ok=True)
        source = str(Path(plan_path).absolute()) if plan_path is not None else None
        PlanFile.create(target, plan, overwrite=True, ui_state={SOURCE_KEY: source}).close()
        return target

    def writer(self, plan_path: str | os.PathLike[str] | None) -> Callable[[Plan], None]:
        """The callable for PlanSession(recovery=...)."""
        def write_recovery(plan: Plan) -> None:
            self.write(plan, plan_path)
        return write_recovery

    def find(self, plan_path: str | os.PathLike[str] | None) -> RecoveryCopy | None:
        path = self.path_for(plan_path)
        return self._describe(path) if path.is_file() else None

    def discard(self, plan_path: str | os.PathLike[str] | None) -> None:
        """After the plan was saved again: the copy is no longer needed."""
        remove_quietly(self.path_for(plan_path))

    def copies(self) -> list[RecoveryCopy]:
        """Every recovery copy that opens, newest first."""
        found = []
        try:
            entries = list(self.folder.glob("*" + EXTENSION))
        except OSError:
            return []
        for path in entries:
            copy = self._describe(path)
            if copy is not None:
                found.append(copy)
        return sorted(found, key=lambda c: c.written, reverse=True)

    @staticmethod
    def _describe(path: Path) -> RecoveryCopy | None:
        try:
            with PlanFile.open(path, read_only=True) as plan_file:
                source = plan_file.get_ui(SOURCE_KEY)
            written = datetime.fromtimestamp(path.stat().st_mtime)
        except (StoreError, OSError, ValueError):
            return None
        return RecoveryCopy(path, Path(source) if isinstance(source, str) else None, written)
