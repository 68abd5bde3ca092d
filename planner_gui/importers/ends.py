"""The two ends of a plan: the title (and an organization line) at the top,
the signature and 成文日期 at the bottom."""

from __future__ import annotations

from .base import ImportReport
from .lines import looks_like_signature, looks_like_title, match_date_line
from .structure import Line


def take_tail(lines: list[Line], report: ImportReport) -> tuple[str, str | None, str]:
    """Take the signature and the date off the end: (signature, ISO date, date text kept)."""
    signature, date_iso, kept = "", None, ""
    while lines and lines[-1].table is None and not lines[-1].text.strip():
        lines.pop()
    if not lines or lines[-1].table is not None:
        return signature, date_iso, kept
    date = match_date_line(lines[-1].text)
    if date is None and len(lines) >= 2 and lines[-2].table is None:
        # the date above the signature
        swapped = match_date_line(lines[-2].text)
        if swapped is not None and looks_like_signature(lines[-1].text):
            date = swapped
            signature = lines.pop().text.strip()
            lines.pop()
    elif date is not None:
        lines.pop()
        if lines and lines[-1].table is None and looks_like_signature(lines[-1].text):
            signature = lines.pop().text.strip()
    if date is None:
        return signature, date_iso, kept
    if date.iso is None:
        kept = date.text
        report.add("note", "落款日期未填写完整，已保留原文，成文日期待填", date.text)
    else:
        date_iso = date.iso
    return signature, date_iso, kept


def take_head(lines: list[Line], report: ImportReport) -> tuple[str, str]:
    """Take the title (and an organization line above it) off the top."""
    title, org = "", ""
    if not lines or lines[0].table is not None:
        return title, org
    hinted: list[Line] = []
    for line in lines[:3]:
        text = line.text
        if line.table is None and line.title_hint and line.rank is None and len(text) <= 60 \
                and not (hinted and (text.startswith(("（", "(", "——", "—")) or match_date_line(text))):
            hinted.append(line)   # a title set over two centred lines; not a （讨论稿） or a date under it
        else:
            break
    if hinted:
        title = "".join(line.text for line in hinted)
        del lines[:len(hinted)]
        return title, org
    first = lines[0]
    if first.rank is not None or first.head is not None and first.head.separated:
        return title, org
    if looks_like_title(first.text):
        title = lines.pop(0).text
    elif len(lines) > 1 and looks_like_signature(first.text) and first.text.endswith(("工会", "委员会")) \
            and lines[1].table is None and lines[1].rank is None and looks_like_title(lines[1].text):
        org = lines.pop(0).text
        second = lines.pop(0).text
        title = second if second.startswith(org) else org + second
        report.add("guess", "标题分两行书写，已合为一行，单位名称已作为“单位”", org)
    return title, org
