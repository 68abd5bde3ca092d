"""planner-gui import IN -o NEW: a new plan file from last year's Word or text plan.

The plan file is written only when the import succeeded (PlanFile.create is
atomic), so a failed import leaves nothing behind. What the importer guessed
or could not place is printed on stderr for the user to check.

A page holding several plans (范文 sites print 篇一 … 篇六 on one page) is not
read as one plan: without --plan the command lists the plans it found and
writes nothing; --plan N imports the N-th, as the editor's picker does.
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
    parser.add_argument("--plan", type=int, default=None, metavar="N",
                        help="文件里有多篇计划时（篇一、篇二……），导入第 N 篇")


def run(args) -> int:
    from ..importers import PlanImportError, SeveralPlans, import_bytes, import_file, offer_choice
    from ..store import PlanFile

    if args.year is not None and not 1900 <= args.year <= 2999:
        raise CommandError("年度应在 1900–2999 之间")
    try:
        with offer_choice():
            if args.input == "-":
                result = import_bytes(sys.stdin.buffer.read(), "", args.year)
            else:
                result = import_file(args.input, args.year)
        if args.plan not in (None, 1):
            raise CommandError(f"文件里只有一篇计划，没有第 {args.plan} 篇")
    except SeveralPlans as several:
        result = _chosen(several.parts, args.plan, args.year)
    except PlanImportError as exc:
        raise CommandError(str(exc)) from None
    PlanFile.create(args.output, result.plan, overwrite=args.force).close()
    err = sys.stderr
    print(result.summary(), file=err)
    if not args.quiet:
        for line in result.report.lines():
            print(f"  {line}", file=err)
    return 0


def _chosen(parts, number: int | None, year: int | None):
    """The plan picked with --plan from a page of several; without it, the
    list of plans as the error (nothing is written)."""
    from ..importers import PlanImportError, import_part

    listing = "\n".join(f"  {i}. {part.title or (part.preview[0] if part.preview else '')}"
                        for i, part in enumerate(parts, 1))
    if number is None:
        raise CommandError(f"这个文件里有 {len(parts)} 篇计划：\n{listing}\n"
                           f"请用 --plan 编号 选择要导入的一篇，例如 --plan 1")
    chosen = parts[number - 1] if 1 <= number <= len(parts) else None
    if chosen is None:
        raise CommandError(f"没有第 {number} 篇计划。这个文件里有：\n{listing}")
    try:
        return import_part(chosen, year)
    except PlanImportError as exc:
        raise CommandError(str(exc)) from None
