"""planner-gui dump FILE: print the plan as interchange JSON."""

from __future__ import annotations

from .base import load_plan, write_stdout

HELP = "以交换 JSON 输出计划"


def add_arguments(parser):
    parser.add_argument("file", help="计划文件")


def run(args) -> int:
    from ..core.interchange import dumps

    write_stdout(dumps(load_plan(args.file)))
    return 0
