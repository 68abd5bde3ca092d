"""planner-gui pdf FILE -o OUT.pdf: the plan as a PDF, page for page the exported DOCX.

The pages come from render.layout (the same layout as the editor's print
preview); Qt embeds the fonts. --schedule-only gives the landscape 工作计划表
as `export --schedule-only` does; --template converts the template export
with LibreOffice (our layout knows the official-document profile only). Without a display (a server, a CI job) Qt
runs on its offscreen platform. Unfilled placeholders are refused as by
`export`, unless --allow-placeholders. Fonts the document names but the
machine lacks are replaced by a face of the same kind and listed on stderr.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .base import CommandError, add_output_options, check_placeholders, default_output, load_plan, refuse_overwriting_plan



def add_arguments(parser):
    parser.add_argument("file", help="计划文件")
    parser.add_argument("-o", "--output", default=None,
                        help="要生成的 .pdf 文件（默认与计划文件同名）")
    add_output_options(parser, "pdf")


def run(args) -> int:
    plan = load_plan(args.file)
    if args.font_profile:
        plan.options["font_profile"] = args.font_profile
    output = Path(args.output) if args.output else default_output(args.file, args.schedule_only, ".pdf")
    refuse_overwriting_plan(output, args.file, ".pdf")
    check_placeholders(plan, args.allow_placeholders)

    if args.template:
        kept = template_pdf(plan, output, args.template, args.schedule_only)
        if kept:
            print("planner-gui: 已保留模板正文中的内容（如红头、文号）：" + "；".join(kept),
                  file=sys.stderr)
        return 0

    from ..render.application import gui_application

    app = gui_application()  # noqa: F841  (fonts and layout need it alive)
    from ..render.fonts import describe
    from ..render.pdf import PdfError, write_pdf

    try:
        substitutions = write_pdf(plan, output, schedule_only=args.schedule_only)
    except PdfError as exc:
        raise CommandError(str(exc)) from None
    if substitutions:
        print(f"planner-gui: 本机缺少文档指定的字体，已用相近字体代替并嵌入 PDF：{describe(substitutions)}",
              file=sys.stderr)
    return 0


NO_LIBREOFFICE = ("按模板生成 PDF 需要 LibreOffice（soffice），本机没有找到。"
                  "请用 export --template 导出 Word 文档，再在 Word 或 WPS 中另存为 PDF。")


def template_pdf(plan, output: Path, template, schedule_only: bool) -> list[str]:
    """The PDF of the template export, as LibreOffice prints that DOCX: the
    program's own page layout knows the official-document profile, not a
    user's template (its styles, letterhead, headers), so the document that
    `export --template` writes is converted instead. Returns what was kept of
    the template's body."""
    import shutil
    import subprocess
    import tempfile

    from ..export import ExportError
    from ..export.docx_writer import export_docx
    from ..render.pdf import PdfError, write_file

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise CommandError(NO_LIBREOFFICE)
    with tempfile.TemporaryDirectory(prefix="planner-pdf-") as folder_name:
        folder = Path(folder_name)
        docx = folder / "plan.docx"
        try:
            kept = export_docx(plan, docx, template=template, schedule_only=schedule_only)
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        env = dict(os.environ, HOME=str(folder))
        aliases = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "fontconfig-aliases.conf"
        if sys.platform.startswith("linux") and aliases.is_file():
            conf = folder / "fonts.conf"
            conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
                            '<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                            f"<include>{aliases}</include></fontconfig>\n", encoding="utf-8")
            env["FONTCONFIG_FILE"] = str(conf)
        try:
            subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                            "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                            str(folder), str(docx)], capture_output=True, env=env, timeout=600,
                           check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CommandError(f"LibreOffice 没能把文档转换为 PDF：{exc}") from None
        pdf = folder / "plan.pdf"
        if not pdf.is_file():
            raise CommandError("LibreOffice 没能把文档转换为 PDF。")
        try:
            from ..held_files import FileReadError, read_regular

            write_file(output, read_regular(pdf, 1 << 30, "PDF"))
        except (PdfError, FileReadError) as exc:
            raise CommandError(str(exc)) from None
    return kept
