"""planner-gui import IN -o NEW: a new plan file from last year's Word or text plan.

The plan file is written only when the import succeeded (PlanFile.create is
atomic), so a failed import leaves nothing behind. What the importer guessed
or could not place is printed on stderr for the user to check.
"""

from __future__ import annotations

import sys

from .base import CommandError



def add_arguments(parser):
    parser.add_argument("input", help="要导入的文件：.docx（.doc/.wps 需装有 LibreOffice）或 .txt；- 表示标准输入")
    parser.add_argument("-o", "--output", required=True, help="要生成的计划文件")
    parser.add_argument("--year", type=int, default=None, help="计划年度（默认从标题或日期推断）")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件")
    parser.add_argument("--quiet", "-q", action="store_true", help="不列出推测和未归类的内容")


def run(args) -> int:
    from ..importers import PlanImportError, import_bytes, import_file
    from ..store import PlanFile

    if args.year is not None and not 1900 <= args.year <= 2999:
        raise CommandError("年度应在 1900–2999 之间")
    try:
        if args.input == "-":
            result = import_bytes(sys.stdin.buffer.read(), "", args.year)
        else:
            result = import_file(args.input, args.year)
    except PlanImportError as exc:
        raise CommandError(str(exc)) from None
    PlanFile.create(args.output, result.plan, overwrite=args.force).close()
    err = sys.stderr
    print(result.summary(), file=err)
    if not args.quiet:
        for line in result.report.lines():
            print(f"  {line}", file=err)
    return 0
