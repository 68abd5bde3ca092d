"""planner-gui export FILE -o OUT.docx: the plan as a Word document (公文格式).

Unfilled placeholders (20__, xx, 【 】, a missing 成文日期 …) are listed on
stderr before anything is written, and the export is refused unless
--allow-placeholders is given: a document with "20__年" in it must never reach
the 上级工会 by surprise. With the flag the list is still printed, as a warning.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .base import CommandError, add_output_options, check_placeholders, default_output, load_plan, refuse_overwriting_plan, write_stdout



def add_arguments(parser):
    parser.add_argument("file", help="计划文件")
    parser.add_argument("-o", "--output", default=None,
                        help="要生成的 .docx 文件（默认与计划文件同名）")
    add_output_options(parser, "docx")
    parser.add_argument("--list-fonts", action="store_true",
                        help="只列出文档要用到的字体（每行一个），不导出")


def run(args) -> int:
    from ..export import ExportError
    from ..export.docx_writer import export_docx, required_fonts

    plan = load_plan(args.file)
    if args.font_profile:
        plan.options["font_profile"] = args.font_profile
    if args.list_fonts:
        try:
            fonts = required_fonts(plan, template=args.template, schedule_only=args.schedule_only)
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        write_stdout("".join(f"{name}\n" for name in fonts))
        return 0
    output = Path(args.output) if args.output else default_output(args.file, args.schedule_only, ".docx")
    refuse_overwriting_plan(output, args.file, ".docx")
    check_placeholders(plan, args.allow_placeholders)
    try:
        breaks: frozenset[tuple[int, int]] = frozenset()
        if args.template is None:
            from ..render.layout import export_table_breaks

            breaks = export_table_breaks(plan, args.schedule_only)
        kept = export_docx(plan, output, template=args.template, schedule_only=args.schedule_only,
                           table_breaks=breaks)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    if kept:
        print("planner-gui: 已保留模板正文中的内容（如红头、文号）：" + "；".join(kept), file=sys.stderr)
    if output.suffix.lower() != ".docx":
        print(f"planner-gui: 注意：文件名“{output.name}”不以 .docx 结尾，Word 可能无法直接打开",
              file=sys.stderr)
    return 0
