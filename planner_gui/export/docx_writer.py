"""Plan -> DOCX: the official-document profile (GB/T 9704) or a user's template.

Reading order of an exported plan: title; preamble; the sections, each
heading numbered as text from its place in the tree (一、 （一） 1. （1）)
followed by its paragraphs; the month table (in the section whose heading
names the month list and has no subsections, else in a level-1 section of
its own after the others, see core.schedule_table); closing paragraphs; the
signature and 成文日期 placed as GB/T 9704 places them without a seal.
"""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml.ns import qn

from ..core import typography as ty
from ..core.layout_rules import (balance_title, mm_twips, signature_gaps, title_chars_per_line,
                                 twips)
from ..core.numbering import format_date, number_for_path
from ..core.plan import DEFAULT_OPTIONS, Plan, Section
from ..core.sanitize import clean_text
from ..core.schedule_table import DEFAULT_HEADING, group_schedule, schedule_host, visible_columns
from ..core.summary import printed_schedule
from ..safe_write import check_target, write_atomically
from .errors import ExportError
from .fields import fill_footer
from .package import (clean_default_package, fix_defaults, keep_manual_breaks_unjustified,
                      set_core_properties, tidy_template_package)
from .paragraphs import append_to_body, make_paragraph
from .styles import StyleSet, apply_profile, apply_template, heading_role
from .table import build_table
from .template import open_template
from .xmlutil import make, set_child


SCHEDULE_SHEET_TITLE = "工作计划表"
WORD = "Word 文档"


def plan_options(plan: Plan) -> dict:
    return {name: plan.option(name) for name in DEFAULT_OPTIONS}


def profile_fonts(options: dict) -> dict[str, str]:
    return ty.FONT_PROFILES.get(str(options.get("font_profile")), ty.FONT_PROFILES["standard"])


# --- page setup ---------------------------------------------------------------------

def setup_page(sect_pr, landscape: bool) -> None:
    """A4 with the GB/T 9704 margins (portrait) or the landscape table sheet."""
    width, height = mm_twips(ty.PAGE_WIDTH_MM), mm_twips(ty.PAGE_HEIGHT_MM)
    footer = mm_twips(ty.FOOTER_DISTANCE_MM)
    if landscape:
        margin = mm_twips(ty.LANDSCAPE_MARGIN_MM)
        set_child(sect_pr, "pgSz", w=height, h=width, orient="landscape")
        set_child(sect_pr, "pgMar", top=margin, right=margin, bottom=margin, left=margin,
                  header=mm_twips(15), footer=mm_twips(12), gutter=0)
        set_child(sect_pr, "docGrid", type="lines", linePitch=twips(ty.LANDSCAPE_TABLE_LINE_PITCH_PT),
                  charSpace=0)
        return
    set_child(sect_pr, "pgSz", w=width, h=height)
    set_child(sect_pr, "pgMar", top=mm_twips(ty.MARGIN_TOP_MM), right=mm_twips(ty.MARGIN_RIGHT_MM),
              bottom=mm_twips(ty.MARGIN_BOTTOM_MM), left=mm_twips(ty.MARGIN_LEFT_MM),
              header=mm_twips(15), footer=footer, gutter=0)
    set_child(sect_pr, "docGrid", **document_grid())


def document_grid() -> dict:
    """A line grid of 22 lines a page, as Word's 页面设置 shows it (只指定行网格, 22 行).

    The paragraphs do not snap to it (w:snapToGrid 0 in every style): their
    exact 28 pt lines and the -0.25 pt character spacing of the 三号 styles
    lay out 22 lines x 28 characters in Word and in LibreOffice alike. A
    character grid (linesAndChars) is not written: LibreOffice then sets 27
    characters a line and 20 lines a page, snapping or not (docs/output.md).
    """
    return {"type": "lines", "linePitch": twips(ty.GRID_LINE_PITCH_PT), "charSpace": 0}


def make_landscape(sect_pr) -> None:
    """Turn a template's page to landscape, keeping its margins."""
    size = sect_pr.find(qn("w:pgSz"))
    if size is None:
        setup_page(sect_pr, landscape=True)
        return
    w, h = int(size.get(qn("w:w"), 11906)), int(size.get(qn("w:h"), 16838))
    if w < h:
        size.set(qn("w:w"), str(h))
        size.set(qn("w:h"), str(w))
    size.set(qn("w:orient"), "landscape")


