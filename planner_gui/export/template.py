"""Opening a user's Word template: .docx as is, .dotx accepted, others refused.

A template from the superior union is usually a .docx holding a sample
document; its body is dropped (its final w:sectPr, which carries page setup
and header/footer references, is kept). A .dotx differs from a .docx only in
the content type of the main part, so it is accepted by rewriting that one
entry in memory; macro-enabled files (.docm/.dotm) are refused.
"""

from __future__ import annotations

import io
import zipfile
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
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise ExportError(f"模板文件过大：{path.name}")
        return path.read_bytes()
    except FileNotFoundError:
        raise ExportError(f"模板文件不存在：{path}") from None
    except IsADirectoryError:
        raise ExportError(f"模板路径是一个文件夹，不是 Word 文档：{path}") from None
    except PermissionError:
        raise ExportError(f"没有权限读取模板文件：{path}") from None
    except OSError as exc:
        raise ExportError(f"无法读取模板文件 {path.name}：{exc.strerror or exc}") from None


def open_template(path) -> "docx.document.Document":
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
    except Exception:  # python-docx raises many kinds on a damaged package
        raise ExportError(f"模板“{name}”已损坏，Word 文档的内容无法读取。") from None
    clear_body(document)
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


def clear_body(document) -> None:
    """Remove everything in the body except its final w:sectPr, and the
    comments that were anchored in the removed sample text."""
    for r_id, rel in list(document.part.rels.items()):
        if "comments" in rel.reltype.rsplit("/", 1)[-1].lower():
            del document.part.rels[r_id]
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if body.find(qn("w:sectPr")) is None:
        body.append(make("sectPr"))
