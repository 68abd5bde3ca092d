"""Small pieces of the export: title breaking, text widths, imports and layering."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.export import suggested_filename
from planner_gui.export.paragraphs import make_run, text_width
from planner_gui.export.title import balance_title

from .docx_helpers import simple_plan

PACKAGE = Path(__file__).resolve().parents[2] / "planner_gui"


@pytest.mark.parametrize("title, expected", [
    ("红星机械厂工会2025年工作计划", "红星机械厂工会2025年工作计划"),                 # fits
    ("青禾实验小学2025—2026学年度工会工作计划", "青禾实验小学2025—2026学年度\n工会工作计划"),
    ("某某市第一人民医院有限公司工会2025年工会工作计划", "某某市第一人民医院有限公司工会\n2025年工会工作计划"),
    ("2025年某某市第一人民医院有限公司工会工作计划", "2025年某某市第一人民医院有限公司工会工作计划"),
    ("已经\n断好的很长很长很长很长很长很长很长很长的标题", "已经\n断好的很长很长很长很长很长很长很长很长的标题"),
])
def test_balance_title(title, expected):
    assert balance_title(title, 19.1) == expected


def test_text_width_counts_half_width_latin():
    assert text_width("2025年2月28日") == 6.5
    assert text_width("“三八”—…") == 6
    assert text_width("ab") == 1


def test_run_text_breaks_and_tabs():
    run = make_run("甲\n乙\t丙  ")
    tags = [child.tag.rsplit("}", 1)[1] for child in run]
    assert tags == ["t", "br", "t", "tab", "t"]
    assert run[-1].get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_importing_the_package_does_not_load_python_docx():
    code = ("import sys, planner_gui.export as e; assert e.ExportError; "
            "print('docx' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PACKAGE.parent, check=True)
    assert result.stdout.strip() == "False"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
    return names


def test_export_imports_neither_qt_nor_store_nor_importers():
    for path in (PACKAGE / "export").glob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("PySide6", "sqlite", "sqlite_utils")), (path.name, name)
            assert name not in ("..store", "..importers", "..gui", "..models", "..dialogs",
                                "..render") and not name.startswith(
                ("..store.", "..importers.", "..gui.", "..models.", "planner_gui.store",
                 "planner_gui.importers")), (path.name, name)


def test_suggested_filename_is_safe_on_windows():
    plan = simple_plan()
    assert suggested_filename(plan) == "测试单位工会2025年工作计划.docx"
    assert suggested_filename(plan, schedule_only=True) == "测试单位工会2025年工作计划-工作计划表.docx"
    plan.meta.title = 'a/b\\c:"计划"?. '
    assert suggested_filename(plan) == "abc计划.docx"
    plan.meta.title = ""
    assert suggested_filename(plan) == "工作计划.docx"
