"""Word list numbering that starts at absurd values (10^15 in Roman numerals,
10^30 in letters, 10^8, a million-digit number) is clamped to Word's own range
and formatted with bounded work: the import finishes and the labels are short."""

from __future__ import annotations

import tracemalloc

import pytest

from planner_gui.importers import import_bytes
from planner_gui.importers.docx_numbering import MAX_COUNTER, format_number
from tests.importers import docx_factory as f


def _bomb(fmt: str, start: str, paragraphs: int = 40) -> bytes:
    document = f.new_document()
    f.title(document, "某某厂工会2025年工作计划")
    num = f.add_list(document, 7, [(fmt, "%1.")])
    numbering = document.part.numbering_part.element
    from docx.oxml.ns import qn
    for lvl in numbering.iter(qn("w:lvl")):
        lvl.find(qn("w:start")).set(qn("w:val"), start)
    for n in range(paragraphs):
        f.numbered(document, f"第{n}项工作，认真落实。", num)
    return f.to_bytes(document)


@pytest.mark.parametrize("fmt,start", [
    ("upperRoman", str(10 ** 15)),
    ("lowerRoman", str(10 ** 15)),
    ("lowerLetter", str(10 ** 30)),
    ("upperLetter", str(10 ** 8)),
    ("decimal", str(10 ** 8)),
    ("chineseCounting", str(10 ** 30)),
    ("decimal", "9" * 100_000),
    ("lowerRoman", "-" + "9" * 50),
])
def test_numbering_bomb_imports_with_short_labels(fmt, start):
    data = _bomb(fmt, start)
    tracemalloc.start()
    try:
        result = import_bytes(data, "bomb.docx", year=2025)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 200 * 1024 * 1024
    texts = [p for s in result.plan.walk() for p in [s.heading, *s.body]] + result.plan.preamble
    assert texts, "the paragraphs are kept"
    assert all(len(t) < 200 for t in texts)
    assert any("认真落实" in t for t in texts)


@pytest.mark.parametrize("fmt", ["lowerRoman", "upperRoman", "lowerLetter", "upperLetter", "decimal",
                                 "chineseCounting", "decimalZero", "ideographDigital", "decimalEnclosedCircle"])
def test_format_number_is_bounded(fmt):
    for value in (0, 1, 27, 780, 781, 32767, 10 ** 8, 10 ** 30, -5):
        text = format_number(value, fmt)
        assert len(text) <= 40, (fmt, value, text)
    assert format_number(10 ** 30, "decimal") == str(MAX_COUNTER)


def test_ordinary_values_unchanged():
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(12, "chineseCounting") == "十二"
