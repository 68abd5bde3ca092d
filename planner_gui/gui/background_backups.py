"""Backups while the plan is being edited, made off the window's thread.

The rotation (store.BackupFolder: at most one backup per 10 minutes, the
newest ten plus one a day for 14 days, each verified before an older one is
dropped) used to run only when a plan was opened or closed; a secretary who
keeps the window open all week had no backup of that week's work. Here a
timer looks once a minute whether a backup is due; if so the committed file
is copied into memory on the window's thread (SQLite's backup API over the
plan's own connection: milliseconds, and no second descriptor of the plan),
and the backup is written, verified and rotated on a worker thread. The
window never waits for it; a backup that fails is logged and tried again at
the next tick (the older backups are all kept).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ..core.files import PlanFileProblem as StoreError
from . import recovery

if TYPE_CHECKING:
    from .host import WindowHost

log = logging.getLogger(__name__)


class BackgroundBackups(QObject):
    #: How often the timer looks whether a backup is due (the rotation decides).
    INTERVAL_MS = 60_000

    def __init__(self, host: WindowHost):
        super().__init__(host.parent)
        self.setObjectName("backgroundBackups")
        self.host = host
        self.made: list = []          # backups made by this window (paths)
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def tick(self) -> bool:
        """Start a backup when one is due; True when one was started."""
        session = self.host.session
        plan_file = session.plan_file if session is not None else None
        if plan_file is None or plan_file.read_only or plan_file.damaged or self.busy():
            return False
        folder = recovery.backup_folder()
        if not folder.due(plan_file.path):
            return False
        try:
            snapshot = plan_file.snapshot()
        except StoreError as exc:
            log.warning("no background backup of %s: %s", plan_file.path, exc)
            return False
        self._thread = threading.Thread(target=self._work, args=(folder, snapshot),
                                        name="plan-backup", daemon=True)
        self._thread.start()
        return True

    def _work(self, folder: recovery.BackupFolder, snapshot) -> None:   # on the worker thread
        try:
            made = folder.backup(snapshot)
            if made is not None:
                self.made.append(made)
        except (StoreError, OSError) as exc:
            log.warning("background backup of %s failed: %s", snapshot.path, exc)
        finally:
            snapshot.close()

    def wait(self, timeout: float | None = None) -> None:
        """Let a running backup finish (closing the window; tests)."""
        if self._thread is not None:
            self._thread.join(timeout)

