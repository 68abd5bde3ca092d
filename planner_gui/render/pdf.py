"""The plan as a PDF file: the printed pages through QPdfWriter, fonts embedded.

Qt embeds a subset of every font it draws with, so the PDF looks the same on
a machine without the Chinese fonts. The file is written whole or not at
all (a temporary name beside the target, then os.replace), so a PDF open in
a viewer or a full disk leaves the previous file as it was.
"""

from __future__ import annotations

import re
import unicodedata

from ..core.plan import Plan
from ..safe_write import write_atomically


class PdfError(Exception):
    """The PDF could not be written; str() is a Chinese sentence for the user."""


def pdf_bytes(plan: Plan, resolver=None, schedule_only: bool = False) -> tuple[bytes, list]:
    """(the PDF's bytes, font substitutions) for the plan, or for its landscape
    工作计划表 alone (needs a QGuiApplication)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    from .layout import layout_plan
    from .paint import PaintError, paint_pages

    pages = layout_plan(plan, resolver, schedule_only=schedule_only)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(1200)
    orientation = (QPageLayout.Orientation.Landscape if pages.width > pages.height
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(plan.meta.title or "")
    writer.setCreator("planner-gui")
    try:
        paint_pages(pages, writer)
    except PaintError as exc:
        raise PdfError(str(exc)) from None
    del writer   # finishes the document into the buffer
    buffer.close()
    return fix_to_unicode(bytes(data.data())), pages.substitutions


_CMAP = re.compile(rb"/CIDInit /ProcSet findresource begin.*?endcmap", re.S)
_RADICAL = re.compile(rb"<(2[EF][0-9A-F]{2})>")

#: CJK radicals (U+2E80..) drawn with the same glyph as an ideograph in the
#: Simplified Chinese faces (found by comparing glyph ids in Noto CJK SC/TC/JP),
#: as radical-ideograph pairs. Kangxi radicals (U+2F00..) follow NFKC, but for
#: ⼾ the simplified 户.
_RADICAL_PAIRS = ("⺂乛⺃乚⺅亻⺉刂⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫"
                  "⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺹耂⺺肀⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车"
                  "⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼"
                  "⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼾户")
_IDEOGRAPH_FOR = dict(zip(_RADICAL_PAIRS[::2], _RADICAL_PAIRS[1::2]))


def ideograph_for(radical: str) -> str:
    """The ideograph a radical's glyph stands for in Chinese text (or the radical)."""
    if radical in _IDEOGRAPH_FOR:
        return _IDEOGRAPH_FOR[radical]
    if 0x2F00 <= ord(radical) <= 0x2FDF:
        unified = unicodedata.normalize("NFKC", radical)
        if len(unified) == 1 and ord(unified) <= 0xFFFF:
            return unified
    return radical


def _unified(match: re.Match) -> bytes:
    return b"<%04X>" % ord(ideograph_for(chr(int(match.group(1), 16))))


def fix_to_unicode(data: bytes) -> bytes:
    """Map radicals in the PDF's text maps back to the ideographs they look like.

    Qt's ToUnicode map gives each glyph the lowest code point the font maps
    to it; CJK fonts share one glyph between 工 (U+5DE5) and the Kangxi
    radical ⼯ (U+2F2F), 见 and ⻅ …, so copying or searching the PDF would
    find radicals, not the words. Each <2Exx>/<2Fxx> entry of an
    (uncompressed) CMap becomes its ideograph, four hex digits for four, so
    no offset in the file moves.
    """
    return _CMAP.sub(lambda cmap: _RADICAL.sub(_unified, cmap.group(0)), data)


def write_file(path, data: bytes) -> None:
    """Write data to path atomically, with a Chinese message for every failure."""
    write_atomically(path, lambda handle: handle.write(data), "PDF", " PDF 阅读器", PdfError)


def write_pdf(plan: Plan, path, resolver=None, schedule_only: bool = False) -> list:
    """Write the plan's PDF (or its 工作计划表 alone) to path; returns the font
    substitutions made."""
    data, substitutions = pdf_bytes(plan, resolver, schedule_only)
    write_file(path, data)
    return substitutions
