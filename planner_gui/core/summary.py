"""The year-end 工作总结, drafted from the year's plan (issue 18).

A secretary writes the summary in December from memory; the plan file
already knows what was planned, what was marked 完成, when it took place and
how it went (完成情况). build_summary() turns that into a new document of
the same shape as a plan (a Plan with meta.kind == "summary"), so the same
editor, outline, undo, placeholder check, DOCX export and print serve it:

- title 「…工会{year}年工作总结」, 落款 from the plan, 成文日期 empty;
- an opening with the year's figures (活动计划 N 项，完成 M 项, by month);
- 一、主要工作及成效: one part per plan section that activities are tied to
  (its heading, then each done activity with its 完成情况), and the untied
  activities in a part of their own;
- 二、存在的问题和不足: every planned activity not marked 完成, each with a
  guide to say why;
- 三、下一年工作打算: a guide.

Every guide is a 【…】 placeholder (core.placeholders), so the check lists
what is left to write. The schedule is copied as it is, 完成 marks, 完成时间
and 完成情况 included (each activity tied to the part that reports on it):
it is the record of the year and feeds the export's appendix table
全年活动完成情况. The plan itself is never changed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .period import month_label, parse_ym
from .plan import Activity, Meta, Plan, Section
from .progress import done_on_label
from .schedule import months_label
from .schedule_table import MonthGroup, group_schedule

if TYPE_CHECKING:
    from .edits import SetParagraphs

SUMMARY_KIND = "summary"
WORK_HEADING = "主要工作及成效"
PROBLEMS_HEADING = "存在的问题和不足"
NEXT_YEAR_HEADING = "下一年工作打算"
OTHER_WORK_HEADING = "其他工作"

# Guides: each fits the placeholder pattern (【…】, at most 30 characters inside).
GUIDE_OVERVIEW = "【概述一年来工会工作的总体情况和主要成绩】"
GUIDE_PART = "【概括这方面工作的做法和成效】"
GUIDE_OUTCOME = "【写明完成情况：参加人数、取得的成果】"
GUIDE_NOT_DONE = "【说明未完成的原因】"
GUIDE_PROBLEMS = "【分析工作中存在的问题和不足，写明原因】"
GUIDE_NEXT_YEAR = "【结合上级工会部署和本单位实际，写明下一年的工作思路和重点】"
GUIDE_ORGANIZATION = "【单位名称】"

#: The export's appendix (附件) of a summary: 全年活动完成情况.
APPENDIX_LABEL = "附件"
APPENDIX_TITLE = "全年活动完成情况"
APPENDIX_COLUMNS = (("month", "月份"), ("text", "活动"), ("note", "完成情况"))
#: Of the width the month column leaves, the part the 活动 column gets; the
#: 完成情况 column takes the rest (the plan table's fixed 备注 width is far too
#: narrow for a sentence about what happened).
APPENDIX_ACTIVITY_SHARE = 0.55


@dataclass(frozen=True)
class Figures:
    """The counts the opening states; the tests check every one."""
    planned: int
    done: int
    by_month: list[tuple[str, int, int]]   # (YYYY-MM, planned, done) for months with activities
    all_year_planned: int                   # activities with no month (全年)
    all_year_done: int

    @property
    def undone(self) -> int:
        return self.planned - self.done

    @property
    def percent(self) -> int | None:
        """Rounded completion rate, None when nothing was planned."""
        if not self.planned:
            return None
        return (200 * self.done + self.planned) // (2 * self.planned)   # round half up


def figures(plan: Plan) -> Figures:
    """Counts over the schedule: each activity once for the year; in by_month,
    under every month it covers (a 七至八月 item counts in both)."""
    months: dict[str, list[int]] = {}
    all_year = [0, 0]
    for activity in plan.schedule:
        if not activity.months:
            all_year[0] += 1
            all_year[1] += activity.done
        for month in activity.months:
            counts = months.setdefault(month, [0, 0])
            counts[0] += 1
            counts[1] += activity.done
    return Figures(
        planned=len(plan.schedule),
        done=sum(1 for a in plan.schedule if a.done),
        by_month=[(m, c[0], c[1]) for m, c in sorted(months.items())],
        all_year_planned=all_year[0],
        all_year_done=all_year[1],
    )


def year_words(plan: Plan) -> str:
    """2025年, or 2025—2026学年 / 学年第一学期 for school periods."""
    meta = plan.meta
    start = meta.period.start_year
    if meta.period.kind == "school_year":
        return f"{start}—{start + 1}学年"
    if meta.period.kind == "semester":
        term = "第一" if parse_ym(meta.period.start)[1] >= 8 else "第二"
        first = start if term == "第一" else start - 1
        return f"{first}—{first + 1}学年{term}学期"
    return f"{meta.year}年"


def organization_words(plan: Plan) -> str:
    """The union's name for the title: the plan's organization, with 工会
    added when the name lacks it; a guide when the plan has none."""
    name = (plan.meta.organization or "").strip()
    if not name:
        return GUIDE_ORGANIZATION + "工会"
    return name if "工会" in name else name + "工会"


def summary_title(plan: Plan) -> str:
    return f"{organization_words(plan)}{year_words(plan)}工作总结"


def opening(plan: Plan, counts: Figures | None = None) -> list[str]:
    """The opening paragraphs: a guide, then the year's figures."""
    counts = counts or figures(plan)
    paragraphs = [f"{year_words(plan)}，{GUIDE_OVERVIEW}"]
    if not counts.planned:
        paragraphs.append("本年度计划中没有列出具体活动。")
        return paragraphs
    sentence = f"全年工作计划列出活动计划{counts.planned}项，完成{counts.done}项"
    sentence += f"，完成率{counts.percent}%" if counts.done else ""
    sentence += f"；未完成{counts.undone}项。" if counts.undone else "，全部完成。"
    paragraphs.append(sentence)
    start_year = plan.meta.period.start_year
    parts = [f"{month_label(m, start_year)}计划{p}项、完成{d}项" for m, p, d in counts.by_month]
    if counts.all_year_planned:
        parts.append(f"全年性工作{counts.all_year_planned}项、完成{counts.all_year_done}项")
    if len(parts) > 1:
        paragraphs.append("分月份看：" + "；".join(parts) + "。")
    return paragraphs


