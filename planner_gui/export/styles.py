"""The paragraph styles of an exported plan, by role.

Each role (body, title, heading1 …, signature, table text) is a named style,
so a user can restyle the whole document in Word by editing one style. In
the official-document profile every style is written from the figures in
core.typography; with a user's template a role is looked up by name (Word's
built-in English name or the Chinese one WPS writes) and only created from
the profile when the template lacks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from ..core import typography as ty
from ..core.layout_rules import twips
from .xmlutil import get_or_add, make, set_child, set_fonts

MAX_HEADING_LEVEL = 9


@dataclass(frozen=True)
class StyleSpec:
    role: str
    style_id: str
    name: str
    lookup: tuple[str, ...]          # normalised names that identify the role in a template
    font_role: str                   # key of a FONT_PROFILES entry
    size: float
    align: str = "both"              # w:jc
    first_line_chars: int | None = None   # None: inherit; 0: none; 200: 2 characters
    line_pt: float | None = ty.LINE_PITCH_PT  # exact line height; None: single
    before_pt: float = 0.0
    after_pt: float = 0.0
    bold: bool = False
    outline_level: int | None = None  # 0-based (w:outlineLvl 0 = level 1)
    keep_next: bool = False
    snap_to_grid: bool = False        # no style snaps to the document grid (see document_grid)
    ui_priority: int | None = None
    quick: bool = False              # shown in the style gallery
    based_on_body: bool = True
    condense: bool = False           # -0.25 pt character spacing: 28 characters a line


def normalise(name: str) -> str:
    """'Heading 1' / 'heading 1' / '标题 1' -> 'heading1' / '标题1'."""
    return re.sub(r"\s+", "", name or "").lower()


def heading_role(depth: int) -> str:
    return f"heading{min(max(depth, 1), MAX_HEADING_LEVEL)}"


def profile_specs(options: dict, landscape: bool = False) -> list[StyleSpec]:
    """Every role's style in the official-document profile."""
    bold = bool(options.get("bold_headings"))
    table_size = ty.SIZE_XIAOSI if landscape else ty.SIZE_SIHAO_TABLE
    table_line = ty.LANDSCAPE_TABLE_LINE_PITCH_PT if landscape else ty.TABLE_LINE_PITCH_PT
    line = ty.LINE_PITCH_PT
    specs = [
        StyleSpec("body", "Normal", "Normal", ("normal", "正文"), "body", ty.SIZE_SANHAO,
                  first_line_chars=ty.FIRST_LINE_INDENT_CHARS * 100, quick=True,
                  based_on_body=False, condense=True),
        StyleSpec("title", "Title", "Title", ("title", "标题"), "title", ty.SIZE_ERHAO,
                  align="center", first_line_chars=0, line_pt=ty.TITLE_LINE_PITCH_PT,
                  after_pt=line * ty.TITLE_SPACE_AFTER_LINES, ui_priority=10, quick=True,
                  keep_next=True),
    ]
    for level in range(1, MAX_HEADING_LEVEL + 1):
        font_role = {1: "heading1", 2: "heading2"}.get(level, "body")
        specs.append(StyleSpec(
            f"heading{level}", f"Heading{level}", f"heading {level}",
            (f"heading{level}", f"标题{level}"), font_role, ty.SIZE_SANHAO,
            bold=bold and level in (2, 3), outline_level=level - 1, keep_next=True,
            ui_priority=9, quick=level <= 4, condense=True))
    specs += [
        StyleSpec("signature", "PlanSignature", "落款", ("落款",), "body", ty.SIZE_SANHAO,
                  align="right", first_line_chars=0, before_pt=line * ty.SIGNATURE_SPACE_BEFORE_LINES,
                  keep_next=True, quick=True, condense=True),
        StyleSpec("date", "PlanDate", "成文日期", ("成文日期",), "body", ty.SIZE_SANHAO,
                  align="right", first_line_chars=0, quick=True, condense=True),
        StyleSpec("table_text", "PlanTableText", "表格文字", ("表格文字",), "table", table_size,
                  align="left", first_line_chars=0, line_pt=table_line, snap_to_grid=False),
        StyleSpec("table_header", "PlanTableHeader", "表头", ("表头",), "heading1", table_size,
                  align="center", first_line_chars=0, line_pt=table_line, snap_to_grid=False,
                  keep_next=True),
        StyleSpec("footer", "Footer", "footer", ("footer", "页脚"), "page_number", ty.SIZE_SIHAO,
                  align="center", first_line_chars=0, line_pt=None, snap_to_grid=False),
    ]
    return specs


