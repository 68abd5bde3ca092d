"""Tables, application_id, user_version and migrations of the plan file.

Opening and checking a file needs no sqlite-utils: the names of the tables,
indexes and migrations and the columns this version creates are written out
here; the migrations themselves (migrations.py, through sqlite-utils) are
imported only when a file is created or migrated. tests/store checks that
what the migrations make is exactly what is written here.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

#: One column as pragma_table_xinfo describes it: (name, type, notnull, pk, hidden).
Column = tuple[str, str, int, int, int]

#: PRAGMA application_id: "GHJH" (工会计划) so `file` and we can tell our files apart.
APPLICATION_ID = 0x47484A48
#: PRAGMA user_version: the format version; one more with each migration.
FORMAT_VERSION = 2

#: sqlite-utils' Migrations.migrations_table, where applied migrations are recorded.
MIGRATIONS_TABLE = "_sqlite_migrations"
TABLES = {"meta", "sections", "activities", MIGRATIONS_TABLE}
#: Indexes our own schema makes (sqlite-utils names the migrations index).
INDEXES = {"sqlite_autoindex_meta_1", "sqlite_autoindex_sections_1",
           "sqlite_autoindex_activities_1", "idx__sqlite_migrations_migration_set_name"}
#: The migrations of migrations.py, in order (the migration set "planner_gui").
MIGRATION_NAMES = ["m001_initial", "m002_activity_outcome"]

#: What each of those indexes is: (table, unique, origin, partial, key columns
#: as (name, descending, collation)). An index is checked by what it does,
#: not by its name: a UNIQUE index on another column under one of these names
#: would make a write fail or (with INSERT OR REPLACE) delete rows.
INDEX_DEFINITIONS = {
    "sqlite_autoindex_meta_1": ("meta", 1, "pk", 0, (("key", 0, "BINARY"),)),
    "sqlite_autoindex_sections_1": ("sections", 1, "pk", 0, (("id", 0, "BINARY"),)),
    "sqlite_autoindex_activities_1": ("activities", 1, "pk", 0, (("id", 0, "BINARY"),)),
    "idx__sqlite_migrations_migration_set_name": (
        MIGRATIONS_TABLE, 1, "c", 0, (("migration_set", 0, "BINARY"), ("name", 0, "BINARY"))),
}

#: The plan tables' columns (name, type, notnull, pk, hidden) as the
#: migrations of FORMAT_VERSION create them.
PLAN_COLUMNS = {
    "meta": (("key", "TEXT", 0, 1, 0), ("value", "TEXT", 0, 0, 0)),
    "sections": (("id", "TEXT", 0, 1, 0), ("parent", "TEXT", 0, 0, 0),
                 ("position", "INTEGER", 1, 0, 0), ("heading", "TEXT", 1, 0, 0),
                 ("body", "TEXT", 1, 0, 0)),
    "activities": (("id", "TEXT", 0, 1, 0), ("position", "INTEGER", 1, 0, 0),
                   ("months", "TEXT", 1, 0, 0), ("text", "TEXT", 1, 0, 0),
                   ("owner", "TEXT", 1, 0, 0), ("note", "TEXT", 1, 0, 0),
                   ("section", "TEXT", 0, 0, 0), ("done", "INTEGER", 1, 0, 0),
                   ("done_on", "TEXT", 0, 0, 0), ("outcome", "TEXT", 0, 0, 0)),
}


def apply_migrations(db: Database) -> None:
    """Bring a file (a sqlite_utils.Database) up to FORMAT_VERSION; sqlite-utils
    records the steps, we set user_version and application_id so a plain
    header read can tell the format."""
    from .migrations import migrations

    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")


# --- checking a file before we use it ------------------------------------------

#: Tables SQLite itself may add to any database (ANALYZE statistics); harmless.
SQLITE_INTERNAL = {"sqlite_stat1", "sqlite_stat4", "sqlite_sequence"}
#: Words that would make a table run expressions of the file's choosing when we
#: write (CHECK, DEFAULT, GENERATED columns) or behave otherwise than ours.
_RISKY = re.compile(r"\b(check|default|generated|collate|references|as|without|strict|unique)\b",
                    re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|`[^`]*`|\'[^\']*\'')


@lru_cache(maxsize=1)
def expected_structure() -> dict[str, tuple[Column, ...]]:
    """table -> its columns (name, type, notnull, pk, hidden), as the installed
    sqlite-utils creates them: computed from a fresh in-memory plan (this
    imports sqlite-utils), asked only when a file's columns are not
    PLAN_COLUMNS, so a newer sqlite-utils cannot lock us out of our own files."""
    from .database import database

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        apply_migrations(database(conn))
        return {name: _columns(conn, name) for name in TABLES}
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> tuple[Column, ...]:
    return tuple((row[1], row[2].upper(), row[3], row[5], row[6]) for row in
                 conn.execute("SELECT * FROM pragma_table_xinfo(?)", [table]))


def index_definition(conn: sqlite3.Connection, name: str,
                     table: str) -> tuple[object, ...] | None:
    """(table, unique, origin, partial, key columns) of one index, as SQLite
    itself describes it (pragmas, not the stored SQL text); None if unknown."""
    listed = [row for row in conn.execute("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)",
                                          [table]) if row[0] == name]
    if not listed:
        return None
    _, unique, origin, partial = listed[0]
    keys = tuple((row[2], row[3], (row[4] or "").upper()) for row in
                 conn.execute("SELECT seqno, cid, name, desc, coll FROM pragma_index_xinfo(?) WHERE key = 1 "
                              "ORDER BY seqno", [name]))
    return (table, unique, origin, partial, keys)


def check_schema(conn: sqlite3.Connection, version: int) -> None:
    """Refuse (NotAPlanError) a file holding anything we did not make.

    Reads only sqlite_master and the table_xinfo pragma: no statement of the
    file's own is run (views and triggers are refused, never used; the
    connection has trusted_schema=OFF besides). A file from a newer version
    may carry tables and indexes we do not know (it opens read-only); views
    and triggers are refused whatever the version.
    """
    from .errors import NotAPlanError

    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    newer = version > FORMAT_VERSION
    foreign = []
    for kind, name, _, _ in objects:
        if kind == "table" and (name in TABLES or name in SQLITE_INTERNAL):
            continue
        if kind == "index" and (name in INDEXES or newer):
            continue
        if kind == "table" and newer and not name.startswith("sqlite_"):
            continue
        foreign.append(name)
    if foreign:
        raise NotAPlanError("文件中含有本程序不认识的内容（表、视图或触发器），为安全起见拒绝打开。")
    tables = {name for kind, name, _, _ in objects if kind == "table"}
    if version == 0 or not TABLES <= tables:
        raise NotAPlanError("文件不完整，不是有效的工会工作计划文件。")
    if version != FORMAT_VERSION:
        return
    for kind, name, table, _ in objects:
        if kind == "index" and index_definition(conn, name, table) != INDEX_DEFINITIONS.get(name):
            raise NotAPlanError("文件中的索引与本程序的不同，可能已被其他程序修改，为安全起见拒绝打开。")
    for kind, name, _, sql in objects:
        if kind != "table" or name not in TABLES:
            continue
        columns = _columns(conn, name)
        if name == MIGRATIONS_TABLE:
            # sqlite-utils owns this table's layout, which may change between its
            # versions: require only the columns we read, and nothing generated.
            fits = {"migration_set", "name"} <= {c[0] for c in columns} and not any(c[4] for c in columns)
        else:
            fits = columns == PLAN_COLUMNS[name] or columns == expected_structure()[name]
        if not fits or _RISKY.search(_QUOTED.sub("", sql or "")):
            raise NotAPlanError("文件中的表结构与本程序的不同，可能已被其他程序修改，为安全起见拒绝打开。")
