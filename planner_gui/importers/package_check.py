"""Is this zip a Word document we can safely hand to python-docx?

python-docx reads every part of the package into memory and parses the XML
parts, so before it touches a file we check, from the zip's directory and
then by actually inflating each member with a cap: the number of members,
declared and actual sizes, compression ratio (zip bombs), CRCs (damage),
encryption, and that no XML part declares a DOCTYPE or ENTITY (external
entities, entity expansion). Nothing here trusts the declared sizes alone:
zipfile stops at the declared size and the CRC check catches a member that
holds more.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib

from .base import PlanImportError

log = logging.getLogger(__name__)

MAX_MEMBERS = 3000
MAX_TOTAL = 150 * 1024 * 1024        # all members, uncompressed
MAX_MEMBER = 100 * 1024 * 1024
MAX_XML_MEMBER = 25 * 1024 * 1024
MAX_RATIO = 100                      # for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
CHUNK = 64 * 1024

_MARKUP = [token.encode(enc) for token in ("<!DOCTYPE", "<!ENTITY")
           for enc in ("ascii", "utf-16-le", "utf-16-be")]
_OVERLAP = max(len(t) for t in _MARKUP)

DAMAGED = "文件已损坏，无法读取。请在 Word 或 WPS 中打开并另存为 .docx 后再导入。"
BOMB = "文件内部的数据大得异常（可能是恶意构造的压缩包），为安全起见未导入。"

WORD_MAIN = re.compile(rb"wordprocessingml\.document\.main\+xml|ms-word\.document\.macroEnabled\.main\+xml")
WORD_TEMPLATE = re.compile(rb"wordprocessingml\.template\.main\+xml|ms-word\.template\.macroEnabledTemplate")


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, IndexError):
        raise PlanImportError(DAMAGED) from None


def package_kind(zf: zipfile.ZipFile) -> str:
    """"docx", "dotx", "odt", "xlsx", "pptx", "zip" — from the package's own
    declarations, not the file name."""
    names = set(zf.namelist())
    if "[Content_Types].xml" in names:
        info = zf.getinfo("[Content_Types].xml")
        if info.file_size > 1024 * 1024:
            raise PlanImportError(BOMB)
        try:
            types = zf.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
            raise PlanImportError(DAMAGED) from None
        if WORD_MAIN.search(types):
            return "docx"
        if WORD_TEMPLATE.search(types):
            return "dotx"
        if b"spreadsheetml" in types:
            return "xlsx"
        if b"presentationml" in types:
            return "pptx"
        return "zip"
    if "mimetype" in names:
        try:
            mimetype = zf.read("mimetype")[:100]
        except Exception as exc:  # noqa: BLE001 - any failure here means a damaged package
            log.info("not a readable package: %r", exc)
            raise PlanImportError(DAMAGED) from None
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            return "odt"
    return "zip"


def check_package(zf: zipfile.ZipFile) -> None:
    """Refuse bombs, damage, encryption and DTDs before anything parses it."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PlanImportError(BOMB)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise PlanImportError("文件已加密，无法读取。请在 Word 或 WPS 中取消密码、另存为 .docx 后再导入。")
        size = info.file_size
        total += size
        if size > MAX_MEMBER or total > MAX_TOTAL:
            raise PlanImportError(BOMB)
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise PlanImportError(BOMB)
        if _is_xml(info.filename) and size > MAX_XML_MEMBER:
            raise PlanImportError(BOMB)
    for info in infos:
        _inflate(zf, info)


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels")) or name == "[Content_Types].xml"


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Inflate one member with a cap; scan XML for DOCTYPE / ENTITY."""
    xml = _is_xml(info.filename)
    seen = 0
    tail = b""
    try:
        with zf.open(info) as member:
            while True:
                chunk = member.read(CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                if seen > info.file_size:
                    raise PlanImportError(BOMB)
                if xml:
                    window = tail + chunk
                    # every token holds "!": one fast byte search rules most chunks out
                    if b"!" in window and any(token in window for token in _MARKUP):
                        raise PlanImportError("文件中含有不允许的 XML 声明（DOCTYPE/ENTITY），"
                                              "可能是恶意构造的文件，为安全起见未导入。")
                    tail = window[-_OVERLAP:]
    except PlanImportError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        raise PlanImportError(DAMAGED) from None
    if seen != info.file_size:
        raise PlanImportError(DAMAGED)