def font_for(spec: StyleSpec, profile: dict) -> str:
    return profile[spec.font_role]


def write_style(style, spec: StyleSpec, font: str, based_on: str | None) -> None:
    """Fill a <w:style> element from a spec, replacing its properties."""
    for tag in ("basedOn", "next", "link", "uiPriority", "qFormat", "pPr", "rPr",
                "tblPr", "trPr", "tcPr", "semiHidden", "unhideWhenUsed"):
        for child in style.findall(qn(f"w:{tag}")):
            style.remove(child)
    set_child(style, "name", val=spec.name)
    if based_on:
        set_child(style, "basedOn", val=based_on)
        set_child(style, "next", val=based_on if spec.role != "body" else spec.style_id)
    if spec.ui_priority is not None:
        set_child(style, "uiPriority", val=spec.ui_priority)
    if spec.quick:
        set_child(style, "qFormat")
    ppr = get_or_add(style, "pPr")
    if spec.keep_next:
        set_child(ppr, "keepNext")
    set_child(ppr, "snapToGrid", val=1 if spec.snap_to_grid else 0)
    spacing: dict[str, Any] = {"before": twips(spec.before_pt), "after": twips(spec.after_pt)}
    if spec.line_pt is None:
        spacing.update(line=240, lineRule="auto")
    else:
        spacing.update(line=twips(spec.line_pt), lineRule="exact")
    set_child(ppr, "spacing", **spacing)
    if spec.first_line_chars is not None:
        chars = spec.first_line_chars
        set_child(ppr, "ind", firstLineChars=chars, firstLine=twips(spec.size * chars / 100))
    set_child(ppr, "jc", val=spec.align)
    if spec.outline_level is not None:
        set_child(ppr, "outlineLvl", val=spec.outline_level)
    rpr = get_or_add(style, "rPr")
    set_fonts(rpr, font)
    set_child(rpr, "b", val=1 if spec.bold else 0)
    set_child(rpr, "bCs", val=1 if spec.bold else 0)
    set_child(rpr, "spacing", val=ty.char_spacing_twips(spec.size) if spec.condense else 0)
    set_child(rpr, "kern", val=0)
    half_points = int(round(spec.size * 2))
    set_child(rpr, "sz", val=half_points)
    set_child(rpr, "szCs", val=half_points)


def new_style_element(style_id: str, default: bool = False):
    style = make("style", type="paragraph", styleId=style_id)
    if default:
        style.set(qn("w:default"), "1")
    return style


