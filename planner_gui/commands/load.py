"""planner-gui load JSON FILE: a new plan file from interchange JSON."""

from __future__ import annotations

from .base import read_text_arg



def add_arguments(parser):
    parser.add_argument("json", help="交换 JSON 文件（- 表示标准输入）")
    parser.add_argument("file", help="要生成的计划文件")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")


def run(args) -> int:
    from ..core.interchange import loads
    from ..store import PlanFile

    plan = loads(read_text_arg(args.json))
    PlanFile.create(args.file, plan, overwrite=args.force).close()
    return 0
