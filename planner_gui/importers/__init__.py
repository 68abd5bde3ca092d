"""Importers: last year's plan as text or a Word file -> a structured Plan.

    import_text(text, year=None) -> ImportResult(plan, report)
    import_file(path, year=None) -> ImportResult      (.docx, .doc/.wps via LibreOffice, .txt …)
    import_bytes(data, name="", year=None) -> ImportResult

Errors a user can meet are PlanImportError with a Chinese sentence; nothing
is written anywhere (the caller creates the plan file once all went well).
This package and export/ are the only ones touching python-docx; both are
imported lazily, so pasting text never loads it.
"""

from __future__ import annotations

from .base import Block, ImportReport, ImportResult, PlanImportError, ReportItem, Table
from .several import Part, SeveralPlans, import_part, offer_choice
from .text_plan import import_text


def import_file(path, year: int | None = None) -> ImportResult:
    from .files import import_file as _import_file

    return _import_file(path, year)


def import_bytes(data: bytes, name: str = "", year: int | None = None) -> ImportResult:
    from .files import import_bytes as _import_bytes

    return _import_bytes(data, name, year)


__all__ = ["Block", "ImportReport", "ImportResult", "Part", "PlanImportError", "ReportItem", "SeveralPlans", "Table",
           "import_part", "offer_choice",
           "import_bytes", "import_file", "import_text"]
