"""The plan file: one SQLite file per plan. The only package that touches SQLite.

    PlanFile            open / create / load / sync / write_all / backup_to
    BackupFolder        rotating backups in the user data folder (backups.py)
    RecoveryFolder      the copy an edit goes to when a save fails (recovery.py)
    prepare_writing     import what writing needs ahead of the first write

Reading a plan never imports sqlite-utils: it is imported by the first write,
create or migration (database.py).
"""

from .backups import BackupFolder, BackupInfo, list_backups, restore_backup
from .database import prepare_writing
from .errors import (InterruptedSaveError, NewerVersionError, NotAPlanError, PlanLockedError,
                     StoreError, StoreWriteError)
from .plan_file import EXTENSION, PlanFile, recovered_copy
from .recovery import RecoveryCopy, RecoveryFolder

__all__ = [
    "BackupFolder", "BackupInfo", "list_backups", "restore_backup", "prepare_writing",
    "InterruptedSaveError", "NewerVersionError", "NotAPlanError", "PlanLockedError", "StoreError",
    "StoreWriteError", "EXTENSION", "PlanFile", "recovered_copy", "RecoveryCopy", "RecoveryFolder",
]
