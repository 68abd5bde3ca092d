"""Exporting into a user's own template: its page, header/footer and styles are used."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from planner_gui.export import ExportError
from planner_gui.export.docx_writer import build_document, export_docx
from planner_gui.export.template import MAIN_DOCUMENT, MAIN_TEMPLATE

from .docx_helpers import NS, attr, part_xml, style_by_id

HEADER_TEXT = "上级工会统一格式"


def _style(style_id: str, name: str, size: int, extra: str = "", based_on: str | None = "a",
           default: bool = False) -> str:
    default_attr = ' w:default="1"' if default else ""
    return (f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{style_id}"{default_attr}>'
            f'<w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
            + f'<w:pPr>{extra}</w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/>'
            f'<w:sz w:val="{size}"/></w:rPr></w:style>')


def make_template(path, footer: bool = False, header: bool = True, header_picture_ref: bool = False):
    """A .docx as Chinese Word / WPS save it: numeric and letter style ids,
    built-in English names ("heading 1") next to a Chinese one ("标题 2"),
    no Title / heading 3 / 落款 styles, 20 mm margins, a header, sample text."""
    document = docx.Document()
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:type")) == "paragraph":
            styles.remove(style)
    styles.append(parse_xml(_style("a", "Normal", 24, based_on=None, default=True)))
    styles.append(parse_xml(_style("1", "heading 1", 36, '<w:outlineLvl w:val="0"/>')))
    styles.append(parse_xml(_style("2", "标题 2", 30, '<w:outlineLvl w:val="1"/>')))
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    if header:
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = HEADER_TEXT
        section.header.paragraphs[0].style = None
        if header_picture_ref:
            run = section.header.paragraphs[0]._p.add_r()
            run.append(parse_xml(f'<w:drawing {nsdecls("w")}><x r:embed="rId99" '
                                 'xmlns:x="urn:x" xmlns:r="http://schemas.openxmlformats.org/'
                                 'officeDocument/2006/relationships"/></w:drawing>'))
    if footer:
        section.footer.is_linked_to_previous = False
        section.footer.paragraphs[0].text = "模板自带页脚"
    body_p = document.add_paragraph("模板里的示例正文，导出时应被替换。")
    body_p.style = None
    document.save(str(path))
    return path


@pytest.fixture
def template(tmp_path):
    return make_template(tmp_path / "上级模板.docx")


def styles_of(path):
    return part_xml(path, "word/styles.xml")


def test_template_styles_are_found_by_name_and_missing_ones_created(tmp_path, template, calendar_plan):
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=template)
    document = docx.Document(str(out))
    by_text = {p.text: p for p in document.paragraphs}
    style_id = lambda p: p._p.pPr.find(qn("w:pStyle")).get(qn("w:val"))  # noqa: E731
    assert style_id(by_text["一、抓好职工思想教育"]) == "1"         # "heading 1"
    assert style_id(by_text["（一）办好职工书屋"]) == "2"           # "标题 2"
    assert style_id(by_text[calendar_plan.preamble[0]]) == "a"      # Normal
    title = by_text["红星机械厂工会2025年工作计划"]
    assert title.style.name == "Title"
    styles = styles_of(out)
    created = style_by_id(styles, style_id(title))
    assert attr(created.find("w:rPr/w:rFonts", NS), "eastAsia") == "方正小标宋简体"
    assert attr(created.find("w:basedOn", NS), "val") == "a"
    assert by_text["红星机械厂工会委员会"].style.name == "落款"
    # the template's own styles are used as they are
    heading = style_by_id(styles, "1")
    assert attr(heading.find("w:rPr/w:sz", NS), "val") == "36"
    assert attr(heading.find("w:rPr/w:rFonts", NS), "eastAsia") == "宋体"


def test_template_body_replaced_page_setup_and_header_kept(tmp_path, template, calendar_plan):
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=template)
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "模板里的示例正文，导出时应被替换。" not in texts
    assert texts[0] == "红星机械厂工会2025年工作计划"
    section = document.sections[0]
    assert round(section.left_margin.mm) == 20 and round(section.top_margin.mm) == 20
    assert section.header.paragraphs[0].text == HEADER_TEXT
    # runs carry no direct fonts: the template's styles decide
    body = part_xml(out, "word/document.xml")
    assert body.find(".//w:r/w:rPr/w:rFonts", NS) is None


def test_template_without_footer_gets_page_numbers_and_header_on_even_pages(
        tmp_path, template, calendar_plan):
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=template)
    document = docx.Document(str(out))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    assert section.even_page_header.paragraphs[0].text == HEADER_TEXT
    assert section.footer.paragraphs[0].text == "— 1 —"
    assert section.even_page_footer.paragraphs[0].text == "— 2 —"


def test_template_header_with_a_picture_gets_one_footer(tmp_path, calendar_plan):
    template = make_template(tmp_path / "t.docx", header_picture_ref=True)
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=template)
    document = docx.Document(str(out))
    assert not document.settings.odd_and_even_pages_header_footer
    assert document.sections[0].footer.paragraphs[0].text == "— 1 —"


def test_template_footer_is_kept(tmp_path, calendar_plan):
    template = make_template(tmp_path / "t.docx", footer=True)
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=template)
    document = docx.Document(str(out))
    assert document.sections[0].footer.paragraphs[0].text == "模板自带页脚"
    assert not document.settings.odd_and_even_pages_header_footer


def test_template_list_numbering_on_headings_is_switched_off(tmp_path, calendar_plan):
    """Many unit templates link 标题 1 to a multilevel list; our numbers are text."""
    template = make_template(tmp_path / "t.docx")
    document = docx.Document(str(template))
    heading = document.styles.element.xpath('w:style[@w:styleId="1"]')[0]
    heading.find(qn("w:pPr")).insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    document.save(str(template))
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=template)
    body = part_xml(out, "word/document.xml").find("w:body", NS)
    for p in body.findall("w:p", NS):
        style = attr(p.find("w:pPr/w:pStyle", NS), "val")
        num_id = p.find("w:pPr/w:numPr/w:numId", NS)
        if style == "1":
            assert attr(num_id, "val") == "0"
        else:
            assert num_id is None, style


def test_template_schedule_only_is_landscape(tmp_path, template, calendar_plan):
    document = build_document(calendar_plan, template=template, schedule_only=True)
    size = document.element.body.find(qn("w:sectPr")).find(qn("w:pgSz"))
    assert size.get(qn("w:orient")) == "landscape"
    assert int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))
    assert len(document.tables) == 1


def _with_content_type(source, target, old: str, new: str):
    with zipfile.ZipFile(source) as archive:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as out:
            for item in archive.infolist():
                data = archive.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(old.encode(), new.encode())
                out.writestr(item, data)
    target.write_bytes(buffer.getvalue())
    return target


def test_dotx_template_is_accepted(tmp_path, template, calendar_plan):
    dotx = _with_content_type(template, tmp_path / "模板.dotx", MAIN_DOCUMENT, MAIN_TEMPLATE)
    with pytest.raises(ValueError):
        docx.Document(str(dotx))   # what python-docx alone does with a .dotx
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=dotx)
    with zipfile.ZipFile(out) as archive:
        types = archive.read("[Content_Types].xml").decode()
    assert MAIN_DOCUMENT in types and MAIN_TEMPLATE not in types
    assert docx.Document(str(out)).paragraphs[0].text == "红星机械厂工会2025年工作计划"


@pytest.mark.parametrize("kind", ["macro", "text", "ole", "missing", "folder", "broken"])
def test_unusable_templates_are_refused_in_chinese(tmp_path, template, calendar_plan, kind):
    if kind == "macro":
        bad = _with_content_type(template, tmp_path / "宏.docm", MAIN_DOCUMENT,
                                 "application/vnd.ms-word.document.macroEnabled.main+xml")
        expected = "含宏"
    elif kind == "text":
        bad = tmp_path / "不是文档.docx"
        bad.write_text("这只是一段文字", encoding="utf-8")
        expected = "不是 Word 文档"
    elif kind == "ole":
        bad = tmp_path / "旧版.doc"
        bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
        expected = "旧版 Word"
    elif kind == "missing":
        bad = tmp_path / "没有这个文件.docx"
        expected = "不存在"
    elif kind == "folder":
        bad = tmp_path / "一个文件夹.docx"
        bad.mkdir()
        expected = "文件夹"
    else:
        bad = tmp_path / "坏的.docx"
        data = template.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(bad, "w") as out:
            for item in archive.infolist():
                payload = archive.read(item.filename)
                if item.filename == "word/document.xml":
                    payload = b"<not-xml"
                out.writestr(item, payload)
        expected = "已损坏"
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous export")
    with pytest.raises(ExportError) as info:
        export_docx(calendar_plan, out, template=bad)
    assert expected in str(info.value)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_template_can_be_given_as_string(tmp_path, template, calendar_plan):
    document = build_document(calendar_plan, template=str(template))
    assert document.paragraphs[0].text == "红星机械厂工会2025年工作计划"


def test_comments_on_the_template_sample_text_are_dropped(tmp_path, calendar_plan):
    template = tmp_path / "批注.docx"
    document = docx.Document()
    paragraph = document.add_paragraph("示例正文")
    document.add_comment(paragraph.runs[0], text="请替换", author="上级工会")
    document.save(str(template))
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=template)
    with zipfile.ZipFile(out) as archive:
        assert not [n for n in archive.namelist() if "comment" in n]


def test_compat_setting_is_inserted_in_schema_order(tmp_path, calendar_plan):
    """Chinese Word's settings carry compat flags that precede doNotExpandShiftReturn."""
    template = make_template(tmp_path / "t.docx")
    document = docx.Document(str(template))
    settings = document.settings.element
    for old in settings.findall(qn("w:compat")):
        settings.remove(old)
    compat = parse_xml(f'<w:compat {nsdecls("w")}><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>'
                       '<w:ulTrailSpace/><w:useFELayout/></w:compat>')
    settings.find(qn("w:rsids")).addprevious(compat)
    document.save(str(template))
    out = tmp_path / "out.docx"
    export_docx(calendar_plan, out, template=template)
    compat = part_xml(out, "word/settings.xml").find("w:compat", NS)
    names = [child.tag.rsplit("}", 1)[1] for child in compat]
    assert names == ["spaceForUL", "balanceSingleByteDoubleByteWidth", "ulTrailSpace",
                     "doNotExpandShiftReturn", "useFELayout"]
