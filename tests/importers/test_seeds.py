"""Every plan in ../shared/seeds comes out right: top-level headings and every
month's activities, against the expected results in expected/*.json (written
by reading the plans). Read as text, as a Word file with the text typed, and
as a Word file where the typed numbers became Word's automatic numbering."""

from __future__ import annotations

import re

import pytest

from planner_gui.importers import import_bytes, import_text
from planner_gui.importers.lines import match_label
from scripts.import_accuracy import found_schedule, heading_matches, load_cases, schedule_matches, score
from tests.importers import docx_factory as f

CASES = load_cases()


def test_every_seed_file_has_expected_results(seeds_dir):
    described = {case.seed for case in CASES}
    assert {p.name for p in seeds_dir.glob("*.txt")} <= described


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_seed_plan_as_text(case, seeds_dir):
    result = score(case, seeds_dir)
    assert result.problems == []
    assert result.perfect


def check(plan, case):
    headings = [s.heading for s in plan.sections]
    assert len(headings) == len(case.headings)
    assert all(heading_matches(h, e) for h, e in zip(headings, case.headings)), headings
    assert schedule_matches(found_schedule(plan), case.schedule)


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_seed_plan_as_typed_word_file(case, seeds_dir):
    document = f.new_document()
    for line in case.text(seeds_dir).split("\n"):
        if line.strip():
            document.add_paragraph(line.strip())
    check(import_bytes(f.to_bytes(document), "计划.docx", case.year).plan, case)


_FORMATS = {"cn": ("chineseCounting", "%1、"), "paren_cn": ("chineseCounting", "（%{n}）"),
            "arabic": ("decimal", "%{n}、"), "paren_arabic": ("decimal", "（%{n}）")}


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_seed_plan_with_word_automatic_numbering(case, seeds_dir):
    """The typed numbers taken off and put back as numbering.xml lists."""
    document = f.new_document()
    kinds = ["cn", "paren_cn", "arabic", "paren_arabic"]
    levels = [(fmt, text.replace("{n}", str(i + 1))) for i, (fmt, text) in
              ((i, _FORMATS[k]) for i, k in enumerate(kinds))]
    num = f.add_list(document, 70, levels)
    for line in case.text(seeds_dir).split("\n"):
        text = re.sub(r"^\s*-\s+", "", line.strip())
        if not text:
            continue
        label = match_label(text)
        if label is not None and label.kind in kinds and label.rest:
            f.numbered(document, label.rest, num, kinds.index(label.kind))
        else:
            document.add_paragraph(text)
    check(import_bytes(f.to_bytes(document), "计划.docx", case.year).plan, case)


def test_seed_text_round_trips_through_the_interchange_json(seeds_dir):
    from planner_gui.core.interchange import dumps, loads

    for case in CASES:
        plan = import_text(case.text(seeds_dir), case.year).plan
        assert loads(dumps(plan)) == plan


@pytest.mark.parametrize("found, expected, ok", [
    ("加强学习。", "加强学习。", True), ("加强学习。组织", "加强学习。", False),
    ("夯实基础，落实建会坚持方针", "夯实基础，落实建会…", True), ("夯实", "夯实基础…", False),
    ("开头十四个字的一段很长的文字到这里结尾了。", "开头十四个字…结尾了。", True),
    ("开头十四个字的一段很长的文字到这里结尾了。另一段", "开头十四个字…结尾了。", False),
])
def test_expected_text_forms(found, expected, ok):
    """How the expected JSON spells texts: exact, start only, or both ends."""
    assert heading_matches(found, expected) is ok


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_seed_plan_rolls_forward_and_back(case, seeds_dir):
    """An imported plan rolled to next year and back, twice, has its text again."""
    from planner_gui.core.edits import apply_edit
    from planner_gui.core.locations import iter_texts
    from planner_gui.core.rollover import auto_changes, changes_to_edit, rollover

    original = import_text(case.text(seeds_dir), case.year).plan
    plan = original
    for year in (case.year + 1, case.year, case.year + 1, case.year):
        plan, changes = rollover(plan, year)
        apply_edit(plan, changes_to_edit(plan, auto_changes(changes)))
    assert [t for _, t in iter_texts(plan)] == [t for _, t in iter_texts(original)]
    assert [a.months for a in plan.schedule] == [a.months for a in original.schedule]


def test_seed_review_items(seeds_dir):
    """The 篇六 school plan's 五届五次 congress and 第十一届 sports meet are listed."""
    from planner_gui.core.rollover import propose

    case = next(c for c in CASES if c.name.startswith("篇六"))
    changes = propose(import_text(case.text(seeds_dir), case.year).plan, case.year + 1)
    listed = {(c.before, c.after, c.kind) for c in changes}
    assert ("五届五次", None, "review") in listed
    assert ("第十一届", "第十二届", "review") in listed


SEED_PARTS = {"000_f082edb7a9975a90.txt": 6, "001_f0aa10a953aed0bd.txt": 5, "002_d18d8bde0cffe186.txt": 6}


def test_seed_pages_split_into_their_plans(seeds_dir):
    """Each seed is a 范文 page (篇一 … with the site's words): offered a choice,
    the importer finds each 篇, names it by its first line when every marker
    repeats the page's title, and imports any one of them on its own."""
    from planner_gui.importers import SeveralPlans, import_part, offer_choice

    for name, count in SEED_PARTS.items():
        path = seeds_dir / name
        if not path.exists():
            continue
        with pytest.raises(SeveralPlans) as caught, offer_choice():
            import_text(path.read_text(encoding="utf-8"))
        parts = caught.value.parts
        assert [p.number for p in parts] == list(range(1, count + 1)), name
        assert len({p.title for p in parts}) == count          # the picker tells them apart
        for part in parts:
            result = import_part(part, year=2025)
            assert result.plan.sections or result.plan.preamble
