"""Breaking a paragraph into lines as the word processors do, in twips.

Fonts are sized in pixels of one twip (1/20 pt), so a QTextLayout measures
in twips whatever the device. The rules are those LibreOffice applies to the
exported DOCX: justified lines except the last and those ending in a manual
line break; 、。，．；：！？ and their ASCII forms may hang into the right
margin of justified text; a
space of a fifth of the font size between Chinese and Latin letters or digits
(autospace: "第 41 个"); lines filled by advance widths alone.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption

from ..core import typography as ty
from . import document as doc
from ..core import layout_rules
from .fonts import FontResolver

#: Marks that may hang into the right margin at a line end (found by laying
#: lines out in LibreOffice: ）”」》 and … do not hang).
HANGING = frozenset("、。，．；：！？,.;:!?")
AUTOSPACE = 0.2               # Chinese | Latin gap, as a fraction of the font size
TAB_STOP = 420                # the export's w:defaultTabStop, twips
EPSILON = 0.5                 # twips of slack when comparing widths and heights
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


def full_width_dashes(text: str) -> list[int]:
    """Indexes of — and ― in Chinese text (next to a full-width character or
    another dash): one em wide there, as in 宋体 and 仿宋 and as LibreOffice
    shapes them; "— 1 —" in the footer keeps the narrower Western dash."""
    found = []
    for i, ch in enumerate(text):
        if ch not in "—―":
            continue
        neighbours = text[i - 1:i] + text[i + 1:i + 2]
        if any(c in "—―" or (layout_rules.is_wide(c) and c not in "—―") for c in neighbours):
            found.append(i)
    return found


def _spacing(pos: int, twips: float) -> QTextLayout.FormatRange:
    """A format range giving one character an absolute letter spacing."""
    fmt = QTextCharFormat()
    fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
    fmt.setFontLetterSpacing(twips)
    item = QTextLayout.FormatRange()
    item.start, item.length, item.format = pos, 1, fmt
    return item


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
            font.setPixelSize(layout_rules.twips(size))
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
            # Digits next to Latin letters ("20xx") are shaped as Latin, and the
            # CJK faces' Latin 'locl' forms have no Unicode value: the PDF's text
            # would lose them. The default (Chinese) forms are wanted anyway.
            font.setFeature(QFont.Tag("locl"), 0)
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
    # Keep the shaped glyphs after endLayout(): Qt drops them by default and
    # shapes the whole paragraph again when a line is drawn (the PDF, the
    # printer, the preview), which doubled the cost of shaping Chinese text.
    layout.setCacheEnabled(True)
    option = QTextOption(_ALIGN[style.align])
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTabStopDistance(TAB_STOP)
    layout.setTextOption(option)
    size_twips = layout_rules.twips(style.size)
    positions = autospace_positions(text)
    ranges = [_spacing(pos, size_twips * AUTOSPACE) for pos in positions]
    dash = None
    for pos in full_width_dashes(text):   # 宋体/仿宋 draw a Chinese dash one em wide
        if dash is None:
            dash = size_twips - QFontMetricsF(font).horizontalAdvance(text[pos]) + font.letterSpacing()
        if dash > 0:
            ranges.append(_spacing(pos, font.letterSpacing() + dash))
    if ranges:
        layout.setFormats(ranges)
    # A mark may hang in justified text (body, headings), not in centred,
    # right-aligned or table text, where LibreOffice moves it over.
    fitter = _LineFitter(text, set(positions), size_twips * AUTOSPACE - font.letterSpacing(),
                         QFontMetricsF(font) if style.align == "both" else None,
                         size_twips * BEARING_SLACK)
    layout.beginLayout()
    count = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        left = first_indent if count == 0 else hang_indent
        fitter.fit(line, max(width - left - right_indent, size_twips))
        line.setPosition(QPointF(left, 0))
        count += 1
    layout.endLayout()
    return TextBlock(layout, count, layout_rules.twips(style.line_pt))


@dataclass
class _LineFitter:
    """Breaks lines as a word processor does: by advance widths alone.

    Qt also counts the ink a line's last glyph sticks out past its advance
    (e.g. 小 in Noto Serif), so five 14 pt characters do not fit in 70 pt;
    LibreOffice and Word fit them. So a line is tried a little wider and kept
    when its advance fits, not counting an autospace after its last character
    (there is nothing to space from) nor a HANGING mark that may stick out.
    The final width is the real one wherever the break allows it.
    """
    text: str
    autospaced: set[int]          # characters carrying an autospace after them
    autospace: float              # its width beyond the character's own spacing
    metrics: QFontMetricsF | None  # None: no hanging marks (not justified)
    slack: float

    def __post_init__(self):
        # Qt counts UTF-16 units: a character beyond U+FFFF (emoji, 𠀀) takes two
        self.by_unit = [ch for ch in self.text for _ in range(2 if ord(ch) > 0xFFFF else 1)]

    def _advance(self, line) -> tuple[float, str]:
        """(advance without a trailing autospace, last character)."""
        end = line.textStart() + line.textLength()
        if not line.textLength():
            return line.horizontalAdvance(), ""
        extra = self.autospace if end - 1 in self.autospaced else 0.0
        return line.horizontalAdvance() - extra, self.by_unit[end - 1]

    def fit(self, line, available: float) -> None:
        hang = self.metrics.horizontalAdvance("。") if self.metrics is not None else 0.0
        line.setLineWidth(available + hang + self.slack)
        advance, last = self._advance(line)
        if advance <= available + EPSILON:
            line.setLineWidth(max(available, line.naturalTextWidth()))
            return
        if (self.metrics is not None and last in HANGING
                and advance - self.metrics.horizontalAdvance(last) <= available + EPSILON):
            line.setLineWidth(max(available + hang, line.naturalTextWidth()))
            return
        line.setLineWidth(available + self.slack)
        if self._advance(line)[0] <= available + EPSILON:
            line.setLineWidth(max(available, line.naturalTextWidth()))
        else:
            line.setLineWidth(available)
