"""The checksum that notices a plan file changed behind our back.

A byte that changes inside a text on a disk or USB stick leaves a valid
SQLite file; only a checksum of the content tells. Every transaction that
changes the plan stores one, and load() recomputes it from the rows it reads:
a mismatch opens the plan read-only with a notice (plan_file.DAMAGED_NOTICE).

The checksum (meta key ROWS_KEY) is the sum, mod 2**256, of one SHA-256
digest per stored row: every meta row except UI state and the checksums, every
section row, every activity row, each taken over its table's name and its
columns in schema order, exactly as stored. A sum can be kept up to date row
by row: the writer remembers the digest of every row in the file (RowDigests)
and changes only those of the rows it writes or deletes, so a commit costs in
proportion to what it wrote, never a read of the whole plan; and the figure is
still that of the stored rows, not of the plan in memory.

Files stamped before that hold a SHA-256 of the whole plan's JSON under the
key "checksum" (content_checksum); they are checked that way until the next
save replaces it. When both keys are present the old one wins: it can only
be there because an older version of the program saved the file last.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any
from collections.abc import Iterable, Sequence

#: The row checksum (a hex string, JSON-encoded like every meta value).
ROWS_KEY = "row_checksum"
#: The whole-plan checksum of earlier versions (see module docstring).
CHECKSUM_KEY = "checksum"

META_COLUMNS = ("key", "value")
SECTION_COLUMNS = ("id", "parent", "position", "heading", "body")
ACTIVITY_COLUMNS = ("id", "position", "months", "text", "owner", "note", "section", "done",
                    "done_on", "outcome")
#: How many columns each table had in format version 1. Columns added by later
#: migrations are nullable and count in a row's digest only when not NULL, so
#: a file stamped before a migration still matches after it (and a row that
#: does not use them has the same digest in every version).
BASE_WIDTH = {"meta": 2, "sections": 5, "activities": 8}
COLUMNS = {"meta": META_COLUMNS, "sections": SECTION_COLUMNS, "activities": ACTIVITY_COLUMNS}

_MODULUS = 1 << 256


def counted(key: object) -> bool:
    """Whether a meta row is part of the plan: not UI state (the rows
    `DELETE … WHERE key NOT LIKE 'ui.%'` keeps) and not a checksum."""
    if not isinstance(key, str):
        return True
    return key[:3].lower() != "ui." and key not in (ROWS_KEY, CHECKSUM_KEY)


def _blob(value: object) -> dict[str, str]:
    if isinstance(value, bytes):
        return {"blob": value.hex()}
    raise TypeError(type(value).__name__)


#: JSON with every non-ASCII character escaped: the same text on every
#: version of Python, whatever the row holds (lone surrogates included).
_encode = json.JSONEncoder(default=_blob).encode
_sha256 = hashlib.sha256


def row_digest(table: str, row: Sequence[object]) -> int:
    """One row's digest; row is the column values in schema order, as SQLite
    returns them (str, int, None; bytes and floats only in a damaged file)."""
    width = BASE_WIDTH.get(table)
    if width is not None and len(row) > width:
        row = tuple(row)
        end = len(row)
        while end > width and row[end - 1] is None:
            end -= 1
        row = row[:end]
    return int.from_bytes(_sha256(_encode((table, *row)).encode("ascii")).digest(), "big")


class RowDigests:
    """The digest of every counted row in a file, and their sum."""

    def __init__(self) -> None:
        self._digests: dict[tuple[str, object], int] = {}
        self._sum = 0

    @classmethod
    def of_rows(cls, meta_rows: Iterable[Sequence[object]], section_rows: Iterable[Sequence[object]],
                activity_rows: Iterable[Sequence[object]]) -> RowDigests:
        """The digests of rows as read (every row of a table, in one go)."""
        digests = cls()
        found = digests._digests
        for table, rows in (("meta", [r for r in meta_rows if counted(r[0])]),
                            ("sections", section_rows), ("activities", activity_rows)):
            for row in rows:
                found[(table, row[0])] = row_digest(table, row)
        digests._sum = sum(found.values())
        return digests

    def put(self, table: str, row: Sequence[object]) -> None:
        """A row inserted or replaced (primary key = its first column)."""
        key = (table, row[0])
        digest = row_digest(table, row)
        self._sum += digest - self._digests.get(key, 0)
        self._digests[key] = digest

    def remove(self, table: str, primary_key: object) -> None:
        self._sum -= self._digests.pop((table, primary_key), 0)

    def hexdigest(self) -> str:
        return format(self._sum % _MODULUS, "064x")


def content_checksum(data: dict[str, Any]) -> str:
    """The earlier whole-plan checksum, over the plan as read from the file
    (interchange dict); still checked on files stamped with it."""
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("ascii")).hexdigest()
