"""The schema migrations, through sqlite-utils (imported with this module).

Imported only when a plan file is created or brought up to FORMAT_VERSION
(schema.apply_migrations); schema.py knows the names and the resulting
layout without importing sqlite-utils, and tests/store checks they agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .database import sqlite_utils

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

migrations: Migrations = sqlite_utils().Migrations("planner_gui")


@migrations()
def m001_initial(db: Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("sections").create(
        {"id": str, "parent": str, "position": int, "heading": str, "body": str},
        pk="id", not_null={"position", "heading", "body"},
    )
    db.table("activities").create(
        {"id": str, "position": int, "months": str, "text": str, "owner": str,
         "note": str, "section": str, "done": int},
        pk="id", not_null={"position", "months", "text", "owner", "note", "done"},
    )


@migrations()
def m002_activity_outcome(db: Database) -> None:
    """When an activity actually took place and its 完成情况 (issue 18).
    Plain nullable columns (no DEFAULT: schema.check_schema refuses tables
    that would compute values); NULL reads as "" and an empty value is
    written as NULL, so the rows of a plan not using them keep their old
    checksum digests (checksum.row_digest)."""
    db.table("activities").add_column("done_on", str)
    db.table("activities").add_column("outcome", str)


def names() -> list[str]:
    return [m.name for m in migrations._migrations]
