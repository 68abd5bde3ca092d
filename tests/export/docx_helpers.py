"""Helpers for the DOCX export tests: sample plans and XML access."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from planner_gui.core.interchange import loads
from planner_gui.core.period import Period
from planner_gui.core.plan import Activity, Meta, Plan, Section

FIXTURES = Path(__file__).resolve().parent / "fixtures"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def load_fixture(name: str) -> Plan:
    return loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def part_xml(docx_path, name: str):
    """A part of a saved package (e.g. 'word/styles.xml') as an lxml root."""
    with zipfile.ZipFile(docx_path) as archive:
        return etree.fromstring(archive.read(name))


def document_bytes(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def style_by_id(styles_root, style_id: str):
    found = styles_root.xpath(f'w:style[@w:styleId="{style_id}"]', namespaces=NS)
    return found[0] if found else None


def attr(element, name: str):
    return None if element is None else element.get(w(name))


def simple_plan(**options) -> Plan:
    """A small calendar-year plan, written here in our own words."""
    plan = Plan(
        meta=Meta(title="测试单位工会2025年工作计划", organization="测试单位工会", year=2025,
                  period=Period.for_kind("calendar_year", 2025),
                  signature="测试单位工会委员会", date="2025-03-01"),
        preamble=["开头第一段。"],
        sections=[
            Section("s1", "第一项工作", ["第一项的正文。"], [
                Section("s1.1", "第一个小项", ["小项正文。"], [
                    Section("s1.1.1", "更细一层", [], [Section("s1.1.1.1", "最细一层", [], [])]),
                ]),
            ]),
            Section("s2", "第二项工作", ["第二项的正文。"], []),
        ],
        schedule=[
            Activity("a1", ["2025-03"], "三月的第一件事", "主席", ""),
            Activity("a2", ["2025-03"], "三月的第二件事", "", ""),
            Activity("a3", ["2025-07", "2025-08"], "暑期的事", "办公室", ""),
            Activity("a4", [], "全年都做的事", "", ""),
        ],
        closing=["结尾一段。"],
        options=dict(options),
    )
    return plan
