"""A page holding several plans, and the site's words around them.

范文 sites print 篇一 … 篇六 (or 【篇1】, 第三篇, "……工作计划（篇二）") on one
page, with banners such as 小编整理, 仅供参考, 欢迎阅读, 相关推荐 and separator
lines. `find_parts` splits the page's blocks at those markers when there
are two or more numbered in order; `is_banner` tells the site's own lines,
which are left out of the plan and listed in the report.

Whether the importer stops to ask is the caller's choice: inside
`offer_choice()` (the editor does this) a page with several plans raises
`SeveralPlans` carrying the parts, and the editor imports the one the user
picks with `import_part`; without it the whole page is read as before, with
a note in the report.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from dataclasses import dataclass, field

from ..core.hanzi import fold
from ..core.numbering import parse_chinese_number
from .base import Block, ImportResult, PlanImportError

_NUM = r"[一二三四五六七八九十]{1,3}|\d{1,2}"
_MARKERS = [
    # 篇一 / 【篇2】 / 篇3： 标题 / 范文一
    re.compile(rf"^[【\[［]?\s*(?:篇|范文|文章)\s*(?P<n>{_NUM})\s*[】\]］]?\s*[：:、.．]?\s*(?P<title>.{{0,60}})$"),
    # 第三篇 / 【第3篇】
    re.compile(rf"^[【\[［]?\s*第\s*(?P<n>{_NUM})\s*篇\s*[】\]］]?\s*[：:、.．]?\s*(?P<title>.{{0,60}})$"),
    # ……工作计划（篇二） / ……工作计划篇二 / ……工作计划【篇2】
    re.compile(rf"^(?P<title>.{{4,60}}?)\s*[（(【\[]?\s*(?:篇|范文)\s*(?P<n>{_NUM})\s*[）)】\]]?$"),
]
_BANNER = re.compile(r"小编|仅供参考|欢迎阅读|欢迎大家阅读|相关推荐|推荐阅读|延伸阅读|敬请关注|点击下方|点击查看|"
                     r"免费下载|下载全文|本文由|本站|网友|收藏本页|希望对(?:您|你|大家)有所帮助|更多.{0,12}(?:范文|内容|请)")
_SEPARATOR = re.compile(r"^[\s\-—_=＝*＊~～·•.。…─━]{3,}$")

_offering = contextvars.ContextVar("planner_offer_choice", default=False)


@dataclass
class Part:
    """One plan of a page: its title, its first lines (for the picker) and its blocks."""
    number: int
    title: str
    preview: list[str]
    blocks: list[Block] = field(repr=False, default_factory=list)
    source: str = ""


class SeveralPlans(PlanImportError):
    """The page holds several plans; the user picks one (`parts`)."""

    def __init__(self, parts: list[Part]):
        super().__init__(f"这一页上有 {len(parts)} 篇计划，请选择要导入的一篇。")
        self.parts = parts


@contextlib.contextmanager
def offer_choice():
    """Within this block, a page with several plans raises SeveralPlans."""
    token = _offering.set(True)
    try:
        yield
    finally:
        _offering.reset(token)


def offering() -> bool:
    return _offering.get()


def is_banner(text: str) -> bool:
    """A site's own line (小编整理…, 仅供参考, 相关推荐, a row of dashes)."""
    text = text.strip()
    if not text:
        return False
    if _SEPARATOR.match(text):
        return True
    return len(text) <= 60 and _BANNER.search(fold(text)) is not None


def _marker(text: str) -> tuple[int, str] | None:
    text = text.strip()
    if len(text) > 70:
        return None
    for pattern in _MARKERS:
        match = pattern.match(text)
        if match:
            raw = match.group("n")
            number = int(raw) if raw.isdigit() else parse_chinese_number(raw)
            if number:
                title = match.group("title").strip(" ：:【】[]（）()")
                return number, title
    return None


def find_parts(blocks: list[Block]) -> list[Part]:
    """The plans of a page, or [] when it holds one plan (fewer than two
    markers numbered 1, 2, 3 … in order)."""
    found: list[tuple[int, int, str]] = []          # (block index, number, title)
    for index, block in enumerate(blocks):
        if block.table is not None or not block.text:
            continue
        marker = _marker(block.text.split("\n", 1)[0])
        if marker is None:
            continue
        number, title = marker
        expected = found[-1][1] + 1 if found else None
        if expected is None and number in (1, 2) or number == expected:
            found.append((index, number, title))
    if len(found) < 2:
        return []
    # "……工作计划篇一", "……工作计划篇二": the page's title, not each plan's own; it stays
    # the plan's title, but the picker names each plan by its first line
    shared = len({title for _, _, title in found}) == 1
    parts: list[Part] = []
    for k, (index, number, title) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(blocks)
        body = [b for b in blocks[index + 1:end] if b.table is not None or not is_banner(b.text)]
        texts = [b.text.strip() for b in body if b.table is None and b.text.strip()]
        if title and not shared:
            heading, preview = title, texts[:5]
        else:
            heading, preview = (texts[0] if texts else title), texts[1:6]
        if title:
            body.insert(0, Block(title, title_hint=True))
        preview = [t[:100] for t in preview]
        parts.append(Part(number, heading[:80], preview, body))
    return parts


def without_banners(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """The blocks without the site's own lines, and those lines."""
    kept, dropped = [], []
    for block in blocks:
        if block.table is None and is_banner(block.text):
            dropped.append(block.text.strip())
        else:
            kept.append(block)
    return kept, dropped


def import_part(part: Part, year: int | None = None) -> ImportResult:
    """The plan the user picked from a page of several."""
    from .text_plan import build_plan

    result = build_plan(list(part.blocks), year, source=part.source or "文本", whole_page=False)
    result.report.add("note", f"这一页上有多篇计划，导入的是第 {part.number} 篇", part.title)
    return result