def _paragraph_styles(styles_element):
    for style in styles_element.findall(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph":
            yield style


def _has_numbering(style, by_id: dict, seen: set | None = None) -> bool:
    """Whether a style (or one it is based on) switches on Word's list numbering."""
    seen = seen or set()
    while style is not None and id(style) not in seen:
        seen.add(id(style))
        num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
        if num_pr is not None:
            num_id = num_pr.find(qn("w:numId"))
            return num_id is None or num_id.get(qn("w:val")) != "0"
        based = style.find(qn("w:basedOn"))
        style = by_id.get(based.get(qn("w:val"))) if based is not None else None
    return False


#: Word's built-in heading colours (2013+ and 2007-2010 themes) and its theme colour
WORD_HEADING_COLORS = {"2F5496", "1F3763", "1F4D78", "365F91", "4F81BD", "243F60", "0F4761"}


def word_default_heading(style) -> bool:
    """Whether a template's heading style is still Word's built-in one: its
    font from the theme, or Word's blue (an accent colour of the theme)."""
    if style is None:
        return False
    rpr = style.find(qn("w:rPr"))
    if rpr is None:
        return False
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None and any(fonts.get(qn(f"w:{name}")) for name in
                                 ("asciiTheme", "hAnsiTheme", "eastAsiaTheme")):
        return True
    color = rpr.find(qn("w:color"))
    if color is not None:
        if (color.get(qn("w:themeColor")) or "").startswith("accent"):
            return True
        if (color.get(qn("w:val")) or "").upper() in WORD_HEADING_COLORS:
            return True
    return False


def _name(style) -> str:
    name = style.find(qn("w:name"))
    return name.get(qn("w:val")) if name is not None else ""


class StyleSet:
    """Role -> style id, and the fonts each role's style names.

    Runs carry no fonts of their own: the fonts live in the styles, so that
    changing 正文's or 标题 1's font in Word or WPS changes the document."""

    def __init__(self, ids: dict[str, str], fonts: dict[str, str] | None,
                 created: list[str], sizes: dict[str, float],
                 numbered: frozenset[str] = frozenset()):
        self.ids = ids
        self.fonts = fonts          # role -> font of its style (None with a template)
        self.created = created      # roles created because a template lacked them
        self.sizes = sizes
        self.numbered = numbered    # roles whose template style has automatic numbering
        self.restyled: list[str] = []   # template heading styles left at Word's defaults, rewritten

    def id(self, role: str) -> str:
        return self.ids[role]

    def run_font(self, role: str) -> str | None:
        """The font a run of this role must name itself: none, the style has it."""
        return None


def apply_profile(styles_element, options: dict, landscape: bool = False) -> StyleSet:
    """Replace the paragraph styles with the profile's (python-docx's default
    template): every other paragraph and character style is dropped, so no
    style is left that points at a theme font or a Japanese face."""
    profile = ty.FONT_PROFILES.get(str(options.get("font_profile")), ty.FONT_PROFILES["standard"])
    keep = {"DefaultParagraphFont", "TableNormal", "NoList"}
    for style in list(styles_element.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in keep:
            styles_element.remove(style)
    ids, fonts, sizes = {}, {}, {}
    for spec in profile_specs(options, landscape):
        style = new_style_element(spec.style_id, default=spec.role == "body")
        styles_element.append(style)
        font = font_for(spec, profile)
        write_style(style, spec, font, None if not spec.based_on_body else "Normal")
        ids[spec.role], fonts[spec.role], sizes[spec.role] = spec.style_id, font, spec.size
    return StyleSet(ids, fonts, [], sizes)


def apply_template(styles_element, options: dict, landscape: bool = False) -> StyleSet:
    """Look each role up in a user's template by name; create the missing ones."""
    profile = ty.FONT_PROFILES.get(str(options.get("font_profile")), ty.FONT_PROFILES["standard"])
    by_name: dict[str, str] = {}
    taken: set[str] = set()
    default_paragraph = None
    for style in styles_element.findall(qn("w:style")):
        taken.add(style.get(qn("w:styleId")) or "")
    for style in _paragraph_styles(styles_element):
        by_name.setdefault(normalise(_name(style)), style.get(qn("w:styleId")))
        if style.get(qn("w:default")) in ("1", "true", "on"):
            default_paragraph = style.get(qn("w:styleId"))
    ids, created, sizes = {}, [], {}
    by_id = {style.get(qn("w:styleId")): style for style in _paragraph_styles(styles_element)}
    numbered = set()
    restyled: list[str] = []
    specs = profile_specs(options, landscape)
    for spec in specs:
        found = next((by_name[key] for key in spec.lookup if key in by_name), None)
        if found is None and spec.role == "body" and default_paragraph:
            found = default_paragraph
        if found is not None:
            ids[spec.role] = found
            sizes[spec.role] = spec.size
            if _has_numbering(by_id.get(found), by_id):
                numbered.add(spec.role)
            if spec.outline_level is not None and word_default_heading(by_id.get(found)):
                # 标题 3 left blue, italic and in the theme font: the profile's look
                write_style(by_id[found], spec, font_for(spec, profile), ids.get("body"))
                restyled.append(spec.role)
            continue
        style_id = spec.style_id
        counter = 1
        while style_id in taken:
            counter += 1
            style_id = f"{spec.style_id}{counter}"
        taken.add(style_id)
        style = new_style_element(style_id, default=spec.role == "body" and default_paragraph is None)
        styles_element.append(style)
        based_on = ids.get("body") if spec.role != "body" else None
        write_style(style, spec, font_for(spec, profile), based_on)
        ids[spec.role] = style_id
        sizes[spec.role] = spec.size
        created.append(spec.role)
    result = StyleSet(ids, None, created, sizes, frozenset(numbered))
    result.restyled = restyled
    return result
