"""planner-gui dump FILE: print the plan as interchange JSON."""

from __future__ import annotations

from .base import load_plan, write_stdout



def add_arguments(parser):
    parser.add_argument("file", help="计划文件")
    parser.add_argument("--allow-damaged", action="store_true",
                        help="校验值不符（可能已损坏）时仍输出能读到的内容（并在标准错误上警告）")


def run(args) -> int:
    from ..core.interchange import dumps

    write_stdout(dumps(load_plan(args.file, allow_damaged=args.allow_damaged)))
    return 0
