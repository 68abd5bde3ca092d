"""planner-gui new FILE: an empty plan (or one from a starter template)."""

from __future__ import annotations

import datetime

from ..core.period import KINDS
from .base import CommandError



def add_arguments(parser):
    parser.add_argument("file", help="要新建的计划文件")
    parser.add_argument("--year", type=int, default=None, help="计划年度（默认今年）")
    parser.add_argument("--org", default="", help="单位名称，如“某某中学工会”")
    parser.add_argument("--period", choices=[k for k in KINDS if k != "custom"],
                        default=None, help="计划期间（默认自然年；用模板时默认按模板）")
    parser.add_argument("--template", default=None, help="起始模板名称（见 templates 命令）")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")


def run(args) -> int:
    from ..core.starter import empty_plan
    from ..store import PlanFile

    year = args.year or datetime.date.today().year
    if not 1900 <= year <= 2999:
        raise CommandError("年度应在 1900–2999 之间")
    if args.template:
        from ..resources import load_template, template_names
        try:
            plan = load_template(args.template, year=year, organization=args.org, period=args.period)
        except KeyError:
            names = "、".join(template_names())
            raise CommandError(f"没有名为“{args.template}”的模板，可用的有：{names}") from None
        except ValueError as exc:
            raise CommandError(str(exc)) from None
    else:
        plan = empty_plan(year, args.org, args.period or "calendar_year")
    PlanFile.create(args.file, plan, overwrite=args.force).close()
    return 0
