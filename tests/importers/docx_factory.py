"""Build small .docx files for the importer tests with python-docx: typed
numbering, Word's automatic numbering (numbering.xml, on paragraphs or on a
style), outline levels and heading styles, month tables with merged cells.
All text is our own."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = nsdecls("w")


def new_document():
    return docx.Document()


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def title(document, text: str):
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


# --- automatic numbering ---------------------------------------------------------

def add_list(document, abstract_id: int, levels: list[tuple[str, str]], num_id: int | None = None,
             start_overrides: dict[int, int] | None = None, styles: dict[int, str] | None = None) -> int:
    """Define a list in numbering.xml: levels [(numFmt, lvlText)] from ilvl 0;
    returns the numId to put on paragraphs."""
    numbering = document.part.numbering_part.element
    lvls = []
    for ilvl, (fmt, text) in enumerate(levels):
        style = f'<w:pStyle w:val="{styles[ilvl]}"/>' if styles and ilvl in styles else ""
        lvls.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{style}'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')
    abstract = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = num_id if num_id is not None else abstract_id + 1
    overrides = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                        for k, v in (start_overrides or {}).items())
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               f'{overrides}</w:num>'))
    return num_id


def set_num(paragraph, num_id: int, ilvl: int = 0):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def numbered(document, text: str, num_id: int, ilvl: int = 0, style=None):
    return set_num(document.add_paragraph(text, style=style), num_id, ilvl)


def list_style(document, name: str, num_id: int, ilvl: int | None = 0, based_on: str | None = None):
    """A paragraph style carrying the numbering (style-level numPr)."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if based_on:
        style.base_style = document.styles[based_on]
    ppr = style.element.get_or_add_pPr()
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.append(parse_xml(f'<w:numPr {W_NS}>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'))
    return style


def outline(paragraph, level: int):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:outlineLvl {W_NS} w:val="{level}"/>'))
    return paragraph


def run_in(document, heading: str, body: str):
    """A paragraph whose bold start is the heading: "一、加强学习。组织……"."""
    paragraph = document.add_paragraph()
    paragraph.add_run(heading).bold = True
    paragraph.add_run(body)
    return paragraph


# --- tables ---------------------------------------------------------------------

def month_table(document, rows: list[tuple], header=("月份", "工作内容", "负责人", "备注"),
                merge_months: bool = True):
    """A 月份 | 工作内容 | … table. Rows whose month is None continue the month
    above: merged vertically (Word's way) or left empty."""
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for c, name in enumerate(header):
        table.cell(0, c).text = name
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    if merge_months:
        r = 1
        while r <= len(rows):
            end = r
            while end + 1 <= len(rows) and rows[end][0] is None:
                end += 1
            if end > r:
                table.cell(r, 0).merge(table.cell(end, 0))
            r = end + 1
    return table


# --- raw package edits ----------------------------------------------------------

def replace_part(data: bytes, name: str, transform) -> bytes:
    """A copy of the package with one part's bytes transformed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == name:
                content = transform(content)
            target.writestr(info.filename, content)
    return out.getvalue()


def with_doctype(data: bytes, doctype: str) -> bytes:
    """Put a DOCTYPE in word/document.xml, right after the XML declaration."""
    def transform(xml: bytes) -> bytes:
        return re.sub(rb"^(<\?xml[^>]*\?>)", lambda m: m.group(1) + doctype.encode(), xml, count=1)
    return replace_part(data, "word/document.xml", transform)


def body_xml(data: bytes, fragment: str) -> bytes:
    """Append raw WordprocessingML to the body (before w:sectPr)."""
    def transform(xml: bytes) -> bytes:
        return xml.replace(b"<w:sectPr", fragment.encode("utf-8") + b"<w:sectPr", 1)
    return replace_part(data, "word/document.xml", transform)
