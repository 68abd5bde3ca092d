"""The file name offered for a plan: its Word document, PDF, or a new plan
file made from it (no python-docx here)."""

from __future__ import annotations

import re

from ..core.plan import Plan
from ..core.sanitize import clean_text

# Characters Windows forbids in file names, and trailing dots/spaces it strips.
_FORBIDDEN = re.compile(r'[\\/:*?"<>|]')
MAX_STEM = 80


def suggested_filename(plan: Plan, schedule_only: bool = False, extension: str = ".docx") -> str:
    """'红星机械厂工会2025年工作计划.docx' (or '…-工作计划表.docx'), safe on
    Windows; another extension (.ghjh, .pdf) for the other files named after
    the plan's title."""
    stem = clean_text(plan.meta.title or "", single_line=True)
    stem = _FORBIDDEN.sub("", stem).strip().rstrip(". ")[:MAX_STEM] or "工作计划"
    if schedule_only:
        stem += "-工作计划表"
    return stem + extension
