"""The open plan and the one path every change takes.

PlanSession.apply(edit) changes the core plan one primitive edit at a time,
telling models before and after each (so they can begin/end insert, remove
or move rows), then writes what the edit touched to the plan file in one
transaction. When a write fails (disk full, drive pulled) the plan stays in
memory, a recovery copy is written if it can be, the user is told, and the
next successful write saves everything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.edits import Batch, Edit, Touched, apply_edit
from ..core.plan import Plan

log = logging.getLogger(__name__)


class PlanStorage(Protocol):
    """What the session needs of the file it writes to (store.PlanFile); a
    protocol, so that models need not import the store."""

    @property
    def path(self) -> Path: ...

    @property
    def read_only(self) -> bool: ...

    @property
    def notice(self) -> str | None:
        """Why the file is read-only, for the user."""

    #: The checksum did not match on load: nothing is written over it (and no backup made).
    damaged: bool

    def snapshot(self) -> Any:
        """An in-memory copy of the file, for a backup made on another thread."""

    def get_ui(self, key: str, default: Any = None) -> Any:
        """View state kept with the plan (collapsed sections)."""

    def set_ui(self, key: str, value: Any) -> None: ...

    def write_all(self, plan: Plan) -> None: ...

    def sync(self, plan: Plan, touched: Touched) -> None: ...

    def close(self) -> None: ...


class PlanSession(QObject):
    about_to_apply = Signal(object)   # a primitive edit, before it changes the plan
    applied = Signal(object)          # the same edit, after
    changed = Signal()                # after a whole edit (a Batch counts once)
    save_state_changed = Signal(bool)  # True when everything is on disk
    save_failed = Signal(str)         # the user's message

    #: Typing is written to disk after this pause (ms); structure at once.
    DEBOUNCE_MS = 800
    #: ... and never later than this after the first keystroke not yet on disk
    #: (ms), however steadily the typing goes on: each keystroke restarts the
    #: pause, so a typist who never pauses for DEBOUNCE_MS would otherwise
    #: have nothing on disk until they stop (README: "at most 2 s").
    MAX_DELAY_MS = 2000

    def __init__(self, plan: Plan, plan_file: PlanStorage | None = None,
                 recovery: Callable[[Plan], object] | None = None,
                 parent: QObject | None = None) -> None:
        """plan_file: a store.PlanFile or None (an unsaved plan, e.g. the sample);
        recovery: a callable(plan) that writes a recovery copy, or None."""
        super().__init__(parent)
        self.plan = plan
        self.plan_file: PlanStorage | None = plan_file
        self.recovery = recovery
        self._pending = Touched()
        self._needs_full_write = False
        self._saved = True
        #: Whether the recovery copy of the last failed save was written (the
        #: window must not claim one that a full disk refused too).
        self.recovery_written = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._deadline = QTimer(self)   # started by the first unsaved keystroke, never restarted
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(self.MAX_DELAY_MS)
        self._deadline.timeout.connect(self.flush)

    # --- state -------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.plan_file is not None and self.plan_file.read_only

    @property
    def saved(self) -> bool:
        return self._saved

    @property
    def path(self) -> Path | None:
        return self.plan_file.path if self.plan_file is not None else None

    def _set_saved(self, saved: bool) -> None:
        if saved != self._saved:
            self._saved = saved
            self.save_state_changed.emit(saved)

    # --- the mutation path --------------------------------------------------
    def apply(self, edit: Edit, debounce: bool = False) -> Edit:
        """Apply an edit, notify, persist; returns the inverse edit.

        debounce=True (typing) delays the write by DEBOUNCE_MS; everything
        else is committed before this returns.
        """
        touched = Touched()
        inverses: list[Edit] = []
        try:
            for primitive in edit.primitives():
                self.about_to_apply.emit(primitive)
                inverse, keys = apply_edit(self.plan, primitive)
                inverses.append(inverse)
                touched |= keys
                self.applied.emit(primitive)
        except Exception:
            # Roll the already-applied part back so the plan stays consistent.
            for inverse in reversed(inverses):
                for primitive in inverse.primitives():
                    self.about_to_apply.emit(primitive)
                    apply_edit(self.plan, primitive)
                    self.applied.emit(primitive)
            raise
        self.changed.emit()
        self._pending |= touched
        if self.plan_file is None or self.read_only:
            self._set_saved(False)
        elif debounce:
            self._set_saved(False)
            self._timer.start()
            if not self._deadline.isActive():
                self._deadline.start()
        else:
            self.flush()
        if len(inverses) == 1 and not isinstance(edit, Batch):
            return inverses[0]
        return Batch(list(reversed(inverses)))

    def flush(self) -> bool:
        """Write everything not yet on disk now (typing included); True when
        the file is up to date. This is the "save now" path: Ctrl+S, closing,
        Save As and every structural edit call it."""
        self._timer.stop()
        self._deadline.stop()
        if self.plan_file is None or self.read_only:
            return False
        if not self._pending and not self._needs_full_write:
            self._set_saved(True)
            return True
        from ..core.files import PlanFileProblem as StoreError

        try:
            if self._needs_full_write:
                self.plan_file.write_all(self.plan)
            else:
                self.plan_file.sync(self.plan, self._pending)
        except StoreError as exc:
            self._needs_full_write = True
            self._set_saved(False)
            self._write_recovery()
            self.save_failed.emit(str(exc))
            return False
        self._pending.clear()
        self._needs_full_write = False
        self._set_saved(True)
        return True

    def _write_recovery(self) -> None:
        self.recovery_written = False
        if self.recovery is None:
            return
        try:
            self.recovery(self.plan)
        except Exception:
            log.warning("the recovery copy could not be written", exc_info=True)
            return
        self.recovery_written = True

    def replace_file(self, plan_file: PlanStorage) -> None:
        """After Save As: the session now writes to another file, which already
        holds the whole plan."""
        old = self.plan_file
        self.plan_file = plan_file
        self._pending.clear()
        self._needs_full_write = False
        self._set_saved(True)
        if old is not None and old is not plan_file:
            old.close()

    def close(self) -> bool:
        saved = self.flush() if self.plan_file is not None else True
        if self.plan_file is not None:
            self.plan_file.close()
            self.plan_file = None
        return saved
