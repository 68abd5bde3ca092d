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
FOOTER_DISTANCE_MM = 28.0 - 7.0  # page number sits ~7 mm below the text block

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
