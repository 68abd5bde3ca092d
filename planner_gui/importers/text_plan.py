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

from ..core.plan import Activity, Meta, Plan, Section
from ..core.sanitize import clean_text
from .base import Block, ImportReport, ImportResult, PlanImportError, Table
from .ends import take_head, take_tail
from .lines import organization_from_signature, organization_from_title
from .period_guess import crosses_new_year, guess_period, guess_year, resolve_spec
from .several import SeveralPlans, find_parts, offering, without_banners
from .structure import Builder, classify, demote_sentence_lists, expand, join_broken, split_glued_labels
from .tables import read_schedule, unflatten_tables

MAX_TEXT_CHARS = 2_000_000


# --- blocks from text ---------------------------------------------------------

def blocks_from_text(text: str) -> list[Block]:
    """One block per non-empty line; consecutive tab-separated lines that
    read as a month table (pasted from Word or Excel) become a table."""
    lines = [line.strip(" \u3000\r") for line in text.split("\n")]
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        split = _cells_of(lines[i])
        if split is not None:
            j = i
            while j < len(lines) and _cells_of(lines[j]) is not None:
                j += 1
            if j - i >= 2:
                table = Table([cells for line in lines[i:j] if (cells := _cells_of(line)) is not None])
                if read_schedule(table):
                    blocks.append(Block(table=table))
                    i = j
                    continue
        if lines[i].strip():
            blocks.append(Block(text=lines[i].strip()))
        i += 1
    return blocks


_GAP = re.compile(r"[ \u3000]{2,}")


def _cells_of(line: str) -> list[str] | None:
    """A line of a table copied as text: cells apart by tabs, or (from a web
    page) by runs of two or more spaces; None when the line has no such gap."""
    if "\t" in line:
        return [cell.strip() for cell in line.split("\t")]     # an empty first cell: the month above
    if "  " not in line and "\u3000\u3000" not in line:
        return None
    cells = [cell.strip() for cell in _GAP.split(line.strip())]
    return cells if len(cells) >= 2 else None


def import_text(text: str, year: int | None = None) -> ImportResult:
    """The plan in a plain text (pasted, or a .txt file)."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if len(text) > MAX_TEXT_CHARS:
        raise PlanImportError(f"文字太长（超过 {MAX_TEXT_CHARS // 10000} 万字），不像是一份工作计划，未导入。")
    blocks = blocks_from_text(clean_text(text))
    return build_plan(blocks, year, source="文本")


# --- the whole plan ---------------------------------------------------------------

def build_plan(blocks: list[Block], year: int | None = None, source: str = "文本",
               whole_page: bool = True) -> ImportResult:
    """The plan in a list of blocks (from text or from a Word document).

    A page with several plans (several.find_parts) raises several.SeveralPlans
    when the caller offers the choice; otherwise the whole page is read."""
    if year is not None and not 1900 <= year <= 2999:
        raise PlanImportError("年度应在 1900–2999 之间。")
    report = ImportReport(source=source)
    blocks = expand(blocks)
    if whole_page:
        parts = find_parts(blocks)
        if parts and offering():
            for part in parts:
                part.source = source
            raise SeveralPlans(parts)
        if parts:
            report.add("note", f"这一页上似乎有 {len(parts)} 篇计划，已全部导入；在编辑器中导入时可以只选其中一篇")
    blocks, dropped = without_banners(blocks)
    blocks = unflatten_tables(blocks, report)
    for text in dropped:
        report.add("note", "网站附加的文字（广告、推荐、分隔线）未导入", text)
    _distrust_outline_everywhere(blocks, report)
    lines = [classify(b) for b in blocks]
    if not any(line.table is not None or line.text for line in lines):
        raise PlanImportError("没有找到可以导入的文字。")
    lines = split_glued_labels(lines, report)
    lines = join_broken(lines, report)
    demote_sentence_lists(lines, report)
    signature, date_iso, date_text = take_tail(lines, report)
    title, org = take_head(lines, report)
    if title:
        report.add("guess", "第一行已作为计划标题", title)
    builder = Builder(lines, report)
    builder.run()
    builder.finish()
    closing = builder.pending_closing + ([date_text] if date_text else [])
    if builder.pending_closing:
        report.add("guess", "最后几段已作为结束语", builder.pending_closing[0])

    opening = " ".join(builder.preamble[:2] + (builder.sections[0].body[:1] if builder.sections else []))
    crossing = crosses_new_year(builder.specs)
    inferred, where = guess_year(title, opening, date_iso, crossing, builder.specs)
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
        months = resolve_spec(raw.spec, period) if raw.spec else []
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


def _distrust_outline_everywhere(blocks: list[Block], report: ImportReport) -> None:
    """Some converted files put an outline level on nearly every paragraph;
    then it says nothing about headings and is ignored."""
    paragraphs = [b for b in blocks if b.table is None]
    marked = sum(1 for b in paragraphs if b.outline is not None)
    if marked > 10 and marked * 10 > len(paragraphs) * 6:
        for block in paragraphs:
            block.outline = None
        report.add("note", "文档几乎每段都设了大纲级别，已不据此判断标题，只按编号判断")


def _assign_ids(sections: list[Section], prefix: str) -> None:
    for index, section in enumerate(sections):
        section.id = f"{prefix}{index + 1}" if prefix == "s" else f"{prefix}.{index + 1}"
        section.heading = clean_text(section.heading, single_line=True)
        _assign_ids(section.children, section.id)


__all__ = ["blocks_from_text", "build_plan", "import_text", "MAX_TEXT_CHARS", "PlanImportError"]
