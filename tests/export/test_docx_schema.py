"""Every kind of export is valid OOXML as Microsoft 365 reads it, and opens in
Word without 兼容模式, with a 22-line document grid.

Schema and semantic checks by openxml-audit (a pure-Python port of the Open XML
SDK validator); a file it rejects is one Word may "repair" or refuse.
"""

from __future__ import annotations

import zipfile

import pytest

from planner_gui.export.docx_writer import export_docx
from planner_gui.resources import load_template, sample_plan, template_names

from ..render.plans import stress_plan
from .docx_helpers import NS, attr, part_xml, simple_plan
from .test_docx_template import make_template

audit = pytest.importorskip("openxml_audit", reason="openxml-audit is not installed (test extra)")


def validate(path) -> list[str]:
    validator = audit.OpenXmlValidator(file_format=audit.FileFormat.MICROSOFT_365)
    result = validator.validate(str(path))
    return [str(error) for error in result.errors]


def _plans():
    yield "sample", sample_plan, {}
    yield "windows-fonts", lambda: simple_plan(font_profile="windows", bold_headings=True), {}
    yield "stress", lambda: stress_plan(activities=120), {}
    yield "schedule-only", sample_plan, {"schedule_only": True}
    for name in template_names():
        if name != "sample":
            yield f"starter-{name}", lambda name=name: load_template(name, 2026, "青石镇总工会"), {}


CASES = list(_plans())


@pytest.mark.parametrize("name,make_plan,kwargs", CASES, ids=[c[0] for c in CASES])
def test_export_is_schema_valid(tmp_path, name, make_plan, kwargs):
    path = tmp_path / f"{name}.docx"
    export_docx(make_plan(), path, **kwargs)
    assert validate(path) == []


@pytest.mark.parametrize("schedule_only", [False, True])
def test_template_export_is_schema_valid(tmp_path, schedule_only):
    template = make_template(tmp_path / "上级模板.docx", footer=False)
    path = tmp_path / "out.docx"
    export_docx(sample_plan(), path, template=template, schedule_only=schedule_only)
    assert validate(path) == []


def test_the_validator_finds_a_misplaced_element(tmp_path):
    """The check can fail: a w:jc before w:pStyle (out of schema order) is reported."""
    path = tmp_path / "good.docx"
    export_docx(simple_plan(), path)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:pPr><w:pStyle", b'<w:pPr><w:jc w:val="left"/><w:pStyle', 1)
            target.writestr(item, data)
    assert validate(broken)


def test_word_opens_it_in_its_current_mode(tmp_path):
    """compatibilityMode 15: Word 2013 and later show no 兼容模式 in the title bar."""
    path = tmp_path / "plan.docx"
    export_docx(simple_plan(), path)
    settings = part_xml(path, "word/settings.xml")
    modes = [attr(s, "val") for s in settings.findall("w:compat/w:compatSetting", NS)
             if attr(s, "name") == "compatibilityMode"]
    assert modes == ["15"]


def test_page_setup_shows_a_22_line_grid(tmp_path):
    path = tmp_path / "plan.docx"
    export_docx(simple_plan(), path)
    grid = part_xml(path, "word/document.xml").find(".//w:body/w:sectPr/w:docGrid", NS)
    assert attr(grid, "type") == "lines"
    margins = part_xml(path, "word/document.xml").find(".//w:body/w:sectPr/w:pgMar", NS)
    height = 16838 - int(attr(margins, "top")) - int(attr(margins, "bottom"))
    assert height // int(attr(grid, "linePitch")) == 22
    # no style snaps to it: the exact 28 pt lines decide, in Word and LibreOffice alike
    styles = part_xml(path, "word/styles.xml")
    snaps = {attr(s, "val") for s in styles.iter(f"{{{NS['w']}}}snapToGrid")}
    assert snaps == {"0"}