def text_area(sect_pr) -> tuple[int, int]:
    """(width, height) of the text block in twips, from the section's page setup."""
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))

    def value(element, name, default):
        try:
            return int(element.get(qn(f"w:{name}"))) if element is not None else default
        except (TypeError, ValueError):
            return default

    width = value(size, "w", 11906) - value(margins, "left", 1440) - value(margins, "right", 1440)
    width -= value(margins, "gutter", 0)
    height = value(size, "h", 16838) - abs(value(margins, "top", 1440)) - abs(value(margins, "bottom", 1440))
    return max(width, 2000), max(height, 2000)


# --- headers and footers ------------------------------------------------------------

def _has_relationship_refs(element) -> bool:
    r_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    return any(key.startswith(r_ns) for node in element.iter() for key in node.attrib)


def add_page_numbers(document, styles: StyleSet, font: str, template_mode: bool) -> None:
    """Odd footer right, even footer left, w:evenAndOddHeaders on.

    A template's own footers are kept as they are. A template with a header
    but no footer gets ours; its header is copied to even pages first (Word
    would otherwise show even pages without it), and where it cannot be
    copied (it holds a picture) the number goes right on every page.
    """
    section = document.sections[-1]
    sect_pr = section._sectPr
    settings = document.settings
    footer_style = styles.id("footer")
    if template_mode:
        first_page_number(section, footer_style, font)
        if [ref for ref in sect_pr.findall(qn("w:footerReference"))
                if ref.get(qn("w:type")) != "first"]:
            return
        headers = {ref.get(qn("w:type")) for ref in sect_pr.findall(qn("w:headerReference"))}
        if ("default" in headers and "even" not in headers
                and not settings.odd_and_even_pages_header_footer):
            source = section.header._element
            if _has_relationship_refs(source):
                fill_footer(section.footer, footer_style, font, odd=True)
                return
            target = section.even_page_header._element
            for child in list(target):
                target.remove(child)
            for child in source:
                target.append(copy.deepcopy(child))
    # the profile's 页脚 style names the page-number font; a template's may not
    run_font = font if template_mode else None
    fill_footer(section.footer, footer_style, run_font, odd=True)
    fill_footer(section.even_page_footer, footer_style, run_font, odd=False)
    settings.odd_and_even_pages_header_footer = True


def first_page_number(section, footer_style: str, font: str) -> None:
    """A template with a different first page (its 红头 in the first-page
    header) and no first-page footer would print page 1 without a number: it
    gets the template's own footer there, or ours ("— 1 —" on the right)."""
    sect_pr = section._sectPr
    if sect_pr.find(qn("w:titlePg")) is None or section.different_first_page_header_footer is False:
        return
    if any(ref.get(qn("w:type")) == "first" for ref in sect_pr.findall(qn("w:footerReference"))):
        return
    has_default = any(ref.get(qn("w:type")) == "default"
                      for ref in sect_pr.findall(qn("w:footerReference")))
    if has_default and not _has_relationship_refs(section.footer._element):
        target = section.first_page_footer._element
        for child in list(target):
            target.remove(child)
        for child in section.footer._element:
            target.append(copy.deepcopy(child))
        return
    fill_footer(section.first_page_footer, footer_style, font, odd=True)


# --- the body -----------------------------------------------------------------------

