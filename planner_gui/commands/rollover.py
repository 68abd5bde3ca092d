"""planner-gui rollover OLD -o NEW [--year Y]: this year's draft from last year's plan.

OLD is opened read-only and never written. NEW gets the plan moved to the
new year (period, the schedule's months; done marks and 成文日期 cleared) and:
- by default, the safe changes applied (the plan's own years, 学年 ranges,
  anniversary counts that were right for the old year); the items that
  need a person (届次, dates, last year's figures, 十四五/十五五 …) are listed
  on stderr, unchanged in the text;
- with --accept-all, every change that has a suggestion applied as well;
- with --list, no text changed at all: every proposal is listed.
"""

from __future__ import annotations

import sys

from .base import CommandError, load_plan, same_file



def add_arguments(parser):
    parser.add_argument("old", help="去年的计划文件（只读打开，不会改动）")
    parser.add_argument("-o", "--output", required=True, help="要生成的新计划文件")
    parser.add_argument("--year", type=int, default=None, help="新计划的年度（默认去年的年度加一）")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--accept-all", action="store_true", help="连同待核对的建议一并接受")
    mode.add_argument("--list", action="store_true", help="只列出建议的修改，正文不作改动")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")
    parser.add_argument("--opening-from", default=None, metavar="SUMMARY",
                        help="把去年工作总结中“下一年工作打算”的段落放在新计划开头的最前面（只读打开）")


def run(args) -> int:

    from ..core.edits import apply_edit
    from ..core.rollover import AUTO, changes_to_edit, rollover
    from ..store import PlanFile

    if same_file(args.old, args.output):
        raise CommandError("新计划不能覆盖去年的计划，请换一个文件名")
    old = load_plan(args.old)
    year = args.year if args.year is not None else old.meta.year + 1
    if not 1900 <= year <= 2999:
        raise CommandError("年度应在 1900–2999 之间")
    if year == old.meta.year:
        raise CommandError(f"去年的计划已经是 {year} 年的，请用 --year 指定新的年度")
    new, changes = rollover(old, year)
    if args.list:
        accepted = []
    elif args.accept_all:
        accepted = [c for c in changes if c.after is not None]
    else:
        accepted = [c for c in changes if c.kind == AUTO]
    if accepted:
        apply_edit(new, changes_to_edit(new, accepted))
    opening = 0
    if args.opening_from:
        from ..core.summary import is_summary, opening_from_summary_edit

        summary = load_plan(args.opening_from)
        if not is_summary(summary):
            raise CommandError(f"不是工作总结文件：{args.opening_from}")
        edit = opening_from_summary_edit(new, summary)
        if edit is None:
            raise CommandError("工作总结的“下一年工作打算”还没有写内容")
        opening = len(edit.paragraphs) - len(new.preamble)
        apply_edit(new, edit)
    PlanFile.create(args.output, new, overwrite=args.force).close()

    err = sys.stderr
    done = set(map(id, accepted))
    period = new.meta.period
    print(f"已生成 {year} 年的计划：期间 {period.start} 至 {period.end}，"
          f"月份安排已顺延，完成标记与成文日期已清空。", file=err)
    print(f"已修改 {len(accepted)} 处；待核对 {len(changes) - len(accepted)} 处。", file=err)
    if opening:
        print(f"已把工作总结中的 {opening} 段工作打算放在开头。", file=err)
    for change in changes:
        mark = "已改" if id(change) in done else ("待核对" if change.kind != AUTO else "建议")
        print(f"  [{mark}] {change.describe(old)}  ……{change.context}", file=err)
    return 0
