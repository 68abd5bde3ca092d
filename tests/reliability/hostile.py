"""Hostile and broken inputs, made at run time (nothing of the kind is stored
in the repository): random bytes, zips that are not Word files, zip bombs,
XML with external entities, very large text."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

PLAN_LINES = ["阳光小学工会2025年工作计划", "一、加强政治学习", "组织教职工参加学习活动。",
              "二、关心教职工生活", "三月份", "开展三八节活动。", "九月份", "慰问新教师。"]


def base_docx() -> bytes:
    """A small real Word document (python-docx), the host for the attacks."""
    import docx

    document = docx.Document()
    for line in PLAN_LINES:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_members(data: bytes, replacements: dict[str, bytes], extra: dict[str, bytes] | None = None,
                    compresslevel: int = 6) -> bytes:
    """A copy of a zip with some members' content replaced (and some added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as target:
        for info in source.infolist():
            target.writestr(info.filename, replacements.get(info.filename, source.read(info)))
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def document_xml(body_xml: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body_xml}</w:body></w:document>").encode()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def plain_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)
    return out.getvalue()


def honest_bomb(megabytes: int) -> bytes:
    """A .docx whose document.xml inflates to `megabytes` of spaces (the zip
    says so truthfully; the ratio is about 1000:1)."""
    data = base_docx()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                with target.open(info.filename, "w") as member:
                    head = document_xml(paragraph("开头"))
                    member.write(head[:head.index(b"<w:body>")] + b"<w:body>")
                    chunk = b" " * (1024 * 1024)
                    for _ in range(megabytes):
                        member.write(chunk)
                    member.write(b"</w:body></w:document>")
            else:
                target.writestr(info.filename, source.read(info))
    return out.getvalue()


def lying_bomb(megabytes: int) -> bytes:
    """Like honest_bomb, but the zip's headers claim document.xml is 10 KB."""
    data = bytearray(honest_bomb(megabytes))
    name = b"word/document.xml"
    claimed = 10 * 1024
    # Central directory entries: signature PK\x01\x02, uncompressed size at +24,
    # name length at +28, name at +46. Local headers: PK\x03\x04, size at +22.
    for signature, size_at, name_len_at, name_at in ((b"PK\x01\x02", 24, 28, 46), (b"PK\x03\x04", 22, 26, 30)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            length = struct.unpack_from("<H", data, start + name_len_at)[0]
            if bytes(data[start + name_at:start + name_at + length]) == name:
                if struct.unpack_from("<I", data, start + size_at)[0] != 0xFFFFFFFF:
                    struct.pack_into("<I", data, start + size_at, claimed)
            start += 4
    return bytes(data)


def many_members(count: int, size: int) -> bytes:
    data = base_docx()
    return replace_members(data, {}, {f"word/media/pad{i}.bin": b"\0" * size for i in range(count)},
                           compresslevel=1)


def xxe_docx(marker_path: Path, port: int) -> dict[str, bytes]:
    """Word files whose XML reaches for files, URLs or expands entities."""
    data = base_docx()
    url = f"http://127.0.0.1:{port}/evil.dtd"
    cases = {}
    cases["xxe_file.docx"] = replace_members(data, {"word/document.xml": document_xml(
        paragraph("&xxe;"), f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{marker_path}">]>')})
    cases["xxe_http_dtd.docx"] = replace_members(data, {"word/document.xml": document_xml(
        paragraph("外部 DTD"), f'<!DOCTYPE w:document SYSTEM "{url}">')})
    cases["xxe_parameter_entity.docx"] = replace_members(data, {"word/document.xml": document_xml(
        paragraph("参数实体"), f'<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "{url}"> %remote;]>')})
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    cases["billion_laughs.docx"] = replace_members(data, {"word/document.xml": document_xml(
        paragraph("&l9;"), f'<!DOCTYPE w:document [<!ENTITY l0 "哈">{laughs}]>')})
    utf16 = document_xml(paragraph("&xxe;"), f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{marker_path}">]>')
    utf16 = utf16.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode("utf-8").encode("utf-16")
    cases["xxe_utf16.docx"] = replace_members(data, {"word/document.xml": utf16})
    cases["xxe_in_styles.docx"] = replace_members(data, {"word/styles.xml": (
        f'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file://{marker_path}">]>'
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:styleId="x"><w:name w:val="&xxe;"/></w:style></w:styles>').encode()})
    cases["xxe_content_types.docx"] = replace_members(data, {"[Content_Types].xml": (
        f'<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY xxe SYSTEM "{url}">]>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&xxe;</Types>'
    ).encode()})
    cases["xxe.html"] = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{marker_path}">]>'
                         '<html><body><p>一、标题</p><p>&xxe;</p>'
                         f'<img src="{url}"><link rel="stylesheet" href="{url}"></body></html>').encode()
    return cases


def random_and_zip_cases(seed: int) -> dict[str, bytes]:
    rng = random.Random(seed)
    cases = {
        "one_byte.docx": b"\x00",
        "random_100.txt": rng.randbytes(100),
        "random_64k.docx": rng.randbytes(64 * 1024),
        "random_1m.doc": rng.randbytes(1024 * 1024),
        "random_1m.txt": rng.randbytes(1024 * 1024),
        "zip_header_then_noise.docx": b"PK\x03\x04" + rng.randbytes(5000),
        "empty.zip.docx": plain_zip({}),
        "text_in_a_zip.docx": plain_zip({"readme.txt": "一、这不是 Word 文件".encode()}),
        "spreadsheet.xlsx.docx": plain_zip({
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                   b'package/2006/content-types"><Override PartName="/xl/workbook.xml" '
                                   b'ContentType="application/vnd.openxmlformats-officedocument.'
                                   b'spreadsheetml.sheet.main+xml"/></Types>',
            "xl/workbook.xml": b"<workbook/>"}),
        "java_archive.jar.docx": plain_zip({"META-INF/MANIFEST.MF": b"Manifest-Version: 1.0\n",
                                            "a/B.class": rng.randbytes(300)}),
        "path_traversal.docx": replace_members(base_docx(), {}, {"../../evil.txt": b"x", "/abs.txt": b"y"}),
        "docx_without_document.docx": plain_zip({"[Content_Types].xml": zipfile.ZipFile(
            io.BytesIO(base_docx())).read("[Content_Types].xml")}),
        "truncated.docx": base_docx()[:1500],
    }
    return cases


def big_text(megabytes: int) -> bytes:
    line = "\n".join(PLAN_LINES).encode("utf-8") + b"\n"
    return (line * (megabytes * 1024 * 1024 // len(line) + 1))[:megabytes * 1024 * 1024]
