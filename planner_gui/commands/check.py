"""planner-gui check FILE: list the placeholders still to fill (20__, XX, 【 】 …).

Exit status 0 when none remain and 1 when some do, so a script can ask
"is this plan ready to send?" the way a linter is asked.
"""

from __future__ import annotations

from .base import load_plan, placeholder_lines, write_stdout



def add_arguments(parser):
    parser.add_argument("file", help="计划文件")


def run(args) -> int:
    lines = placeholder_lines(load_plan(args.file))
    if not lines:
        write_stdout("没有未填写的占位符。\n")
        return 0
    write_stdout(f"还有 {len(lines)} 处未填写：\n" + "".join(line + "\n" for line in lines))
    return 1
