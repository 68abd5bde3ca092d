"""Files of every kind, good and bad: a clear message, never a traceback,
nothing half-made, bounded work."""

from __future__ import annotations

import io
import os
import random
import stat
import struct
import time
import zipfile
from pathlib import Path

import pytest

from planner_gui.importers import PlanImportError, import_bytes, import_file
from planner_gui.importers.convert import convert_to_docx, find_soffice
from planner_gui.importers.files import OLE_MAGIC, sniff
from planner_gui.importers.package_check import MAX_TOTAL
from tests.importers import docx_factory as f

SIMPLE = "2025年工会工作计划\n一、加强学习\n组织学习。\n二、活动安排\n三月：妇女节活动\n四月：读书月\n"


def simple_docx() -> bytes:
    d = f.new_document()
    for line in SIMPLE.strip().split("\n"):
        d.add_paragraph(line)
    return f.to_bytes(d)


def refused(data: bytes, name: str = "x.docx", match: str | None = None) -> str:
    with pytest.raises(PlanImportError, match=match) as info:
        import_bytes(data, name, 2025)
    message = str(info.value)
    assert message and "Traceback" not in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    return message


# --- what a file is comes from its content ------------------------------------

def test_docx_named_anything_is_read_as_word(tmp_path):
    path = tmp_path / "去年的计划.txt"
    path.write_bytes(simple_docx())
    result = import_file(path, 2025)
    assert [s.heading for s in result.plan.sections] == ["加强学习", "活动安排"]
    assert result.report.source == "Word 文档"


def test_text_files_in_utf8_utf16_and_gbk(tmp_path):
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "gb18030"):
        path = tmp_path / f"plan-{encoding}.txt"
        path.write_bytes(SIMPLE.encode(encoding))
        plan = import_file(path).plan
        assert plan.meta.title == "2025年工会工作计划", encoding
        assert len(plan.schedule) == 2


def test_a_web_page_saved_as_doc_is_read_as_text():
    html = ("<html><head><meta charset='utf-8'><style>p{}</style></head><body>"
            "<p>2025年工会工作计划</p><p>一、加强学习</p><table><tr><td>月份</td><td>工作内容</td></tr>"
            "<tr><td>三月</td><td>妇女节活动</td></tr><tr><td>四月</td><td>读书月</td></tr></table>"
            "</body></html>").encode()
    result = import_bytes(html, "计划.doc", 2025)
    assert result.plan.meta.title == "2025年工会工作计划"
    assert [(a.months, a.text) for a in result.plan.schedule] == [(["2025-03"], "妇女节活动"),
                                                                   (["2025-04"], "读书月")]


def test_a_single_file_web_page_mht():
    body = "<html><body><p>一、加强学习</p><p>二、做好服务</p></body></html>".encode("gb18030")
    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
           b"Content-Type: text/html; charset=\"gb18030\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + __import__("base64").encodebytes(body) + b"\r\n--B--\r\n")
    plan = import_bytes(mht, "计划.mht", 2025).plan
    assert [s.heading for s in plan.sections] == ["加强学习", "做好服务"]


@pytest.mark.parametrize("data, kind", [
    (b"PK\x03\x04rest", "zip"), (OLE_MAGIC + b"\0" * 8, "ole"), (b"{\\rtf1 hello}", "rtf"),
    (b"%PDF-1.7", "pdf"), (b"<html><body>x</body></html>", "html"), ("一、计划".encode(), "text"),
])
def test_sniffing(data, kind):
    assert sniff(data) == kind


# --- bad inputs ---------------------------------------------------------------

def test_random_bytes():
    rng = random.Random(7)
    for size in (1, 100, 5000):
        refused(bytes(rng.randrange(256) for _ in range(size)), "x.docx")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(PlanImportError, match="空"):
        import_file(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PlanImportError, match="不存在"):
        import_file(tmp_path / "nope.docx")
    with pytest.raises(PlanImportError, match="文件夹"):
        import_file(tmp_path)


