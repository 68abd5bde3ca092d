"""Small layout rules decided by counting characters, shared by the DOCX
export and the printed page: where a long title breaks, how far in the
signature and 成文日期 sit, how wide each table column is, which table rows
may split. Kept here, free of python-docx and Qt, so both sides make the
same decisions from one copy.
"""

from __future__ import annotations

import re

from . import typography as ty

CELL_MARGIN_TWIPS = 108   # Word's default left/right cell margin
BORDER_TWIPS = 10         # a 0.5 pt table rule


def twips(points: float) -> int:
    return int(round(points * 20))


def mm_twips(mm: float) -> int:
    return int(round(mm * 1440 / 25.4))


def is_wide(ch: str) -> bool:
    code = ord(ch)
    return code >= 0x2E80 or 0x2010 <= code <= 0x206F or 0xFF00 <= code <= 0xFFEF


def text_width(text: str) -> float:
    """Width in characters of the text's size: CJK and full-width 1, ASCII ½."""
    return sum(1.0 if is_wide(ch) else 0.5 for ch in text)


# --- the title ----------------------------------------------------------------------

_BREAK_AFTER = re.compile(r"(?:学年度|年度|学期|半年|年)(?=\S)")
_BREAK_BEFORE = re.compile(r"(?<=[^\d\s—–\-－~～至])(?=(?:19|20)\d\d)")
_MIN_PART = 4


def balance_title(title: str, chars_per_line: float) -> str:
    """A title too long for one line, broken into two balanced lines at a natural place."""
    if "\n" in title or text_width(title) <= chars_per_line:
        return title
    positions = {m.end() for m in _BREAK_AFTER.finditer(title)}
    positions |= {m.start() for m in _BREAK_BEFORE.finditer(title)}
    middle = text_width(title) / 2
    best = None
    for pos in sorted(positions):
        first, second = title[:pos], title[pos:]
        if min(text_width(first), text_width(second)) < max(_MIN_PART, middle / 2):
            continue
        if max(text_width(first), text_width(second)) > chars_per_line:
            continue
        score = abs(text_width(first) - middle)
        if best is None or score <= best[0]:
            best = (score, pos)
    if best is None:
        return title
    return title[:best[1]] + "\n" + title[best[1]:]


def title_chars_per_line(text_width_twips: int, size: float = ty.SIZE_ERHAO) -> float:
    return text_width_twips / twips(size) - 1


# --- signature and date -------------------------------------------------------------

def signature_gaps(name: str, date: str) -> tuple[float, float]:
    """(right indent of the signature, of the date) in characters (GB/T 9704, no seal):
    the name 2 characters in from the right, the date's first character 2 to the
    right of the name's; a date longer than the name keeps 右空二字 itself."""
    gap = ty.SIGNATURE_RIGHT_GAP_CHARS
    name_gap, date_gap = gap, gap
    if name and date:
        name_width, date_width = text_width(name), text_width(date)
        date_gap = name_width + gap - ty.DATE_SHIFT_CHARS - date_width
        if date_gap < 0:
            date_gap = gap
            name_gap = date_width + ty.DATE_SHIFT_CHARS + gap - name_width
    return max(name_gap, 0), max(date_gap, 0)


# --- the month table ----------------------------------------------------------------

def column_widths(columns: list[tuple[str, str]], total: int, size: float) -> list[int]:
    """Twips per column; the content column takes what the others leave."""
    fixed = {
        "month": ty.TABLE_MONTH_COLUMN_CHARS,
        "owner": ty.TABLE_OWNER_COLUMN_CHARS,
        "note": ty.TABLE_NOTE_COLUMN_CHARS,
    }
    widths = {}
    for key, _ in columns:
        if key in fixed:
            widths[key] = twips(fixed[key] * size) + 2 * CELL_MARGIN_TWIPS
    rest = total - sum(widths.values())
    if "note" in widths and rest > 2 * widths["note"] * 3:
        extra = rest // 5
        widths["note"] += extra
        rest -= extra
    widths["text"] = max(rest, twips(4 * size))
    return [widths[key] for key, _ in columns]


def hanging_chars(number: str) -> float:
    """Wrapped lines of a numbered item start under its text, not under "1、"."""
    return text_width(number) if number else 0.0


def row_kept_whole(texts: list[str], widths: list[int], size: float, line_pt: float,
                   page_height: int) -> bool:
    """Whether the export marks a row cantSplit: only a row taller than about a
    page may split (the same estimate as export.table)."""
    lines = 1
    for text, width in zip(texts, widths):
        per_line = max(width - 2 * CELL_MARGIN_TWIPS, 20) / twips(size)
        need = sum(max(1, -(-int(text_width(part)) // max(int(per_line), 1)))
                   for part in text.split("\n"))
        lines = max(lines, need)
    return lines * twips(line_pt) < page_height * 0.8
