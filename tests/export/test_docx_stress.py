"""Awkward content still gives a valid file: control characters, emoji, huge plans."""

from __future__ import annotations

import zipfile

import docx
from lxml import etree

from planner_gui.core.plan import Activity, Section
from planner_gui.export.docx_writer import export_docx

from .docx_helpers import NS, part_xml, simple_plan


def assert_valid_package(path) -> None:
    """Every XML part parses, and python-docx opens the whole document."""
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))
    docx.Document(str(path))


def test_control_characters_become_breaks_or_vanish(tmp_path):
    plan = simple_plan()
    # bypass core.sanitize on purpose: the export must still cope
    plan.preamble = ["第一行\x0b第二行\x0c第三行\x00\x07\x1f结束\ud800", "制表\t之后"]
    plan.sections[0].heading = "标题\x0b带换行"
    plan.schedule[0].text = "活动\x0c内容\x01"
    plan.meta.title = "标题\x08里有退格"
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    assert_valid_package(path)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "标题里有退格"
    assert texts[1] == "第一行\n第二行\n第三行结束"
    assert texts[2] == "制表\t之后"
    assert "一、标题 带换行" in texts            # a heading stays on one line
    cell_texts = [c.text for c in document.tables[0]._cells]
    assert "1、活动\n内容" in cell_texts


def test_emoji_and_rare_characters(tmp_path):
    plan = simple_plan()
    plan.preamble = ["职工之家 🏠🎉 开放日，欢迎👨‍👩‍👧 参加；𠀀𪚥 生僻字；α β γ"]
    plan.schedule[0].owner = "工会😀"
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    assert_valid_package(path)
    document = docx.Document(str(path))
    assert document.paragraphs[1].text == plan.preamble[0]


def test_ten_thousand_character_paragraph(tmp_path):
    plan = simple_plan()
    long_text = ("工会工作要落到实处，" * 1000)[:10000]
    plan.preamble = [long_text]
    plan.schedule[1].text = long_text
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    assert_valid_package(path)
    assert docx.Document(str(path)).paragraphs[1].text == long_text


def test_two_hundred_sections_and_a_thousand_activities(tmp_path):
    plan = simple_plan()
    plan.sections = [
        Section(f"s{i}", f"第{i}项工作", [f"第{i}项的正文。"],
                [Section(f"s{i}.1", "下一层", ["正文。"], [])] if i % 10 == 0 else [])
        for i in range(1, 201)
    ]
    months = plan.meta.period.months()
    plan.schedule = [
        Activity(f"a{i}", [months[i % 12]] if i % 7 else [], f"活动{i}", f"负责人{i % 5}",
                 "备注" if i % 3 == 0 else "")
        for i in range(1000)
    ]
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    assert_valid_package(path)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "二百、第200项工作" in texts
    assert "二百零一、具体月份工作安排" in texts
    rows = part_xml(path, "word/document.xml").findall(".//w:tbl/w:tr", NS)
    assert len(rows) == 1001


def test_deeply_nested_sections(tmp_path):
    plan = simple_plan()
    node = Section("deep0", "第0层", [], [])
    plan.sections = [node]
    for depth in range(1, 15):
        child = Section(f"deep{depth}", f"第{depth}层", ["正文"], [])
        node.children.append(child)
        node = child
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    assert_valid_package(path)
    outline = part_xml(path, "word/document.xml").xpath("//w:outlineLvl/@w:val", namespaces=NS)
    assert max(int(v) for v in outline) == 8     # Word has nine outline levels


def test_empty_plan(tmp_path):
    plan = simple_plan()
    plan.meta.title = ""
    plan.meta.signature = plan.meta.organization = ""
    plan.meta.date = None
    plan.preamble, plan.sections, plan.schedule, plan.closing = [], [], [], []
    path = tmp_path / "plan.docx"
    export_docx(plan, path)
    assert_valid_package(path)
    path2 = tmp_path / "sheet.docx"
    export_docx(plan, path2, schedule_only=True)
    assert_valid_package(path2)
    assert docx.Document(str(path2)).paragraphs[0].text == "工作计划表"