def test_zip_that_is_not_a_word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("notes.txt", "hello")
    refused(buffer.getvalue(), match="不是 Word")


@pytest.mark.parametrize("content_type, match", [
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "Excel"),
    ("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "PowerPoint"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", "模板"),
])
def test_other_office_packages(content_type, match):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", f'<Types><Override ContentType="{content_type}"/></Types>')
    refused(buffer.getvalue(), match=match)


def test_pdf_is_refused_with_advice():
    refused(b"%PDF-1.4\n...", "x.pdf", match="PDF")


@pytest.mark.parametrize("cut", [10, 100, 1000, -500, -30])
def test_truncated_docx(cut):
    data = simple_docx()
    refused(data[:cut] if cut > 0 else data[:cut])


def test_flipped_bytes_in_a_docx():
    data = bytearray(simple_docx())
    rng = random.Random(3)
    failures = 0
    for _ in range(20):
        damaged = bytearray(data)
        for _ in range(8):
            position = rng.randrange(len(damaged))
            damaged[position] ^= 0xFF
        try:
            import_bytes(bytes(damaged), "x.docx", 2025)
        except PlanImportError:
            failures += 1
    assert failures >= 15   # a flip in a stored name or padding may still read fine


def test_docx_without_its_document_part():
    data = simple_docx()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
    refused(out.getvalue(), match="损坏|不是")


def test_encrypted_word_file():
    data = OLE_MAGIC + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64 \
        + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512
    refused(data, "x.docx", match="密码")


def test_encrypted_zip_member():
    data = bytearray(simple_docx())
    # set the "encrypted" flag bit in every central-directory entry
    index = data.find(b"PK\x01\x02")
    while index != -1:
        flags = struct.unpack_from("<H", data, index + 8)[0]
        struct.pack_into("<H", data, index + 8, flags | 1)
        index = data.find(b"PK\x01\x02", index + 4)
    refused(bytes(data), match="加密|损坏")


def test_zip_bomb_by_ratio():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
                    'wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    refused(buffer.getvalue(), match="异常")


def test_zip_bomb_by_total_size():
    buffer = io.BytesIO()
    chunk = os.urandom(64)   # incompressible head keeps the ratio low enough to pass the ratio check
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
                    'wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", chunk)
    data = bytearray(buffer.getvalue())
    # declare the member far larger than allowed in the central directory
    index = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, index + 24, MAX_TOTAL + 1)
    refused(bytes(data), match="异常|损坏")


def test_member_holding_more_than_it_declares():
    """Declared small, inflates large: zipfile stops at the declared size and
    the CRC check fails, so it is never read in full."""
    big = b"<w:document>" + b"a" * 5_000_000 + b"</w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
                    'wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", big)
    data = bytearray(buffer.getvalue())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        index = data.find(signature)
        while index != -1:
            name_start = index + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_start:name_start + 17] == b"word/document.xml":
                struct.pack_into("<I", data, index + offset, 1000)
            index = data.find(signature, index + 4)
    refused(bytes(data), match="损坏|异常")


def test_doctype_with_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    data = f.body_xml(f.with_doctype(simple_docx(), doctype), "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>")
    message = refused(data, match="DOCTYPE")
    assert "机密内容" not in message


def test_entity_expansion_is_refused():
    laughs = ('<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
              + "]>")
    refused(f.with_doctype(simple_docx(), laughs), match="DOCTYPE")


def test_python_docx_parser_does_not_resolve_external_entities(tmp_path):
    """Belt and braces: even past our check, the parser python-docx uses
    keeps external entities unresolved."""
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    xml = f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>&x;</r>'.encode()
    try:
        element = etree.fromstring(xml, oxml_parser)
    except etree.XMLSyntaxError:
        return
    assert "机密内容" not in etree.tostring(element, encoding="unicode")


def test_fifty_megabytes_of_text_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        line = ("三月份：召开教代会，审议年度工作报告。" * 10 + "\n").encode("utf-8")
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(line * 100)
    with pytest.raises(PlanImportError, match="太大|太长"):
        import_file(path)


