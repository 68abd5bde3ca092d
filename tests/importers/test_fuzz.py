"""Fuzzing the text importer: any text either imports into a valid plan that
keeps every line's words, or is refused with PlanImportError.

Fast by default (fixed seed, few examples); PLANNER_FUZZ_EXAMPLES=5000 for a
longer run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.core.interchange import plan_from_dict, plan_to_dict
from planner_gui.core.sanitize import clean_text
from planner_gui.importers import PlanImportError, import_text
from planner_gui.importers.lines import (looks_like_signature, match_date_line, match_label, month_head,
                                         strip_bullet)

EXAMPLES = int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "60"))
FUZZ = settings(derandomize=True, max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

words = st.text(st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
                          st.sampled_from(list("，。、；：“”（）《》！？ 0123456789月年日份xX_")),
                          st.sampled_from(list("😀\u00a0\u3000"))), max_size=50)
labels = st.sampled_from(["一、", "二，", "三.", "十二、", "（一）", "(二)", "1、", "2.", "3．", "（1）", "(2)",
                          "4）", "①", "1.2 ", "- ", "• ", ""])
months = st.sampled_from(["三月份", "三月：", "一、二月", "元月至二月", "七至八月份", "七——八月份", "次年元月份",
                          "九月份:", "12月", "5月份", "全年：", "十一月：1、"])
heads = st.sampled_from(["具体月份工作安排", "工作安排如下：", "主要活动安排", "总之，", "新的一年，"])
dates = st.sampled_from(["2025年2月28日", "二〇二五年二月二十八日", "20__年__月__日", "某某中学工会委员会"])
line = st.one_of(st.tuples(labels, words).map("".join), st.tuples(months, words).map("".join),
                 st.tuples(heads, words).map("".join), dates, words)
texts = st.lists(line, max_size=40).map("\n".join)
noise = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=["Cs"]), max_size=300)


def haystack(plan) -> str:
    parts = [plan.meta.title, plan.meta.organization, plan.meta.signature, *plan.preamble, *plan.closing]
    for section in plan.walk():
        parts += [section.heading, *section.body]
    for activity in plan.schedule:
        parts += [activity.text, activity.owner, activity.note]
    return "\n".join(parts)


def _squeeze(text: str) -> str:
    """Without spaces and colons: a heading split at its colon loses the colon."""
    return "".join(text.split()).replace("：", "").replace(":", "")


def core(text: str) -> str:
    """The words of a line after its number or month, as the importer keeps them."""
    text = strip_bullet(text.strip()).strip()
    head = month_head(text)
    if head is not None:
        text = head.rest.lstrip("：:，,、 ")
    label = match_label(text)
    if label is not None:
        text = label.rest
    return text.strip().rstrip("：:").strip()


def check(text: str, year=2025):
    try:
        result = import_text(text, year)
    except PlanImportError as exc:
        assert "没有找到" in str(exc) or "太长" in str(exc) or "太多" in str(exc)
        return None
    plan = result.plan
    assert plan_from_dict(plan_to_dict(plan)) == plan
    return result


@given(texts)
@FUZZ
def test_plan_like_text_keeps_every_line(text):
    result = check(text)
    if result is None:   # nothing but month names, a date and a signature
        for raw in clean_text(text).split("\n"):
            assert not core(raw) or match_date_line(raw.strip()) or looks_like_signature(raw), raw
        return
    found = haystack(result.plan)
    for raw in clean_text(text).split("\n"):
        if match_date_line(raw.strip()) is not None and match_date_line(raw.strip()).iso:
            continue
        tail = _squeeze(core(raw))[-4:]
        if tail:
            assert tail in _squeeze(found), (raw, tail)


@given(noise, st.one_of(st.none(), st.integers(1900, 2999)))
@FUZZ
def test_any_text_imports_or_is_refused(text, year):
    check(text, year)
