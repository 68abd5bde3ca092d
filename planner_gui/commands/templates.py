"""planner-gui templates: the starter plans, one line each (name and what it is for)."""

from __future__ import annotations

from .base import write_stdout



def add_arguments(parser):
    parser.add_argument("--json", action="store_true", help="以 JSON 输出模板列表（供脚本使用）")


def run(args) -> int:
    import json

    from ..resources import template_index

    entries = template_index()
    if args.json:
        write_stdout(json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
        return 0
    width = max(len(e["name"]) for e in entries)
    lines = [f"{e['name']:<{width}}  {e['title']}：{e['summary']}" for e in entries]
    lines.append("")
    lines.append("用法：planner-gui new 文件.ghjh --template 名称 [--year 年度] [--org 单位名称] [--period 期间]")
    write_stdout("\n".join(lines) + "\n")
    return 0
