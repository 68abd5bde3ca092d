"""Numbers as Chinese documents write them: 一、 （一） 1. （1） ①, 二〇二五年.

Section numbering is computed from a section's position in the tree, never
typed or stored, so moving a section renumbers everything at once.
"""

from __future__ import annotations

import datetime

_DIGITS = "零一二三四五六七八九"
_UNITS = ["", "十", "百", "千"]
_BIG = ["", "万", "亿", "兆"]
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _below_10000(n: int) -> str:
    out: list[str] = []
    zero = False
    for power in range(3, -1, -1):
        digit = (n // 10 ** power) % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[digit] + _UNITS[power])
    return "".join(out)


def chinese_number(n: int) -> str:
    """0 -> 零, 10 -> 十, 21 -> 二十一, 105 -> 一百零五, 10010 -> 一万零一十."""
    if n < 0:
        return "负" + chinese_number(-n)
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(_BIG):
        raise ValueError("number too large")
    out = ""
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out += "零"
        out += _below_10000(group) + _BIG[index]
        need_zero = False
    # 一十 -> 十 at the very start (十一, 十二 … not 一十一)
    if out.startswith("一十"):
        out = out[1:]
    return out


#: What parse_chinese_number reads (made once: importers call it per line).
_PARSE_DIGITS = {**{c: i for i, c in enumerate(_DIGITS)}, "〇": 0, "两": 2, "元": 1}
_PARSE_UNITS = {"十": 10, "百": 100, "千": 1000}
_PARSE_BIG = {"万": 10 ** 4, "亿": 10 ** 8}


def parse_chinese_number(text: str) -> int | None:
    """二十一 -> 21, 十 -> 10, 一百零五 -> 105; None when it is not a numeral."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    digits, units, big = _PARSE_DIGITS, _PARSE_UNITS, _PARSE_BIG
    total, wan, section, number = 0, 0, 0, None
    for ch in text:
        if ch in digits:
            number = digits[ch]
        elif ch in units:
            section += (1 if number is None else number) * units[ch]
            number = None
        elif ch == "万":
            wan += (section + (number or 0)) * big["万"]
            section, number = 0, None
        elif ch == "亿":
            total += (wan + section + (number or 0)) * big["亿"]
            wan, section, number = 0, 0, None
        else:
            return None
    total += wan
    return total + section + (number or 0)


def digits_as_chinese(text: str) -> str:
    """'2025' -> '二〇二五' (each digit read out, as in years)."""
    return "".join("〇一二三四五六七八九"[int(c)] if c.isdigit() else c for c in text)


def section_number(depth: int, index: int, level3_style: str = "dot") -> str:
    """The label of the index-th (0-based) section at depth (1-based).

    1: 一、  2: （一）  3: 1. or 1、  4: （1）  5+: ① (falls back to (n) past ⑳).
    """
    n = index + 1
    if depth == 1:
        return f"{chinese_number(n)}、"
    if depth == 2:
        return f"（{chinese_number(n)}）"
    if depth == 3:
        return f"{n}、" if level3_style == "comma" else f"{n}."
    if depth == 4:
        return f"（{n}）"
    return _CIRCLED[index] if index < len(_CIRCLED) else f"({n})"


def number_for_path(path: list[int], level3_style: str = "dot") -> str:
    """The label for a section at a 0-based index path, e.g. [1, 0] -> （一）."""
    return section_number(len(path), path[-1], level3_style)


def format_date(value: str | datetime.date | None, style: str = "arabic") -> str:
    """2025-02-28 -> 2025年2月28日 (no leading zeros, GB/T 9704) or
    二〇二五年二月二十八日 (style "chinese")."""
    if value is None or value == "":
        return ""
    date = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
    if style == "chinese":
        return (f"{digits_as_chinese(str(date.year))}年"
                f"{chinese_number(date.month)}月{chinese_number(date.day)}日")
    return f"{date.year}年{date.month}月{date.day}日"
