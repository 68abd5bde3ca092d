"""Opening checks the file before using it: only our tables, our columns, no
views or triggers, no risky column definitions, regular files only."""

import os
import sqlite3

import pytest

from planner_gui.store import NotAPlanError, PlanFile
from planner_gui.store.schema import FORMAT_VERSION, TABLES, expected_structure


def rewrite_table(path, table, ddl):
    """Replace a table's definition, keeping its rows (what another tool could do)."""
    with sqlite3.connect(path) as conn:
        conn.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
        conn.execute(ddl)
        conn.execute(f"INSERT INTO {table} SELECT * FROM old_{table}")
        conn.execute(f"DROP TABLE old_{table}")


def test_expected_structure_covers_every_table():
    structure = expected_structure()
    assert set(structure) == TABLES
    assert [c[0] for c in structure["sections"]] == ["id", "parent", "position", "heading", "body"]


def test_a_plan_opens_and_keeps_its_checks_on(plan_path):
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert plan_file.conn.execute("PRAGMA cell_size_check").fetchone()[0] == 1


@pytest.mark.parametrize("change", [
    "ALTER TABLE meta ADD COLUMN extra TEXT",
    "ALTER TABLE activities ADD COLUMN secret TEXT DEFAULT 'x'",
])
def test_extra_columns_are_refused(plan_path, change):
    with sqlite3.connect(plan_path) as conn:
        conn.execute(change)
    before = plan_path.read_bytes()
    with pytest.raises(NotAPlanError, match="表结构"):
        PlanFile.open(plan_path)
    assert plan_path.read_bytes() == before


@pytest.mark.parametrize("ddl", [
    'CREATE TABLE meta ("key" TEXT PRIMARY KEY, "value" TEXT CHECK (length(value) < 100000))',
    'CREATE TABLE meta ("key" TEXT PRIMARY KEY, "value" TEXT COLLATE NOCASE)',
    'CREATE TABLE meta ("key" TEXT PRIMARY KEY, "value" TEXT DEFAULT (random()))',
])
def test_risky_column_definitions_are_refused(plan_path, ddl):
    rewrite_table(plan_path, "meta", ddl)
    before = plan_path.read_bytes()
    with pytest.raises(NotAPlanError, match="表结构"):
        PlanFile.open(plan_path)
    assert plan_path.read_bytes() == before


def test_same_columns_written_by_another_tool_are_accepted(plan_path):
    """Bracket quoting (older sqlite-utils) or none: same table, same answer."""
    rewrite_table(plan_path, "meta", "CREATE TABLE [meta] ([key] TEXT PRIMARY KEY, [value] TEXT)")
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.load().meta.title


def test_statistics_tables_are_harmless(plan_path):
    with sqlite3.connect(plan_path) as conn:
        conn.execute("ANALYZE")
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.load().sections


def test_missing_table_is_refused(plan_path):
    with sqlite3.connect(plan_path) as conn:
        conn.execute("DROP TABLE _sqlite_migrations")
    with pytest.raises(NotAPlanError, match="不完整"):
        PlanFile.open(plan_path)


def test_newer_version_may_add_tables_but_not_triggers(plan_path):
    with sqlite3.connect(plan_path) as conn:
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
        conn.execute("CREATE TABLE attachments (id TEXT PRIMARY KEY, data BLOB)")
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.read_only and plan_file.load().sections
    with sqlite3.connect(plan_path) as conn:
        conn.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM sections; END")
    with pytest.raises(NotAPlanError, match="不认识"):
        PlanFile.open(plan_path)


def test_a_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.ghjh"
    os.mkfifo(fifo)
    with pytest.raises(NotAPlanError, match="不是普通文件"):
        PlanFile.open(fifo)


def test_a_device_is_refused():
    with pytest.raises(NotAPlanError, match="不是普通文件"):
        PlanFile.open("/dev/zero")


def test_the_migrations_table_may_change_with_sqlite_utils(plan_path):
    """Its layout belongs to sqlite-utils; a plan written with another version
    of it still opens (only the columns we read are required)."""
    with sqlite3.connect(plan_path) as conn:
        conn.execute("ALTER TABLE _sqlite_migrations ADD COLUMN checksum TEXT")
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.load().sections


# --- what schema.py writes out, so that opening needs no sqlite-utils -------------

def test_the_written_out_schema_is_what_the_migrations_make():
    """schema.py names the tables, indexes, migrations and columns itself (a
    plan is checked without importing sqlite-utils); they must be exactly
    what the migrations, through sqlite-utils, create."""
    import sqlite_utils

    from planner_gui.store import migrations, schema

    assert schema.MIGRATIONS_TABLE == sqlite_utils.Migrations.migrations_table
    assert schema.MIGRATION_NAMES == migrations.names()
    structure = expected_structure()
    assert {name: structure[name] for name in schema.PLAN_COLUMNS} == schema.PLAN_COLUMNS
    assert set(schema.PLAN_COLUMNS) | {schema.MIGRATIONS_TABLE} == TABLES
    conn = sqlite3.connect(":memory:")
    schema.apply_migrations(sqlite_utils.Database(conn, execute_plugins=False))
    made = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert made == schema.INDEXES


def test_columns_as_the_installed_sqlite_utils_makes_them_are_accepted(plan_path, monkeypatch):
    """Should a newer sqlite-utils create the tables a little differently, the
    files it made still open: the written-out columns are the fast path, not
    the only answer."""
    from planner_gui.store import schema

    monkeypatch.setattr(schema, "PLAN_COLUMNS", dict.fromkeys(schema.PLAN_COLUMNS, ()))
    with PlanFile.open(plan_path) as plan_file:
        assert plan_file.load().sections
