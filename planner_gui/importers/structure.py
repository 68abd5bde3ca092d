"""The walk over a plan's lines: headings, body, the month schedule, closing.

text_plan.build_plan hands it the classified lines (title, signature and date
already taken off); it nests headings by the rank of their numbers, collects
activities under month lines, and leaves everything else as body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.hanzi import fold
from ..core.months import MonthHead
from ..core.plan import Section
from ..core.sanitize import clean_text
from . import cancel
from .base import Block, ImportReport, PlanImportError, Table, excerpt
from .lines import (CLOSING_PUNCT, ITEM_COUNT, MONTH_PART, Label, ends_open, match_date_line, match_label, month_head,
                    split_heading, strip_bullet)
from .period_guess import MonthSpec
from .tables import read_schedule, split_items, table_lines

MAX_BLOCKS = 50_000
_DAYISH = re.compile(r"^[0-9０-９一二三四五六七八九十]{1,3}\s*[日号]")

_SCHEDULE_WORDS = re.compile(r"月份|月度|逐月|每月|行事历|日程|安排|一览|计划表")
_CLOSING = re.compile(r"^(?:总之|综上|总而言之|新的一年|在新的一年|新的学年|新学年|新学期|展望|让我们|"
                      r"我们相信|我们坚信|我们将在|最后|谢谢|今后|下一步)")
_OWNER = re.compile(r"[（(](?:负责人|责任人|责任部门|负责部门|负责|牵头|承办|主办)\s*[:：]\s*(?P<o>[^（）()]{1,30})[)）]"
                    r"\s*(?P<p>[。；;，,.]?)\s*$")


@dataclass
class Line:
    text: str
    label: Label | None
    head: MonthHead | None
    rank: float | None          # heading rank when the line is a heading candidate
    bold_prefix: int = 0
    title_hint: bool = False
    table: Table | None = None
    outline: float | None = None
    head_after_label: bool = False   # `head` was read after an item number (1、9月中旬……)


@dataclass
class _RawActivity:
    spec: list[tuple[int, bool | int]] | None   # see period_guess.MonthSpec
    text: str
    owner: str = ""
    note: str = ""


@dataclass
class _Schedule:
    opener: float                       # a heading of this rank or above ends the schedule
    months: list[tuple[int, bool | int]] | None = None


def expand(blocks: list[Block]) -> list[Block]:
    """Split blocks at line breaks; Word's label goes in front of the text."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if index % 512 == 0:
            cancel.check()
        if block.table is not None:
            out.append(block)
            continue
        text = clean_text(block.text)
        parts = [strip_bullet(p.strip()) for p in text.split("\n")]
        first = True
        for part in parts:
            part = part.strip()
            if not part:
                continue
            if first:
                label = block.label.strip()
                if label and label[-1] in "0123456789":
                    label += " "          # 1.1 加强… : keep the number apart from the words
                bold = block.bold_prefix
                if label:
                    part = f"{label}{part}"
                    bold = bold + len(label) if bold else 0
                out.append(Block(part, "", block.outline, block.title_hint, bold,
                                 numbered=len(label) if label else block.numbered))
                first = False
            else:
                out.append(Block(part))
        if len(out) > MAX_BLOCKS:
            raise PlanImportError(f"段落太多（超过 {MAX_BLOCKS} 段），不像是一份工作计划，未导入。")
    return out


def classify(block: Block) -> Line:
    if block.table is not None:
        return Line("", None, None, None, table=block.table)
    text = block.text
    label = match_label(text)
    head = month_head(text)
    if label is not None and label.kind in _ITEM_KINDS and (
            head is None or block.numbered or _not_a_range(label, head)):
        # "1、9月中旬……": item 1, in September (Word's own number, or months
        # that would make no range) — the month is read after the number
        head = month_head(label.rest)
        after = True
        if head is not None and head.anytime:
            head = None              # "1、全年……" is not an item naming its month
    else:
        after = False
    rank = label.rank if label else None
    if block.outline is not None and len(text) <= 60 and (label is None or block.numbered):
        rank = block.outline - 0.5      # Word's outline level says the level, whatever the number looks like
    bold = max(0, block.bold_prefix - (len(text) - len(label.rest)) if label else block.bold_prefix)
    return Line(text, label, head, rank, bold, block.title_hint, outline=block.outline,
                head_after_label=after and head is not None)


