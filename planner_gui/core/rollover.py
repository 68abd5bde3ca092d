"""Last year's plan -> this year's draft, with every proposed text change listed.

`rollover()` copies the plan and moves what is certain (year, period, the
schedule's months; done marks and the 成文日期 cleared). Text is never changed
behind the user's back: `propose()` lists each change with its place, the
text before and after and the rule that made it. "auto" changes are safe
(2025年 -> 2026年 where 2025 is the plan's own year, 第41个教师节 -> 第42个 when
41 was right for the old year); "review" items are things a program cannot
decide (届次, specific dates, last year's figures) and carry a reason and,
where one is sensible, a suggestion. `changes_to_edit()` turns the accepted
ones into one undoable edit.

Every auto rule maps the old year's own years onto the new year's, so rolling
forward and back again gives the original text.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from .anniversaries import Rules, format_count, load_rules
from .edits import Batch, Edit
from .locations import Location, iter_texts, set_texts_edits, text_at
from .numbering import chinese_number, parse_chinese_number
from .period import add_months, parse_ym
from .plan import Plan

AUTO = "auto"
REVIEW = "review"

RULE_YEAR = "年份"
RULE_RANGE = "学年/年度范围"
RULE_NEAR_YEAR = "相邻年份"
RULE_COUNT = "纪念日届数"
RULE_DATE = "具体日期"
RULE_SESSION = "届次"
RULE_FIVE_YEAR = "五年规划"
RULE_YEAR_LABEL = "年度定性"
RULE_FIGURE = "去年的数字"


@dataclass(frozen=True)
class Change:
    """One proposed change in one text.

    text[start:end] == before in the text at `location` (as it was when the
    change was proposed); `after` is None for a review item without a
    suggestion. `context` is a short excerpt around the place for lists.
    """
    location: Location
    start: int
    end: int
    before: str
    after: str | None
    rule: str
    kind: str = AUTO
    reason: str = ""
    context: str = ""

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def is_auto(self) -> bool:
        return self.kind == AUTO

    def describe(self, plan: Plan | None = None) -> str:
        """One line for a list: place, before -> after, rule (and reason)."""
        where = self.location.describe(plan) if plan is not None else self.location.kind
        target = self.after if self.after is not None else "？"
        line = f"{where}：“{self.before}” → “{target}”（{self.rule}）"
        return f"{line} {self.reason}" if self.reason else line


class StaleChangeError(ValueError):
    """The text changed since the change was proposed; the message is for the user."""


# --- numbers and years ---------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_CN_DIGIT_VALUE = {c: i for i, c in enumerate(_CN_DIGITS)}
_CN_DIGIT_VALUE.update({"零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0})
_CN_YEAR_CHARS = "〇零○ＯOo一二三四五六七八九"
_DASH = r"(?:—{1,2}|–|－|-|~|～|〜|至|到|/)"
_ORD = r"[0-9]{1,3}|[一二三四五六七八九十百]{1,5}"

_YEAR = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?![0-9])")
_CN_YEAR = re.compile(rf"(?<![{_CN_YEAR_CHARS}])(?P<y>[{_CN_YEAR_CHARS}]{{4}})(?![{_CN_YEAR_CHARS}])")
_YEAR_FOLLOW = re.compile(r"\s*(?:学年|年)")
_RANGE = re.compile(rf"(?<![0-9])(?P<a>(?:19|20)[0-9]{{2}})(?P<sep>\s*年?\s*{_DASH}\s*)(?P<b>(?:19|20)[0-9]{{2}}|[0-9]{{2}})(?![0-9])")
_CN_RANGE = re.compile(rf"(?<![{_CN_YEAR_CHARS}])(?P<a>[{_CN_YEAR_CHARS}]{{4}})(?P<sep>\s*{_DASH}\s*)(?P<b>[{_CN_YEAR_CHARS}]{{4}})(?![{_CN_YEAR_CHARS}])")
_DATE = re.compile(r"(?<![0-9])(?:(?P<y>(?:19|20)[0-9]{2})\s*年\s*)?(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12][0-9]|0?[1-9])\s*[日号]")
_CN_DATE = re.compile(rf"(?:(?P<y>[{_CN_YEAR_CHARS}]{{4}})年)?(?P<m>十[一二]?|[一二三四五六七八九])月(?P<d>三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]")
_ISO_DATE = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<s>[-./])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])")
_SESSION_PAIR = re.compile(rf"(?:第)?(?P<a>{_ORD})届(?:第)?(?P<b>{_ORD})次")
_PLENUM = re.compile(rf"(?P<a>{_ORD})届(?P<b>{_ORD})中全会")
_SESSION_ONE = re.compile(rf"第(?P<n>{_ORD})届(?P<what>[^，。；、,;\s]{{0,12}})")
_MEETING_NTH = re.compile(rf"第(?P<n>{_ORD})次(?:会员|职工|教职工|全体)?(?:代表)?(?:大会|会议|全会)")
_ANNUAL = ("运动会", "艺术节", "体育节", "文化节", "读书节", "科技节", "比赛", "大赛", "联赛", "杯")
_FIVE_YEAR = re.compile(r"十(?P<d>[一二三四五六七八九])五")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


def _cn_year_value(text: str) -> int | None:
    if len(text) != 4 or any(c not in _CN_DIGIT_VALUE for c in text):
        return None
    return int("".join(str(_CN_DIGIT_VALUE[c]) for c in text))


def _cn_year_text(value: int, like: str) -> str:
    """2026 written like `like` (二〇二五 / 二零二五 / 二○二五)."""
    zero = next((c for c in like if _CN_DIGIT_VALUE.get(c) == 0), "〇")
    return "".join(zero if d == "0" else _CN_DIGITS[int(d)] for d in str(value))


def _ordinal_value(text: str) -> int | None:
    return int(text) if text.isdigit() else parse_chinese_number(text)


def _ordinal_text(value: int, like: str) -> str:
    return str(value) if like.isdigit() else chinese_number(value)


def five_year_plan_of(year: int) -> int | None:
    """The number of the five-year plan a year falls in (2021-2025 -> 14)."""
    if year < 1966:
        return None
    return (year - 1966) // 5 + 3


# --- proposing ---------------------------------------------------------------

class _Proposer:
    """Collects changes for one text, first rule to claim a span wins."""

    def __init__(self, plan: Plan, new_year: int, rules: Rules, from_year: int | None = None):
        self.plan = plan
        self.old_year = plan.meta.year if from_year is None else from_year
        self.shift = new_year - self.old_year
        self.period = plan.meta.period.shifted(self.old_year - plan.meta.year)
        first, last = self.period.start_year, parse_ym(self.period.end)[0]
        self.own = set(range(first, last + 1)) | {self.old_year}
        self.near = {min(self.own) - 1, max(self.own) + 1}
        self.rules = rules
        self.old_fyp = five_year_plan_of(self.old_year)
        self.new_fyp = five_year_plan_of(new_year)

    def event_year(self, month: int) -> int:
        return parse_ym(self.period.resolve(month))[0]

    def propose(self, loc: Location, text: str) -> list[Change]:
        self.loc, self.text = loc, text
        self.found: list[Change] = []
        if not text or self.shift == 0:
            return []
        for rule in (self._dates, self._ranges, self._counts, self._sessions,
                     self._five_year, self._years, self._year_labels, self._figures):
            rule()
        return sorted(self.found, key=lambda c: c.start)

    def _free(self, start: int, end: int) -> bool:
        return all(end <= c.start or start >= c.end for c in self.found)

    def add(self, start: int, end: int, after: str | None, rule: str, kind: str = AUTO,
            reason: str = "") -> None:
        before = self.text[start:end]
        if after == before or not self._free(start, end):
            return
        lo, hi = max(0, start - 12), min(len(self.text), end + 12)
        context = ("…" if lo else "") + self.text[lo:hi] + ("…" if hi < len(self.text) else "")
        self.found.append(Change(self.loc, start, end, before, after, rule, kind, reason, context))

    # specific dates: never changed silently (the weekday and the plan differ)
    def _dates(self) -> None:
        for pattern, cn in ((_ISO_DATE, False), (_DATE, False), (_CN_DATE, True)):
            for m in pattern.finditer(self.text):
                year_text = m.group("y")
                if year_text is None:
                    day = f"{m.group('m').lstrip('0')}月{m.group('d').lstrip('0')}日"
                    if cn:
                        day = f"{parse_chinese_number(m.group('m'))}月{parse_chinese_number(m.group('d'))}日"
                    if day in self.rules.fixed_dates:
                        continue
                    self.add(m.start(), m.end(), None, RULE_DATE, REVIEW, "具体日期要按今年的安排重新确定")
                    continue
                year = _cn_year_value(year_text) if cn else int(year_text)
                if year is None or year not in self.own | self.near:
                    continue
                new = year + self.shift
                new_text = _cn_year_text(new, year_text) if cn else str(new)
                after = new_text + m.group()[len(year_text):]
                self.add(m.start(), m.end(), after, RULE_DATE, REVIEW,
                         "具体日期要按今年的安排重新确定（已按年份顺延作为建议）")

    def _ranges(self) -> None:
        for pattern, cn in ((_RANGE, False), (_CN_RANGE, True)):
            for m in pattern.finditer(self.text):
                a_text, b_text = m.group("a"), m.group("b")
                a = _cn_year_value(a_text) if cn else int(a_text)
                if a is None:
                    continue
                if cn:
                    b = _cn_year_value(b_text)
                elif len(b_text) == 2:
                    b = a - a % 100 + int(b_text)
                    if b != a + 1:      # 2025-12 is a month, not 2025-2012
                        continue
                else:
                    b = int(b_text)
                if b is None or not (a in self.own or b in self.own):
                    continue
                if b != a + 1:
                    self.add(m.start(), m.end(), None, RULE_RANGE, REVIEW,
                             "这是跨多年的年份范围，请核对是否需要改动")
                    continue
                new_a, new_b = a + self.shift, b + self.shift
                if cn:
                    after = _cn_year_text(new_a, a_text) + m.group("sep") + _cn_year_text(new_b, b_text)
                else:
                    after = str(new_a) + m.group("sep") + (str(new_b) if len(b_text) == 4 else f"{new_b % 100:02d}")
                self.add(m.start(), m.end(), after, RULE_RANGE)

    def _counts(self) -> None:
        for match in self.rules.find_counts(self.text):
            event = match.event
            old_expected = event.count_in(self.event_year(event.month))
            new_value = old_expected + self.shift
            if new_value < 1:
                continue
            after = format_count(new_value, match)
            if match.value == old_expected:
                self.add(match.start, match.end, after, RULE_COUNT)
            else:
                self.add(match.start, match.end, after, RULE_COUNT, REVIEW,
                         f"原文的数字与{self.old_year}年的{event.name}对不上，请核对")

    def _sessions(self) -> None:
        for m in _PLENUM.finditer(self.text):
            self.add(m.start(), m.end(), None, RULE_SESSION, REVIEW,
                     "引用的上级会议可能已有新的一次，请核对")
        for m in _SESSION_PAIR.finditer(self.text):
            self.add(m.start(), m.end(), None, RULE_SESSION, REVIEW,
                     "届次、会次要按今年实际召开的会议填写")
        for m in _MEETING_NTH.finditer(self.text):
            self.add(m.start(), m.end(), None, RULE_SESSION, REVIEW,
                     "会次要按今年实际召开的会议填写")
        for m in _SESSION_ONE.finditer(self.text):
            value = _ordinal_value(m.group("n"))
            what = m.group("what")
            annual = value is not None and any(word in what for word in _ANNUAL)
            after = None
            if annual and value is not None and value + self.shift >= 1:
                after = "第" + _ordinal_text(value + self.shift, m.group("n")) + "届"
            self.add(m.start(), m.start("what"), after, RULE_SESSION, REVIEW,
                     "如每年举办一届，届数应顺延；请核对" if annual else "届次要按实际情况填写")

    def _five_year(self) -> None:
        if self.old_fyp is None or self.new_fyp is None or self.old_fyp == self.new_fyp:
            return
        for m in _FIVE_YEAR.finditer(self.text):
            number = 10 + (parse_chinese_number(m.group("d")) or 0)   # d is one digit 一…九
            if number == self.old_fyp:
                after = "十" + chinese_number(self.new_fyp - 10) + "五" if self.new_fyp < 20 else None
                self.add(m.start(), m.end(), after, RULE_FIVE_YEAR, REVIEW,
                         f"{self.old_year + self.shift}年已进入第{chinese_number(self.new_fyp)}个五年规划时期，请核对")
            elif number == self.new_fyp:
                self.add(m.start(), m.end(), None, RULE_FIVE_YEAR, REVIEW,
                         "五年规划已从谋划转入实施，请核对这句话")

    def _years(self) -> None:
        for pattern, cn in ((_YEAR, False), (_CN_YEAR, True)):
            for m in pattern.finditer(self.text):
                if not _YEAR_FOLLOW.match(self.text, m.end()):
                    continue
                year_text = m.group("y")
                year = _cn_year_value(year_text) if cn else int(year_text)
                if year is None:
                    continue
                new = year + self.shift
                after = _cn_year_text(new, year_text) if cn else str(new)
                if year in self.own:
                    self.add(m.start(), m.end(), after, RULE_YEAR)
                elif year in self.near:
                    self.add(m.start(), m.end(), after, RULE_NEAR_YEAR, REVIEW,
                             "这不是计划本身的年份，可能指上一年或下一年，请核对")

    def _year_labels(self) -> None:
        for label in self.rules.year_labels:
            for m in re.finditer(re.escape(label), self.text):
                self.add(m.start(), m.end(), None, RULE_YEAR_LABEL, REVIEW,
                         "对年度的定性要按今年的情况核对")

    def _figures(self) -> None:
        units = "|".join(re.escape(u) for u in sorted(self.rules.figure_units, key=len, reverse=True))
        if not units:
            return
        figure = re.compile(rf"(?<![0-9.第])(?P<n>[0-9]+(?:\.[0-9]+)?)\s*(?:多|余)?\s*(?:{units})")
        for sentence in _SENTENCE.finditer(self.text):
            if not any(marker in sentence.group() for marker in self.rules.past_markers):
                continue
            for m in figure.finditer(self.text, sentence.start(), sentence.end()):
                if _YEAR_FOLLOW.match(self.text, m.end("n")):
                    continue
                self.add(m.start(), m.end(), None, RULE_FIGURE, REVIEW,
                         "这像是去年的实际数字，请按今年情况改写或删去")


def propose(plan: Plan, new_year: int, rules: Rules | None = None,
            from_year: int | None = None) -> list[Change]:
    """Every change this plan's text needs to become a plan for new_year, in
    reading order. The plan is not changed.

    from_year is the year the text was written for, when it differs from
    meta.year: after rollover() the meta already says the new year, so the
    review list of a draft is re-made with propose(draft, new, from_year=old)
    once the user has edited some of it.
    """
    proposer = _Proposer(plan, new_year, rules or load_rules(), from_year)
    changes: list[Change] = []
    for loc, text in iter_texts(plan):
        changes.extend(proposer.propose(loc, text))
    return changes


def rollover(plan: Plan, new_year: int, rules: Rules | None = None) -> tuple[Plan, list[Change]]:
    """A copy of the plan moved to new_year, and the text changes it still needs.

    Moved in the copy: meta.year, the period (same kind, shifted by whole
    years), every activity's months (so they keep their calendar months in the
    new period); done marks, 完成时间, 完成情况 and the 成文日期 are cleared. The text is as it
    was: apply the accepted changes with changes_to_edit().
    """
    if not 1900 <= new_year <= 2999:
        raise ValueError("年度应在 1900–2999 之间")
    changes = propose(plan, new_year, rules)
    shift = new_year - plan.meta.year
    new_plan = copy.deepcopy(plan)
    new_plan.meta.year = new_year
    new_plan.meta.period = plan.meta.period.shifted(shift)
    new_plan.meta.date = None
    for activity in new_plan.schedule:
        activity.months = [add_months(m, 12 * shift) for m in activity.months]
        activity.done = False
        activity.done_on = ""
        activity.outcome = ""
    new_plan.meta.kind = "plan"
    return new_plan, changes


def apply_to_text(text: str, changes: list[Change]) -> str:
    """The text with the given changes (all at one place) made."""
    ordered = sorted((c for c in changes if c.after is not None), key=lambda c: c.start, reverse=True)
    limit = len(text) + 1
    for change in ordered:
        assert change.after is not None
        if change.end > limit:
            raise StaleChangeError("两处修改互相重叠，无法同时接受")
        if text[change.start:change.end] != change.before:
            raise StaleChangeError("这段文字在提出修改之后又被改动过，请重新检查")
        text = text[:change.start] + change.after + text[change.end:]
        limit = change.start
    return text


def changes_to_edit(plan: Plan, accepted: list[Change]) -> Edit:
    """One edit (a Batch) that makes the accepted changes, for one undo step.

    Items without an `after` (review items nobody filled in) are skipped; a
    change whose text no longer matches raises StaleChangeError.
    """
    by_place: dict[Location, list[Change]] = {}
    for change in accepted:
        if change.after is not None:
            by_place.setdefault(change.location, []).append(change)
    new_texts = {loc: apply_to_text(text_at(plan, loc), items) for loc, items in by_place.items()}
    return Batch(set_texts_edits(plan, new_texts))


def still_applies(plan: Plan, change: Change) -> bool:
    """The text at the change's place still reads as it did when proposed."""
    try:
        text = text_at(plan, change.location)
    except (AttributeError, IndexError, KeyError, TypeError):
        return False
    return text[change.start:change.end] == change.before


def auto_changes(changes: list[Change]) -> list[Change]:
    return [c for c in changes if c.kind == AUTO]
