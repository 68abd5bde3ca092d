"""Word's automatic numbering, as the reader sees it: "一、" "（一）" "1."

The number is not in the paragraph's text: it comes from w:numPr (on the
paragraph, or on its style, following basedOn), resolved through
numbering.xml (w:num -> w:abstractNum -> w:lvl with numFmt and lvlText).
numId 0 switches numbering off. Counters run per abstract list, as Word
continues a list across numIds that share one, and restart when a w:num
says startOverride or a higher level moves on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.numbering import chinese_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


_NAMES: dict[str, str] = {}


def w(tag: str) -> str:
    name = _NAMES.get(tag)
    if name is None:
        name = _NAMES[tag] = f"{{{W}}}{tag}"
    return name


_W_VAL = w("val")


def wval(element, tag: str) -> str | None:
    """The w:val of a child element, or None."""
    if element is None:
        return None
    for child in element.iterchildren(w(tag)):
        return child.get(_W_VAL)
    return None


_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                    "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting",
                    "japaneseLegal", "koreanCounting", "ideographLegalTraditional"}


#: Word accepts start values up to 32767 and says so in its dialog; a file
#: may say anything (10^30), so starts are clamped to Word's range and any
#: counter to MAX_COUNTER before it is formatted: a numbering "bomb" costs
#: no more time or memory than an ordinary list.
MAX_START = 32767
MAX_COUNTER = 99_999
#: Word spells letters aa, bbb …; after 780 (zz…z, 30 times) it starts over.
_LETTER_CYCLE = 780


def _clamped_int(text: str | None, default: int) -> int:
    """A decimal attribute as an int in 0..MAX_START; digits beyond any sense
    are not even converted (int() of a 10^6-digit string is slow)."""
    if not text:
        return default
    text = text.strip()
    negative = text.startswith("-")
    digits = text.lstrip("-")
    if not digits.isdigit() or not digits.isascii():
        return default
    if negative:
        return 0
    if len(digits.lstrip("0")) > 5:
        return MAX_START
    return min(int(digits), MAX_START)


def _ilvl(text: str | None) -> int | None:
    """A list level 0..8 from its attribute, or None."""
    if text and text.isascii() and text.isdigit() and len(text) <= 2:
        return int(text) if int(text) <= 8 else None
    return None


def format_number(value: int, fmt: str) -> str:
    """A counter in one of Word's number formats (the ones plans use),
    clamped to 0..MAX_COUNTER so the text stays short."""
    value = min(max(int(value), 0), MAX_COUNTER)
    if fmt in _CHINESE_FORMATS:
        return chinese_number(value)
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(value))
    if fmt == "ideographTraditional":
        return _TIANGAN[(value - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[value - 1] if 1 <= value <= 20 else f"({value})"
    if fmt == "decimalEnclosedParen":
        return f"({value})"
    if fmt == "decimalEnclosedFullstop":
        return f"{value}."
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "decimalFullWidth":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("lowerLetter", "upperLetter"):
        if value < 1:
            return ""
        value = (value - 1) % _LETTER_CYCLE + 1
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        if not 1 <= value <= 3999:
            return str(value)          # no Roman numeral: the digits, as a reader would
        out, rest = "", value
        for amount, numeral in _ROMAN:
            while rest >= amount:
                out += numeral
                rest -= amount
        return out.upper() if fmt == "upperRoman" else out
    return str(value)


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False
    style: str | None = None


def _level(element) -> Level:
    level = Level()
    level.fmt = wval(element, "numFmt") or "decimal"
    text = element.find(w("lvlText"))
    level.text = text.get(w("val"), "") if text is not None else ""
    level.start = _clamped_int(wval(element, "start"), 1)
    level.legal = element.find(w("isLgl")) is not None
    level.style = wval(element, "pStyle")
    return level


class NumberingResolver:
    """Labels for the paragraphs of one document, read in order."""

    def __init__(self, numbering_element=None, styles_element=None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}          # abstractNumId -> numStyleLink style id
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.styles: dict[str, object] = {}
        self.counters: dict[str, list[int | None]] = {}
        self._style_num: dict = {}
        self.started: set[str] = set()
        if styles_element is not None:
            for style in styles_element.iterchildren(w("style")):
                style_id = style.get(w("styleId"))
                if style_id:
                    self.styles[style_id] = style
        if numbering_element is not None:
            self._read_numbering(numbering_element)

    def _read_numbering(self, root) -> None:
        for abstract in root.iterchildren(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"))
            if aid is None:
                continue
            levels: dict[int, Level] = {}
            for lvl in abstract.iterchildren(w("lvl")):
                ilvl = _ilvl(lvl.get(w("ilvl")))
                if ilvl is not None:
                    levels[ilvl] = _level(lvl)
            self.abstracts[aid] = levels
            link = wval(abstract, "numStyleLink")
            if link:
                self.style_links[aid] = link
        for num in root.iterchildren(w("num")):
            num_id = num.get(w("numId"))
            aid = wval(num, "abstractNumId")
            if num_id is None or aid is None:
                continue
            starts: dict[int, int] = {}
            levels = {}
            for override in num.iterchildren(w("lvlOverride")):
                ilvl = _ilvl(override.get(w("ilvl")))
                if ilvl is None:
                    continue
                start = wval(override, "startOverride")
                if start is not None and start.strip().lstrip("-").isdigit():
                    starts[ilvl] = _clamped_int(start, 1)
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self.nums[num_id] = (aid, starts, levels)

    # --- styles
    def style_chain(self, style_id: str | None) -> list:
        chain: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen and len(chain) < 20:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style)
            style_id = wval(style, "basedOn")
        return chain

    def _num_pr(self, p) -> tuple[str, int | None] | None:
        ppr = p.find(w("pPr"))
        num_pr = ppr.find(w("numPr")) if ppr is not None else None
        if num_pr is not None and (num_id := wval(num_pr, "numId")) is not None:
            ilvl = wval(num_pr, "ilvl")
            return num_id, _ilvl(ilvl)
        style_id = wval(ppr, "pStyle") if ppr is not None else None
        if style_id not in self._style_num:         # once per style: styles do not change while reading
            self._style_num[style_id] = self._style_num_pr(style_id)
        return self._style_num[style_id]

    def _style_num_pr(self, style_id: str | None) -> tuple[str, int | None] | None:
        for style in self.style_chain(style_id):
            style_ppr = style.find(w("pPr"))
            num_pr = style_ppr.find(w("numPr")) if style_ppr is not None else None
            if num_pr is not None and (num_id := wval(num_pr, "numId")) is not None:
                ilvl = wval(num_pr, "ilvl")
                if _ilvl(ilvl) is not None:
                    return num_id, _ilvl(ilvl)
                return num_id, self._level_for_style(num_id, style_id)
        return None

    def _level_for_style(self, num_id: str, style_id: str | None) -> int:
        """A style tied to a list level by w:lvl/w:pStyle."""
        entry = self.nums.get(num_id)
        if entry and style_id:
            for ilvl, level in self.abstracts.get(entry[0], {}).items():
                if level.style == style_id:
                    return ilvl
        return 0

    def _abstract_levels(self, aid: str) -> dict[int, Level]:
        levels = self.abstracts.get(aid, {})
        if not levels and aid in self.style_links:
            # numStyleLink: the list is defined by the numbering of a style
            for style in self.style_chain(self.style_links[aid]):
                ppr = style.find(w("pPr"))
                num_pr = ppr.find(w("numPr")) if ppr is not None else None
                linked = self.nums.get(wval(num_pr, "numId") or "") if num_pr is not None else None
                if linked and linked[0] != aid:
                    return self.abstracts.get(linked[0], {})
        return levels

    # --- labels
    def label(self, p) -> str:
        """The number Word shows before this paragraph ("" when none), and
        advance the counters as Word does."""
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = 0 if ilvl is None else min(max(ilvl, 0), 8)
        aid, starts, overrides = self.nums[num_id]
        levels = dict(self._abstract_levels(aid))
        levels.update(overrides)
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(aid, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for k, start in starts.items():
                if 0 <= k <= 8:
                    counters[k] = start - 1
        current = counters[ilvl]
        counters[ilvl] = (levels[ilvl].start if current is None else min(current + 1, MAX_COUNTER))
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        text = level.text
        for k in range(8, -1, -1):
            token = f"%{k + 1}"
            if token not in text:
                continue
            other = levels.get(k, Level())
            value = counted if (counted := counters[k]) is not None else other.start
            fmt = "decimal" if level.legal and k != ilvl else other.fmt
            text = text.replace(token, format_number(max(value, 0), fmt))
        text = text.strip()
        if text and text[-1] in "0123456789":
            text += " "   # Word puts a tab after the number: keep "1.1" apart from the words
        return text
