"""The build files are well formed and agree with the program.

The real build (scripts/build_bundle.sh) takes minutes and needs PyPI, so it is
not run here; these checks catch a spec or installer script that has drifted
from the code (a Qt module imported but excluded, a renamed program, another
file extension).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "planner_gui.spec"
ISS = REPO / "packaging" / "planner_gui.iss"
SCRIPT = REPO / "scripts" / "build_bundle.sh"
DOC = REPO / "docs" / "windows.md"


def _spec_constants():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return tree, found


def _qt_modules_in_sources():
    found = set()
    for source in (REPO / "planner_gui").rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.startswith("PySide6."):
                    found.add(node.module.split(".")[1])
                elif node.module == "PySide6":
                    found.update(a.name for a in node.names if a.name.startswith("Qt"))
            elif isinstance(node, ast.Import):
                found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.Qt"))
    return found


def test_spec_parses_and_builds_both_programs():
    tree, constants = _spec_constants()
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    exes = {}
    for call in calls:
        if call.func.id == "EXE":
            kw = {k.arg: k.value for k in call.keywords}
            exes[ast.literal_eval(kw["name"])] = ast.literal_eval(kw["console"])
    assert exes == {"planner-gui": False, "planner-gui-cli": True}
    collect = next(c for c in calls if c.func.id == "COLLECT")
    assert {k.arg: ast.literal_eval(k.value) for k in collect.keywords if k.arg == "name"} == {"name": "planner-gui"}
    assert "main.py" in SPEC.read_text(encoding="utf-8") and (REPO / "main.py").is_file()


def test_spec_excludes_no_qt_module_the_program_imports():
    _, constants = _spec_constants()
    used, unused = set(constants["USED_QT"]), set(constants["UNUSED_QT"])
    imported = _qt_modules_in_sources()
    assert imported, "the scan found no Qt imports at all"
    assert not imported & unused, f"imported but excluded from the bundle: {imported & unused}"
    assert imported <= used, f"add to USED_QT in the spec: {imported - used}"


def test_bundled_resources_exist():
    resources = REPO / "planner_gui" / "resources"
    for name in ("templates/index.json", "templates/sample.json", "fonts/fontconfig-aliases.conf"):
        assert (resources / name).is_file(), name


def test_build_script_is_runnable_bash():
    assert os.access(SCRIPT, os.X_OK)
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    subprocess.run([bash, "-n", str(SCRIPT)], check=True)
    text = SCRIPT.read_text(encoding="utf-8")
    assert "packaging/planner_gui.spec" in text
    assert 'planner-gui" dump' in text and "du -s" in text


def test_installer_script_ties_the_plan_extension_to_the_editor():
    from planner_gui.store import EXTENSION

    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs a BOM to read the script as UTF-8"
    text = raw.decode("utf-8-sig")
    assert f'#define PlanExt "{EXTENSION}"' in text
    assert '#define AppExe "planner-gui.exe"' in text
    assert re.search(r'shell\\open\\command".*""\{app\}\\\{#AppExe\}"" ""%1"""', text)
    assert "ChangesAssociations=yes" in text
    assert 'Source: "dist\\planner-gui\\*"' in text


def test_windows_doc_gives_the_build_command_and_the_measured_size():
    text = DOC.read_text(encoding="utf-8")
    assert "pyinstaller packaging\\planner_gui.spec" in text
    assert "planner-gui-cli.exe" in text and '"%1"' in text
    assert "Not tried on Windows" in text
    assert re.search(r"^\d+M\s+dist/planner-gui$", text, re.M)
