""".docx -> blocks (paragraphs and tables in body order) -> text_plan.

Paragraphs and tables come in the order of the body, like
Document.iter_inner_content(), but content controls (w:sdt) and custom XML
wrappers are walked into too, so text inside them is not lost. For each
paragraph: its text (tracked deletions left out, insertions kept), the
number Word would show (docx_numbering), its outline level (w:outlineLvl on
the paragraph or its style, else a heading style), whether it looks like
the title, and how much of its start is bold. Text boxes become blocks of
their own after their paragraph.

The file must already have passed files.check_docx_package: this module
trusts nothing else about it either, but does not re-check sizes.
"""

from __future__ import annotations

import re

from . import cancel
from .base import Block, Table
from .docx_numbering import NumberingResolver, w, wval

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAX_TABLE_CELLS = 200_000
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_NAME = re.compile(r"^(?:title|标题|主标题)$", re.I)
_SKIP_ANCESTORS = {w("del"), w("moveFrom")}
_FALLBACK = f"{{{MC}}}Fallback"


_PPR = w("pPr")
_VAL = w("val")
_R = w("r")
_T = w("t")
_TXBX = w("txbxContent")
_TAB = w("tab")
_BREAKS = (w("br"), w("cr"))
_NB_HYPHEN = w("noBreakHyphen")
_RPR = w("rPr")
_B = w("b")
#: a paragraph with none of these inside is read run by run without asking each run where it sits
_COMPLEX = tuple(w(tag) for tag in ("txbxContent", "del", "moveFrom", "p"))


def _is_true(element) -> bool:
    if element is None:
        return False
    return element.get(w("val"), "true") not in ("0", "false", "off")