class BodyWriter:
    """Appends the plan's blocks to the document body, in reading order."""

    def __init__(self, document, plan: Plan, styles: StyleSet, options: dict,
                 table_breaks=frozenset()):
        self.document = document
        self.table_breaks = table_breaks
        self.body = document.element.body
        self.plan = plan
        self.styles = styles
        self.options = options
        self.text_width, self.text_height = text_area(self.body.find(qn("w:sectPr")))

    def paragraph(self, role: str, text: str, **direct):
        p = make_paragraph(self.styles.id(role), text, self.styles.run_font(role),
                           no_numbering=role in self.styles.numbered, **direct)
        append_to_body(self.body, p)
        return p

    def title(self, text: str):
        """The title, broken into two balanced lines when it would wrap."""
        per_line = title_chars_per_line(self.text_width, self.styles.sizes["title"])
        return self.paragraph("title", balance_title(text, per_line))

    def heading(self, depth: int, label: str, text: str):
        level = min(depth, 9)
        return self.paragraph(heading_role(depth), label + clean_text(text, single_line=True),
                              outline_level=level - 1)

    def paragraphs(self, texts: list[str]) -> None:
        for text in texts:
            self.paragraph("body", text)

    def table(self, groups, columns) -> None:
        append_to_body(self.body, build_table(groups, columns, self.styles,
                                              self.text_width, self.text_height,
                                              self.table_breaks))

    # whole documents
    def full_plan(self) -> None:
        plan = self.plan
        title = clean_text(plan.meta.title, single_line=True).strip()
        if title:
            self.title(title)
        self.paragraphs(plan.preamble)
        groups = group_schedule(plan) if printed_schedule(plan) else []  # a summary's: its appendix
        host = schedule_host(plan) if groups else None
        columns = visible_columns(plan, groups)
        level3 = str(self.options.get("level3_style"))
        for index, section in enumerate(plan.sections):
            self.section(section, [index], level3, host, groups, columns)
        if groups and host is None:
            label = number_for_path([len(plan.sections)], level3)
            self.heading(1, label, DEFAULT_HEADING)
            self.table(groups, columns)
        self.paragraphs(plan.closing)
        self.signature()
        self.finish()

    def section(self, section: Section, path: list[int], level3: str, host, groups, columns):
        """A section and everything below it, iteratively (no recursion limit)."""
        stack = [(section, path)]
        while stack:
            current, current_path = stack.pop()
            self.heading(len(current_path), number_for_path(current_path, level3), current.heading)
            self.paragraphs(current.body)
            if current is host:
                self.table(groups, columns)
            for child_index in range(len(current.children) - 1, -1, -1):
                stack.append((current.children[child_index], current_path + [child_index]))

    def schedule_sheet(self) -> None:
        """The 工作计划表 on its own: the plan's title and the month table."""
        plan = self.plan
        self.title(clean_text(plan.meta.title, single_line=True).strip() or SCHEDULE_SHEET_TITLE)
        groups = group_schedule(plan)
        self.table(groups, visible_columns(plan, groups))
        self.finish()

    def signature(self) -> None:
        """署名 2 characters in from the right; 成文日期 on the next line, its first
        character 2 to the right of the signature's (GB/T 9704, no seal)."""
        meta = self.plan.meta
        name = clean_text(meta.signature or meta.organization or "", single_line=True).strip()
        date = format_date(meta.date, str(self.options.get("date_style"))) if meta.date else ""
        if not name and not date:
            return
        name_gap, date_gap = signature_gaps(name, date)
        size = self.styles.sizes["signature"]
        keep_with_next(self.last_block())
        if name:
            p = self.paragraph("signature", name, ind=_right_indent(name_gap, size))
            if date:
                keep_with_next(p)
        if date:
            role = "date" if name else "signature"
            self.paragraph(role, date, ind=_right_indent(date_gap, size))

    def last_block(self):
        """The body's last paragraph or table so far (None in an empty body)."""
        blocks = [child for child in self.body if child.tag in (qn("w:p"), qn("w:tbl"))]
        return blocks[-1] if blocks else None

    def finish(self) -> None:
        """Word wants a paragraph after a table that ends the body (and at least
        one paragraph); a 1-pt one cannot spill onto an empty last page."""
        last = self.body[-2] if len(self.body) > 1 else None
        if last is not None and last.tag == qn("w:p"):
            return
        p = make_paragraph(self.styles.id("body"), "")
        ppr = p.find(qn("w:pPr"))
        set_child(ppr, "spacing", before=0, after=0, line=20, lineRule="exact")
        set_child(ppr, "ind", firstLineChars=0, firstLine=0)
        rpr = set_child(ppr, "rPr")
        set_child(rpr, "sz", val=2)
        set_child(rpr, "szCs", val=2)
        append_to_body(self.body, p)


def keep_with_next(block) -> None:
    """The 落款 and 成文日期 never start a page by themselves: the text before
    them keeps with them (w:keepNext on the paragraph, or on the paragraphs of
    a table's last row), so Word and LibreOffice pull its last lines over with
    them, as an office does, rather than leave the signature alone."""
    if block is None:
        return
    if block.tag == qn("w:tbl"):
        rows = block.findall(qn("w:tr"))
        paragraphs = rows[-1].iter(qn("w:p")) if rows else ()
    else:
        paragraphs = (block,)
    for p in paragraphs:
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = make("pPr")
            p.insert(0, ppr)
        set_child(ppr, "keepNext")


