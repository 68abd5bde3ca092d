"""The widgets' door to plan files, with gui/plan_files.py (the window's file
menu) and gui/recovery.py (recovery copies and backups).

Only these three modules of the widgets import the store (tests/test_layers.py).
The store is imported when a file is first opened or made, not at start-up
(its import costs about 55 ms, mostly sqlite-utils). Errors arrive as
core.files.PlanFileProblem, whose str() is the user's sentence.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.plan import Plan


def open_plan_file(path: str | Path, read_only: bool = False):
    """store.PlanFile.open: a plan file, held open (close it, or use `with`)."""
    from ..store import PlanFile

    return PlanFile.open(path, read_only=read_only)


def create_plan_file(path: str | Path, plan: Plan, overwrite: bool = False) -> None:
    """store.PlanFile.create, closed at once: a new plan file holding `plan`."""
    from ..store import PlanFile

    PlanFile.create(path, plan, overwrite=overwrite).close()


def same_file(a: str | Path | None, b: str | Path | None) -> bool:
    """Whether two paths name one file (links and case folded as the system
    does); for paths that do not exist yet, the same absolute name."""
    if not a or not b:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(str(a))) == os.path.normcase(os.path.abspath(str(b)))


def create_and_open(host, plan: Plan, target: str, error_title: str, remove_unopened: bool = False) -> bool:
    """Write a new plan file at `target` (rollover, import, the year-end
    summary), then open it the way 打开 does. A failure to write is told in a
    message box titled `error_title`. remove_unopened: when the user keeps the
    plan that is open instead, the new file is removed again."""
    from ..core.files import PlanFileProblem
    from . import alerts, recovery

    try:
        create_plan_file(target, plan, overwrite=True)
    except PlanFileProblem as exc:
        alerts.error(host.parent, str(exc), error_title)
        return False
    recovery.discard(target)   # a recovery copy of an older file by that name is void
    if host.open_path(target):
        return True
    session = host.session
    if remove_unopened and (session is None or not same_file(session.path, target)):
        try:
            os.remove(target)
        except OSError:
            pass
    return False
