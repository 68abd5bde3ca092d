"""WordprocessingML that python-docx has no API for, written in schema order.

Word refuses (or "repairs") a file whose property elements are out of the
order the schema gives, so every child is inserted through set_child(),
which knows the sequences below (ECMA-376 Part 1, §17).
"""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.xmlchemy import BaseOxmlElement

W_NS = nsmap["w"]
_W_NSMAP = {"w": W_NS}

PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
    "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
    "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
    "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
    "eastAsianLayout", "specVanish", "oMath",
)
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)
# CT_TrPrBase is an unordered choice; this is the order Word itself writes.
TRPR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
    "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden",
)
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
    "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark",
)
SECTPR_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
    "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
    "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
    "printerSettings", "sectPrChange",
)
STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)

_ORDERS = {
    "pPr": PPR_ORDER, "rPr": RPR_ORDER, "tblPr": TBLPR_ORDER, "trPr": TRPR_ORDER,
    "tcPr": TCPR_ORDER, "sectPr": SECTPR_ORDER, "style": STYLE_ORDER,
}

THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@cache
def w(name: str) -> str:
    """qn("w:" + name), remembered: a month table asks for the same few
    names tens of thousands of times."""
    return f"{{{W_NS}}}{name}"


def make(tag: str, **attrs) -> BaseOxmlElement:
    """<w:tag w:attr="value" …/>; attribute names are given without the prefix.

    The same element as python-docx's OxmlElement("w:tag") (its custom element
    class, the one w: namespace declaration), without parsing the tag again."""
    element = oxml_parser.makeelement(w(tag), nsmap=_W_NSMAP)
    for key, value in attrs.items():
        element.set(w(key), str(value))
    return element


@cache
def _order(parent_tag: str) -> tuple[str, ...]:
    return _ORDERS[local(parent_tag)]


@cache
def _later(parent_tag: str, tag: str) -> frozenset[str]:
    """The qualified tags that come after `tag` inside `parent_tag` (schema order)."""
    order = _order(parent_tag)
    return frozenset(w(name) for name in order[order.index(tag) + 1:])


def set_child(parent, tag: str, replace: bool = True, **attrs):
    """Put <w:tag> into parent at its schema position and return it.

    With replace (the default) an existing child of that tag is reused and its
    attributes replaced; otherwise a new one is always added (footerReference).
    """
    _order(parent.tag)  # KeyError for a parent whose order is not known
    if replace:
        existing = parent.find(w(tag))
        if existing is not None:
            existing.attrib.clear()
            for key, value in attrs.items():
                existing.set(w(key), str(value))
            return existing
    element = make(tag, **attrs)
    if len(parent):
        later = _later(parent.tag, tag)
        for index, child in enumerate(parent):
            if child.tag in later:
                parent.insert(index, element)
                return element
    parent.append(element)
    return element


def get_or_add(parent, tag: str):
    """The <w:tag> child of parent (pPr, rPr …), created in schema order if absent."""
    existing = parent.find(w(tag))
    return existing if existing is not None else set_child(parent, tag)


def set_fonts(rpr, font: str) -> None:
    """All four font slots set to one family, theme fonts removed.

    python-docx's font.name writes only ascii/hAnsi, which leaves Chinese text
    in whatever East Asian (often theme, often Japanese) font is inherited.
    """
    set_child(rpr, "rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font)


def strip_theme_fonts(root) -> int:
    """Remove every w:*Theme attribute from rFonts below root; returns how many."""
    count = 0
    for rfonts in root.iter(qn("w:rFonts")):
        for name in THEME_ATTRS:
            key = qn(f"w:{name}")
            if key in rfonts.attrib:
                del rfonts.attrib[key]
                count += 1
    return count

