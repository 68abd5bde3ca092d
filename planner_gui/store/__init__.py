"""The plan file: one SQLite file per plan. The only package that touches SQLite."""

from .errors import (NewerVersionError, NotAPlanError, PlanLockedError, StoreError,  # noqa: F401
                     StoreWriteError)
from .plan_file import EXTENSION, PlanFile  # noqa: F401
