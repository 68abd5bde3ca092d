"""字数: characters and words counted the way Word counts them for Chinese text.

Word's "字数" for a Chinese document is the number of East Asian characters
plus the number of non-Asian words, so that is what a secretary compares:

- every CJK character (汉字, kana, hangul) counts 1;
- every full-width punctuation mark or symbol (，。、；：“”（）《》【】…… and
  the full-width forms block) counts 1;
- every other run of characters between spaces that holds a letter or digit
  counts 1 word, punctuation attached to it included: "2025", "3.5",
  "GB/T", "9704-2012", "it's" and "Word," are one word each; "2025年" is
  one word and one character, so 2;
- spaces, line breaks and half-width punctuation standing alone count 0.

Numbering (一、 （一）) is computed, not typed, and is not in the texts
counted here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from collections.abc import Iterable

if TYPE_CHECKING:
    from .plan import Plan, Section

#: The East Asian characters, each one count: (first, last) code points.
#: CJK ideographs (incl. extensions and compatibility), kana, hangul, bopomofo,
#: and the full-width punctuation blocks.
ASIAN_RANGES = (
    (0x2E80, 0x2FFF),    # radicals, Kangxi
    (0x3001, 0x303F),    # CJK symbols and punctuation (、。〈〉《》「」【】〇 …; not the ideographic space)
    (0x3040, 0x31FF),    # kana, bopomofo, CJK strokes
    (0x3200, 0x9FFF),    # enclosed CJK, compatibility, ext. A, unified ideographs
    (0xA960, 0xA97F), (0xAC00, 0xD7FF),  # hangul
    (0xF900, 0xFAFF),    # compatibility ideographs
    (0xFE30, 0xFE4F),    # CJK compatibility forms
    (0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65),  # full-width punctuation
    *((ord(ch), ord(ch)) for ch in "\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2025\u00b7\u2027"),
    # —— ‘’ “” …… ·
    (0x20000, 0x3134F),  # CJK extensions B–H
)


def _asian_table() -> bytes:
    """One byte per character of the Basic Multilingual Plane: 1 for an East
    Asian one. A character class of these ranges would be simpler to read,
    but the re module compiles a class by visiting each of its ~48,000
    characters (about 4 ms of every start-up, where the status bar counts);
    filling this table takes microseconds."""
    table = bytearray(0x10000)
    for first, last in ASIAN_RANGES:
        if first < 0x10000:
            table[first:last + 1] = b"\x01" * (last + 1 - first)
    return bytes(table)


#: str.translate table: an East Asian character of the BMP becomes "\x01", any
#: other BMP character "\x00"; characters beyond the BMP raise IndexError
#: and so stay as they are (str.translate's rule for a LookupError).
_MARKS = _asian_table()
_ASIAN_BEYOND_BMP = "".join(f"{chr(first)}-{chr(last)}" for first, last in ASIAN_RANGES if first >= 0x10000)
#: In the marked text: one East Asian character beyond the BMP ...
_WIDE_ASIAN = re.compile(f"[{_ASIAN_BEYOND_BMP}]")
#: ... and a run of anything that is not East Asian.
_OTHER = re.compile(f"[^\x01{_ASIAN_BEYOND_BMP}]+")


def count_words(text: str) -> int:
    """字数 of one text (see the module docstring for the rule).

    The text is translated to its marks (one character each, so offsets
    stay), East Asian characters are counted there, and only the (few) runs
    of other characters are looked at in the text, word by word (split at
    whitespace, as Word does), for a letter or digit.
    """
    if not text:
        return 0
    marks = text.translate(_MARKS)
    asian = marks.count("\x01")
    if not marks.isascii():   # characters beyond the BMP are left in the marks
        asian += len(_WIDE_ASIAN.findall(marks))
    words = 0
    for run in _OTHER.finditer(marks):
        for word in text[run.start():run.end()].split():
            if any(ch.isalnum() for ch in word):
                words += 1
    return asian + words


def count_all(texts: Iterable[str]) -> int:
    return sum(count_words(t) for t in texts)


def section_words(section: Section) -> int:
    """A section's own heading and paragraphs (not its subsections)."""
    return count_words(section.heading) + count_all(section.body)


def plan_words(plan: Plan) -> int:
    """Every text of the plan a reader sees: properties, opening, headings,
    paragraphs, the month table, closing (numbering excluded)."""
    from .locations import iter_texts

    return count_all(text for _, text in iter_texts(plan))
