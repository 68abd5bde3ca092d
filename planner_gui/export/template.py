"""Opening a user's Word template: .docx as is, .dotx accepted, others refused.

A template from the superior union is usually a .docx holding a sample
document: its letterhead (红头: red lines, a 文号, a red rule) is kept above
the plan and its sample text dropped, or, where a paragraph reads 【正文】,
everything around that mark is kept (clear_body); its final w:sectPr, which
carries page setup and header/footer references, is kept. A .dotx differs from a .docx only in
the content type of the main part, so it is accepted by rewriting that one
entry in memory; macro-enabled files (.docm/.dotm) are refused.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn

from .errors import ExportError
from .xmlutil import make

MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAIN_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MACRO_TYPES = ("application/vnd.ms-word.document.macroEnabled.main+xml",
               "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_TEMPLATE_BYTES = 200 * 1024 * 1024


def _read(path: Path) -> bytes:
    """The template's bytes through held_files.read_regular: only a regular
    file, bounded, and never the plan this process holds open (a second
    descriptor on it would drop its lock)."""
    from ..held_files import FileReadError, read_regular

    try:
        return read_regular(path, MAX_TEMPLATE_BYTES, "模板文件")
    except FileReadError as exc:
        raise ExportError(str(exc)) from None


def open_template(path) -> docx.document.Document:
    """The template as a python-docx Document, or ExportError with a Chinese reason."""
    path = Path(path)
    data = _read(path)
    name = path.name
    if data.startswith(OLE_MAGIC):
        raise ExportError(f"模板“{name}”是旧版 Word 文档（.doc）或已加密的文档，"
                          "请在 Word 中另存为 .docx（不设密码）后再使用。")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        content_types = archive.read("[Content_Types].xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, OSError, ValueError):
        raise ExportError(f"模板“{name}”不是 Word 文档（.docx），无法使用。") from None
    if any(kind in content_types for kind in MACRO_TYPES):
        raise ExportError(f"模板“{name}”是含宏的 Word 文件（.docm/.dotm），为安全起见不能使用；"
                          "请在 Word 中另存为 .docx 后再使用。")
    if MAIN_TEMPLATE in content_types:
        data = _as_document(archive, content_types.replace(MAIN_TEMPLATE, MAIN_DOCUMENT))
    elif MAIN_DOCUMENT not in content_types:
        raise ExportError(f"模板“{name}”不是 Word 文档（.docx），无法使用。")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a damaged package; logged
        logging.getLogger(__name__).warning("template %s could not be read: %r", name, exc)
        raise ExportError(f"模板“{name}”已损坏，Word 文档的内容无法读取。") from None
    document.kept_from_template = clear_body(document)  # type: ignore[attr-defined]  # our mark, read by docx_writer
    return document


def _as_document(archive: zipfile.ZipFile, content_types: str) -> bytes:
    """The same package with the main part declared a document, not a template."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in archive.infolist():
            payload = (content_types.encode("utf-8") if item.filename == "[Content_Types].xml"
                       else archive.read(item.filename))
            target.writestr(item, payload)
    return out.getvalue()


#: A paragraph of the template marking where the plan goes (Chinese or ASCII braces/brackets)
PLACE_MARK = re.compile(r"^\s*(?:[【\[{｛]{1,2})\s*(?:正文|计划正文|此处插入正文|插入正文)\s*(?:[】\]}｝]{1,2})\s*$")
#: A 文号 line: 〔2025〕3号, [2025]12号, 县工发〔2025〕1号
DOCUMENT_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d+\s*号")
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


@dataclass
class KeptContent:
    """What of a template's own body stays in the export, around the plan."""
    before: list = field(default_factory=list)   # body elements above the plan (the 红头)
    after: list = field(default_factory=list)    # below it (a 版记 after a place mark)

    def texts(self) -> list[str]:
        """The kept paragraphs' texts (a line for a rule or picture), for telling the user."""
        lines = []
        for element in self.before + self.after:
            text = "".join(t.text or "" for t in element.iter(qn("w:t"))).strip()
            if text:
                lines.append(text)
            elif _has_graphic(element) or _has_rule(element):
                lines.append("（分隔线或图片）")
        return lines


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _has_graphic(element) -> bool:
    return any(node.tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")) or
               node.tag.endswith("}AlternateContent") for node in element.iter())


def _has_rule(element) -> bool:
    """A paragraph border (the red rule under a letterhead is often one)."""
    return element.find(qn("w:pPr") + "/" + qn("w:pBdr")) is not None


def _is_red(element) -> bool:
    for color in element.iter(qn("w:color")):
        value = (color.get(qn("w:val")) or "").upper()
        if len(value) == 6 and value != "AUTO":
            try:
                r, g, b = int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
            except ValueError:
                continue
            if r >= 0xB0 and g <= 0x60 and b <= 0x60:
                return True
    return False


def _is_letterhead(element) -> bool:
    """Red text, a rule, a picture or a 文号: what a 红头 is made of."""
    return (_is_red(element) or _has_rule(element) or _has_graphic(element)
            or bool(DOCUMENT_NUMBER.search(_text(element))))


def _letterhead_end(blocks: list) -> int:
    """How many leading blocks form the letterhead: up to its last red line,
    rule, picture or 文号 among the opening blocks (empty paragraphs between
    them included, the sample text after them not)."""
    end = 0
    for index, element in enumerate(blocks[:12]):
        if element.tag != qn("w:p"):
            break
        if _is_letterhead(element):
            end = index + 1
        elif _text(element).strip() and index - end >= 2:
            break   # two lines of plain text: the sample text has begun
    return end


def _clean_kept(element):
    """A kept block without what would dangle: comment anchors (the comments
    part is dropped), a section break in its paragraph properties."""
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        for node in list(element.iter(qn(f"w:{tag}"))):
            parent = node.getparent()
            if tag == "commentReference" and parent.tag == qn("w:r"):
                parent.getparent().remove(parent)
            else:
                parent.remove(node)
    for sect in list(element.iter(qn("w:sectPr"))):
        sect.getparent().remove(sect)
    return element


def clear_body(document) -> KeptContent:
    """Remove the template's sample text from the body, keeping its final
    w:sectPr and its letterhead.

    A paragraph reading 【正文】 (or {{正文}}) marks the place of the plan:
    what comes before it is kept above the plan, what comes after below it.
    Without a mark, the opening red lines, rules, pictures and 文号 (a 红头)
    are kept above the plan and the rest dropped. The comments anchored in the
    removed text go too."""
    for r_id, rel in list(document.part.rels.items()):
        if "comments" in rel.reltype.rsplit("/", 1)[-1].lower():
            del document.part.rels[r_id]
    body = document.element.body
    blocks = [child for child in body if child.tag != qn("w:sectPr")]
    mark = next((i for i, el in enumerate(blocks)
                 if el.tag == qn("w:p") and PLACE_MARK.match(_text(el))), None)
    if mark is not None:
        kept = KeptContent(blocks[:mark], blocks[mark + 1:])
    else:
        kept = KeptContent(blocks[:_letterhead_end(blocks)], [])
    for child in blocks:
        body.remove(child)
    kept.before = [_clean_kept(el) for el in kept.before]
    kept.after = [_clean_kept(el) for el in kept.after]
    if body.find(qn("w:sectPr")) is None:
        body.append(make("sectPr"))
    return kept
