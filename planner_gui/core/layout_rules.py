"""Small layout rules decided by counting characters, shared by the DOCX
export and the printed page: where a long title breaks, how far in the
signature and 成文日期 sit, how wide each table column is, which table rows
may split. Kept here, free of python-docx and Qt, so both sides make the
same decisions from one copy.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING
from collections.abc import Iterable, Sequence

from . import typography as ty

if TYPE_CHECKING:
    from .schedule_table import MonthGroup

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

_LATIN = re.compile(r"[0-9A-Za-z]")


def printed_width(text: str) -> float:
    """Width in characters as the line is set: text_width plus the autospace
    Word and LibreOffice put between Chinese and digits or Latin letters
    ("2026年2月20日" is 6.5 characters of glyphs and 1 of autospace)."""
    gaps = sum(1 for a, b in zip(text, text[1:])
               if (is_wide(a) and _LATIN.match(b)) or (_LATIN.match(a) and is_wide(b)))
    return text_width(text) + gaps * ty.AUTOSPACE_CHARS


def signature_gaps(name: str, date: str) -> tuple[float, float]:
    """(right indent of the signature, of the date) in characters: the 成文日期
    右空四字 and the signature centred over it; a signature so much longer than
    the date that it would come closer than two characters to the right keeps
    右空二字, and the date is centred under it."""
    name_gap = date_gap = float(ty.DATE_RIGHT_GAP_CHARS if date else ty.SIGNATURE_RIGHT_GAP_CHARS)
    if name and date:
        difference = (printed_width(date) - printed_width(name)) / 2
        name_gap = date_gap + difference
        if name_gap < ty.SIGNATURE_RIGHT_GAP_CHARS:
            name_gap = float(ty.SIGNATURE_RIGHT_GAP_CHARS)
            date_gap = name_gap - difference
    return round(max(name_gap, 0), 2), round(max(date_gap, 0), 2)


# --- the month table ----------------------------------------------------------------

#: Each column's narrowest width in characters (its header fits) and the share
#: of the line it may take at most; 工作内容 takes the rest, at least MIN_TEXT_SHARE.
COLUMN_FLOOR = {"month": 2.0, "owner": 3.0, "note": 2.0}
COLUMN_CAP_SHARE = {"month": 0.22, "owner": 0.25, "note": 0.18}
MIN_TEXT_SHARE = 0.38
FIT_SLACK = 0.25          # a little room so that a line exactly as wide as the cell never wraps


def _longest_line(texts: Iterable[str]) -> float:
    return max([text_width(line) for text in texts for line in text.split("\n")] or [0.0])


def _orphans(texts: Iterable[str], width: float) -> int:
    """How many texts, wrapped at `width` characters, end with a line of one character."""
    count = 0
    for text in texts:
        for line in text.split("\n"):
            n = text_width(line)
            per_line = max(int(width), 1)
            if n > width:
                lines = -(-n // per_line)
                count += n - (lines - 1) * per_line <= 1
    return count


def _fit(texts: Sequence[str], floor: float, cap: float) -> float:
    """A column width in characters: its longest line when that fits under the cap,
    else the width near the cap that leaves the fewest one-character last lines
    (提案工作小/组)."""
    longest = _longest_line(texts)
    if longest <= cap:
        return max(floor, longest) + FIT_SLACK
    top = int(cap)
    candidates = [float(w) for w in range(top, max(int(floor), top - 3) - 1, -1)] or [floor]
    return min(candidates, key=lambda w: (_orphans(texts, w), -w)) + FIT_SLACK


_CELL_BREAK_AFTER = "、，,；;/／"


def balance_cell(text: str, width_chars: float) -> str:
    """A 负责人 or 备注 too long for its column, broken into two balanced lines
    where it would wrap leaving one character alone (经费审查委员/会 ->
    经费审查/委员会), after a 、 or ， where there is one; as an office worker
    breaks it by hand. Text that fits, or needs three lines, is left alone."""
    per_line = int(width_chars)
    if per_line < 2:
        return text
    lines = []
    for line in text.split("\n"):
        width = text_width(line)
        if width <= width_chars or width > 2 * per_line:
            lines.append(line)
            continue
        best = None
        for cut in range(1, len(line)):
            left, right = line[:cut], line[cut:]
            if text_width(left) > per_line or text_width(right) > per_line:
                continue
            score = (0 if line[cut - 1] in _CELL_BREAK_AFTER else 1,
                     abs(text_width(left) - text_width(right)), -text_width(left))
            if best is None or score < best[0]:
                best = (score, cut)
        lines.append(line if best is None else line[:best[1]] + "\n" + line[best[1]:])
    return "\n".join(lines)


def column_texts(groups: Iterable[MonthGroup]) -> dict[str, list[str]]:
    """What each column will hold (core.schedule_table groups), for column_widths:
    month labels and their 六月（续） forms, owners, notes."""
    months = [group.label for group in groups]
    if any(len(group.rows) > 1 for group in groups):
        months.append(CONTINUED_SAMPLE)   # room for 六月（续）
    return {"month": months, "owner": [row.owner for g in groups for row in g.rows],
            "note": [row.note for g in groups for row in g.rows]}


def column_widths(columns: list[tuple[str, str]], total: int, size: float,
                  texts: dict[str, list[str]] | None = None) -> list[int]:
    """Twips per column, from the content: month, 负责人 and 备注 as wide as
    their longest line up to a share of the line (a 负责人 wrapped so as to
    leave no single character alone), 工作内容 the rest, at least
    MIN_TEXT_SHARE of the line. Without texts, each column its header's width."""
    texts = texts or {}
    char = twips(size)
    pad = 2 * CELL_MARGIN_TWIPS
    keys = [key for key, _ in columns]
    line_chars = total / char
    chars: dict[str, float] = {}
    caps = {key: max(COLUMN_FLOOR[key], line_chars * COLUMN_CAP_SHARE[key])
            for key in keys if key in COLUMN_FLOOR}
    for key in caps:
        chars[key] = _fit(texts.get(key, []), COLUMN_FLOOR[key], caps[key])

    def rest() -> float:
        return total - sum(twips(c * size) + pad for c in chars.values())

    # 工作内容 keeps its share: narrow the widest of 负责人 and 备注 (over its
    # header's width), half a character at a time
    while rest() < total * MIN_TEXT_SHARE:
        shrinkable = [key for key in ("owner", "note")
                      if key in chars and caps[key] > COLUMN_FLOOR[key]]
        if not shrinkable:
            break
        key = max(shrinkable, key=lambda k: chars[k] - COLUMN_FLOOR[k])
        caps[key] = max(COLUMN_FLOOR[key], min(caps[key], chars[key]) - 0.5)
        chars[key] = _fit(texts.get(key, []), COLUMN_FLOOR[key], caps[key])
    widths = {key: twips(c * size) + pad for key, c in chars.items()}
    widths["text"] = max(total - sum(widths.values()), twips(4 * size))
    return [widths[key] for key in keys]


CONTINUED = "（续）"
CONTINUED_SAMPLE = "六月（续）"   # the month column is made wide enough for this


def continued_label(label: str, column_chars: float | None = None) -> str:
    """The month cell's text on a page that a month's rows run onto: 六月（续）
    (六月份 without its 份); the month repeated (十一月份) where that form would
    not keep to one line of a column `column_chars` characters wide."""
    if not label:
        return label
    continued = (label[:-1] if label.endswith("份") else label) + CONTINUED
    if column_chars is not None and text_width(continued) > column_chars:
        return label
    return continued


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
