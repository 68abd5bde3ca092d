"""A superior union's template with its letterhead (红头) in the body, a
different first page, Word's default 标题 3 / 标题 4: what the export keeps,
what it adds, and that Word and LibreOffice read the result."""

from __future__ import annotations

import shutil

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from planner_gui.export.docx_writer import export_docx
from planner_gui.resources import sample_plan

from .docx_helpers import NS, attr, part_xml, style_by_id

LETTERHEAD = "青石县总工会文件"
NUMBER = "青工发〔2026〕3号"
SAMPLE_TEXT = "关于做好示例工作的通知"


def letterhead_template(path, first_page_header: bool = False, place_mark: bool = False,
                        word_headings: bool = True):
    """A template as a county federation sends it: red 红头, 文号, a red rule
    (a paragraph border), then sample text; Word's own heading styles."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    head = document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run(LETTERHEAD)
    run.font.color.rgb = RGBColor(0xFF, 0, 0)
    run.font.size = Pt(36)
    document.add_paragraph()
    number = document.add_paragraph(NUMBER)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number._p.get_or_add_pPr().find(qn("w:jc")).addprevious(parse_xml(   # schema order
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="18" w:space="1" '
        'w:color="FF0000"/></w:pBdr>'))
    if place_mark:
        document.add_paragraph("【正文】")
        document.add_paragraph("抄送：县委办公室。")
    else:
        document.add_paragraph(SAMPLE_TEXT)
        document.add_paragraph("各基层工会：现将有关事项通知如下。")
        document.add_paragraph("一、示例内容。")
    if first_page_header:
        section = document.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "首页页眉（红头）"
    if not word_headings:
        styles = document.styles.element
        for style in styles.findall(qn("w:style")):
            if style.get(qn("w:styleId")) in ("Heading3", "Heading4"):
                styles.remove(style)
    document.save(str(path))
    return path


def test_letterhead_is_kept_above_the_plan_and_reported(tmp_path):
    template = letterhead_template(tmp_path / "红头模板.docx")
    out = tmp_path / "out.docx"
    plan = sample_plan()
    kept = export_docx(plan, out, template=template)
    assert kept == [LETTERHEAD, NUMBER]
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[:4] == [LETTERHEAD, "", NUMBER, plan.meta.title]
    assert SAMPLE_TEXT not in texts and "一、示例内容。" not in texts
    body = part_xml(out, "word/document.xml").find("w:body", NS)
    first = body.find("w:p", NS)
    assert attr(first.find(".//w:color", NS), "val") == "FF0000"
    assert body.find("w:p/w:pPr/w:pBdr/w:bottom", NS) is not None    # the red rule


def test_a_place_mark_keeps_what_is_around_it(tmp_path):
    template = letterhead_template(tmp_path / "标记模板.docx", place_mark=True)
    out = tmp_path / "out.docx"
    plan = sample_plan()
    kept = export_docx(plan, out, template=template)
    assert kept == [LETTERHEAD, NUMBER, "抄送：县委办公室。"]
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[3] == plan.meta.title and "【正文】" not in texts
    assert texts[-1] == "抄送：县委办公室。"


def test_a_template_without_letterhead_keeps_nothing(tmp_path):
    template = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("模板里的示例正文。")
    document.save(str(template))
    out = tmp_path / "out.docx"
    assert export_docx(sample_plan(), out, template=template) == []
    assert docx.Document(str(out)).paragraphs[0].text == sample_plan().meta.title


def test_different_first_page_gets_a_page_number(tmp_path):
    template = letterhead_template(tmp_path / "首页不同.docx", first_page_header=True)
    out = tmp_path / "out.docx"
    export_docx(sample_plan(), out, template=template)
    section = docx.Document(str(out)).sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == "首页页眉（红头）"
    assert section.first_page_footer.paragraphs[0].text == "— 1 —"
    assert section.footer.paragraphs[0].text == "— 1 —"


def test_word_default_heading_3_and_4_get_the_profiles_look(tmp_path):
    template = letterhead_template(tmp_path / "默认标题.docx")
    source = part_xml(template, "word/styles.xml")
    rpr = style_by_id(source, "Heading3").find("w:rPr", NS)
    assert rpr.find("w:rFonts", NS).get(qn("w:asciiTheme"))        # Word's default: theme font
    out = tmp_path / "out.docx"
    export_docx(sample_plan(), out, template=template)
    styles = part_xml(out, "word/styles.xml")
    for style_id in ("Heading3", "Heading4"):
        style = style_by_id(styles, style_id)
        fonts = style.find("w:rPr/w:rFonts", NS)
        assert attr(fonts, "eastAsia") == "仿宋_GB2312" and fonts.get(qn("w:asciiTheme")) is None
        assert style.find("w:rPr/w:color", NS) is None and style.find("w:rPr/w:i", NS) is None
        assert attr(style.find("w:rPr/w:sz", NS), "val") == "32"


def test_letterhead_template_exports_are_schema_valid(tmp_path):
    audit = pytest.importorskip("openxml_audit")
    validator = audit.OpenXmlValidator(file_format=audit.FileFormat.MICROSOFT_365)
    for kwargs in ({}, {"first_page_header": True}, {"place_mark": True}):
        template = letterhead_template(tmp_path / "t.docx", **kwargs)
        out = tmp_path / "out.docx"
        export_docx(sample_plan(), out, template=template)
        assert [str(e) for e in validator.validate(str(out)).errors] == [], kwargs


def test_letterhead_renders_above_the_title(tmp_path):
    """LibreOffice shows the 红头 and 文号 above the plan's title on page 1, and a
    page number on the different first page."""
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or poppler is not installed")
    from ..render.conftest import libreoffice_pdf, pdf_text

    template = letterhead_template(tmp_path / "红头模板.docx", first_page_header=True)
    out = tmp_path / "红头导出.docx"
    plan = sample_plan()
    export_docx(plan, out, template=template)
    page = "".join(pdf_text(libreoffice_pdf(tmp_path, out), 1).split())
    assert page.index(LETTERHEAD) < page.index(NUMBER) < page.index("".join(plan.meta.title.split()))
    assert "—1—" in page


def test_export_command_says_what_was_kept(tmp_path, plan_path):
    import subprocess
    import sys

    template = letterhead_template(tmp_path / "红头模板.docx")
    result = subprocess.run([sys.executable, "-m", "planner_gui", "export", str(plan_path), "-o",
                             str(tmp_path / "out.docx"), "--template", str(template)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "已保留模板正文中的内容" in result.stderr and LETTERHEAD in result.stderr
