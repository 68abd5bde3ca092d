"""Tables, application_id, user_version and migrations of the plan file."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

#: PRAGMA application_id: "GHJH" (工会计划) so `file` and we can tell our files apart.
APPLICATION_ID = 0x47484A48
#: PRAGMA user_version: the format version; one more with each migration.
FORMAT_VERSION = 1

TABLES = {"meta", "sections", "activities", Migrations.migrations_table}
#: Indexes our own schema makes (sqlite-utils names the migrations index).
INDEXES = {"sqlite_autoindex_meta_1", "sqlite_autoindex_sections_1",
           "sqlite_autoindex_activities_1", "idx__sqlite_migrations_migration_set_name"}

migrations = Migrations("planner_gui")


@migrations()
def m001_initial(db: Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["sections"].create(
        {"id": str, "parent": str, "position": int, "heading": str, "body": str},
        pk="id", not_null={"position", "heading", "body"},
    )
    db["activities"].create(
        {"id": str, "position": int, "months": str, "text": str, "owner": str,
         "note": str, "section": str, "done": int},
        pk="id", not_null={"position", "months", "text", "owner", "note", "done"},
    )


MIGRATION_NAMES = [m.name for m in migrations._migrations]


def apply_migrations(db: Database) -> None:
    """Bring a file up to FORMAT_VERSION; sqlite-utils records the steps, we set
    user_version and application_id so a plain header read can tell the format."""
    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
