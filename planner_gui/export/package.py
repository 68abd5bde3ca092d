"""Clean python-docx's bundled default template into a Chinese document.

The bundled template is US Letter, declares `themeFontLang eastAsia="ja-JP"`,
takes its fonts from the theme (which falls back to a Japanese Mincho), and
carries stylesWithEffects.xml (a second copy of every style, with the same
theme fonts), a thumbnail of an empty page and python-docx as its author.
Everything here is done by part and element, not by rewriting the package.
"""

from __future__ import annotations

import datetime
import re

from docx.oxml.ns import qn
from lxml import etree

from ..core import typography as ty
from .xmlutil import make, set_child, set_fonts, strip_theme_fonts

RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
RT_FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
RT_APP_PROPERTIES = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                     "extended-properties")
RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

LANG_LATIN = "en-US"
LANG_EAST_ASIA = "zh-CN"

#: w:font entries for fontTable.xml: (altName for substitution, family, pitch).
#: charset 86 = GB2312. altName lets Word substitute 仿宋 for 仿宋_GB2312 etc.
FONT_TABLE = {
    "仿宋_GB2312": ("仿宋", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "modern", "fixed"),
    "方正小标宋简体": ("宋体", "auto", "variable"),
    "仿宋": ("FangSong", "modern", "fixed"),
    "楷体": ("KaiTi", "modern", "fixed"),
    "黑体": ("SimHei", "modern", "fixed"),
    "宋体": ("SimSun", "auto", "variable"),
}


def _drop_relationships(source, reltype: str) -> None:
    for r_id, rel in list(source.rels.items()):
        if rel.reltype == reltype:
            del source.rels[r_id]


def _related_part(document_part, reltype: str):
    for rel in document_part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


#: docProps/app.xml without the template's "Microsoft Macintosh Word" and page counts
APP_PROPERTIES = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>Normal.dotm</Template><Application>planner-gui</Application>"
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def fix_defaults(styles_element, font: str) -> None:
    """docDefaults: explicit fonts (no theme), 三号, zh-CN, no spacing."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = make("docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = make("rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = make("rPr")
        rpr_default.append(rpr)
    set_fonts(rpr, font)
    half = int(round(ty.SIZE_SANHAO * 2))
    set_child(rpr, "kern", val=0)
    set_child(rpr, "sz", val=half)
    set_child(rpr, "szCs", val=half)
    set_child(rpr, "lang", val=LANG_LATIN, eastAsia=LANG_EAST_ASIA, bidi="ar-SA")
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = make("pPrDefault")
        defaults.append(ppr_default)
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = make("pPr")
        ppr_default.append(ppr)
    # Two-line widow/orphan control everywhere: LibreOffice assumes it and the
    # print layout does it; Word takes a missing widowControl as off.
    set_child(ppr, "widowControl")
    set_child(ppr, "spacing", before=0, after=0, line=240, lineRule="auto")
    strip_theme_fonts(styles_element)


WORD_NS = "http://schemas.microsoft.com/office/word"
#: Word 2013 and later: a lower mode shows 兼容模式 in Word's title bar
COMPATIBILITY_MODE = 15


def set_compatibility_mode(settings_element, mode: int = COMPATIBILITY_MODE) -> None:
    """<w:compatSetting w:name="compatibilityMode" w:val="15"/> in w:compat."""
    compat = _compat(settings_element)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))
            return
    compat.append(make("compatSetting", name="compatibilityMode", uri=WORD_NS, val=mode))


def fix_settings(settings_element) -> None:
    """Chinese theme-font language, Word 2013+ layout (no 兼容模式); odd/even
    footers are switched on by the caller."""
    set_compatibility_mode(settings_element)
    lang = settings_element.find(qn("w:themeFontLang"))
    if lang is not None:
        for key in list(lang.attrib):
            del lang.attrib[key]
        lang.set(qn("w:val"), LANG_LATIN)
        lang.set(qn("w:eastAsia"), LANG_EAST_ASIA)
    # Chinese Word's default tab stop is two characters of 五号 (420 twips)
    tab = settings_element.find(qn("w:defaultTabStop"))
    if tab is not None:
        tab.set(qn("w:val"), "420")


#: settings.xml children that come after w:compat in the schema
SETTINGS_AFTER_COMPAT = (
    "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)


#: w:compat children that come before w:doNotExpandShiftReturn in the schema
COMPAT_BEFORE_SHIFT_RETURN = (
    "useSingleBorderforContiguousCells", "wpJustification", "noTabHangInd", "noLeading",
    "spaceForUL", "noColumnBalance", "balanceSingleByteDoubleByteWidth", "noExtraLineSpacing",
    "doNotLeaveBackslashAlone", "ulTrailSpace",
)


def _compat(settings_element):
    """settings' w:compat, created at its schema place when missing."""
    compat = settings_element.find(qn("w:compat"))
    if compat is None:
        compat = make("compat")
        later = {qn(f"w:{tag}") for tag in SETTINGS_AFTER_COMPAT}
        anchor = next((child for child in settings_element if child.tag in later), None)
        if anchor is not None:
            anchor.addprevious(compat)
        else:
            settings_element.append(compat)
    return compat


