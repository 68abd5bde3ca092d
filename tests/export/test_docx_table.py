"""The month table: placement, grouping, merged month cells, header and row flags."""

from __future__ import annotations

import docx
import pytest

from planner_gui.core.plan import Activity, Section
from planner_gui.export.docx_writer import export_docx
from planner_gui.core.schedule_table import group_schedule, schedule_host, visible_columns

from .docx_helpers import NS, attr, part_xml, simple_plan, w


def table_rows(path):
    """Each row as a list of (text, vMerge) per cell, read from the XML."""
    tbl = part_xml(path, "word/document.xml").find(".//w:tbl", NS)
    rows = []
    for tr in tbl.findall("w:tr", NS):
        cells = []
        for tc in tr.findall("w:tc", NS):
            merge = tc.find("w:tcPr/w:vMerge", NS)
            merge_value = None if merge is None else (attr(merge, "val") or "continue")
            cells.append(("".join(tc.itertext()), merge_value))
        rows.append(cells)
    return tbl, rows


@pytest.fixture
def calendar_table(tmp_path, calendar_plan):
    path = tmp_path / "plan.docx"
    export_docx(calendar_plan, path)
    return path


def test_header_row_repeats_and_rows_do_not_split(calendar_table):
    tbl, rows = table_rows(calendar_table)
    trs = tbl.findall("w:tr", NS)
    assert trs[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in trs)
    assert all(tr.find("w:trPr/w:tblHeader", NS) is None for tr in trs[1:])
    # empty 备注 column left out (hide_empty_columns is on by default)
    assert [text for text, _ in rows[0]] == ["月份", "工作内容", "负责人"]


def test_months_merge_down_and_items_are_numbered(calendar_table):
    _, rows = table_rows(calendar_table)
    body = rows[1:]
    assert [cells[0] for cells in body] == [
        ("一月份", None),
        ("三月份", "restart"),
        ("", "continue"),
        ("五月份", None),
        ("七月份", None),
        ("十月份", None),
        ("全年", None),
    ]
    contents = [cells[1][0] for cells in body]
    tbl = part_xml(calendar_table, "word/document.xml").find(".//w:tbl", NS)
    numbered_p = tbl.findall("w:tr", NS)[2].findall("w:tc", NS)[1].find("w:p", NS)
    ind = numbered_p.find("w:pPr/w:ind", NS)
    assert (attr(ind, "leftChars"), attr(ind, "hangingChars")) == ("150", "150")  # "1、"
    assert contents[1:3] == ["1、庆祝“三八”国际妇女节主题活动", "2、召开职工代表大会"]
    # a month's only item is numbered too, as the window numbers it (one rule)
    assert contents[0] == "1、春节前走访慰问困难职工和劳动模范"
    assert contents[4] == "1、夏季“送清凉”到班组（七至八月）"     # span shown
    assert contents[-1] == "1、职工书屋日常开放和图书登记"          # no month: last


def test_table_sits_in_the_month_section_when_it_has_no_children(calendar_table):
    body = part_xml(calendar_table, "word/document.xml").find("w:body", NS)
    blocks = [child for child in body if child.tag in (w("p"), w("tbl"))]
    index = next(i for i, b in enumerate(blocks) if b.tag == w("tbl"))
    assert "".join(blocks[index - 1].itertext()) == "三、具体月份工作安排"
    texts = ["".join(b.itertext()) for b in blocks if b.tag == w("p")]
    assert texts.count("三、具体月份工作安排") == 1
    assert not any("四、" in t for t in texts)


def test_table_gets_its_own_section_otherwise(tmp_path, school_plan):
    path = tmp_path / "plan.docx"
    export_docx(school_plan, path)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "三、具体月份工作安排" in texts
    _, rows = table_rows(path)
    assert [t for t, _ in rows[0]] == ["月份", "工作内容", "负责人", "备注"]  # hide_empty_columns off
    labels = [cells[0][0] for cells in rows[1:] if cells[0][0]]
    # printed month names after the year has turned, not the window's 次年元月份
    assert labels == ["九月份", "十二月份", "一月份", "三月份", "全年"]
    assert rows[2][1][0] == "2、新教师入会"
    assert rows[3][1][0] == "1、迎新年教职工联欢（十二月至次年元月）"
    # the table comes after the sections and before the signature
    body = part_xml(path, "word/document.xml").find("w:body", NS)
    blocks = [child for child in body if child.tag in (w("p"), w("tbl"))]
    tbl_index = next(i for i, b in enumerate(blocks) if b.tag == w("tbl"))
    assert "".join(blocks[tbl_index + 1].itertext()) == "青禾实验小学工会委员会"


