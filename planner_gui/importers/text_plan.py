"""Plain text of a plan -> Plan, with a report of what was guessed.

The heuristics live here; docx_plan.py only turns a Word file into the same
blocks. How a plan is read:
- the title (a short first line naming 计划/要点/安排) and the organization;
- headings by their typed numbers: 一、 （一） 1. （1） ①, nested by kind
  (Word's automatic numbers and outline levels arrive as labels and hints);
- a numbered line that runs on ("一、加强学习。组织……") is split after its
  first sentence (or after Word's bold run) into heading and body;
- month lines (三月份：, 七至八月, 次年元月份) after a heading that announces the
  schedule (具体月份工作安排, 活动安排, 工作安排如下), or a run of them, start the
  schedule; numbered items under a month become activities;
- a month at the start of ordinary prose ("5月份各基层工会……") is prose;
- the signature and date at the end become meta; paragraphs after the last
  heading that open like a conclusion (总之, 新的一年) become the closing.
Nothing is dropped: whatever is not understood stays as body text, and the
report says what was guessed or left unplaced.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..core.months import MonthHead, resolve
from ..core.plan import Activity, Meta, Plan, Section
from ..core.sanitize import clean_text
from .base import Block, ImportReport, ImportResult, PlanImportError, Table, excerpt
from .lines import (Label, ends_open, looks_like_signature, looks_like_title, match_date_line,
                    match_label, month_head, organization_from_signature, organization_from_title,
                    split_heading, strip_bullet)
from .period_guess import crosses_new_year, guess_period, guess_year
from .tables import read_schedule, split_items, table_lines

MAX_TEXT_CHARS = 2_000_000
MAX_BLOCKS = 50_000

_SCHEDULE_WORDS = re.compile(r"月份|月度|逐月|每月|行事历|日程|安排|一览|计划表")
_CLOSING = re.compile(r"^(?:总之|综上|总而言之|新的一年|在新的一年|新的学年|新学年|新学期|展望|让我们|"
                      r"我们相信|我们坚信|我们将在|最后|谢谢|今后|下一步)")
_OWNER = re.compile(r"[（(](?:负责人|责任人|负责|牵头|责任部门|负责部门|承办|主办)[:：]\s*(?P<o>[^（）()]{1,30})[)）]\s*$")
_TAB_ROW = re.compile(r"\t")


# --- blocks from text ---------------------------------------------------------

def blocks_from_text(text: str) -> list[Block]:
    """One block per non-empty line; consecutive tab-separated lines that
    read as a month table (pasted from Word or Excel) become a table."""
    lines = [line.strip(" \u3000\r") for line in text.split("\n")]
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if _TAB_ROW.search(lines[i]):
            j = i
            while j < len(lines) and _TAB_ROW.search(lines[j]):
                j += 1
            if j - i >= 2:
                table = Table([[cell.strip() for cell in line.split("\t")] for line in lines[i:j]])
                if read_schedule(table):
                    blocks.append(Block(table=table))
                    i = j
                    continue
        if lines[i].strip():
            blocks.append(Block(text=lines[i].strip()))
        i += 1
    return blocks


def import_text(text: str, year: int | None = None) -> ImportResult:
    """The plan in a plain text (pasted, or a .txt file)."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if len(text) > MAX_TEXT_CHARS:
        raise PlanImportError(f"文字太长（超过 {MAX_TEXT_CHARS // 10000} 万字），不像是一份工作计划，未导入。")
    blocks = blocks_from_text(clean_text(text))
    return build_plan(blocks, year, source="文本")


# --- the builder ----------------------------------------------------------------

@dataclass
class _Line:
    text: str
    label: Label | None
    head: MonthHead | None
    rank: float | None          # heading rank when the line is a heading candidate
    bold_prefix: int = 0
    title_hint: bool = False
    table: Table | None = None


@dataclass
class _RawActivity:
    spec: list[tuple[int, bool]] | None
    text: str
    owner: str = ""
    note: str = ""


@dataclass
class _Schedule:
    opener: float                       # a heading of this rank or above ends the schedule
    months: list[tuple[int, bool]] | None = None
    started: bool = False


def _expand(blocks: list[Block]) -> list[Block]:
    """Split blocks at line breaks; Word's label goes in front of the text."""
    out: list[Block] = []
    for block in blocks:
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
                bold = block.bold_prefix
                if label:
                    part = f"{label}{part}"
                    bold = bold + len(label) if bold else 0
                out.append(Block(part, "", block.outline, block.title_hint, bold))
                first = False
            else:
                out.append(Block(part))
        if len(out) > MAX_BLOCKS:
            raise PlanImportError(f"段落太多（超过 {MAX_BLOCKS} 段），不像是一份工作计划，未导入。")
    return out


def _classify(block: Block) -> _Line:
    if block.table is not None:
        return _Line("", None, None, None, table=block.table)
    text = block.text
    label = match_label(text)
    head = month_head(text)
    rank = label.rank if label else None
    if block.outline is not None and label is None and len(text) <= 60:
        rank = block.outline - 0.5
    bold = max(0, block.bold_prefix - (len(text) - len(label.rest)) if label else block.bold_prefix)
    return _Line(text, label, head, rank, bold, block.title_hint)


