"""Breaking a paragraph into lines as the word processors do, in twips.

Fonts are sized in pixels of one twip (1/20 pt), so a QTextLayout measures
in twips whatever the device. The rules are those LibreOffice applies to the
exported DOCX: justified lines except the last and those ending in a manual
line break; 、。，． may hang into the right margin of justified text; a
space of a fifth of the font size between Chinese and Latin letters or digits
(autospace: "第 41 个"); lines filled by advance widths alone.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextLayout, QTextOption

from ..core import typography as ty
from . import document as doc
from . import measure
from .fonts import FontResolver

HANGING = frozenset("、。，．")  # may hang into the right margin at a line end
AUTOSPACE = 0.2               # Chinese | Latin gap, as a fraction of the font size
TAB_STOP = 420                # the export's w:defaultTabStop, twips
EPSILON = 2                   # twips of slack when comparing widths and heights
BEARING_SLACK = 0.15          # of the font size: room for a last glyph's overhanging ink

_ALIGN = {
    "both": Qt.AlignmentFlag.AlignJustify,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "left": Qt.AlignmentFlag.AlignLeft,
    "right": Qt.AlignmentFlag.AlignRight,
}


def _is_ideograph(ch: str) -> bool:
    code = ord(ch)
    if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:   # CJK punctuation, full width
        return False
    return code >= 0x2E80 and unicodedata.category(ch) == "Lo"


def _is_latin(ch: str) -> bool:
    return ord(ch) < 0x2E80 and ch.isalnum()


def autospace_positions(text: str) -> list[int]:
    """Indexes of characters followed by a Chinese | Latin boundary ("第41个" -> 0, 2)."""
    positions = []
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if (_is_ideograph(a) and _is_latin(b)) or (_is_latin(a) and _is_ideograph(b)):
            positions.append(i)
    return positions


class Fonts:
    """QFonts in twip-sized pixels, per role of the font profile."""

    def __init__(self, profile: dict[str, str], resolver: FontResolver):
        self.profile = profile
        self.resolver = resolver
        self._cache: dict[tuple, QFont] = {}

    def font(self, role: str, size: float, bold: bool = False, spacing: int = 0) -> QFont:
        key = (role, size, bold, spacing)
        if key not in self._cache:
            font = QFont(self.resolver.family(self.profile[role]))
            font.setPixelSize(measure.twips(size))
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
            if spacing:
                font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
            self._cache[key] = font
        return self._cache[key]

    def for_style(self, style: doc.Style) -> QFont:
        spacing = ty.char_spacing_twips(style.size) if style.condense else 0
        return self.font(style.font_role, style.size, style.bold, spacing)


@dataclass
class TextBlock:
    """A paragraph broken into lines: x offsets (twips, from the block's left edge)."""
    layout: QTextLayout
    count: int
    pitch: float

    @property
    def height(self) -> float:
        return self.count * self.pitch


def break_lines(text: str, style: doc.Style, font: QFont, width: float,
                first_indent: float = 0.0, hang_indent: float = 0.0,
                right_indent: float = 0.0) -> TextBlock:
    """Lay text out in lines of `width` twips, the paragraph's indents applied."""
    text = text.replace("\r\n", "\n").replace("\n", "\u2028")
    layout = QTextLayout(text, font)
    option = QTextOption(_ALIGN[style.align])
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTabStopDistance(TAB_STOP)
    layout.setTextOption(option)
    size_twips = measure.twips(style.size)
    positions = autospace_positions(text)
    if positions:
        fmt = QTextCharFormat()
        fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        fmt.setFontLetterSpacing(size_twips * AUTOSPACE)
        ranges = []
        for pos in positions:
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = pos, 1, fmt
            ranges.append(item)
        layout.setFormats(ranges)
    # A full-width mark may hang in justified text (body, headings), not in
    # centred, right-aligned or table text, where LibreOffice moves it over.
    hang = float(size_twips + font.letterSpacing()) if style.align == "both" else 0.0
    layout.beginLayout()
    count = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        left = first_indent if count == 0 else hang_indent
        available = max(width - left - right_indent, size_twips)
        _fit_line(line, text, available, hang, size_twips * BEARING_SLACK)
        line.setPosition(QPointF(left, 0))
        count += 1
    layout.endLayout()
    return TextBlock(layout, count, measure.twips(style.line_pt))


def _fit_line(line, text: str, available: float, hang: float, slack: float) -> None:
    """Break the line as a word processor does: by advance widths alone.

    Qt also counts the ink a line's last glyph sticks out past its advance
    (e.g. 小 in Noto Serif), so five 14 pt characters do not fit in 70 pt;
    LibreOffice and Word fit them. So the line is tried a little wider and
    kept when its advance fits, and a 、。，． may hang past the edge.
    The final width is the real one wherever the break allows it.
    """
    line.setLineWidth(available + hang + slack)
    advance = line.horizontalAdvance()
    if advance <= available + EPSILON:
        line.setLineWidth(max(available, line.naturalTextWidth()))
        return
    end = line.textStart() + line.textLength()
    last = text[end - 1] if line.textLength() else ""
    if hang and last in HANGING and advance - hang <= available + EPSILON:
        line.setLineWidth(max(available + hang, line.naturalTextWidth()))
        return
    line.setLineWidth(available + slack)
    if line.horizontalAdvance() <= available + EPSILON:
        line.setLineWidth(max(available, line.naturalTextWidth()))
    else:
        line.setLineWidth(available)