def test_a_large_but_allowed_text_still_imports():
    lines = ["一、第一部分"] + [f"（{i % 9 + 1}）第{i}条内容，做好本职工作。" for i in range(20_000)]
    result = import_bytes("\n".join(lines).encode("utf-8"), "x.txt", 2025)
    assert len(result.plan.sections) == 1


def test_a_word_document_without_text():
    refused(f.to_bytes(f.new_document()), match="没有文字")


# --- old Word and WPS through LibreOffice ---------------------------------------

def ole_doc() -> bytes:
    return OLE_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 512


def test_doc_without_libreoffice_says_save_as_docx(monkeypatch):
    monkeypatch.setenv("PLANNER_SOFFICE", "")
    message = refused(ole_doc(), "去年.doc", match="另存为")
    assert ".docx" in message
    message = refused(ole_doc(), "去年.wps", match="WPS")


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """A stand-in for soffice: a script whose behaviour the test chooses."""
    if os.name != "posix":
        pytest.skip("shell script stand-in needs POSIX")

    def make(body: str) -> Path:
        script = tmp_path / "soffice"
        script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("PLANNER_SOFFICE", str(script))
        return script
    return make


def assert_process_ended(pid: int) -> None:
    """The converter's process is gone within 5 s."""
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail("the converter process was left running")


def test_conversion_that_hangs_is_killed(fake_soffice, tmp_path):
    pid_file = tmp_path / "pid"
    fake_soffice(f'echo $$ > "{pid_file}"\nsleep 60 &\nwait')
    with pytest.raises(PlanImportError, match="超时"):
        convert_to_docx(b"data", "doc", timeout=1)
    assert_process_ended(int(pid_file.read_text()))


def test_conversion_that_fails_is_reported(fake_soffice):
    fake_soffice("exit 3")
    refused(ole_doc(), "去年.doc", match="未能转换")


def test_conversion_output_is_checked_like_any_docx(fake_soffice, tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
                    'wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    made = tmp_path / "made.docx"
    made.write_bytes(bomb.getvalue())
    # soffice is called with --outdir DIR as the second-to-last argument
    fake_soffice(f'for last; do :; done\nout=""\nprev=""\nfor a; do [ "$prev" = "--outdir" ] && out="$a"; '
                 f'prev="$a"; done\ncp "{made}" "$out/input.docx"')
    refused(ole_doc(), "去年.doc", match="异常")


@pytest.mark.skipif(find_soffice() is None or os.environ.get("PLANNER_SOFFICE") == "",
                    reason="LibreOffice not installed")
def test_real_doc_through_libreoffice(tmp_path):
    """A .doc made by LibreOffice from our .docx comes back with its structure."""
    import subprocess

    source = tmp_path / "plan.docx"
    source.write_bytes(simple_docx())
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([find_soffice(), "--headless", "--norestore", f"-env:UserInstallation={profile}",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    doc = tmp_path / "plan.doc"
    assert doc.read_bytes()[:8] == OLE_MAGIC
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("planner-import-*"))
    result = import_file(doc, 2025)
    assert [s.heading for s in result.plan.sections] == ["加强学习", "活动安排"]
    assert [a.text for a in result.plan.schedule] == ["妇女节活动", "读书月"]
    assert "LibreOffice" in result.report.source
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("planner-import-*")) == before


def test_cancelling_stops_a_conversion(fake_soffice, tmp_path):
    """The editor's 取消 stops LibreOffice too: the import raises at once and
    the converter process is gone (the program can quit right after)."""
    import threading

    from planner_gui.importers.cancel import CancelToken, ImportCancelled, cancellable

    pid_file = tmp_path / "pid"
    fake_soffice(f'echo $$ > "{pid_file}"\nsleep 60 &\nwait')
    token = CancelToken()
    threading.Timer(0.5, token.cancel).start()
    with pytest.raises(ImportCancelled), cancellable(token):
        convert_to_docx(b"data", "doc", timeout=50)
    assert_process_ended(int(pid_file.read_text()))