def _is_structural(line: _Line) -> bool:
    return (line.table is not None or line.rank is not None or match_date_line(line.text) is not None
            or (line.head is not None and line.head.separated))


def _join_broken(lines: list[_Line], report: ImportReport) -> list[_Line]:
    """Join paragraphs a page break or a web page split in two ("……要不" +
    "断学习……"): the first stops mid-sentence and the next is plain text."""
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.table is None and not _is_structural(line) \
                and not _CLOSING.match(line.text) and _should_join(prev, line):
            joined = prev.text + line.text
            new = _classify(Block(joined, outline=None if prev.rank is None or prev.label else prev.rank + 0.5,
                                  title_hint=prev.title_hint))
            if prev.label is None and prev.rank is not None:
                new.rank = prev.rank
            new.bold_prefix = prev.bold_prefix
            out[-1] = new
            report.add("guess", "两段疑似被断开的文字已合并为一段", joined)
            continue
        out.append(line)
    return out


def _should_join(prev: _Line, line: _Line) -> bool:
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


class _Builder:
    def __init__(self, lines: list[_Line], report: ImportReport):
        self.lines = lines
        self.report = report
        self.preamble: list[str] = []
        self.sections: list[Section] = []
        self.stack: list[tuple[float, Section]] = []
        self.pending_closing: list[str] = []
        self.closing_mode = False
        self.armed: float | None = None
        self.schedule: _Schedule | None = None
        self.activities: list[_RawActivity] = []
        self.specs: list[list[tuple[int, bool]]] = []
        self.schedule_sections: list[Section] = []
        self.comma_labels = 0
        self.dot_labels = 0
        heading_ranks = [ln.rank for ln in lines if ln.rank is not None and not self._month_like(ln)]
        self.top_rank = min(heading_ranks) if heading_ranks else 0.0

    # -- helpers
    @staticmethod
    def _month_like(line: _Line) -> bool:
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
    def _month_ok(self, index: int, line: _Line) -> bool:
        head = line.head
        if head is None or len(set(head.months)) != len(head.months):
            return False
        if head.anytime and not head.separated:
            return False
        rest = head.rest
        rest_is_list = match_label(rest) is not None
        if self.schedule is not None or self.armed is not None:
            return head.separated or len(rest) <= 40 or rest_is_list
        if head.anytime or not head.separated or len(rest) > 60:
            return False
        # no announcing heading: a run of month lines is a schedule
        count = 0
        for other in self.lines[index:index + 60]:
            if other is not line and other.rank is not None and other.head is None \
                    and other.rank <= self.current_rank():
                break
            if other.head is not None and other.head.separated and not other.head.anytime:
                count += 1
                if count >= 2:
                    self.report.add("guess", "没有“月份安排”之类的标题，按连续的月份行识别为月份安排", line.text)
                    return True
        return False

    def _start_month(self, line: _Line) -> None:
        if self.schedule is None:
            opener = self.armed if self.armed is not None else (self.current_rank() if self.stack else self.top_rank)
            self.schedule = _Schedule(opener)
            if self.stack:
                self.schedule_sections.append(self.stack[-1][1])
        head = line.head
        self.schedule.months = list(head.months)
        self.schedule.started = True
        if head.months:
            self.specs.append(list(head.months))
        rest = head.rest.lstrip("：:，,、 ").strip()
        for item in split_items(rest):
            self._add_activity(item)

    def _add_activity(self, text: str, months=None) -> None:
        text = text.strip()
        if not text:
            return
        owner = ""
        match = _OWNER.search(text)
        if match and match.start() > 0:
            owner, text = match.group("o").strip(), text[:match.start()].rstrip()
        spec = self.schedule.months if months is None else months
        self.activities.append(_RawActivity(list(spec) if spec is not None else None, text, owner))

    def _end_schedule(self) -> None:
        self.schedule = None
        self.armed = None

    # -- headings
    def _open_section(self, line: _Line) -> None:
        self._flush_closing()
        rank = line.rank
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
        if self.armed is not None and rank <= self.armed:
            self.armed = None
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        section = Section("", heading, [], [])
        (self.stack[-1][1].children if self.stack else self.sections).append(section)
        self.stack.append((rank, section))
        if body:
            section.body.append(body)
            if len(heading) > 60:
                self.report.add("guess", "编号后的第一句较长，已作为小标题，其余作为正文", heading)
        if _SCHEDULE_WORDS.search(heading) and len(heading) <= 24:
            self.armed = rank

    # -- the walk
    def run(self) -> None:
        for index, line in enumerate(self.lines):
            if line.table is not None:
                self._table(line.table)
                continue
            text = line.text
            is_month = self._month_ok(index, line) if line.head is not None else False
            if is_month:
                self._flush_closing()
                self._start_month(line)
                continue
            if self.schedule is not None:
                if line.rank is not None and line.rank <= self.schedule.opener:
                    self._end_schedule()
                elif _CLOSING.match(text) or (line.label is None and len(text) > 150):
                    self._end_schedule()
                    self.closing_mode = True
                    self.pending_closing.append(text)
                    continue
                else:
                    items = split_items(text) if line.label else [text]
                    for item in items:
                        self._add_activity(item)
                    continue
            if line.rank is not None and not (self.stack == [] and line.rank > self.top_rank and line.label):
                self._open_section(line)
                continue
            if line.rank is not None:
                self.report.add("unplaced", "第一个标题之前的编号段落，保留为开头正文", text)
            if self.closing_mode or (_CLOSING.match(text) and (self.sections or self.activities)):
                self.closing_mode = True
                self.pending_closing.append(text)
                continue
            if _SCHEDULE_WORDS.search(text) and len(text) <= 24 and text.endswith(("：", ":", "如下")):
                self.armed = self.current_rank()
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
        self.armed = None


