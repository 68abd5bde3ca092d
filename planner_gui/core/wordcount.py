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

# CJK ideographs (incl. extensions and compatibility), kana, hangul, bopomofo,
# and the full-width punctuation blocks: each character is one count.
_ASIAN = (
    "\u2e80-\u2fff"      # radicals, Kangxi
    "\u3001-\u303f"      # CJK symbols and punctuation (、。〈〉《》「」【】〇 …; not the ideographic space)
    "\u3040-\u31ff"      # kana, bopomofo, CJK strokes
    "\u3200-\u9fff"      # enclosed CJK, compatibility, ext. A, unified ideographs
    "\ua960-\ua97f\uac00-\ud7ff"  # hangul
    "\uf900-\ufaff"      # compatibility ideographs
    "\ufe30-\ufe4f"      # CJK compatibility forms
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full-width punctuation
    "\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2025\u00b7\u2027"  # —— ‘’ “” …… ·
    "\U00020000-\U0003134f"  # CJK extensions B–H
)
_ASIAN_CHAR = re.compile(f"[{_ASIAN}]")
_OTHER_RUN = re.compile(f"[^\\s{_ASIAN}]+")


def count_words(text: str) -> int:
    """字数 of one text (see the module docstring for the rule).

    East Asian characters are counted by one findall; only the (few) other
    runs are looked at one by one, for a letter or digit.
    """
    if not text:
        return 0
    asian = len(_ASIAN_CHAR.findall(text))
    words = sum(1 for run in _OTHER_RUN.findall(text) if any(ch.isalnum() for ch in run))
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