class DocxReader:
    def __init__(self, document):
        part = document.part
        numbering = None
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        styles = document.styles.element
        self.resolver = NumberingResolver(numbering, styles)
        self.styles = self.resolver.styles
        self.body = document.element.body
        self.cells = 0
        self._style_values: dict = {}
        self._names: dict = {}

    # --- styles
    def _style_value(self, p, tag: str):
        ppr = p.find(_PPR)
        element = ppr.find(w(tag)) if ppr is not None else None
        if element is not None:
            return element.get(_VAL)
        style_id = wval(ppr, "pStyle") if ppr is not None else None
        key = (style_id, tag)
        if key not in self._style_values:          # styles do not change while reading: once per style
            found = None
            for style in self.resolver.style_chain(style_id):
                sppr = style.find(_PPR)
                element = sppr.find(w(tag)) if sppr is not None else None
                if element is not None:
                    found = element.get(_VAL)
                    break
            self._style_values[key] = found
        return self._style_values[key]

    def _style_names(self, p) -> list[str]:
        ppr = p.find(_PPR)
        style_id = wval(ppr, "pStyle") if ppr is not None else None
        names = self._names.get(style_id)
        if names is None:
            names = self._names[style_id] = [wval(s, "name") or "" for s in self.resolver.style_chain(style_id)]
        return names

    def outline_level(self, p) -> int | None:
        value = self._style_value(p, "outlineLvl")
        if value is not None and value.isascii() and value.isdigit() and len(value) <= 2:
            level = int(value)
            return level if level < 9 else None
        for name in self._style_names(p):
            match = _HEADING_NAME.match(name.strip())
            if match:
                return int(match.group(1)) - 1
        return None

    def is_title(self, p) -> bool:
        return any(_TITLE_NAME.match(name.strip()) for name in self._style_names(p)[:1])

    def is_centered(self, p) -> bool:
        return self._style_value(p, "jc") == "center"

    # --- text
    def paragraph_text(self, p) -> tuple[str, int, list]:
        """(text, bold prefix length, text-box paragraphs inside it)."""
        parts: list[str] = []
        bold_prefix = 0
        bold_open = True
        boxes = []
        simple = next(p.iterdescendants(*_COMPLEX), None) is None
        for element in p.iter(_R, _TXBX):
            if not simple:
                if element.tag == _TXBX:
                    if not any(a.tag == _FALLBACK for a in element.iterancestors()):
                        boxes.append(element)
                    continue
                owner = next(element.iterancestors(w("p")), None)
                if owner is not p:
                    continue   # a run of a paragraph inside a text box
                if any(a.tag in _SKIP_ANCESTORS for a in element.iterancestors()):
                    continue
            run_text = []
            for child in element:
                tag = child.tag
                if tag == _T:
                    run_text.append(child.text or "")
                elif tag == _TAB:
                    run_text.append("\t")
                elif tag in _BREAKS:
                    run_text.append("\n")
                elif tag == _NB_HYPHEN:
                    run_text.append("-")
            text = "".join(run_text)
            if not text:
                continue
            parts.append(text)
            if bold_open:
                rpr = element.find(_RPR)
                bold = rpr is not None and _is_true(rpr.find(_B))
                if bold:
                    bold_prefix += len(text)
                elif text.strip():
                    bold_open = False
        text = "".join(parts)
        lead = len(text) - len(text.lstrip())
        return text.strip(), max(0, bold_prefix - lead), boxes

    def paragraph_blocks(self, p, index: int) -> list[Block]:
        text, bold, boxes = self.paragraph_text(p)
        label = self.resolver.label(p)
        blocks = []
        if text or label:
            outline = self.outline_level(p)
            title = index < 4 and (self.is_title(p) or (self.is_centered(p) and len(text) <= 60 and outline is None))
            blocks.append(Block(text, label, outline, title, bold if bold < len(text) else 0))
        for box in boxes:
            for inner in box.iterchildren(w("p")):
                inner_text, _, _ = self.paragraph_text(inner)
                if inner_text:
                    blocks.append(Block(inner_text))
        return blocks

    def table(self, tbl) -> Table:
        rows: list[list[str]] = []
        continued: list[list[bool]] = []
        for tr in tbl.iter(w("tr")):
            if next(tr.iterancestors(w("tbl"))) is not tbl:
                continue   # a row of a nested table: its text is in the cell
            row: list[str] = []
            flags: list[bool] = []
            trpr = tr.find(w("trPr"))
            before = wval(trpr, "gridBefore") if trpr is not None else None
            for _ in range(min(int(before), 50) if before and before.isascii() and before.isdigit() and len(before) <= 4 else 0):
                row.append("")
                flags.append(False)
            for tc in tr.iterchildren(w("tc"), w("sdt")):
                cells = [tc] if tc.tag == w("tc") else list(tc.iter(w("tc")))
                for cell in cells:
                    self.cells += 1
                    if self.cells > MAX_TABLE_CELLS:
                        from .base import PlanImportError
                        raise PlanImportError("表格过大，不像是一份工作计划，未导入。")
                    tcpr = cell.find(w("tcPr"))
                    span_text = wval(tcpr, "gridSpan") if tcpr is not None else None
                    span = min(int(span_text), 50) if span_text and span_text.isascii() and span_text.isdigit() \
                        and len(span_text) <= 4 and int(span_text) > 0 else 1
                    vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                    is_continue = vmerge is not None and vmerge.get(w("val"), "continue") == "continue"
                    col = len(row)
                    if is_continue:
                        text = rows[-1][col] if rows and col < len(rows[-1]) else ""
                    else:
                        text = self.cell_text(cell)
                    row.append(text)
                    flags.append(is_continue)
                    for _ in range(span - 1):
                        row.append("")
                        flags.append(False)
            rows.append(row)
            continued.append(flags)
        return Table(rows, continued)

    def cell_text(self, cell) -> str:
        lines = []
        for p in cell.iter(w("p")):
            label = self.resolver.label(p)
            text, _, _ = self.paragraph_text(p)
            if text or label:
                lines.append(f"{label}{text}")
        return "\n".join(lines)

    # --- the body
    def blocks(self) -> list[Block]:
        out: list[Block] = []
        stack = [iter(self.body.iterchildren())]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            tag = child.tag
            if tag == w("p"):
                if len(out) % 256 == 0:
                    cancel.check()
                out.extend(self.paragraph_blocks(child, len(out)))
            elif tag == w("tbl"):
                out.append(Block(table=self.table(child)))
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    stack.append(iter(content.iterchildren()))
            elif tag in (w("customXml"), w("ins"), w("moveTo"), w("smartTag")):
                stack.append(iter(child.iterchildren()))
        return out


def blocks_from_document(document) -> list[Block]:
    """A python-docx Document -> blocks in reading order."""
    return DocxReader(document).blocks()