# --- the whole plan ---------------------------------------------------------------

def _tail(lines: list[_Line], report: ImportReport) -> tuple[str, str | None, str]:
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


def _head(lines: list[_Line], report: ImportReport) -> tuple[str, str]:
    """Take the title (and an organization line above it) off the top."""
    title, org = "", ""
    if not lines or lines[0].table is not None:
        return title, org
    hinted = []
    for line in lines[:3]:
        if line.table is None and line.title_hint and line.rank is None and len(line.text) <= 60:
            hinted.append(line)
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
        title = lines.pop(0).text
        report.add("guess", "标题上方的单位名称已作为“单位”", org)
    return title, org


def build_plan(blocks: list[Block], year: int | None = None, source: str = "文本") -> ImportResult:
    """The plan in a list of blocks (from text or from a Word document)."""
    if year is not None and not 1900 <= year <= 2999:
        raise PlanImportError("年度应在 1900–2999 之间。")
    report = ImportReport(source=source)
    lines = [_classify(b) for b in _expand(blocks)]
    if not any(line.table is not None or line.text for line in lines):
        raise PlanImportError("没有找到可以导入的文字。")
    lines = _join_broken(lines, report)
    signature, date_iso, date_text = _tail(lines, report)
    title, org = _head(lines, report)
    if title:
        report.add("guess", "第一行已作为计划标题", title)
    builder = _Builder(lines, report)
    builder.run()
    closing = builder.pending_closing + ([date_text] if date_text else [])
    if builder.pending_closing:
        report.add("guess", "最后几段已作为结束语", builder.pending_closing[0])

    opening = " ".join(builder.preamble[:2] + (builder.sections[0].body[:1] if builder.sections else []))
    crossing = crosses_new_year(builder.specs)
    inferred, where = guess_year(title, opening, date_iso, crossing)
    if year is None:
        year = inferred
        if year is None:
            year = datetime.date.today().year
            report.add("guess", f"计划没有写明年度，暂按 {year} 年处理，请在“计划属性”中核对")
        elif where != "标题":
            report.add("guess", f"年度按{where}推断为 {year} 年")
    period, period_guessed = guess_period(year, title, opening, builder.specs)
    if period_guessed and builder.specs:
        report.add("guess", f"计划期间按月份推断为 {period.start} 至 {period.end}")

    if not org:
        org = organization_from_title(title) if title else ""
        if not org and signature:
            org = organization_from_signature(signature)
    meta = Meta(title=clean_text(title, single_line=True), organization=clean_text(org, single_line=True),
                year=year, period=period, signature=clean_text(signature, single_line=True), date=date_iso)
    plan = Plan(meta=meta, preamble=builder.preamble, sections=builder.sections, closing=closing)
    _assign_ids(plan.sections, "s")
    for index, raw in enumerate(builder.activities):
        months = resolve(raw.spec, period) if raw.spec else []
        outside = [m for m in months if not period.contains(m)]
        if outside:
            report.add("guess", "活动的月份不在计划期间内，请核对", raw.text)
        plan.schedule.append(Activity(f"a{index + 1}", months, clean_text(raw.text), clean_text(raw.owner, True),
                                      clean_text(raw.note)))
    if builder.comma_labels > builder.dot_labels:
        plan.options["level3_style"] = "comma"
    if not plan.sections and not plan.schedule and not plan.preamble and not plan.closing and not title:
        raise PlanImportError("没有找到可以导入的计划内容。")
    report.locate(plan)
    return ImportResult(plan, report)


def _assign_ids(sections: list[Section], prefix: str) -> None:
    for index, section in enumerate(sections):
        section.id = f"{prefix}{index + 1}" if prefix == "s" else f"{prefix}.{index + 1}"
        section.heading = clean_text(section.heading, single_line=True)
        _assign_ids(section.children, section.id)


__all__ = ["blocks_from_text", "build_plan", "import_text", "MAX_TEXT_CHARS", "PlanImportError"]
