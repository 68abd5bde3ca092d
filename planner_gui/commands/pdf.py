"""planner-gui pdf FILE -o OUT.pdf: the plan as a PDF, page for page the exported DOCX.

The pages come from render.layout (the same layout as the editor's print
preview); Qt embeds the fonts. Without a display (a server, a CI job) Qt
runs on its offscreen platform. Unfilled placeholders are refused as by
`export`, unless --allow-placeholders. Fonts the document names but the
machine lacks are replaced by a face of the same kind and listed on stderr.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .base import CommandError, check_placeholders, load_plan, refuse_overwriting_plan

HELP = "导出 PDF（版式与导出的 Word 文档相同，字体嵌入）"


def add_arguments(parser):
    parser.add_argument("file", help="计划文件")
    parser.add_argument("-o", "--output", default=None,
                        help="要生成的 .pdf 文件（默认与计划文件同名）")
    parser.add_argument("--font-profile", choices=("standard", "windows"), default=None,
                        help="字体方案：standard＝方正小标宋/仿宋_GB2312，windows＝宋体/仿宋/黑体/楷体"
                             "（默认用计划中保存的设置）")
    parser.add_argument("--allow-placeholders", action="store_true",
                        help="计划中还有未填写的占位符（如 20__、xx、【 】）时仍然导出")


def gui_application():
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["planner-gui"])


def run(args) -> int:
    plan = load_plan(args.file)
    if args.font_profile:
        plan.options["font_profile"] = args.font_profile
    output = Path(args.output) if args.output else Path(args.file).with_suffix(".pdf")
    refuse_overwriting_plan(output, args.file, ".pdf")
    check_placeholders(plan, args.allow_placeholders)

    app = gui_application()  # noqa: F841  (fonts and layout need it alive)
    from ..render.fonts import describe
    from ..render.pdf import PdfError, write_pdf

    try:
        substitutions = write_pdf(plan, output)
    except PdfError as exc:
        raise CommandError(str(exc)) from None
    if substitutions:
        print(f"planner-gui: 本机缺少文档指定的字体，已用相近字体代替并嵌入 PDF：{describe(substitutions)}",
              file=sys.stderr)
    return 0