_ITEM_KINDS = {"arabic", "paren_arabic", "half_paren", "circled"}


def _not_a_range(label: Label, head: MonthHead) -> bool:
    """"1、9月" reads as item 1 in September, not as January and September;
    "7、8月" stays July and August."""
    months = [m for m, _ in head.months]
    return (len(months) == 2 and months[0] == label.number and months[1] != months[0] + 1
            and head.spec.startswith(label.text.rstrip()))
_SENTENCE_STOP = "。！？；;!?"


def reads_as_sentence(rest: str) -> bool:
    """The words after a 1、 / (1) / ① number make one sentence, not a heading:
    "召开职工代表大会，审议年度报告。" (a single sentence with a comma, or a
    longer one) or a line running past what a heading takes. A short phrase
    ("提升服务能力") and a run-in heading ("宣传维权。通过……", a first
    sentence with more text after it) read as headings."""
    cut = next((i for i, ch in enumerate(rest[:200]) if ch in _SENTENCE_STOP), -1)
    if cut < 0:
        return len(rest) > 28 or (("，" in rest or "," in rest) and len(rest) > 18)
    first = rest[:cut]
    if cut >= len(rest.rstrip()) - 1:
        return len(first) > 14 or "，" in first or "," in first
    return len(first) > 40


_GLUED = re.compile(r"[。；;！!？?](?P<tail>[^。；;！!？?]{2,14})$")


def split_glued_labels(lines: list[Line], report: ImportReport) -> list[Line]:
    """"……明确工作目标。三月" + items below: the month label a web page glued
    to the end of the previous line starts a line of its own again."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        match = _GLUED.search(line.text) if line.table is None and len(line.text) > 4 else None
        if match:
            tail = match.group("tail").strip()
            head = month_head(tail)
            following = lines[index + 1] if index + 1 < len(lines) else None
            glued = head is not None and not head.rest and (
                head.months or following is not None and (following.label is not None or following.rank is None))
            # …。全年 / …。长期 ends the line, items (numbered or not) below: a label
            if glued and following is not None and following.table is None and following.head is None:
                out.append(classify(Block(line.text[:match.start("tail")].rstrip(), outline=line.outline,
                                          title_hint=line.title_hint, bold_prefix=line.bold_prefix)))
                out.append(classify(Block(tail)))
                report.add("guess", "粘在上一行末尾的月份已单独成行", tail)
                continue
        out.append(line)
    return out


def _is_structural(line: Line) -> bool:
    return (line.table is not None or line.rank is not None or match_date_line(line.text) is not None
            or (line.head is not None and line.head.separated))


def join_broken(lines: list[Line], report: ImportReport) -> list[Line]:
    """Join paragraphs a page break or a web page split in two ("……要不" +
    "断学习……"): the first stops mid-sentence and the next is plain text."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.table is None and not _is_structural(line) \
                and not _CLOSING.match(line.text) and _should_join(prev, line):
            joined = prev.text + line.text
            new = classify(Block(joined, outline=None if prev.rank is None or prev.label else prev.rank + 0.5,
                                  title_hint=prev.title_hint))
            if prev.label is None and prev.rank is not None:
                new.rank = prev.rank
            new.bold_prefix = prev.bold_prefix
            out[-1] = new
            report.add("guess", "两段疑似被断开的文字已在此处接上", prev.text[-16:] + line.text[:16])
            continue
        out.append(line)
    return out