def test_host_with_children_is_not_used():
    plan = simple_plan()
    plan.sections.append(Section("s3", "每月工作安排", [], [Section("s3.1", "上半年", [], [])]))
    assert schedule_host(plan) is None
    plan.sections.append(Section("s4", "月份工作安排", ["见下表。"], []))
    assert schedule_host(plan).id == "s4"


def test_imported_schedule_headings_host_the_table():
    for heading in ("主要活动安排", "工会活动安排表", "月度计划表"):
        plan = simple_plan()
        plan.sections.append(Section("s9", heading, [], []))
        assert schedule_host(plan).id == "s9", heading


def test_no_schedule_no_table(tmp_path):
    plan = simple_plan()
    plan.schedule.clear()
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    assert part_xml(path, "word/document.xml").find(".//w:tbl", NS) is None
    assert "三、具体月份工作安排" not in [p.text for p in docx.Document(str(path)).paragraphs]


def test_grouping_rules():
    plan = simple_plan()
    plan.schedule = [
        Activity("b1", [], "长期", "", ""),
        Activity("b2", ["2025-05"], "五月", "", ""),
        Activity("b3", ["2025-02", "2025-03"], "二三月", "", ""),
        Activity("b4", ["2025-02"], "二月", "", "备注"),
        Activity("b5", ["2025-01", "2025-04"], "跳着的月份", "", ""),
    ]
    groups = group_schedule(plan)
    assert [g.label for g in groups] == ["一月份", "二月份", "五月份", "全年"]
    assert [r.text for r in groups[1].rows] == ["二三月（二至三月）", "二月"]
    assert [r.number for r in groups[1].rows] == ["1、", "2、"]
    assert [g.rows[0].number for g in groups] == ["1、"] * 4
    assert groups[0].rows[0].text == "跳着的月份（一月、四月）"
    assert [key for key, _ in visible_columns(plan, groups)] == ["month", "text", "note"]
    plan.options["hide_empty_columns"] = False
    assert len(visible_columns(plan, groups)) == 4


def test_schedule_only_is_a_landscape_one_table_sheet(tmp_path, calendar_plan):
    path = tmp_path / "sheet.docx"
    export_docx(calendar_plan, path, schedule_only=True)
    root = part_xml(path, "word/document.xml")
    size = root.find(".//w:body/w:sectPr/w:pgSz", NS)
    assert attr(size, "orient") == "landscape"
    assert int(attr(size, "w")) > int(attr(size, "h"))
    assert len(root.findall(".//w:tbl", NS)) == 1
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts == ["红星机械厂工会2025年工作计划"]
    assert document.paragraphs[0].style.name == "Title"
    styles = part_xml(path, "word/styles.xml")
    text_style = styles.xpath('w:style[@w:styleId="PlanTableText"]', namespaces=NS)[0]
    assert attr(text_style.find("w:rPr/w:sz", NS), "val") == "24"   # 小四 on the wall sheet
    # the 1-pt paragraph after the table cannot push an empty page
    last = document.paragraphs[-1]._p
    assert attr(last.find("w:pPr/w:spacing", NS), "line") == "20"


def test_a_row_taller_than_a_page_may_split(tmp_path):
    plan = simple_plan()
    plan.schedule[0].text = "很长的工作内容。" * 400
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    tbl, _ = table_rows(path)
    trs = tbl.findall("w:tr", NS)
    assert trs[1].find("w:trPr/w:cantSplit", NS) is None
    assert trs[2].find("w:trPr/w:cantSplit", NS) is not None


def test_table_width_fits_the_text_block(calendar_table):
    tbl, _ = table_rows(calendar_table)
    widths = [int(attr(col, "w")) for col in tbl.findall("w:tblGrid/w:gridCol", NS)]
    text_width = 11906 - 1587 - 1474
    assert abs(sum(widths) - text_width) <= 2
    assert attr(tbl.find("w:tblPr/w:tblW", NS), "w") == str(sum(widths))


def test_printed_month_names_carry_the_year_only_where_ambiguous():
    """A school year prints 一月份 (not 次年元月份); a month number that occurs in
    two years among the table's months gets its year."""
    from planner_gui.core.period import Period

    plan = simple_plan()
    plan.meta.period = Period.for_kind("school_year", 2025)
    plan.schedule = [Activity("a", ["2025-09"], "开学", "", ""),
                     Activity("b", ["2026-01"], "期末", "", "")]
    assert [g.label for g in group_schedule(plan)] == ["九月份", "一月份"]
    plan.meta.period = Period.for_kind("calendar_year", 2025)
    plan.schedule = [Activity("a", ["2025-01"], "年初", "", ""),
                     Activity("b", ["2026-01"], "次年年初", "", "")]
    assert [g.label for g in group_schedule(plan)] == ["2025年一月份", "2026年一月份"]
