"""Plan -> DOCX in the official-document (GB/T 9704) format or a user's template.

The only package (with importers/) that imports python-docx. The package
itself holds the cheap names, so the editor can name a file or catch an
error without loading python-docx; the writer, which imports it, is
imported from its module where a document is written:

    planner_gui.export (cheap):
        suggested_filename(plan, schedule_only=False) -> str   (for the save dialog)
        ExportError  (str(exc) is a Chinese sentence for the user)
    planner_gui.export.docx_writer (python-docx; the 导出 Word action, the
    CLI, PDF and benchmarks):
        export_docx(plan, out_path, template=None, schedule_only=False) -> None
        build_document(plan, template=None, schedule_only=False) -> docx.Document
        required_fonts(plan, template=None, schedule_only=False) -> list[str]

Unfilled placeholders are not checked here: the caller lists
core.placeholders.find_placeholders(plan) and asks before exporting.
"""

from __future__ import annotations

from .errors import ExportError
from .naming import suggested_filename

__all__ = ["ExportError", "suggested_filename"]
