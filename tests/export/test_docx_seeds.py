"""Real plans (../shared/seeds, read at run time, never copied) export to valid files."""

from __future__ import annotations

import docx

from planner_gui.export.docx_writer import export_docx
from planner_gui.core.schedule_table import schedule_host
from planner_gui.importers.text_plan import import_text

from .docx_helpers import NS, part_xml
from .test_docx_stress import assert_valid_package


def test_seed_plans_export(tmp_path, seeds_dir):
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert seeds
    for seed in seeds:
        plan = import_text(seed.read_text(encoding="utf-8")).plan
        out = tmp_path / f"{seed.stem}.docx"
        export_docx(plan, out)
        assert_valid_package(out)
        root = part_xml(out, "word/document.xml")
        headings = root.xpath("//w:body/w:p[w:pPr/w:outlineLvl]", namespaces=NS)
        extra = 1 if plan.schedule and schedule_host(plan) is None else 0  # own month section
        assert len(headings) == len(list(plan.walk())) + extra, seed.name
        rows = root.findall(".//w:tbl/w:tr", NS)
        assert len(rows) == (len(plan.schedule) + 1 if plan.schedule else 0), seed.name
        sheet = tmp_path / f"{seed.stem}-sheet.docx"
        export_docx(plan, sheet, schedule_only=True)
        assert_valid_package(sheet)
        assert len(docx.Document(str(sheet)).tables) == 1
