"""The official-document profile (GB/T 9704-2012) in one place.

Both the DOCX writer and the print/PDF layout read these figures, so the
printed page and the exported file agree.
"""

from __future__ import annotations

# Page (millimetres)
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 37.0
MARGIN_BOTTOM_MM = 35.0
MARGIN_LEFT_MM = 28.0
MARGIN_RIGHT_MM = 26.0
PAGE_NUMBER_BELOW_MM = 7.0     # GB/T 9704: the page number's 一字线 7 mm below the text block
DASH_ABOVE_FOOTER_BOTTOM_MM = 2.8  # measured: the dash's stroke above the footer's bottom edge
#: Word's footer distance (page edge to the footer's bottom) that puts the dash
#: 7 mm below the text block (measured on LibreOffice's PDF and ours: 7.0 mm)
FOOTER_DISTANCE_MM = MARGIN_BOTTOM_MM - PAGE_NUMBER_BELOW_MM - DASH_ABOVE_FOOTER_BOTTOM_MM

# Sizes in points (字号)
SIZE_ERHAO = 22.0     # 二号: title
SIZE_SANHAO = 16.0    # 三号: body and headings
SIZE_SIHAO = 14.0     # 四号: page numbers
SIZE_XIAOSI = 12.0    # 小四: table body in the landscape schedule

LINE_PITCH_PT = 28.0          # exact line spacing
GRID_LINE_PITCH_PT = 28.95    # 22 lines a page with a document grid
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
FIRST_LINE_INDENT_CHARS = 2

# Font profiles: role -> font family name as Word knows it.
FONT_PROFILES = {
    "standard": {
        "title": "方正小标宋简体",
        "body": "仿宋_GB2312",
        "heading1": "黑体",
        "heading2": "楷体_GB2312",
        "page_number": "宋体",
        "table": "仿宋_GB2312",
    },
    "windows": {
        "title": "宋体",
        "body": "仿宋",
        "heading1": "黑体",
        "heading2": "楷体",
        "page_number": "宋体",
        "table": "仿宋",
    },
}

# What each named font falls back to on a machine without it, by kind.
FONT_KINDS = {
    "方正小标宋简体": "serif-bold", "宋体": "serif", "仿宋_GB2312": "fangsong", "仿宋": "fangsong",
    "黑体": "sans", "楷体_GB2312": "kai", "楷体": "kai",
}

PAGE_NUMBER_DASH = "—"  # em dash: "— 1 —"


def page_number_text(n: int) -> str:
    return f"{PAGE_NUMBER_DASH} {n} {PAGE_NUMBER_DASH}"


def mm_to_pt(mm: float) -> float:
    return mm * 72.0 / 25.4

# --- Added for the DOCX export (issue 5); the print layout may use them too. ---
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM      # 156
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM    # 225
SIZE_SIHAO_TABLE = SIZE_SIHAO  # 四号: table text in the portrait month table

TITLE_SPACE_AFTER_LINES = 1        # one empty line between title and body
TITLE_LINE_PITCH_PT = 35.0         # exact line height of a (two-line) 二号 title
SIGNATURE_SPACE_BEFORE_LINES = 1   # 正文下空一行 before the signature
SIGNATURE_RIGHT_GAP_CHARS = 2      # the signature never closer to the right than 右空二字
DATE_RIGHT_GAP_CHARS = 4           # 成文日期 右空四字, the signature centred over it
AUTOSPACE_CHARS = 0.2              # Word/LibreOffice's gap between Chinese and digits
PAGE_NUMBER_GAP_CHARS = 1          # odd page numbers 右空一字, even 左空一字

TABLE_LINE_PITCH_PT = 22.0            # exact line height in the portrait month table (四号)
LANDSCAPE_TABLE_LINE_PITCH_PT = 20.0  # in the landscape 工作计划表 (小四)
LANDSCAPE_MARGIN_MM = 25.0            # all four margins of the landscape 工作计划表
TABLE_MONTH_COLUMN_CHARS = 5.5        # 次年元月份 fits on one line
TABLE_OWNER_COLUMN_CHARS = 5.0
TABLE_NOTE_COLUMN_CHARS = 4.0


def char_pitch_pt() -> float:
    """The character pitch that puts CHARS_PER_LINE characters on a line (about 15.8 pt)."""
    return mm_to_pt(TEXT_WIDTH_MM) / CHARS_PER_LINE


def char_spacing_twips(size: float = SIZE_SANHAO) -> int:
    """Character spacing (1/20 pt, negative = condensed) that fits CHARS_PER_LINE
    characters of `size` on a line: -5 (-0.25 pt) for 三号, a 15.75 pt pitch."""
    import math

    return min(0, math.floor((char_pitch_pt() - size) * 20))
