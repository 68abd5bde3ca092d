"""The plan as the printed page's blocks, in reading order (no Qt here).

The same reading order and the same paragraph properties as the exported
DOCX (export.docx_writer and export.styles): title, preamble, the numbered
sections with their paragraphs, the month table in its host section (or in a
level-1 section of its own after the others), closing paragraphs, signature
and 成文日期. Each paragraph carries what the DOCX style says about it, in
points; render.layout turns these blocks into lines and pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core import typography as ty
from ..core.numbering import format_date, number_for_path
from ..core.plan import DEFAULT_OPTIONS, Plan, Section
from ..core.summary import printed_schedule
from ..core.sanitize import clean_text
from ..core.schedule_table import (DEFAULT_HEADING, MonthGroup, group_schedule, schedule_host,
                               visible_columns)
from ..core import layout_rules

#: The page and the text block in twips (1/20 pt), as the DOCX section sets them.
PAGE_WIDTH = layout_rules.mm_twips(ty.PAGE_WIDTH_MM)
PAGE_HEIGHT = layout_rules.mm_twips(ty.PAGE_HEIGHT_MM)
MARGIN_TOP = layout_rules.mm_twips(ty.MARGIN_TOP_MM)
MARGIN_BOTTOM = layout_rules.mm_twips(ty.MARGIN_BOTTOM_MM)
MARGIN_LEFT = layout_rules.mm_twips(ty.MARGIN_LEFT_MM)
MARGIN_RIGHT = layout_rules.mm_twips(ty.MARGIN_RIGHT_MM)
FOOTER_DISTANCE = layout_rules.mm_twips(ty.FOOTER_DISTANCE_MM)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM


@dataclass(frozen=True)
class Geometry:
    """A page and its text block in twips, as the DOCX section sets them."""
    page_width: int
    page_height: int
    margin_top: int
    margin_bottom: int
    margin_left: int
    margin_right: int
    footer_distance: int

    @property
    def text_width(self) -> int:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def text_height(self) -> int:
        return self.page_height - self.margin_top - self.margin_bottom

    @property
    def landscape(self) -> bool:
        return self.page_width > self.page_height


#: The official-document page (export.docx_writer.setup_page, portrait)
PORTRAIT = Geometry(PAGE_WIDTH, PAGE_HEIGHT, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
                    FOOTER_DISTANCE)
_LANDSCAPE_MARGIN = layout_rules.mm_twips(ty.LANDSCAPE_MARGIN_MM)
#: The 工作计划表 sheet (setup_page, landscape: 25 mm margins, footer 12 mm)
LANDSCAPE = Geometry(PAGE_HEIGHT, PAGE_WIDTH, _LANDSCAPE_MARGIN, _LANDSCAPE_MARGIN,
                     _LANDSCAPE_MARGIN, _LANDSCAPE_MARGIN, layout_rules.mm_twips(12))


@dataclass(frozen=True)
class Style:
    """A paragraph style of the exported document, by role."""
    role: str
    font_role: str               # key of a typography.FONT_PROFILES entry
    size: float                  # points
    line_pt: float               # exact line height
    align: str = "both"          # both | center | left | right
    first_indent_chars: float = 0.0
    before_pt: float = 0.0
    after_pt: float = 0.0
    bold: bool = False
    keep_next: bool = False
    condense: bool = False       # -0.25 pt character spacing: 28 characters a line
    page_break_before: bool = False   # starts a new page (a summary's 附件)


def styles(options: dict, landscape: bool = False) -> dict[str, Style]:
    """Role -> Style, the figures of export.styles.profile_specs."""
    bold = bool(options.get("bold_headings"))
    line = ty.LINE_PITCH_PT
    indent = float(ty.FIRST_LINE_INDENT_CHARS)
    table: dict[str, Any] = ({"size": ty.SIZE_XIAOSI, "line_pt": ty.LANDSCAPE_TABLE_LINE_PITCH_PT} if landscape
                             else {"size": ty.SIZE_SIHAO_TABLE, "line_pt": ty.TABLE_LINE_PITCH_PT})
    result = {
        "body": Style("body", "body", ty.SIZE_SANHAO, line, first_indent_chars=indent,
                      condense=True),
        "title": Style("title", "title", ty.SIZE_ERHAO, ty.TITLE_LINE_PITCH_PT, align="center",
                       after_pt=line * ty.TITLE_SPACE_AFTER_LINES, keep_next=True),
        "signature": Style("signature", "body", ty.SIZE_SANHAO, line, align="right",
                           before_pt=line * ty.SIGNATURE_SPACE_BEFORE_LINES, keep_next=True,
                           condense=True),
        "date": Style("date", "body", ty.SIZE_SANHAO, line, align="right", condense=True),
        "table_text": Style("table_text", "table", align="left", **table),
        "table_header": Style("table_header", "heading1", align="center", keep_next=True, **table),
        "footer": Style("footer", "page_number", ty.SIZE_SIHAO, 0.0, align="center"),
    }
    for level in range(1, 10):
        font_role = {1: "heading1", 2: "heading2"}.get(level, "body")
        result[f"heading{level}"] = Style(
            f"heading{level}", font_role, ty.SIZE_SANHAO, line, first_indent_chars=indent,
            bold=bold and level in (2, 3), keep_next=True, condense=True)
    return result


@dataclass
class Paragraph:
    style: Style
    text: str
    right_indent_chars: float = 0.0
    keep_next: bool = False      # the text before the signature: its last lines go with it


@dataclass
class Table:
    """The month table: header row, then one row per activity, month cells merged."""
    columns: list[tuple[str, str]]       # (key, header)
    widths: list[int]                    # twips per column
    groups: list[MonthGroup]
    text_style: Style
    header_style: Style
    keep_last_row: bool = False  # the table ends the text before the signature


@dataclass
class Spacer:
    """The 1-pt paragraph the export adds when the body would end with a table."""
    height_pt: float = 1.0


@dataclass
class PrintedPlan:
    blocks: list = field(default_factory=list)
    fonts: dict[str, str] = field(default_factory=dict)   # font role -> profile font name
    styles: dict[str, Style] = field(default_factory=dict)
    geometry: Geometry = PORTRAIT


def plan_options(plan: Plan) -> dict:
    return {name: plan.option(name) for name in DEFAULT_OPTIONS}


SCHEDULE_SHEET_TITLE = "工作计划表"


def _table(groups, columns, style_set, text_width: int):
    size = style_set["table_text"].size
    widths = layout_rules.column_widths(columns, text_width, size, layout_rules.column_texts(groups))
    return Table(columns, widths, groups, style_set["table_text"], style_set["table_header"])


def build_schedule_sheet(plan: Plan) -> PrintedPlan:
    """The 工作计划表 on its own, landscape: the title and the month table
    (mirrors export.docx_writer.BodyWriter.schedule_sheet)."""
    options = plan_options(plan)
    profile = ty.FONT_PROFILES.get(str(options.get("font_profile")), ty.FONT_PROFILES["standard"])
    style_set = styles(options, landscape=True)
    out = PrintedPlan([], dict(profile), style_set, LANDSCAPE)
    title = clean_text(plan.meta.title, single_line=True).strip() or SCHEDULE_SHEET_TITLE
    per_line = layout_rules.title_chars_per_line(LANDSCAPE.text_width)
    out.blocks.append(Paragraph(style_set["title"], layout_rules.balance_title(title, per_line)))
    groups = group_schedule(plan)
    out.blocks.append(_table(groups, visible_columns(plan, groups), style_set,
                             LANDSCAPE.text_width))
    out.blocks.append(Spacer())
    return out


def build(plan: Plan, schedule_only: bool = False) -> PrintedPlan:
    """The plan's blocks in reading order (mirrors export.docx_writer.BodyWriter)."""
    if schedule_only:
        return build_schedule_sheet(plan)
    options = plan_options(plan)
    profile = ty.FONT_PROFILES.get(str(options.get("font_profile")), ty.FONT_PROFILES["standard"])
    style_set = styles(options)
    out = PrintedPlan([], dict(profile), style_set)
    blocks = out.blocks

    def paragraph(role: str, text: str, right_chars: float = 0.0) -> None:
        blocks.append(Paragraph(style_set[role], clean_text(text), right_chars))

    def heading(depth: int, label: str, text: str) -> None:
        paragraph(f"heading{min(depth, 9)}", label + clean_text(text, single_line=True))

    title = clean_text(plan.meta.title, single_line=True).strip()
    if title:
        per_line = layout_rules.title_chars_per_line(TEXT_WIDTH)
        paragraph("title", layout_rules.balance_title(title, per_line))
    for text in plan.preamble:
        paragraph("body", text)

    groups = group_schedule(plan) if printed_schedule(plan) else []  # a summary: no month table
    host = schedule_host(plan) if groups else None
    columns = visible_columns(plan, groups)
    table = _table(groups, columns, style_set, TEXT_WIDTH) if groups else None
    level3 = str(options.get("level3_style"))
    for index, top in enumerate(plan.sections):
        stack: list[tuple[Section, list[int]]] = [(top, [index])]
        while stack:
            section, path = stack.pop()
            heading(len(path), number_for_path(path, level3), section.heading)
            for text in section.body:
                paragraph("body", text)
            if section is host:
                blocks.append(table)
            for child_index in range(len(section.children) - 1, -1, -1):
                stack.append((section.children[child_index], path + [child_index]))
    if table is not None and host is None:
        heading(1, number_for_path([len(plan.sections)], level3), DEFAULT_HEADING)
        blocks.append(table)
    for text in plan.closing:
        paragraph("body", text)
    _signature(plan, options, paragraph, blocks)
    from .summary_appendix import add_appendix   # issue 18: a summary's 附件, as in the DOCX

    add_appendix(plan, options, out)
    if not blocks or not isinstance(blocks[-1], Paragraph):
        blocks.append(Spacer())
    return out


def _signature(plan: Plan, options: dict, paragraph, blocks: list) -> None:
    meta = plan.meta
    name = clean_text(meta.signature or meta.organization or "", single_line=True).strip()
    date = format_date(meta.date, str(options.get("date_style"))) if meta.date else ""
    if not name and not date:
        return
    if blocks and isinstance(blocks[-1], Paragraph):   # as export.docx_writer.keep_with_next
        blocks[-1].keep_next = True
    elif blocks and isinstance(blocks[-1], Table):
        blocks[-1].keep_last_row = True
    name_gap, date_gap = layout_rules.signature_gaps(name, date)
    if name:
        paragraph("signature", name, name_gap)
    if date:
        paragraph("date" if name else "signature", date, date_gap)