def _should_join(prev: Line, line: Line) -> bool:
    text = prev.text
    if not ends_open(text) or prev.head is not None and prev.head.separated:
        return False
    if prev.label is not None and not prev.label.rest:
        return True                                   # "一、" alone, words on the next line
    if text[-1] in "，,、（(“‘《【—":
        return True
    if prev.rank is not None and prev.label is not None and len(prev.label.rest) <= 60:
        # a heading that wrapped: the rest is short and ends the sentence
        return (len(prev.label.rest) >= 20 and len(line.text) <= 40
                and line.text[-1] in "。！？)）" and not line.text.endswith(("：", ":")))
    if prev.rank is not None and prev.label is None:
        return False
    return len(text) >= 30


def demote_sentence_lists(lines: list[Line], report: ImportReport) -> None:
    """Numbered lists whose items are sentences are body text, not headings.

    A run of 1、 2、 3、 (or (1) ①) items is judged as a whole: its items are
    headings when most of them read as headings (a short phrase, or a short
    run-in phrase before the text: "1. 宣传维权。通过……") or when most have
    paragraphs of their own under them; otherwise ("1、召开职工代表大会，审议
    年度报告。" one after another) the whole list is kept as paragraphs. Word's
    outline levels and bold run-in headings are believed. Lists numbered the
    same way (1、 or 1.) are read alike across the plan: when one of them is
    clearly a list of headings, so are the others."""
    verdicts: list[tuple[tuple[str, str], list[int], bool]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        label = line.label
        if label is None or label.kind not in _ITEM_KINDS or line.rank is None or label.number != 1 \
                or line.outline is not None:
            index += 1
            continue
        items = [index]
        bodies = 0
        expect = 2
        j = index + 1
        gap = 0
        while j < len(lines):
            other = lines[j]
            if other.table is not None:
                break
            if other.label is not None and other.label.kind == label.kind and other.label.number == expect:
                if gap:
                    bodies += 1
                items.append(j)
                expect += 1
                gap = 0
            elif other.rank is not None and (other.label is None or other.label.kind != label.kind
                                             or other.label.number == 1):
                break
            elif other.head is not None and (other.head.separated or not other.head.rest):
                break
            else:
                gap += 1
            j += 1
        if gap and items[-1] < j:
            bodies += 1
        headingish = sum(1 for i in items if lines[i].bold_prefix or not reads_as_sentence(lines[i].label.rest))  # type: ignore[misc, union-attr]  # items are labelled lines
        is_heading = headingish * 2 >= len(items) or bodies * 2 >= len(items)
        before = lines[index - 1] if index else None
        if before is not None and (before.head is not None and (before.head.separated or not before.head.rest)
                                   or MONTH_PART.match(before.text.strip())) \
                or sum(1 for i in items if lines[i].head is not None) * 2 > len(items):
            index = items[-1] + 1
            continue        # activities (under a month label, or naming their months): the schedule decides
        verdicts.append(((label.kind, label.text.strip()[-1:]), items, is_heading))
        index = items[-1] + 1
    heading_keys = {key for key, _, is_heading in verdicts if is_heading}
    for key, items, is_heading in verdicts:
        if is_heading or key in heading_keys:
            continue
        for i in items:
            lines[i].rank = None
        report.add("guess", "编号的句子读作正文段落，而不是小标题", lines[items[0]].text)


class Builder:
    def __init__(self, lines: list[Line], report: ImportReport):
        self.lines = lines
        self.report = report
        self.preamble: list[str] = []
        self.sections: list[Section] = []
        self.stack: list[tuple[float, Section]] = []
        self.pending_closing: list[str] = []
        self.closing_mode = False
        self.armed: float | None = None
        self.armed_label: tuple[str, int] | None = None   # the kind and number of the heading that armed
        self.schedule: _Schedule | None = None
        self.activities: list[_RawActivity] = []
        self.specs: list[MonthSpec] = []
        self.schedule_sections: list[Section] = []
        self.comma_labels = 0
        self.month_start = 0
        self.month_numbered = False
        self.schedule_numbered = False
        self.last_item = 0
        self.last_kind = ""
        self.month_part = ""     # 上旬 / 下旬 … written over the activities that follow
        self.schedule_start = 0
        self.dot_labels = 0
        heading_ranks = [ln.rank for ln in lines if ln.rank is not None and not self._month_like(ln)]
        self.top_rank = min(heading_ranks) if heading_ranks else 0.0

    # -- helpers
    @staticmethod
    def _month_like(line: Line) -> bool:
        return line.head is not None and (line.head.separated or not line.head.rest)

    def container(self) -> list[str]:
        return self.stack[-1][1].body if self.stack else self.preamble

    def current_rank(self) -> float:
        return self.stack[-1][0] if self.stack else self.top_rank - 1

    def _flush_closing(self) -> None:
        if self.pending_closing:
            self.container().extend(self.pending_closing)
            self.pending_closing = []
        self.closing_mode = False

    # -- month lines
    def _month_ok(self, index: int, line: Line) -> bool:
        head = line.head
        if head is None or len(set(head.months)) != len(head.months):
            return False
        if head.anytime and not head.separated:
            return False
        label = line.label
        if label is not None and label.kind in _ITEM_KINDS and self.last_item and label.number == self.last_item + 1 \
                and label.kind == self.last_kind \
                and head.months and head.months[0][0] == label.number and head.rest and not head.separated:
            return False        # "5、6月底前……" after item 4: item 5, in June (not "5、6月份：")
        if label is not None and label.kind in _ITEM_KINDS and label.number == 1 and not self.last_item \
                and (len(self.activities) == self.month_start if self.schedule is not None else self.armed is not None) \
                and head.months and head.months[0][0] == 1 and head.rest and not head.separated \
                and "份" not in head.spec:
            return False        # "三月份" (or "工作安排如下：") then "1，2月左右……": the first item, in February
        rest = head.rest
        rest_is_list = match_label(rest) is not None
        if self.schedule is not None or self.armed is not None:
            return head.separated or len(rest) <= 40 or rest_is_list
        if not head.separated or len(rest) > 60:
            return False
        # no announcing heading: a run of month lines (全年 / 长期 may lead it) is a schedule
        count = 0 if head.anytime else 1
        for other in self.lines[index + 1:index + 80]:
            if other.table is not None:
                break
            if other.rank is not None and other.head is None and other.rank <= self.current_rank() \
                    and not (other.label is not None and other.label.kind in _ITEM_KINDS):
                break
            if other.head is not None and other.head.separated and not other.head.anytime \
                    and len(set(other.head.months)) == len(other.head.months):
                count += 1
                if count >= 2:
                    self.report.add("guess", "没有“月份安排”之类的标题，按连续的月份行识别为月份安排", line.text)
                    return True
        return False

    def _start_month(self, line: Line) -> None:
        if self.schedule is None:
            opener = self.armed if self.armed is not None else (self.current_rank() if self.stack else self.top_rank)
            self.schedule = _Schedule(opener)
            self.schedule_start = len(self.activities)
            self.schedule_numbered = False
            if self.stack:
                self.schedule_sections.append(self.stack[-1][1])
        head = line.head
        assert head is not None, "a month line"
        self.schedule.months = list(head.months)
        self.month_start = len(self.activities)
        self.month_numbered = match_label(head.rest.lstrip("：:，,、 ")) is not None
        self.schedule_numbered = self.schedule_numbered or self.month_numbered
        self.last_item = 0
        self.month_part = head.part
        if ITEM_COUNT.match(head.part):
            self.month_part = ""
            self.report.add("note", f"月份后的“（{head.part}）”是条目数，未作为活动", line.text)
        elif head.part:
            self.report.add("guess", f"月份后的“{head.part}”已记入其下各项活动的备注", line.text)
        if head.months:
            self.specs.append(list(head.months))
        rest = head.rest.lstrip("：:，,、 ").strip()
        for item in split_items(rest):
            self._add_activity(item)

    def _add_activity(self, text: str, months=None) -> None:
        text = text.strip()
        if not text:
            return
        assert self.schedule is not None, "activities are added inside a schedule"
        spec = self.schedule.months if months is None else months
        self.activities.append(_RawActivity(list(spec) if spec is not None else None, text, "", self.month_part))

    def _continues(self, line: Line) -> bool:
        """An unnumbered line under a month continues the activity above when
        the month's activities are numbered (a web page or a narrow column
        broke the item), or when the item above stops mid-sentence in a list
        whose items end in 。 or ；."""
        if not self.activities or len(self.activities) <= self.month_start or line.head is not None:
            return False
        last = self.activities[-1].text
        if last[-1:] in "。！？!?":
            return False                  # the item above is a finished sentence
        if self.month_numbered or self.schedule_numbered:
            return True
        if not last or last[-1] in CLOSING_PUNCT or last[-1] in "：:":
            return False
        # unnumbered: when every activity so far ends in 。 or ；, one that does
        # not was broken off; a list written without end marks tells nothing
        ends = "。；;！!？?）)"
        earlier = [a.text for a in self.activities[self.schedule_start:-1]]
        if not earlier:
            return line.text[-1:] in ends
        return all(t[-1:] in ends for t in earlier)

    def _inner_month(self, line: Line) -> MonthHead | None:
        """"1、九月中旬组织……" / "9月左右组织……": an item that names its month
        at its start (the month words stay in the activity's text)."""
        label = line.label
        if label is not None:
            if label.kind not in _ITEM_KINDS or not label.rest:
                return None
            head = month_head(label.rest)
        else:
            head = line.head
            if head is None or head.separated:
                return None
        return head if head is not None and head.months and len(set(head.months)) == len(head.months) else None

    def _inner_month_run(self, index: int) -> bool:
        """Two numbered items in a row that each start with a month."""
        count = 0
        for other in self.lines[index:index + 6]:
            if self._inner_month(other) is not None:
                count += 1
                if count >= 2:
                    return True
            elif other.label is not None or other.head is not None or other.table is not None:
                return False
        return False

    def finish(self) -> None:
        """Owners written inside items: "……（负责人：工会主席）。" -> owner."""
        for activity in self.activities:
            if activity.owner:
                continue
            folded = fold(activity.text)
            match = _OWNER.search(folded)
            if match and match.start() > 0:
                activity.owner = activity.text[match.start("o"):match.end("o")].strip()
                activity.text = (activity.text[:match.start()].rstrip() + match.group("p")).strip()

    def _is_item(self, line: Line) -> bool:
        """A 1、 / (1) / ① line in a schedule is an activity, unless it is the
        next heading after the one that announced the schedule (3. 月份安排
        … 4. 工作要求)."""
        label = line.label
        if label is None or label.kind not in _ITEM_KINDS:
            return False
        return self.armed_label is None or self.armed_label != (label.kind, label.number - 1)

    def _end_schedule(self) -> None:
        self.schedule = None
        self.armed, self.armed_label = None, None

    # -- headings
    def _open_section(self, line: Line) -> None:
        self._flush_closing()
        rank = line.rank
        assert rank is not None, "a heading candidate"
        label = line.label
        if label is not None:
            heading, body = split_heading(label.rest, line.bold_prefix)
            if label.kind == "arabic":
                if label.comma:
                    self.comma_labels += 1
                else:
                    self.dot_labels += 1
        else:
            heading, body = split_heading(line.text, line.bold_prefix)
            self.report.add("guess", "没有编号的段落按 Word 的标题样式（大纲级别）作为标题", heading)
        if self.armed is not None and rank <= self.armed:
            self.armed, self.armed_label = None, None
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        section = Section("", heading, [], [])
        (self.stack[-1][1].children if self.stack else self.sections).append(section)
        self.stack.append((rank, section))
        if body:
            section.body.append(body)
            if len(heading) > 60:
                self.report.add("guess", "编号后的第一句较长，已作为小标题，其余作为正文", heading)
        if _SCHEDULE_WORDS.search(fold(heading)) and len(heading) <= 24 and "，" not in heading:
            self.armed = rank
            self.armed_label = (label.kind, label.number) if label is not None else None

    # -- the walk
    def run(self) -> None:
        for index, line in enumerate(self.lines):
            if index % 256 == 0:
                cancel.check()
            if line.table is not None:
                self._table(line.table)
                continue
            text = line.text
            is_month = self._month_ok(index, line) if line.head is not None and not (
                line.head_after_label and not line.head.separated) else False
            if is_month:
                self._flush_closing()
                self._start_month(line)
                continue
            inner = self._inner_month(line) if line.label is not None or line.head is not None else None
            if inner is not None and (self.schedule is not None or self.armed is not None
                                      or self._inner_month_run(index)):
                self._flush_closing()
                if self.schedule is None:
                    self._start_month(Line(text, None, MonthHead([], "", "", True), None))
                    self.schedule.months = None  # type: ignore[attr-defined]  # _start_month has just set it
                    self.report.add("guess", "编号条目开头写有月份，已按所写月份归入月份安排", text)
                self.month_numbered = self.schedule_numbered = line.label is not None
                if line.label is not None:
                    self.last_item, self.last_kind = line.label.number, line.label.kind
                self._add_activity(line.label.rest if line.label is not None else text, months=list(inner.months))
                continue
            if self.schedule is not None and line.label is None and (part := MONTH_PART.match(text.strip())):
                self.month_part = part.group("part")     # 上旬 / 下旬 on its own, inside a month
                self.report.add("guess", f"“{self.month_part}”已记入其下各项活动的备注", text)
                continue
            if self.schedule is not None:
                if line.rank is not None and line.rank <= self.schedule.opener and not self._is_item(line):
                    self._end_schedule()
                elif _CLOSING.match(fold(text)) or (line.label is None and len(text) > 150):
                    self._end_schedule()
                    self.closing_mode = True
                    self.pending_closing.append(text)
                    continue
                elif line.label is None and self._continues(line):
                    self.activities[-1].text += text
                    self.report.add("guess", "被断开的一项活动已接上", text)
                    continue
                elif line.label is None and self.schedule_numbered and len(text) > 60 and line.head is None:
                    self._end_schedule()     # a paragraph after numbered activities: the schedule is over
                    self.report.add("guess", "月份安排之后的长段落已作为正文", text)
                if self.schedule is not None:
                    items = split_items(text) if line.label else [text]
                    for item in items:
                        self._add_activity(item)
                    if line.label is not None:
                        self.month_numbered = self.schedule_numbered = True
                        self.last_item, self.last_kind = line.label.number, line.label.kind
                    continue
            if line.rank is not None and not (self.stack == [] and line.rank > self.top_rank and line.label):
                self._open_section(line)
                continue
            if line.rank is not None:
                self.report.add("unplaced", "第一个标题之前的编号段落，保留为开头正文", text)
            if self.closing_mode or (_CLOSING.match(fold(text)) and (self.sections or self.activities)):
                self.closing_mode = True
                self.pending_closing.append(text)
                continue
            if _SCHEDULE_WORDS.search(fold(text)) and len(text) <= 24 and text.endswith(("：", ":", "如下")):
                self.armed, self.armed_label = self.current_rank(), None   # announced by a paragraph
            self.container().append(text)

    def _table(self, table: Table) -> None:
        self._flush_closing()
        rows = read_schedule(table)
        if rows is None:
            lines = table_lines(table)
            self.container().extend(lines)
            if lines:
                self.report.add("unplaced", "表格不是月份安排表，已按行转为正文（单元格之间用“｜”隔开）", lines[0])
            return
        if self.stack and self.stack[-1][1] not in self.schedule_sections:
            self.schedule_sections.append(self.stack[-1][1])
        for row in rows:
            if row.months is None:
                self.report.add("guess", f"表格中的月份“{excerpt(row.month_text, 12)}”无法识别，作为全年活动",
                                row.text)
                note = "；".join(p for p in (row.month_text, row.note) if p)
                self.activities.append(_RawActivity([], row.text, row.owner, note))
            else:
                if row.months:
                    self.specs.append(list(row.months))
                self.activities.append(_RawActivity(list(row.months), row.text, row.owner, row.note))
        self.schedule = None
        self.armed, self.armed_label = None, None
