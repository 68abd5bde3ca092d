"""Plan -> DOCX in the official-document (GB/T 9704) format or a user's template.

The only package (with importers/) that imports python-docx. The heavy
modules are imported on first use, so `from planner_gui.export import
ExportError` costs nothing at start-up.

API (used by the editor's 导出 Word action, the CLI, PDF and benchmarks):
    export_docx(plan, out_path, template=None, schedule_only=False) -> None
    build_document(plan, template=None, schedule_only=False) -> docx.Document
    required_fonts(plan, template=None, schedule_only=False) -> list[str]
    suggested_filename(plan, schedule_only=False) -> str   (for the save dialog)
    ExportError  (str(exc) is a Chinese sentence for the user)

Unfilled placeholders are not checked here: the caller lists
core.placeholders.find_placeholders(plan) and asks before exporting.
"""

from __future__ import annotations

from .errors import ExportError
from .naming import suggested_filename

__all__ = ["ExportError", "build_document", "export_docx", "required_fonts", "suggested_filename"]


def __getattr__(name: str):
    if name in ("build_document", "export_docx", "required_fonts"):
        from . import docx_writer

        return getattr(docx_writer, name)
    raise AttributeError(name)
