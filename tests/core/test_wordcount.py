"""字数 the way Word counts Chinese documents: each CJK character or full-width
mark is 1, each run of Latin letters/digits (with attached punctuation) is 1."""

from __future__ import annotations

import re

import pytest

from planner_gui.core.plan import Plan, Section
from planner_gui.core.wordcount import ASIAN_RANGES, count_words, plan_words, section_words


@pytest.mark.parametrize("text, expected", [
    ("", 0),
    ("   \n\t", 0),
    ("工会", 2),
    ("工会工作计划。", 7),                  # the full stop counts
    ("（一）抓好学习；", 8),
    ("“教工之家”", 6),
    ("……", 2),
    ("——", 2),
    ("2025年", 2),                         # one word, one character
    ("2025年工作计划", 6),
    ("GB/T 9704-2012", 2),
    ("Hello world, it's 3.5 ok", 5),
    ("a - b", 2),                          # a lone hyphen is no word
    ("ＡＢＣ１２３", 1),                    # full-width letters and digits form a word
    ("\u3000一", 1),                        # the ideographic space is a space
    ("𠀀", 1),                              # CJK extension B
    ("第3季度", 4),
])
def test_count_words(text, expected):
    assert count_words(text) == expected


def test_section_and_plan_counts():
    section = Section("s1", "工作目标", ["加强学习。", "Office 2025"], [Section("s2", "子", ["不算"])])
    assert section_words(section) == 4 + 5 + 2
    plan = Plan(sections=[section], preamble=["开头"], closing=["结尾"])
    plan.meta.title = "计划"
    assert plan_words(plan) == 2 + 2 + 4 + 5 + 2 + 1 + 2 + 2


def test_every_character_counts_as_the_rule_says():
    """The count reads a translate table, not the character class the rule is
    written as: both agree on every character of the BMP and on a sample
    beyond it, alone and between words."""
    asian = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ASIAN_RANGES)
    asian_char = re.compile(f"[{asian}]")
    other_run = re.compile(f"[^\\s{asian}]+")

    def by_rule(text):
        return (len(asian_char.findall(text))
                + sum(1 for run in other_run.findall(text) if any(ch.isalnum() for ch in run)))

    points = [*range(0x10000), *range(0x10000, 0x110000, 97), 0x1FFFF, 0x20000, 0x3134F, 0x31350]
    for point in points:
        ch = chr(point)
        for text in (ch, f"a{ch}b", f"{ch} x", f"中{ch}2025"):
            assert count_words(text) == by_rule(text), (hex(point), text)
