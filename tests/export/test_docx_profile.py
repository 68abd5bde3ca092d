"""The official-document profile: the XML that decides how the page looks."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.text.paragraph import Paragraph

from planner_gui.core import typography as ty
from planner_gui.export.docx_writer import build_document, export_docx, required_fonts
from planner_gui.export.xmlutil import _ORDERS, local

from .docx_helpers import NS, attr, part_xml, simple_plan, style_by_id, w

STANDARD = ty.FONT_PROFILES["standard"]
WINDOWS = ty.FONT_PROFILES["windows"]


def mm_twips(mm: float) -> int:
    return int(round(mm * 1440 / 25.4))


@pytest.fixture
def exported(tmp_path, calendar_plan):
    path = tmp_path / "plan.docx"
    export_docx(calendar_plan, path)
    return path


def paragraphs(path):
    return list(docx.Document(str(path)).paragraphs)


def test_page_is_a4_with_the_standard_margins(exported):
    sect = part_xml(exported, "word/document.xml").find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")
    assert attr(size, "orient") is None
    assert int(attr(margins, "top")) == mm_twips(37)
    assert int(attr(margins, "bottom")) == mm_twips(35)
    assert int(attr(margins, "left")) == mm_twips(28)
    assert int(attr(margins, "right")) == mm_twips(26)
    section = docx.Document(str(exported)).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_no_letter_size_japanese_or_theme_leftovers(exported):
    with zipfile.ZipFile(exported) as archive:
        names = archive.namelist()
        texts = {n: archive.read(n).decode("utf-8") for n in names if n.endswith((".xml", ".rels"))}
    assert "word/stylesWithEffects.xml" not in names
    assert not any("thumbnail" in n for n in names)
    for name, text in texts.items():
        assert "ja-JP" not in text, name
        assert 'w:w="12240"' not in text, name     # US Letter width
        assert "python-docx" not in text, name
        assert "Macintosh" not in text, name
        if not name.startswith("word/theme/"):  # a theme lists a face per script
            assert "ＭＳ" not in text, name          # MS Mincho / Gothic
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml",
                 "word/numbering.xml"):
        assert "Theme=" not in texts[name] and "w:cstheme" not in texts[name], name


def test_theme_east_asian_fonts_are_the_profile_fonts(exported):
    theme = part_xml(exported, "word/theme/theme1.xml")
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    minor = theme.find(f".//{a}minorFont")
    major = theme.find(f".//{a}majorFont")
    assert minor.find(f"{a}ea").get("typeface") == STANDARD["body"]
    assert major.find(f"{a}ea").get("typeface") == STANDARD["heading1"]
    hans = [f.get("typeface") for f in minor.findall(f"{a}font") if f.get("script") == "Hans"]
    assert hans == [STANDARD["body"]]


def test_language_and_defaults_are_chinese(exported):
    settings = part_xml(exported, "word/settings.xml")
    lang = settings.find("w:themeFontLang", NS)
    assert attr(lang, "eastAsia") == "zh-CN"
    styles = part_xml(exported, "word/styles.xml")
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert attr(rpr.find("w:lang", NS), "eastAsia") == "zh-CN"
    fonts = rpr.find("w:rFonts", NS)
    assert attr(fonts, "eastAsia") == STANDARD["body"]
    assert docx.Document(str(exported)).core_properties.language == "zh-CN"
    ppr = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    assert [child.tag.rsplit("}", 1)[1] for child in ppr] == ["widowControl", "spacing"]


def test_every_paragraph_style_sets_east_asian_font_and_size(exported):
    styles = part_xml(exported, "word/styles.xml")
    paragraph_styles = styles.xpath('w:style[@w:type="paragraph"]', namespaces=NS)
    assert len(paragraph_styles) >= 10
    for style in paragraph_styles:
        fonts = style.find("w:rPr/w:rFonts", NS)
        assert fonts is not None and attr(fonts, "eastAsia"), attr(style, "styleId")
        assert attr(fonts, "eastAsia") == attr(fonts, "ascii")
        assert style.find("w:rPr/w:sz", NS) is not None


@pytest.mark.parametrize("style_id, font_role, size, outline", [
    ("Title", "title", 22, None),
    ("Normal", "body", 16, None),
    ("Heading1", "heading1", 16, "0"),
    ("Heading2", "heading2", 16, "1"),
    ("Heading3", "body", 16, "2"),
    ("Heading4", "body", 16, "3"),
])
def test_role_styles(exported, style_id, font_role, size, outline):
    style = style_by_id(part_xml(exported, "word/styles.xml"), style_id)
    assert attr(style.find("w:rPr/w:rFonts", NS), "eastAsia") == STANDARD[font_role]
    assert attr(style.find("w:rPr/w:sz", NS), "val") == str(size * 2)
    assert attr(style.find("w:pPr/w:outlineLvl", NS), "val") == outline


def test_body_indent_and_exact_line_spacing(exported):
    styles = part_xml(exported, "word/styles.xml")
    normal = style_by_id(styles, "Normal")
    ind = normal.find("w:pPr/w:ind", NS)
    assert attr(ind, "firstLineChars") == "200"
    assert attr(ind, "firstLine") == "640"
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (attr(spacing, "line"), attr(spacing, "lineRule")) == ("560", "exact")
    assert attr(normal.find("w:pPr/w:jc", NS), "val") == "both"
    # 28 characters a line: 16 pt condensed by 0.25 pt
    assert attr(normal.find("w:rPr/w:spacing", NS), "val") == "-5"
    title = style_by_id(styles, "Title")
    assert attr(title.find("w:pPr/w:jc", NS), "val") == "center"
    assert attr(title.find("w:pPr/w:ind", NS), "firstLineChars") == "0"
    assert attr(title.find("w:rPr/w:spacing", NS), "val") == "0"


def test_heading_paragraphs_carry_numbering_text_and_outline_level(exported):
    body = part_xml(exported, "word/document.xml").find("w:body", NS)
    headings = [(p.find("w:pPr/w:pStyle", NS).get(w("val")),
                 p.find("w:pPr/w:outlineLvl", NS).get(w("val")),
                 "".join(p.itertext()))
                for p in body.findall("w:p", NS) if p.find("w:pPr/w:outlineLvl", NS) is not None]
    assert headings == [
        ("Heading1", "0", "一、抓好职工思想教育"),
        ("Heading2", "1", "（一）办好职工书屋"),
        ("Heading2", "1", "（二）开展读书分享"),
        ("Heading1", "0", "二、维护职工合法权益"),
        ("Heading1", "0", "三、具体月份工作安排"),
    ]


def test_fonts_live_in_the_styles_not_on_the_runs(exported):
    """Changing 正文's or 标题 1's font in Word changes the document: every
    paragraph's style names an East Asian font and (almost) no run overrides it."""
    styles = part_xml(exported, "word/styles.xml")
    runs = with_fonts = 0
    for name in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        root = part_xml(exported, name)
        for p in root.iter(w("p")):
            style_id = attr(p.find("w:pPr/w:pStyle", NS), "val")
            style = style_by_id(styles, style_id)
            assert style is not None, style_id
            assert attr(style.find("w:rPr/w:rFonts", NS), "eastAsia"), style_id
            for run in p.findall("w:r", NS):
                runs += 1
                with_fonts += run.find("w:rPr/w:rFonts", NS) is not None
    assert runs > 50
    assert with_fonts <= runs * 0.05


