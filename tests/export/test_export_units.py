"""Small pieces of the export: runs, file names, imports and layering."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from planner_gui.export import suggested_filename
from planner_gui.export.paragraphs import make_run

from .docx_helpers import simple_plan

PACKAGE = Path(__file__).resolve().parents[2] / "planner_gui"


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
    assert suggested_filename(plan, extension=".ghjh") == "工作计划.ghjh"   # a new plan file named alike
    assert suggested_filename(plan, schedule_only=True, extension=".pdf") == "工作计划-工作计划表.pdf"
