"""planner-gui summary PLAN -o SUMMARY.ghjh: draft the year-end 工作总结 from a plan.

PLAN is opened read-only and never written. SUMMARY gets a new document of
kind "summary" (core.summary): the title, the year's figures, one part per
section activities are tied to, the undone activities, guides in 【】 for
what is left to write. The figures and the count of guides go to stderr.
"""

from __future__ import annotations

import sys

from .base import CommandError, load_plan, same_file



def add_arguments(parser):
    parser.add_argument("plan", help="本年度的计划文件（只读打开，不会改动）")
    parser.add_argument("-o", "--output", required=True, help="要生成的工作总结文件（.ghjh）")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")


def run(args) -> int:
    from ..core.placeholders import find_placeholders
    from ..core.summary import build_summary, figures, is_summary
    from ..store import PlanFile

    if same_file(args.plan, args.output):
        raise CommandError("工作总结不能覆盖计划文件本身，请换一个文件名")
    plan = load_plan(args.plan)
    if is_summary(plan):
        raise CommandError("这个文件已经是工作总结，请选择年度工作计划")
    summary = build_summary(plan)
    PlanFile.create(args.output, summary, overwrite=args.force).close()
    counts = figures(plan)
    print(f"已生成工作总结：{summary.meta.title}", file=sys.stderr)
    print(f"活动计划 {counts.planned} 项，完成 {counts.done} 项，未完成 {counts.undone} 项；"
          f"还有 {len(find_placeholders(summary))} 处待填写（planner-gui check 可列出）。", file=sys.stderr)
    return 0