def _right_indent(chars: float, size: float) -> dict:
    chars = max(chars, 0)
    return {"rightChars": int(round(chars * 100)), "right": twips(chars * size)}


# --- the API ------------------------------------------------------------------------

def build_document(plan: Plan, template=None, schedule_only: bool = False,
                   table_breaks=frozenset()):
    """The plan as a python-docx Document, in memory.

    template: path of a user's .docx/.dotx whose page setup, headers, footers
    and styles are used; None for the official-document profile.
    table_breaks: (group, row) of month-table rows that start a page inside a
    month (render.layout.export_table_breaks), where the month cell restarts as 六月（续）.
    """
    options = plan_options(plan)
    fonts = profile_fonts(options)
    if template is None:
        document = docx.Document()
        styles_element = document.styles.element
        styles = apply_profile(styles_element, options, landscape=schedule_only)
        fix_defaults(styles_element, fonts["body"])
        clean_default_package(document, fonts)
        sect_pr = document.sections[-1]._sectPr
        setup_page(sect_pr, landscape=schedule_only)
        add_page_numbers(document, styles, fonts["page_number"], template_mode=False)
    else:
        document = open_template(template)
        styles = apply_template(document.styles.element, options, landscape=schedule_only)
        tidy_template_package(document)
        if schedule_only:
            make_landscape(document.sections[-1]._sectPr)
        add_page_numbers(document, styles, fonts["page_number"], template_mode=True)
    keep_manual_breaks_unjustified(document.settings.element)
    set_core_properties(document, plan.meta.title,
                        plan.meta.organization or plan.meta.signature)
    writer = BodyWriter(document, plan, styles, options, table_breaks)
    kept = getattr(document, "kept_from_template", None)
    try:
        if kept is not None and not schedule_only:
            for element in kept.before:
                append_to_body(writer.body, element)
        if schedule_only:
            writer.schedule_sheet()
        else:
            writer.full_plan()
        from .summary_appendix import add_appendix, wants_appendix
        if wants_appendix(plan, schedule_only):
            add_appendix(writer)
        if kept is not None and not schedule_only:
            for element in kept.after:
                append_to_body(writer.body, element)
    except ValueError as exc:  # lxml: "All strings must be XML compatible"
        if "XML compatible" in str(exc):
            raise ExportError("计划中含有无法写入 Word 文档的字符，请检查后再导出。") from None
        raise
    return document


def export_docx(plan: Plan, out_path, template=None, schedule_only: bool = False,
                table_breaks=frozenset()) -> list[str]:
    """Write the plan to out_path (.docx), whole or not at all.

    table_breaks: where the printed month table starts a page inside a month,
    from the print layout (render.layout.export_table_breaks): the callers ask
    it, so this package stays free of Qt.

    Returns what was kept of a template's own body (its letterhead's lines),
    for telling the user; [] without a template.

    Raises ExportError (str = a Chinese sentence) when the folder is missing,
    the target is a folder or read-only or open in Word, the disk is full, or
    the template cannot be used; the previous file at out_path is untouched.
    """
    check_target(Path(out_path).absolute(), WORD, ExportError)
    document = build_document(plan, template=template, schedule_only=schedule_only,
                              table_breaks=table_breaks if template is None else frozenset())
    write_atomically(out_path, document.save, WORD, " Word 或 WPS ", ExportError)
    kept = getattr(document, "kept_from_template", None)
    return kept.texts() if kept is not None and not schedule_only else []


def required_fonts(plan: Plan, template=None, schedule_only: bool = False) -> list[str]:
    """The font families the exported document asks for (to tell the user which
    must be installed for it to look right)."""
    document = build_document(plan, template=template, schedule_only=schedule_only)
    names: list[str] = []
    roots = [document.styles.element, document.element]
    for section in document.sections:
        for part in (section.footer, section.even_page_footer, section.header):
            if part._has_definition:
                roots.append(part._element)
    for root in roots:
        for rfonts in root.iter(qn("w:rFonts")):
            for attr in ("eastAsia", "ascii"):
                value = rfonts.get(qn(f"w:{attr}"))
                if value and value not in names:
                    names.append(value)
    return names