def test_page_numbers_are_page_fields_odd_right_even_left(exported):
    settings = part_xml(exported, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    document = docx.Document(str(exported))
    section = document.sections[0]
    odd, even = section.footer._element, section.even_page_footer._element
    for footer, side, shown in ((odd, "right", "— 1 —"), (even, "left", "— 2 —")):
        p = footer.find("w:p", NS)
        assert attr(p.find("w:pPr/w:jc", NS), "val") == side
        assert attr(p.find("w:pPr/w:ind", NS), f"{side}Chars") == "100"
        kinds = [attr(f, "fldCharType") for f in p.iter(w("fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        instr = "".join(i.text for i in p.iter(w("instrText")))
        assert instr.strip() == "PAGE"
        assert Paragraph(p, None).text == shown    # the cached field result between em dashes
        assert attr(p.find("w:pPr/w:pStyle", NS), "val") == "Footer"
        for run in p.findall("w:r", NS):
            assert attr(run.find("w:rPr/w:sz", NS), "val") == "28"   # 四号
    footer_style = style_by_id(part_xml(exported, "word/styles.xml"), "Footer")
    assert attr(footer_style.find("w:rPr/w:rFonts", NS), "eastAsia") == STANDARD["page_number"]


def test_signature_and_date_placed_per_the_standard(tmp_path, calendar_plan):
    path = tmp_path / "plan.docx"
    export_docx(calendar_plan, path)
    paras = paragraphs(path)
    signature, date = paras[-2], paras[-1]
    assert (signature.text, date.text) == ("红星机械厂工会委员会", "2025年2月28日")
    assert (signature.style.name, date.style.name) == ("落款", "成文日期")
    sig_ind = signature._p.find("w:pPr/w:ind", NS)
    date_ind = date._p.find("w:pPr/w:ind", NS)
    assert attr(date_ind, "rightChars") == "400"            # 成文日期 右空四字
    # the signature centred over the date: 4 + (7.5 - 10) / 2, the date 3 CJK +
    # 7 half-width digits + 5 autospaces of 0.2
    assert attr(sig_ind, "rightChars") == "275"
    styles = part_xml(path, "word/styles.xml")
    sig_style = style_by_id(styles, "PlanSignature")
    assert attr(sig_style.find("w:pPr/w:jc", NS), "val") == "right"
    assert attr(sig_style.find("w:pPr/w:spacing", NS), "before") == "560"   # 下空一行


def test_short_signature_is_centred_over_the_date(tmp_path):
    plan = simple_plan(date_style="chinese")
    plan.meta.signature = "某工会"
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    signature, date = paragraphs(path)[-2:]
    assert date.text == "二〇二五年三月一日"
    # the date 右空四字, the short signature centred over it: 4 + (9 - 3) / 2
    assert signature._p.find("w:pPr/w:ind", NS).get(w("rightChars")) == "700"
    assert date._p.find("w:pPr/w:ind", NS).get(w("rightChars")) == "400"


def test_options_change_numbering_date_fonts_and_bold(tmp_path):
    plan = simple_plan(level3_style="comma", date_style="chinese", font_profile="windows",
                       bold_headings=True)
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    texts = [p.text for p in paragraphs(path)]
    assert "1、更细一层" in texts and "（1）最细一层" in texts
    assert texts[-1] == "二〇二五年三月一日"
    styles = part_xml(path, "word/styles.xml")
    assert attr(style_by_id(styles, "Normal").find("w:rPr/w:rFonts", NS), "eastAsia") == WINDOWS["body"]
    assert attr(style_by_id(styles, "Title").find("w:rPr/w:rFonts", NS), "eastAsia") == WINDOWS["title"]
    bold = {sid: attr(style_by_id(styles, sid).find("w:rPr/w:b", NS), "val")
            for sid in ("Heading1", "Heading2", "Heading3", "Heading4")}
    assert bold == {"Heading1": "0", "Heading2": "1", "Heading3": "1", "Heading4": "0"}


def test_default_options_number_with_a_dot_and_arabic_date(tmp_path):
    path = tmp_path / "plan.docx"
    export_docx(simple_plan(), path)
    texts = [p.text for p in paragraphs(path)]
    assert "1.更细一层" in texts
    assert texts[-1] == "2025年3月1日"
    assert texts[0] == "测试单位工会2025年工作计划"
    assert texts[1] == "开头第一段。"
    assert texts[-3] == "结尾一段。"


def test_property_elements_are_in_schema_order(exported):
    """Every pPr/rPr/tblPr/trPr/tcPr/sectPr/style child in the order the schema gives."""
    for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
        root = part_xml(exported, name)
        for tag, order in _ORDERS.items():
            for element in root.iter(w(tag)):
                names = [local(child.tag) for child in element]
                positions = [order.index(n) for n in names if n in order]
                assert positions == sorted(positions), (name, tag, names)
                single = [n for n in names if n not in ("headerReference", "footerReference")]
                assert len(set(single)) == len(single), (name, tag, names)


def test_fonts_are_listed_for_the_user(calendar_plan):
    fonts = required_fonts(calendar_plan)
    for role in ("title", "body", "heading1", "heading2", "page_number"):
        assert STANDARD[role] in fonts
    calendar_plan.options["font_profile"] = "windows"
    assert "仿宋_GB2312" not in required_fonts(calendar_plan)


def test_build_document_is_in_memory_and_savable(calendar_plan):
    document = build_document(calendar_plan)
    assert document.paragraphs[0].text == "红星机械厂工会2025年工作计划"
    assert document.paragraphs[0].style.name == "Title"


def test_long_title_is_broken_into_two_balanced_lines(tmp_path, school_plan):
    path = tmp_path / "plan.docx"
    export_docx(school_plan, path)
    title = paragraphs(path)[0]
    assert title.text == "青禾实验小学2025—2026学年度\n工会工作计划"
    assert title._p.find(".//w:br", NS) is not None


def test_line_breaks_are_not_justified(exported):
    compat = part_xml(exported, "word/settings.xml").find("w:compat", NS)
    assert compat.find("w:doNotExpandShiftReturn", NS) is not None
