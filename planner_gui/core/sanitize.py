"""The one place where text is cleaned before it enters a plan.

XML 1.0 (and so DOCX) cannot carry most control characters or lone
surrogates; a plan that held them could never be exported. Every way text
gets in (typing, paste, load, import) passes through clean_text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .plan import Plan

# Allowed in XML 1.0: \t \n \r, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n", "\r": None})
#: Whether _BREAKS has anything to do: str.translate looks every character up
#: in a dict, ten times slower than this search on text that needs nothing.
_HAS_BREAKS = re.compile("[\x0b\x0c\u2028\u2029\r]")


def clean_text(text: str, single_line: bool = False) -> str:
    """Text that XML can carry: vertical tab and form feed become line breaks
    (Word writes them for manual line and page breaks), other control
    characters and lone surrogates are dropped; \\r\\n becomes \\n."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if _HAS_BREAKS.search(text):
        text = text.replace("\r\n", "\n").translate(_BREAKS)
    text = _BAD.sub("", text)
    if single_line:
        text = " ".join(part.strip() for part in text.split("\n") if part.strip()) if "\n" in text else text
        text = text.replace("\t", " ")
    return text


#: What WPS and Word users type to indent a paragraph by hand: full-width
#: spaces (　　), tabs, spaces, no-break spaces. The document's own first-line
#: indent does that job; typed as well, the indent doubles on screen and in print.
_INDENT = re.compile("^[ \t\u3000\u00a0]+")


def indent_length(paragraph: str) -> int:
    """How many characters of hand-typed indentation a paragraph starts with."""
    match = _INDENT.match(paragraph)
    return match.end() if match else 0


def strip_indent(paragraph: str) -> str:
    return paragraph[indent_length(paragraph):]


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs as the plan keeps them: clean_text, and no typed indentation."""
    return [strip_indent(clean_text(p)) for p in paragraphs]


def strip_plan_indents(plan: Plan) -> int:
    """Remove typed indentation from every paragraph of a loaded plan (files
    written before this rule); returns how many paragraphs changed."""
    changed = 0

    def fix(paragraphs: list[str]) -> list[str]:
        nonlocal changed
        out = [strip_indent(p) for p in paragraphs]
        changed += sum(1 for a, b in zip(paragraphs, out) if a != b)
        return out

    plan.preamble = fix(list(plan.preamble))
    plan.closing = fix(list(plan.closing))
    for section in plan.walk():
        section.body = fix(list(section.body))
    return changed


def is_clean(text: str) -> bool:
    return not _BAD.search(text) and "\r" not in text
