"""Reading single lines of a plan: typed numbering, dates, signatures, titles.

Plans number their headings by convention (一、 （一） 1. （1） ①), so the
kind of number tells the level; `Label.rank` orders the kinds the way
GB/T 9704 nests them. Only the first characters of a line are examined,
so a 50 MB line costs no more than a short one.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from ..core.hanzi import fold
from ..core.months import MonthHead, match_month_head
from ..core.numbering import parse_chinese_number

HEAD_WINDOW = 160  # characters of a line the classifiers look at

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_HAS_FULLWIDTH = re.compile("[０-９．]")
_CN = r"[一二三四五六七八九十]{1,3}"

#: (kind, rank, pattern). The pattern's group n is the number; the match ends
#: where the heading's words begin.
_LABELS = [
    ("part", -1.0, re.compile(rf"第(?P<n>{_CN}|\d{{1,2}})(?:部分|章|篇)\s*[、：:，,.．]?\s*")),
    ("cn", 0.0, re.compile(rf"(?P<n>{_CN})\s*[、，,.．](?!\d)\s*")),
    ("paren_cn", 1.0, re.compile(rf"[（(]\s*(?P<n>{_CN})\s*[)）]\s*[、.．]?\s*")),
    ("multi", 2.0, re.compile(r"(?P<n>\d{1,2}(?:[.．]\d{1,2}){1,3})(?:[.．、]\s*|\s+)(?![\d%％])")),
    ("arabic", 2.0, re.compile(r"(?P<n>\d{1,2})\s*[、.．](?![%％])(?!\d(?!\d?\s*月))\s*")),
    # "1，召开……" (a comma after the number, as some pages type it); not "3，4月份"
    ("arabic", 2.0, re.compile(r"(?P<n>\d{1,2})[，,](?![%％])(?!\d(?!\d?\s*月))\s*")),
    ("paren_arabic", 3.0, re.compile(r"[（(]\s*(?P<n>\d{1,2})\s*[)）]\s*")),
    ("half_paren", 3.5, re.compile(r"(?P<n>\d{1,2})[)）]\s*")),
    ("circled", 4.0, re.compile(r"(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
]
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_BULLET = re.compile(r"^(?:[-–•·*●◆◇■□▪▶►√☆★]|>)\s+|^[●◆◇■□▪▶►☆★]\s*")


@dataclass(frozen=True)
class Label:
    """Typed numbering at the start of a line: 一、 → Label("cn", 0, 1, "一、")."""
    kind: str
    rank: float
    number: int
    text: str      # the label as written, e.g. "（一）"
    rest: str      # the line after the label

    @property
    def comma(self) -> bool:
        return self.kind == "arabic" and "、" in self.text


def strip_bullet(line: str) -> str:
    """"- 1、召开…" -> "1、召开…": list markers copied from web pages or Markdown."""
    return _BULLET.sub("", line, count=1)


def match_label(line: str) -> Label | None:
    """The typed number a line starts with, or None (一是, 2025年, 5.12 are not)."""
    if len(line) > HEAD_WINDOW:
        return _read_label(line)
    return _cached_label(line)


def _read_label(line: str) -> Label | None:
    head = line[:HEAD_WINDOW]
    probe = head.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(head) else head
    for kind, rank, pattern in _LABELS:
        match = pattern.match(probe)
        if not match:
            continue
        raw = match.group("n")
        number: int | None
        if kind == "circled":
            number = _CIRCLED.index(raw) + 1
        elif kind == "multi":
            parts = raw.replace("．", ".").split(".")
            number = int(parts[-1])
            rank = rank + 0.1 * (len(parts) - 1)
        else:
            number = parse_chinese_number(raw) if not raw.isdigit() else int(raw)
        if not number:
            continue
        return Label(kind, rank, number, head[:match.end()].strip(), line[match.end():].strip())
    return None


#: the walk asks about the same short lines several times; a Label is frozen
_cached_label = functools.lru_cache(maxsize=4096)(_read_label)


_YEAR_PREFIX = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?=[0-9０-９一二三四五六七八九十元]{1,3}\s*月)")
_BRACKETED = re.compile(r"^\s*[【\[［〖]\s*(?P<spec>[^】\]］〗]{1,14}?)\s*[】\]］〗]\s*(?P<rest>.*)$", re.S)
_MONTH_WORDS = re.compile(r"^(?:的)?(?:主要|重点|具体)?(?:工作|活动)(?:安排|要点|重点|内容)?\s*(?:[:：]\s*|$)")
_DAY = re.compile(r"^(?:[0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"
                  r"|^(?:上旬|中旬|下旬|初|底|中下旬|月初|月底|月中|左右|前后|以前|之前|期间|内)")


#: A part of the month on its own ("上旬", "3月下旬：", "月底"): a sub-label
#: over the activities that follow, not an activity.
MONTH_PART = re.compile(r"^(?P<part>上旬|中旬|下旬|上中旬|中下旬|月初|月中|月底|月末|初|中|底|末)\s*[:：]?$")

#: A remark in brackets and nothing more after a month ("三月份（4项）",
#: "九月（开学季）"): the line is a month label. A count of items says nothing
#: the list does not; another remark becomes the note of what follows.
MONTH_REMARK = re.compile(r"^[（(]\s*(?P<remark>[^（()）]{1,12}?)\s*[)）]\s*[:：]?$")
ITEM_COUNT = re.compile(r"^(?:共|计|合计)?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*(?:项|件|个|条)(?:工作|活动|内容)?$")

_MAYBE_ANYTIME = re.compile(r"\s*[【\[［〖]?\s*(?:全年|长期|長期|常年|每月|平时|平時|日常|经常|經常|常规|常規|其他)")


def month_head(line: str) -> MonthHead | None:
    """core.months.match_month_head on the head of a long line, also for the
    forms tables and bulleted lists use: 【三月】, 2025年3月, 三月份工作：,
    3月8日 (the day stays in the activity's text)."""
    window = line[:HEAD_WINDOW]
    if "月" not in window[:32] and "季度" not in window[:12] and not _MAYBE_ANYTIME.match(window):
        return None                 # most lines: no month expression can start them
    bracketed = _BRACKETED.match(window)
    if bracketed:
        inner = match_month_head(bracketed.group("spec"))
        if inner is not None and not inner.rest:
            return MonthHead(inner.months, (bracketed.group("rest") + line[HEAD_WINDOW:]).strip(),
                             inner.spec, True)
    year = _YEAR_PREFIX.match(window)
    offset = year.end() if year else 0
    head = match_month_head(window[offset:])
    if head is None:
        return None
    rest = (head.rest + line[HEAD_WINDOW:]).strip() if len(line) > HEAD_WINDOW else head.rest
    separated = head.separated
    words = _MONTH_WORDS.match(rest)
    if words and not separated:
        rest, separated = rest[words.end():].strip(), True
    part = ""
    if not head.anytime and (found := MONTH_PART.match(rest) or MONTH_REMARK.match(rest)):
        # 3月上旬 / 三月份（4项） on its own: a label over what follows
        part = found.group(found.lastgroup or 0)
        rest, separated = "", True
    elif _DAY.match(rest) and not head.anytime:
        rest = line.strip()                        # 3月8日召开…: the date is part of the activity
    months = head.months
    if year:
        months = [(m, int(year.group("y"))) for m, _ in months]  # type: ignore[misc]  # the written year in the 次年 slot: period_guess.MonthSpec
    return MonthHead(months, rest, head.spec, separated, part)


# --- ends of sentences, headings ----------------------------------------------

SENTENCE_END = "。！？!?"
CLOSING_PUNCT = SENTENCE_END + "；;…”’」』）)】》"
OPEN_END = "，,、（(“‘《【—"


def ends_open(text: str) -> bool:
    """Ends in the middle of a sentence: a comma, an opening bracket, or a
    character that is not punctuation at all."""
    if not text:
        return False
    last = text[-1]
    return last in OPEN_END or _is_word_char(last)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or "\u4e00" <= ch <= "\u9fff"


def split_heading(rest: str, bold_prefix: int = 0) -> tuple[str, str]:
    """A numbered line -> (heading, run-in body).

    "加强学习。组织教职工……" -> ("加强学习。", "组织教职工……"); Word's bold
    run, when there is one, marks the heading exactly. A trailing colon is
    not part of the heading's words.
    """
    if 0 < bold_prefix < len(rest):
        heading, body = rest[:bold_prefix].strip(), rest[bold_prefix:].strip()
        if heading and body:
            return heading.rstrip("：:").strip(), body
    cut = next((i for i, ch in enumerate(rest) if ch in SENTENCE_END), -1)
    if 0 <= cut < len(rest) - 1:
        # keep a closing quote or bracket with the heading: 。” 。）
        end = cut + 1
        while end < len(rest) and rest[end] in "”’」』）)】":
            end += 1
        if end < len(rest):
            return rest[:end].strip(), rest[end:].strip()
    colon = next((i for i, ch in enumerate(rest[:20]) if ch in "：:"), -1)
    if colon > 0 and rest[colon + 1:].strip():
        return rest[:colon].strip(), rest[colon + 1:].strip()
    return rest.rstrip("：:").strip(), ""


# --- dates and signatures ------------------------------------------------------

_PLACEHOLDER = "_＿xX×○Ｘｘ"
_DATE_LINE = re.compile(
    rf"^(?P<y>[0-9〇零○Ｏ一二三四五六七八九{_PLACEHOLDER}]{{2,6}})\s*年\s*"
    rf"(?P<m>[0-9一二三四五六七八九十元{_PLACEHOLDER}]{{1,3}})\s*月\s*"
    rf"(?P<d>[0-9一二三四五六七八九十{_PLACEHOLDER}]{{1,4}})\s*[日号]$")
_CN_YEAR_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_YEAR_DIGITS.update({"零": 0, "○": 0, "Ｏ": 0})


@dataclass(frozen=True)
class DateLine:
    iso: str | None     # None when the line has blanks (20__年) or is not a real date
    text: str


_DATE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def match_date_line(line: str) -> DateLine | None:
    """"2025年2月28日" / "二〇二五年二月二十八日" / "20__年2月28日" on a line of its own."""
    text = line.strip()
    if len(text) > 24:     # (translating digits keeps the length)
        return None
    text = text.translate(_DATE_DIGITS)
    match = _DATE_LINE.match(text)
    if not match:
        return None
    year_text, month_text, day_text = match.group("y", "m", "d")
    if year_text.isdigit():
        year = int(year_text) if len(year_text) == 4 else None
    elif len(year_text) == 4 and all(c in _CN_YEAR_DIGITS for c in year_text):
        year = int("".join(str(_CN_YEAR_DIGITS[c]) for c in year_text))
    else:
        year = None
    month = parse_chinese_number(month_text)
    day = parse_chinese_number(day_text)
    iso = None
    if year and month and day:
        try:
            iso = datetime.date(year, month, day).isoformat()
        except ValueError:
            iso = None
    return DateLine(iso, line.strip())


_NOT_IN_SIGNATURE = "。！？!?，,；;：:“”"


def looks_like_signature(line: str) -> bool:
    """A short line with no sentence punctuation: 某某中学工会委员会."""
    text = line.strip()
    return (0 < len(text) <= 30 and not any(c in text for c in _NOT_IN_SIGNATURE)
            and match_label(text) is None and month_head(text) is None)


def organization_from_signature(signature: str) -> str:
    """某某中学工会委员会 -> 某某中学工会 (the committee signs for the union)."""
    if signature.endswith("工会委员会"):
        return signature[:-3]
    return signature


_TITLE_WORDS = re.compile(r"计划|要点|安排|打算|方案|思路|规划|行事历")
_YEAR_IN_TITLE = re.compile(
    r"(?:19|20)\d{2}\s*(?:[-—–－~～至/]+\s*(?:19|20)?\d{2,4})?\s*(?:学年度|学年|年度|年)?"
    r"|[〇零○一二三四五六七八九]{4}\s*(?:[-—–－至]+\s*[〇零○一二三四五六七八九]{4})?\s*(?:学年度|学年|年度|年)?")


def looks_like_title(line: str) -> bool:
    text = line.strip()
    return (0 < len(text) <= 60 and text[-1] not in "。；;，,：:" and match_label(text) is None
            and _TITLE_WORDS.search(fold(text)) is not None)


def organization_from_title(title: str) -> str:
    """"2025年某某中学工会工作计划" -> "某某中学工会"; "" when the title names none."""
    rest = _YEAR_IN_TITLE.sub("", title).strip()
    rest = re.sub(r"^(?:上|下)半年|^第[一二]学期|^(?:上|下|秋季|春季)学期", "", rest)
    match = re.match(r"(.+?(?:总工会|工会|委员会))", rest)
    if not match or match.group(1) in ("工会", "总工会"):
        return ""
    org = match.group(1)
    return org if len(org) <= 30 else ""


def first_year(text: str) -> int | None:
    """The first four-digit year (or 二〇二五) in a title-like text."""
    match = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)
    if match:
        return int(match.group(1))
    match = re.search(r"[〇零○一二三四五六七八九]{4}", text)
    if match and all(c in _CN_YEAR_DIGITS for c in match.group()):
        value = int("".join(str(_CN_YEAR_DIGITS[c]) for c in match.group()))
        return value if 1900 <= value <= 2999 else None
    return None
