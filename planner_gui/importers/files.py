"""A file of any kind -> ImportResult, or a clear PlanImportError.

What a file is comes from its content, not its name (a ".doc" from a web
site is often HTML, a ".docx" may be a renamed .doc): zip packages are
checked (package_check) before python-docx opens them; OLE compound files
are old Word/WPS (converted by LibreOffice) unless they hold an encrypted
package; RTF and OpenDocument are converted too; web pages and plain text
are read as text. Nothing is written anywhere but a temporary folder.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from ..held_files import FileReadError, read_regular
from .base import ImportResult, PlanImportError
from .text_plan import MAX_TEXT_CHARS, build_plan, import_text

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF16 = lambda s: s.encode("utf-16-le")  # noqa: E731


def import_file(path, year: int | None = None) -> ImportResult:
    path = Path(path)
    try:
        # Regular files only, read with a bound, and never the plan this
        # process holds open (a second descriptor would drop its lock).
        data = read_regular(path, MAX_FILE_BYTES)
    except FileReadError as exc:
        raise PlanImportError(str(exc)) from None
    return import_bytes(data, path.name, year)


def sniff(data: bytes, name: str = "") -> str:
    """"zip", "ole", "rtf", "pdf", "html", "mht" or "text" (decoding decides later)."""
    head = data[:8]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head == OLE_MAGIC:
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"%PDF"):
        return "pdf"
    start = data[:4096].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if start.startswith(b"mime-version:") or b"\nmime-version:" in start[:600]:
        return "mht"
    if start.startswith(b"<") and (b"<html" in start or b"<body" in start):
        return "html"
    return "text"


def import_bytes(data: bytes, name: str = "", year: int | None = None) -> ImportResult:
    if len(data) > MAX_FILE_BYTES:
        raise PlanImportError("文件太大，不像是一份工作计划，未导入。")
    if not data.strip():
        raise PlanImportError("文件是空的。")
    kind = sniff(data, name)
    suffix = os.path.splitext(name)[1].lower()
    if kind == "zip":
        return _import_zip(data, year)
    if kind == "ole":
        return _import_ole(data, suffix, year)
    if kind == "rtf":
        return _converted(data, "rtf", year)
    if kind == "pdf":
        raise PlanImportError("PDF 文件无法导入。请用 Word 或 WPS 打开原来的文档另存为 .docx，"
                              "或把文字复制后粘贴到新计划中。")
    if kind in ("html", "mht"):
        from .html_text import html_to_text, mht_to_html

        html = mht_to_html(data) if kind == "mht" else data
        result = import_text(_limit(html_to_text(html)), year)
        result.report.source = "网页文件"
        return result
    text = decode_text(data)
    result = import_text(_limit(text), year)
    result.report.source = "文本文件"
    return result


def _limit(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise PlanImportError(f"文字太长（超过 {MAX_TEXT_CHARS // 10000} 万字），不像是一份工作计划，未导入。")
    return text


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (GBK) — the
    encodings Chinese text files come in."""
    if len(data) > MAX_TEXT_BYTES:
        raise PlanImportError(f"文字太长（超过 {MAX_TEXT_CHARS // 10000} 万字），不像是一份工作计划，未导入。")
    text = None
    if data.startswith(codecs.BOM_UTF8):
        text = _try(data[3:], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try(data, "utf-16")
    else:
        text = _try(data, "utf-8")
        if text is None:
            text = _try(data, "gb18030")
    if text is None or not _looks_like_text(text):
        raise PlanImportError("这不是 Word 文档，也不是可识别的文本文件，无法导入。"
                              "请选择 .docx 文件，或把计划的文字复制后粘贴进来。")
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_like_text(text: str) -> bool:
    if "\x00" in text:
        return False
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c")
    return controls * 100 <= len(sample)


def _import_zip(data: bytes, year: int | None) -> ImportResult:
    from .package_check import check_package, open_zip, package_kind

    with open_zip(data) as zf:
        kind = package_kind(zf)
        if kind == "dotx":
            raise PlanImportError("这是 Word 模板（.dotx），不是计划文档。请用 Word 打开后另存为 .docx 再导入。")
        if kind == "xlsx":
            raise PlanImportError("这是 Excel 表格，不是 Word 文档。可以把表格内容复制后粘贴到计划的月份安排中。")
        if kind == "pptx":
            raise PlanImportError("这是 PowerPoint 演示文稿，不是 Word 文档，无法导入。")
        if kind == "odt":
            check_package(zf)
            return _converted(data, "odt", year)
        if kind != "docx":
            raise PlanImportError("这个压缩文件不是 Word 文档（.docx），无法导入。")
        check_package(zf)
    return _import_docx(data, year, "Word 文档")


def _import_ole(data: bytes, suffix: str, year: int | None) -> ImportResult:
    if _UTF16("EncryptedPackage") in data or _UTF16("EncryptionInfo") in data:
        raise PlanImportError("这份 Word 文档设有打开密码，无法读取。请在 Word 或 WPS 中取消密码、"
                              "另存为 .docx 后再导入。")
    if _UTF16("WordDocument") in data:
        return _converted(data, "wps" if suffix == ".wps" else "doc", year)
    if _UTF16("Workbook") in data or _UTF16("Book") in data:
        raise PlanImportError("这是 Excel 表格，不是 Word 文档，无法导入。")
    if _UTF16("PowerPoint Document") in data:
        raise PlanImportError("这是 PowerPoint 演示文稿，不是 Word 文档，无法导入。")
    raise PlanImportError("这个文件不是 Word 文档，无法导入。")


def _converted(data: bytes, kind: str, year: int | None) -> ImportResult:
    from .convert import KIND_NAMES, convert_to_docx
    from .package_check import check_package, open_zip, package_kind

    converted = convert_to_docx(data, kind)
    with open_zip(converted) as zf:
        if package_kind(zf) != "docx":
            raise PlanImportError("LibreOffice 转换的结果不是 Word 文档，未导入。")
        check_package(zf)
    result = _import_docx(converted, year, f"{KIND_NAMES.get(kind, kind)}，经 LibreOffice 转换")
    result.report.add("note", "文件已由 LibreOffice 转换为 .docx 后导入，请核对编号和表格")
    return result


def _import_docx(data: bytes, year: int | None, source: str) -> ImportResult:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from .docx_plan import blocks_from_document

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = blocks_from_document(document)
    except PlanImportError:
        raise
    except MemoryError:
        raise PlanImportError("文件太大，内存不足，未导入。") from None
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, IndexError,
            SyntaxError, OSError, RecursionError) as exc:
        # lxml's XMLSyntaxError is a SyntaxError; a missing part is a KeyError
        raise PlanImportError("文件已损坏或不是有效的 Word 文档，无法读取。"
                              "请在 Word 或 WPS 中打开并另存为 .docx 后再导入。") from exc
    if not blocks:
        raise PlanImportError("这份 Word 文档里没有文字，无法导入。")
    result = build_plan(blocks, year, source)
    return result