def keep_manual_breaks_unjustified(settings_element) -> None:
    """w:doNotExpandShiftReturn: a justified line ending in a manual line
    break (w:br, e.g. from a vertical tab in the plan) is not stretched
    across the page. Word and LibreOffice both honour it."""
    compat = _compat(settings_element)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        earlier = {qn(f"w:{tag}") for tag in COMPAT_BEFORE_SHIFT_RETURN}
        position = 0
        for index, child in enumerate(compat):
            if child.tag in earlier:
                position = index + 1
        compat.insert(position, make("doNotExpandShiftReturn"))


def fix_theme(theme_part, fonts: dict[str, str]) -> None:
    """Theme fonts for East Asian text set to the profile's, in case Word ever
    applies a built-in style that still points at the theme."""
    if theme_part is None:
        return
    root = etree.fromstring(theme_part.blob)
    for kind, role in (("majorFont", "heading1"), ("minorFont", "body")):
        for ea in root.iter(f"{{{NS_A}}}{kind}"):
            for child in ea.findall(f"{{{NS_A}}}ea"):
                child.set("typeface", fonts[role])
            for child in ea.findall(f"{{{NS_A}}}font"):
                if child.get("script") == "Hans":
                    child.set("typeface", fonts[role])
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)


def font_table_xml(fonts: list[str]) -> bytes:
    root = etree.Element(f"{{{NS_W}}}fonts", nsmap={"w": NS_W})
    for name in fonts:
        alt, family, pitch = FONT_TABLE.get(name, (None, "auto", "variable"))
        font = etree.SubElement(root, f"{{{NS_W}}}font")
        font.set(f"{{{NS_W}}}name", name)
        if alt:
            etree.SubElement(font, f"{{{NS_W}}}altName").set(f"{{{NS_W}}}val", alt)
        etree.SubElement(font, f"{{{NS_W}}}charset").set(f"{{{NS_W}}}val", "86")
        etree.SubElement(font, f"{{{NS_W}}}family").set(f"{{{NS_W}}}val", family)
        etree.SubElement(font, f"{{{NS_W}}}pitch").set(f"{{{NS_W}}}val", pitch)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def clean_default_package(document, fonts: dict[str, str]) -> None:
    """Everything from python-docx's template that would show as Japanese,
    Letter-sized or "generated by python-docx"."""
    document_part = document.part
    _drop_relationships(document_part, RT_STYLES_WITH_EFFECTS)
    _drop_relationships(document_part.package, RT_THUMBNAIL)
    fix_settings(document.settings.element)
    fix_theme(_related_part(document_part, RT_THEME), fonts)
    font_table = _related_part(document_part, RT_FONT_TABLE)
    if font_table is not None:
        names = list(dict.fromkeys(list(fonts.values()) + ["Times New Roman"]))
        font_table._blob = font_table_xml(names)
    app = _related_part(document_part.package, RT_APP_PROPERTIES)
    if app is not None:
        app._blob = APP_PROPERTIES
    numbering = _numbering_element(document_part)
    if numbering is not None:
        strip_theme_fonts(numbering)


def tidy_template_package(document) -> None:
    """What a user's template may carry that Word would call damaged after our
    edits: stylesWithEffects.xml (Word 2010's second copy of the styles, stale
    once a style is added or changed) and style links, bases and next-styles
    naming a style the template does not have."""
    _drop_relationships(document.part, RT_STYLES_WITH_EFFECTS)
    styles_element = document.styles.element
    ids = {style.get(qn("w:styleId")) for style in styles_element.findall(qn("w:style"))}
    for style in styles_element.findall(qn("w:style")):
        for tag in ("basedOn", "next", "link"):
            for ref in style.findall(qn(f"w:{tag}")):
                if ref.get(qn("w:val")) not in ids:
                    style.remove(ref)


def _numbering_element(document_part):
    try:
        return document_part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def set_core_properties(document, title: str, author: str) -> None:
    props = document.core_properties
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title = _one_line(title)
    props.author = _one_line(author)
    props.last_modified_by = _one_line(author)
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    props.category = ""
    props.language = LANG_EAST_ASIA
    props.revision = 1
    props.created = now
    props.modified = now


def _one_line(text: str) -> str:
    from ..core.sanitize import clean_text

    return re.sub(r"\s+", " ", clean_text(text or "")).strip()[:255]