def when_words(activity: Activity, plan: Plan) -> str:
    """When it took place: the recorded 完成时间, else the planned months."""
    if activity.done_on:
        return done_on_label(activity.done_on)
    return months_label(activity.months, plan.meta.period)


def done_paragraph(activity: Activity, plan: Plan) -> str:
    """One done activity as a paragraph the user rewrites: when, what, 完成情况."""
    text = _sentence(activity.text)
    outcome = _sentence(activity.outcome) if activity.outcome.strip() else GUIDE_OUTCOME
    return f"{when_words(activity, plan)}，{text}{outcome}"


def undone_paragraph(activity: Activity, plan: Plan) -> str:
    when = months_label(activity.months, plan.meta.period)
    return f"{when}：{_bare(activity.text)}（未完成）。{GUIDE_NOT_DONE}"


def _bare(text: str) -> str:
    """Text as one line without its closing punctuation."""
    return " ".join(text.split()).rstrip("。；;，,.！!")


def _sentence(text: str) -> str:
    bare = _bare(text)
    return bare + "。" if bare else ""


def _tied_sections(plan: Plan) -> list[Section]:
    """Plan sections activities are tied to, in reading order."""
    tied = {a.section for a in plan.schedule if a.section is not None}
    return [s for s in plan.walk() if s.id in tied]


