"""The starter plans are written in our own words: facts and structure may
match the real plans in ../shared/seeds, sentences may not.

Fixed terms run long in this field (女职工权益保护专项集体合同 is 13
characters), so the check is for any 14-character run of a template's text,
punctuation ignored, that also occurs in a seed plan.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner_gui.core.locations import iter_texts
from planner_gui.resources import load_template, template_names

RUN = 14
_PUNCT = re.compile(r"[\s，。；、：！？“”‘’\"'（）()!?,.;:《》—…·]")


def _plain(text: str) -> str:
    return _PUNCT.sub("", text)


@pytest.fixture(scope="module")
def seed_text():
    seeds = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    return _plain("".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))))


@pytest.mark.parametrize("name", template_names())
def test_no_long_run_copied_from_a_seed(name, seed_text):
    copied = set()
    for _, text in iter_texts(load_template(name)):
        # guides in 【】 are split out so a run never spans one
        for part in re.split(r"【[^】]*】", text):
            plain = _plain(part)
            for i in range(len(plain) - RUN + 1):
                if plain[i:i + RUN] in seed_text:
                    copied.add(plain[i:i + RUN])
    assert not copied, copied
