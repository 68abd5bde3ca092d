"""Placeholders left unfilled: 20__, 20xx, xx, XX, ××, ***, 【 】, ＿＿.

Plans are usually written from last year's or from a sample that leaves
blanks; these patterns find what still has to be filled in. Saving is never
blocked by them; export and print warn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .locations import Location, iter_texts
from .plan import Plan

PATTERN = re.compile(
    r"(?:19|20|二〇)(?:_+|＿+|[xX×]{1,2}|__)"     # 20__ 20xx 二〇__
    r"|(?<![A-Za-z])(?:[xX]{2,}|×{2,}|[Ｘｘ]{2,})(?![A-Za-z])"  # xx XX ××
    r"|\*{3,}|＊{3,}"                          # ***
    r"|【[^】\n]{0,30}】"                        # 【 】 【单位名称】
    r"|_{2,}|＿{2,}"                            # ＿＿ __
    r"|[○〇Ｏ]{3,}"                             # ○○○ (某某 written as circles)
)


@dataclass(frozen=True)
class Placeholder:
    location: Location
    start: int
    end: int
    text: str


def find_in_text(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in PATTERN.finditer(text)]


def find_placeholders(plan: Plan) -> list[Placeholder]:
    found = [Placeholder(loc, s, e, t) for loc, text in iter_texts(plan) for s, e, t in find_in_text(text)]
    if not (plan.meta.signature or "").strip():
        # an empty 落款 prints as a blank line above the date: as easy to miss
        found.append(Placeholder(Location("meta", "signature"), 0, 0, "落款未填"))
    if plan.meta.date is None:
        found.append(Placeholder(Location("meta", "date"), 0, 0, "成文日期未填"))
    return found
