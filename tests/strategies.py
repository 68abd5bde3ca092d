"""Hypothesis strategies for whole plans: Chinese text, full-width punctuation,
emoji, very long paragraphs, deep trees. Shared by round-trip and fuzz tests."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from planner_gui.core.period import Period, add_months
from planner_gui.core.plan import Activity, Meta, Plan, Section

_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),        # CJK
    st.sampled_from(list("，。、；：？！“”‘’（）《》【】—…·０１２３ＡＢ")),
    st.sampled_from(list("😀🎉👍🏫")),                                     # emoji (astral)
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
)
line = st.text(_ALPHABET, max_size=40)
# Very long paragraphs are built by repetition: generating 6,000 random
# characters one by one makes hypothesis slow without finding more.
paragraph = st.one_of(
    st.text(st.one_of(_ALPHABET, st.just("\n")), max_size=120),
    st.builds(lambda chunk, times: chunk * times, st.text(_ALPHABET, min_size=1, max_size=20),
              st.integers(200, 600)),
)


@st.composite
def sections(draw, depth=0, prefix="s"):
    count = draw(st.integers(0, 3 if depth < 5 else 0))
    out = []
    for i in range(count):
        ident = f"{prefix}{i + 1}" if depth == 0 else f"{prefix}.{i + 1}"
        out.append(Section(ident, draw(line), draw(st.lists(paragraph, max_size=3)),
                           draw(sections(depth + 1, ident))))
    return out


@st.composite
def plans(draw):
    kind = draw(st.sampled_from(["calendar_year", "first_half", "second_half", "school_year", "semester"]))
    year = draw(st.integers(2000, 2100))
    period = Period.for_kind(kind, year)
    tops = draw(sections())
    plan = Plan(
        meta=Meta(draw(line), draw(line), year, period, draw(line),
                  draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))),
        preamble=draw(st.lists(paragraph, max_size=3)),
        sections=tops,
        closing=draw(st.lists(paragraph, max_size=2)),
    )
    ids = [s.id for s in plan.walk()]
    months = period.months()
    for i in range(draw(st.integers(0, 12))):
        first = draw(st.integers(0, len(months) - 1))
        span = draw(st.integers(0, 2))
        plan.schedule.append(Activity(
            f"a{i + 1}",
            [] if span == 0 else [add_months(months[first], k) for k in range(span)],
            draw(paragraph), draw(line), draw(line),
            draw(st.one_of(st.none(), st.sampled_from(ids))) if ids else None,
            draw(st.booleans()),
            draw(st.one_of(st.just(""), st.sampled_from(months),
                           st.dates(datetime.date(1900, 1, 1), datetime.date(2999, 12, 31))
                           .map(lambda d: d.isoformat()))),
            draw(st.one_of(st.just(""), paragraph)),
        ))
    plan.meta.kind = draw(st.sampled_from(["plan", "summary"]))
    return plan
