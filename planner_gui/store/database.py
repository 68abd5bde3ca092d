"""sqlite-utils, imported only when a plan is written, created or migrated.

Reading a plan (open, checks, load, dump, export, backups) uses the sqlite3
module alone: importing sqlite-utils costs a process ~40-50 ms and ~10 MB
(click, pluggy, dateutil, tabulate ...), so a command that only reads, and
the editor until the first edit, never pay for it.

sqlite-utils also imports numpy and pandas at import time when they happen
to be installed (for its type mapping; +0.1-0.2 s and +12 MB), and uses
pysqlite3 instead of the standard sqlite3 module when that is installed. We
hand it our own sqlite3 connections and plain str/int values, so none of them
is wanted: they are hidden while sqlite-utils is imported (only those not
already imported by something else; anything may import them afterwards).
packaging/planner_gui.spec excludes the same modules from the bundle.
"""

from __future__ import annotations

import sqlite3
import sys
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Optional imports of sqlite-utils the program never needs.
OPTIONAL_IMPORTS = ("numpy", "pandas", "pysqlite3", "sqlite_dump")


def sqlite_utils() -> ModuleType:
    """The sqlite_utils module, imported on first use without its optional extras."""
    imported = sys.modules.get("sqlite_utils")
    if imported is not None:
        return imported
    hidden = [name for name in OPTIONAL_IMPORTS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None    # type: ignore[assignment]  # `import name` now raises ImportError
    try:
        import sqlite_utils as module
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return module


def database(conn: sqlite3.Connection) -> Database:
    """A sqlite_utils.Database over one of our connections; plugins never run."""
    db: Database = sqlite_utils().Database(conn, execute_plugins=False)
    return db


def prepare_writing() -> None:
    """Import what writing needs (sqlite-utils, the migrations) now rather than
    at the first write: for a program about to write that would rather not
    pause at its first edit (the editor once idle after start-up; a fork
    server before it forks writers)."""
    from . import migrations  # noqa: F401 - imports sqlite-utils as well
