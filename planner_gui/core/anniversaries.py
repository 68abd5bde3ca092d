"""Counted events: 第42个教师节, 建党105周年 — and the table they come from.

The table is data (resources/rollover_rules.json) so a union can add its own
events without touching code. A count is tied to the calendar year in which
the event falls inside the plan's period, so a school-year plan counts 教师节
in its first year and “三八” in its second.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .numbering import chinese_number, parse_chinese_number

RULES_PATH = Path(__file__).resolve().parent.parent / "resources" / "rollover_rules.json"

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMBER = r"[0-9０-９]{1,4}|[一二三四五六七八九十百零〇两]{1,8}"
# Between 第N个 and the event's name (or the name and N周年): a few characters,
# no sentence punctuation, so 第3个 … 。… 三八 never pairs up.
_GAP = r"[^，。；！？、,;!?\n0-9０-９]{0,8}?"


@dataclass(frozen=True)
class Event:
    name: str
    base: int            # the year of the 1st (ordinal) or the founding year (anniversary)
    month: int
    keywords: tuple[str, ...]
    ordinal: bool        # True: 第N个X (N = year - base + 1); False: X N周年 (N = year - base)

    def count_in(self, year: int) -> int:
        return year - self.base + (1 if self.ordinal else 0)


@dataclass(frozen=True)
class CountMatch:
    """A count found in a text: text[start:end] is the number itself."""
    event: Event
    start: int
    end: int
    value: int
    chinese: bool        # written 四十二 rather than 42
    fullwidth: bool


@dataclass
class Rules:
    events: list[Event]
    fixed_dates: frozenset[str] = frozenset()
    year_labels: tuple[str, ...] = ()
    past_markers: tuple[str, ...] = ()
    figure_units: tuple[str, ...] = ()
    _patterns: list[tuple[Event, re.Pattern[str]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        for event in self.events:
            names = "|".join(re.escape(k) for k in sorted(event.keywords, key=len, reverse=True))
            if event.ordinal:
                pattern = re.compile(rf"第(?P<n>{_NUMBER})个{_GAP}(?:{names})")
            else:
                pattern = re.compile(rf"(?:{names}){_GAP}(?P<n>{_NUMBER})\s*周年")
            self._patterns.append((event, pattern))

    def find_counts(self, text: str) -> list[CountMatch]:
        """Every counted event in the text, leftmost first, overlaps dropped."""
        found: list[CountMatch] = []
        for event, pattern in self._patterns:
            for match in pattern.finditer(text):
                raw = match.group("n")
                ascii_digits = raw.translate(_FULLWIDTH)
                value = int(ascii_digits) if ascii_digits.isdigit() else parse_chinese_number(raw)
                if not value:
                    continue
                found.append(CountMatch(event, match.start("n"), match.end("n"), value,
                                        not ascii_digits.isdigit(), ascii_digits != raw))
        found.sort(key=lambda m: (m.start, -m.end))
        out: list[CountMatch] = []
        for count in found:
            if not out or count.start >= out[-1].end:
                out.append(count)
        return out


def format_count(value: int, like: CountMatch) -> str:
    """A count written the way the original was (42, ４２ or 四十二)."""
    if like.chinese:
        return chinese_number(value)
    text = str(value)
    if like.fullwidth:
        text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return text


def rules_from_dict(data: dict[str, Any]) -> Rules:
    events = [Event(e["name"], int(e["first"]), int(e["month"]), tuple(e["keywords"]), True)
              for e in data.get("ordinal", [])]
    events += [Event(e["name"], int(e["founded"]), int(e["month"]), tuple(e["keywords"]), False)
               for e in data.get("anniversary", [])]
    return Rules(
        events=events,
        fixed_dates=frozenset(data.get("fixed_dates", [])),
        year_labels=tuple(data.get("year_labels", [])),
        past_markers=tuple(data.get("past_markers", [])),
        figure_units=tuple(data.get("figure_units", [])),
    )


@functools.lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> Rules:
    """The rule table shipped with the program (or one at `path`)."""
    source = Path(path) if path else RULES_PATH
    return rules_from_dict(json.loads(source.read_text(encoding="utf-8")))
