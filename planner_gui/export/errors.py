"""The one exception the export raises; str() is a Chinese sentence for the user."""

from __future__ import annotations


class ExportError(Exception):
    """Export failed; the previous file at the target (if any) is untouched."""
