"""The package's layers, checked by parsing imports: a forbidden edge fails here.

Each part of the package has an allow-list: the standard library (less
sqlite3, which only the store may use) plus the parts and third-party
packages named below. Every module of the package belongs to a part, so a new
module cannot slip past the check. Every form of import is resolved to the
module it reaches: `import a.b`, `from a import b` (a.b may be a module),
relative imports at any depth, and importlib.import_module("a.b").

The tests at the bottom plant each form of forbidden import in a throw-away
package and check that the checker fails on every one.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "planner_gui"
ROOT = "planner_gui"

QT_NO_WIDGETS = {"PySide6", "PySide6.QtCore", "PySide6.QtGui"}
QT_ALL = QT_NO_WIDGETS | {"PySide6.QtWidgets", "PySide6.QtPrintSupport", "shiboken6"}

# part -> what it may import besides the standard library.
ALLOWED: dict[str, set[str]] = {
    "core": {"planner_gui.core"},
    "store": {"planner_gui.core", "planner_gui.store", "planner_gui.safe_write", "planner_gui.held_files",
              "sqlite_utils", "sqlite3"},
    "export": {"planner_gui.core", "planner_gui.export", "planner_gui.safe_write", "planner_gui.held_files",
               "docx", "lxml"},
    "importers": {"planner_gui.core", "planner_gui.importers", "planner_gui.held_files", "docx", "lxml"},
    "models": {"planner_gui.core", "planner_gui.models"} | QT_NO_WIDGETS,
    "render": {"planner_gui.core", "planner_gui.render", "planner_gui.safe_write",
               "planner_gui.qt_fixes"} | QT_NO_WIDGETS | {"PySide6.QtPrintSupport"},
    "resources": {"planner_gui.core", "planner_gui.resources"},
    "safe_write": set(),
    "held_files": set(),
    "qt_fixes": set(),
    "logs": set(),
    # The headless commands: every layer but the widgets (pdf needs QtGui's fonts).
    "commands": {"planner_gui.core", "planner_gui.commands", "planner_gui.store", "planner_gui.export",
                 "planner_gui.importers", "planner_gui.render", "planner_gui.resources",
                 "planner_gui.safe_write", "planner_gui.held_files", "planner_gui.qt_fixes",
                 "planner_gui.logs"} | QT_NO_WIDGETS,
    "cli": {"planner_gui.commands", "planner_gui.core", "planner_gui.store", "planner_gui.safe_write",
            "planner_gui.qt_fixes", "planner_gui.logs"},
    "app": {"planner_gui.cli", "planner_gui.gui", "planner_gui.qt_fixes", "planner_gui.logs"},
    "__main__": {"planner_gui.app"},
    "__init__": set(),
    # Widgets reach files through the file service (gui/plan_files.py, gui/recovery.py),
    # which alone may import the store; see SEAMS.
    "gui": {"planner_gui", "planner_gui.core", "planner_gui.models", "planner_gui.gui", "planner_gui.dialogs",
            "planner_gui.export", "planner_gui.importers", "planner_gui.render", "planner_gui.resources",
            "planner_gui.qt_fixes", "planner_gui.logs", "planner_gui.safe_write", "planner_gui.held_files"} | QT_ALL,
    "dialogs": {"planner_gui", "planner_gui.core", "planner_gui.models", "planner_gui.dialogs",
                "planner_gui.resources"} | QT_ALL,
}

# Single modules allowed one edge more than their part, each with its reason.
SEAMS: dict[str, set[str]] = {
    # The file service handed to the window: the only widgets-side modules that open plan files.
    "gui/file_service.py": {"planner_gui.store"},
    "gui/plan_files.py": {"planner_gui.store"},
    "gui/recovery.py": {"planner_gui.store"},
    # The layout needs a Qt application; it must be a QApplication because the
    # process may go on to make widgets (an export started from the editor or a test).
    "render/application.py": {"PySide6.QtWidgets"},
}

STDLIB = set(sys.stdlib_module_names) - {"sqlite3"}


def part_of(path: Path, root: Path) -> str:
    rel = path.relative_to(root)
    return rel.parts[0].removesuffix(".py")


def imported_names(path: Path, root: Path) -> set[str]:
    """Every module name an import in `path` may reach, fully qualified."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(root.parent).with_suffix("").parts
    package = parts[:-1]  # the package holding the module (the package itself for __init__)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                module = ".".join(base + tuple(filter(None, (node.module or "").split("."))))
            else:
                module = node.module or ""
            names.add(module)
            # `from a import b` may import the module a.b: judge that edge too.
            names.update(f"{module}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and not arg.value.startswith("."):
                names.add(arg.value)
    return {n for n in names if n}


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr == "import_module"
    return isinstance(func, ast.Name) and func.id in ("import_module", "__import__")


def _allowed(name: str, allowed: set[str], root_name: str) -> bool:
    parts = name.split(".")
    if parts[0] in STDLIB or parts[0] == "__future__":
        return True
    if parts[0] == root_name:
        # The package itself holds only its version: `from planner_gui import __version__`.
        if len(parts) == 1 or parts[1].startswith("__"):
            return True
        return ".".join(parts[:2]) in allowed  # planner_gui.x.y is judged by its part planner_gui.x
    if parts[0] == "PySide6":
        return ".".join(parts[:2]) in allowed  # each Qt module is allowed by name (QtWidgets apart)
    return any(name == a or name.startswith(a + ".") for a in allowed)


def layer_problems(root: Path = PACKAGE) -> list[str]:
    """One line per forbidden import (or module outside every part) under `root`."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        part = part_of(path, root)
        if part not in ALLOWED:
            problems.append(f"{path.relative_to(root)} belongs to no part of the layer rules")
            continue
        rel = path.relative_to(root).as_posix()
        allowed = ALLOWED[part] | SEAMS.get(rel, set())
        for name in sorted(imported_names(path, root)):
            if not _allowed(name, allowed, root.name):
                problems.append(f"{rel} imports {name}")
    return problems


def test_no_forbidden_imports():
    problems = layer_problems()
    assert not problems, "\n".join(problems)


# --- the checker itself must fail on every form of a forbidden import ---------------------

PLANTED = {
    "core/abs_module.py": "import planner_gui.store\n",
    "core/from_package.py": "from planner_gui import store\n",
    "core/relative_name.py": "from .. import store\n",
    "core/relative_module.py": "from ..store import PlanFile\n",
    "core/deep.py": "from planner_gui.store.errors import StoreError\n",
    "core/qt_alias.py": "import PySide6.QtWidgets as widgets\n",
    "core/qt_from.py": "from PySide6 import QtWidgets\n",
    "core/in_function.py": "def f():\n    from ..gui import main_window\n",
    "core/dynamic.py": "import importlib\nimportlib.import_module('planner_gui.gui.main_window')\n",
    "core/sqlite.py": "import sqlite3\n",
    "models/widgets.py": "from PySide6.QtWidgets import QWidget\n",
    "models/sub/nested.py": "from ... import gui\n",
    "gui/some_view.py": "from ..store import PlanFile\n",
    "gui/direct.py": "from planner_gui import store\n",
    "render/models.py": "from ..models import schedule_model\n",
    "export/store.py": "from planner_gui.store import PlanFile\n",
    "importers/qt.py": "from PySide6.QtCore import QObject\n",
    "resources/gui.py": "from ..gui import alerts\n",
    "unknown_module.py": "x = 1\n",
}


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    root = tmp_path / ROOT
    for rel, text in PLANTED.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        for folder in [target.parent, *target.parent.parents]:
            if folder == root.parent:
                break
            (folder / "__init__.py").touch()
        target.write_text(text, encoding="utf-8")
    return root


def test_every_planted_form_fails(planted: Path):
    problems = layer_problems(planted)
    flagged = {line.split(" ")[0] for line in problems}
    assert flagged == set(PLANTED), sorted(set(PLANTED) - flagged)


def test_allowed_forms_pass(tmp_path: Path):
    root = tmp_path / ROOT
    (root / "core").mkdir(parents=True)
    (root / "__init__.py").touch()
    (root / "core" / "__init__.py").write_text("from .plan import Plan\n", encoding="utf-8")
    (root / "core" / "plan.py").write_text(
        "from __future__ import annotations\nimport json\nfrom . import numbering\n"
        "from .numbering import x\nfrom planner_gui.core import months\n", encoding="utf-8")
    (root / "gui").mkdir()
    (root / "gui" / "__init__.py").touch()
    (root / "gui" / "plan_files.py").write_text("from ..store import PlanFile\n", encoding="utf-8")
    (root / "gui" / "view.py").write_text(
        "from PySide6.QtWidgets import QWidget\nfrom .. import __version__\nfrom ..models import m\n",
        encoding="utf-8")
    assert layer_problems(root) == []


def test_nothing_heavy_is_imported_by_the_package_itself():
    import subprocess

    code = ("import sys, planner_gui, planner_gui.cli, planner_gui.app, planner_gui.core.plan;"
            "print(sorted(m for m in ('PySide6.QtWidgets','docx','sqlite_utils') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PACKAGE.parent, check=True).stdout.strip()
    assert out == "[]"