def build_summary(plan: Plan) -> Plan:
    """The 工作总结 for the plan's year, as a new document (the plan is untouched)."""
    counts = figures(plan)
    summary = Plan(
        meta=Meta(title=summary_title(plan), organization=plan.meta.organization,
                  year=plan.meta.year, period=copy.deepcopy(plan.meta.period),
                  signature=plan.meta.signature, date=None, kind=SUMMARY_KIND),
        preamble=opening(plan, counts),
        schedule=[copy.deepcopy(a) for a in plan.schedule],
        closing=[],
        options=dict(plan.options),
    )
    ids = iter(f"s{n}" for n in range(1, 1_000_000))

    parts: list[Section] = []
    part_of: dict[str, str] = {}    # plan section id -> the summary part about it
    for section in _tied_sections(plan):
        tied = [a for a in plan.schedule if a.section == section.id]
        done = [a for a in tied if a.done]
        body = [GUIDE_PART] + [done_paragraph(a, plan) for a in done]
        if not done:
            body.append(f"这方面计划的{len(tied)}项活动均未标记完成。")
        parts.append(Section(next(ids), section.heading or "【标题】", body, []))
        part_of[section.id] = parts[-1].id
    untied_done = [a for a in plan.schedule if a.section is None and a.done]
    if untied_done:
        parts.append(Section(next(ids), OTHER_WORK_HEADING, [GUIDE_PART] +
                             [done_paragraph(a, plan) for a in untied_done], []))
    work = Section(next(ids), WORK_HEADING, [] if parts else [GUIDE_PART], parts)

    undone = [a for a in plan.schedule if not a.done]
    if undone:
        problems_body = [f"计划中有{len(undone)}项活动未完成："]
        problems_body += [undone_paragraph(a, plan) for a in undone]
    else:
        problems_body = ["计划中的活动全部完成。"]
    problems_body.append(GUIDE_PROBLEMS)
    problems = Section(next(ids), PROBLEMS_HEADING, problems_body, [])
    next_year = Section(next(ids), NEXT_YEAR_HEADING, [GUIDE_NEXT_YEAR], [])
    summary.sections = [work, problems, next_year]
    for activity in summary.schedule:
        # Tied to the part that reports on it (the plan's sections are not here).
        activity.section = part_of.get(activity.section) if activity.section else None
    return summary


def is_summary(plan: Plan) -> bool:
    return plan.meta.kind == SUMMARY_KIND


def next_year_paragraphs(summary: Plan) -> list[str]:
    """The paragraphs the user wrote under 下一年工作打算 (guides left out),
    to offer as the opening of next year's plan; [] when there are none."""
    from .placeholders import PATTERN

    section = next((s for s in summary.sections if "打算" in s.heading or "思路" in s.heading), None)
    if section is None:
        return []
    texts = [p for s in section.walk() for p in s.body]
    return [p for p in texts if p.strip() and PATTERN.sub("", p).strip("，。；、 ")]


def completion_text(activity: Activity) -> str:
    """The appendix's 完成情况 cell: 已完成（when）：outcome, or 未完成."""
    if not activity.done:
        return "未完成"
    when = done_on_label(activity.done_on)
    text = "已完成" + (f"（{when}）" if when else "")
    outcome = " ".join(activity.outcome.split())
    return text + (f"：{outcome}" if outcome else "")


def appendix_groups(plan: Plan) -> list[MonthGroup]:
    """The month table's groups (core.schedule_table: same months, numbering
    and spans) with the 完成情况 in the note column, for APPENDIX_COLUMNS."""
    by_id = {a.id: a for a in plan.schedule}
    return [MonthGroup(g.key, g.label, tuple(replace(row, owner="", note=completion_text(by_id[row.activity_id]))
                                             for row in g.rows))
            for g in group_schedule(plan)]


def appendix_widths(widths: list[int]) -> list[int]:
    """The appendix's column widths from the month table's for APPENDIX_COLUMNS
    (core.layout_rules.column_widths): the month column as it is, the rest
    split between 活动 and 完成情况. The DOCX and the printout use the same."""
    rest = widths[1] + widths[2]
    activity = int(rest * APPENDIX_ACTIVITY_SHARE)
    return [widths[0], activity, rest - activity]


def printed_schedule(plan: Plan) -> bool:
    """Whether the body of the printed document carries the month table: a
    plan's does; a summary's schedule goes to the appendix instead."""
    return not is_summary(plan)


def opening_from_summary_edit(plan: Plan, summary: Plan) -> SetParagraphs | None:
    """The edit that puts a summary's 下一年工作打算 paragraphs at the start of
    the new plan's opening (开头), keeping what the opening already says (the
    user deletes what is not wanted; nothing is lost); None when the summary
    has none written."""
    from .edits import SetParagraphs

    paragraphs = next_year_paragraphs(summary)
    if not paragraphs:
        return None
    return SetParagraphs("preamble", paragraphs + list(plan.preamble))
