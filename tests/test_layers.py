"""The package's layers, checked by parsing imports: a forbidden edge fails here."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "planner_gui"

# package -> top-level modules it must never import (directly)
FORBIDDEN = {
    "core": {"PySide6", "sqlite3", "sqlite_utils", "docx", "lxml", "planner_gui.store",
             "planner_gui.export", "planner_gui.importers", "planner_gui.models", "planner_gui.gui",
             "planner_gui.dialogs", "planner_gui.render"},
    "store": {"PySide6", "docx", "planner_gui.export", "planner_gui.importers", "planner_gui.gui",
              "planner_gui.models", "planner_gui.dialogs", "planner_gui.render"},
    "export": {"PySide6", "sqlite3", "sqlite_utils", "planner_gui.store", "planner_gui.importers",
               "planner_gui.gui", "planner_gui.models", "planner_gui.dialogs"},
    "importers": {"PySide6", "sqlite3", "sqlite_utils", "planner_gui.store", "planner_gui.export",
                  "planner_gui.gui", "planner_gui.models", "planner_gui.dialogs"},
    "models": {"PySide6.QtWidgets", "sqlite3", "sqlite_utils", "docx", "planner_gui.gui",
               "planner_gui.dialogs"},
    "gui": {"sqlite3", "sqlite_utils", "docx"},
    "dialogs": {"sqlite3", "sqlite_utils", "docx"},
    "render": {"sqlite3", "sqlite_utils", "docx", "planner_gui.store", "planner_gui.gui"},
}


def _imports(path: Path, package: str):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
                base = parts[:len(parts) - node.level]
                yield ".".join(base + tuple((node.module or "").split("."))).rstrip(".")
            else:
                yield node.module


def _forbidden(name: str, banned: set[str]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


def test_no_forbidden_imports():
    problems = []
    for layer, banned in FORBIDDEN.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path, layer):
                if name and _forbidden(name, banned):
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not problems, "\n".join(problems)


def test_layer_check_catches_an_edge(tmp_path):
    sample = PACKAGE / "core" / "plan.py"
    assert any(n.startswith("planner_gui.core") for n in _imports(sample, "core"))
    assert _forbidden("PySide6.QtCore", FORBIDDEN["core"])
    assert not _forbidden("PySide6.QtCore", FORBIDDEN["models"])


def test_nothing_heavy_is_imported_by_the_package_itself():
    import subprocess
    import sys
    code = ("import sys, planner_gui, planner_gui.cli, planner_gui.app, planner_gui.core.plan;"
            "print(sorted(m for m in ('PySide6.QtWidgets','docx','sqlite_utils') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PACKAGE.parent, check=True).stdout.strip()
    assert out == "[]"
