"""Breaking a long title into two balanced lines, as typists do.

GB/T 9704 asks for a title that wraps to keep words whole and the lines
balanced (梯形或菱形); Word would leave a lone 划 on the second line. A
break goes where a title naturally divides: before the year, or after
学年度 / 年度 / 学期 / 年. Nothing is changed when the title fits on one
line, the user broke it already, or no natural break fits.
"""

from __future__ import annotations

import re

from .paragraphs import text_width

BREAK_AFTER = re.compile(r"(?:学年度|年度|学期|半年|年)(?=\S)")
BREAK_BEFORE = re.compile(r"(?<=[^\d\s—–\-－~～至])(?=(?:19|20)\d\d)")
MIN_PART = 4


def balance_title(title: str, chars_per_line: float) -> str:
    if "\n" in title or text_width(title) <= chars_per_line:
        return title
    positions = {m.end() for m in BREAK_AFTER.finditer(title)}
    positions |= {m.start() for m in BREAK_BEFORE.finditer(title)}
    middle = text_width(title) / 2
    best = None
    for pos in sorted(positions):
        first, second = title[:pos], title[pos:]
        if min(text_width(first), text_width(second)) < max(MIN_PART, middle / 2):
            continue
        if max(text_width(first), text_width(second)) > chars_per_line:
            continue
        score = abs(text_width(first) - middle)
        if best is None or score <= best[0]:  # on a tie the longer first line wins
            best = (score, pos)
    if best is None:
        return title
    return title[:best[1]] + "\n" + title[best[1]:]
