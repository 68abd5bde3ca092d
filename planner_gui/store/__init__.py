"""The plan file: one SQLite file per plan. The only package that touches SQLite.

    PlanFile            open / create / load / sync / write_all / backup_to
    prepare_writing     import what writing needs ahead of the first write
    store.backups       BackupFolder: rotating backups in the user data folder
    store.recovery      RecoveryFolder: the copy an edit goes to when a save fails

This package imports only what opening and reading a plan needs: the
backups and recovery copies are imported from their own modules by the
code that makes or reads them (`from planner_gui.store.backups import
BackupFolder`), so opening a plan does not pay for restoring one.

Reading a plan never imports sqlite-utils: it is imported by the first write,
create or migration (database.py).
"""

from .database import prepare_writing
from .errors import (InterruptedSaveError, NewerVersionError, NotAPlanError, PlanLockedError,
                     StoreError, StoreWriteError)
from .plan_file import EXTENSION, PlanFile, recovered_copy

__all__ = [
    "prepare_writing",
    "InterruptedSaveError", "NewerVersionError", "NotAPlanError", "PlanLockedError", "StoreError",
    "StoreWriteError", "EXTENSION", "PlanFile", "recovered_copy",
]
