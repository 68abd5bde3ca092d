"""Reading a plan never imports sqlite-utils; writing imports it without numpy.

sqlite-utils costs a process ~40-50 ms and ~10 MB on import, and with numpy
installed it imports numpy too (+0.1-0.2 s, +12 MB). Start-up, dump, export,
PDF and backups only read, so they must not pay for it; the editor pays on
its first write. Each check runs in a clean interpreter.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WATCHED = ("sqlite_utils", "numpy", "pandas", "click", "pluggy")

PROBE = textwrap.dedent("""
    import contextlib, importlib.util, io, json, sys
    WATCHED = {watched!r}
    seen = {{}}

    def note(step):
        seen[step] = sorted(m for m in WATCHED if m in sys.modules)

    path, folder = sys.argv[1], sys.argv[2]
    from planner_gui.store import PlanFile
    from planner_gui.store.backups import BackupFolder

    with PlanFile.open(path, read_only=True) as plan_file:
        plan_file.load()
        plan_file.get_ui("collapsed")
        plan_file.ui_state()
        plan_file.integrity_ok()
    note("read-only open and load")

    from planner_gui.cli import main
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out):
        assert main(["dump", path]) == 0
    assert json.loads(out.buffer.getvalue())["sections"]
    note("planner-gui dump")

    plan_file = PlanFile.open(path)
    plan = plan_file.load()
    BackupFolder(folder).backup(plan_file, force=True)
    note("the editor opens, loads and backs up")

    from planner_gui.core.edits import SetHeading, apply_edit
    _, touched = apply_edit(plan, SetHeading(plan.sections[0].id, "第一次修改"))
    plan_file.sync(plan, touched)
    plan_file.close()
    note("first edit")

    numpy_installed = importlib.util.find_spec("numpy") is not None
    try:
        import numpy
        seen["numpy importable afterwards"] = True
    except ImportError:
        seen["numpy importable afterwards"] = False
    seen["numpy installed"] = numpy_installed
    print(json.dumps(seen))
""").format(watched=WATCHED)


def test_reading_a_plan_does_not_import_sqlite_utils(plan_path, tmp_path):
    completed = subprocess.run([sys.executable, "-c", PROBE, str(plan_path), str(tmp_path / "backups")],
                               capture_output=True, text=True, cwd=REPO)
    assert completed.returncode == 0, completed.stderr
    seen = json.loads(completed.stdout.strip().splitlines()[-1])
    assert seen["read-only open and load"] == []
    assert seen["planner-gui dump"] == []
    assert seen["the editor opens, loads and backs up"] == []
    # The first write imports it, without the numpy/pandas it would drag in...
    assert "sqlite_utils" in seen["first edit"]
    assert "numpy" not in seen["first edit"] and "pandas" not in seen["first edit"]
    # ...which stay importable for anything else.
    assert seen["numpy importable afterwards"] == seen["numpy installed"]


def test_reading_a_plan_leaves_backups_and_recovery_copies_unloaded(plan_path):
    """The store package imports what opening and reading need: dump, export
    and pdf never make or list a backup, and the editor imports the backups
    when it checks whether one is due, not with the package."""
    code = ("import sys\n"
            "from planner_gui.store import PlanFile\n"
            "with PlanFile.open(sys.argv[1], read_only=True) as plan_file:\n"
            "    plan_file.load()\n"
            "print(sorted(m for m in sys.modules if m.startswith('planner_gui.store')))\n")
    done = subprocess.run([sys.executable, "-c", code, str(plan_path)], capture_output=True, text=True,
                          cwd=REPO, check=True)
    loaded = done.stdout.strip()
    assert "planner_gui.store.plan_file" in loaded
    assert "planner_gui.store.backups" not in loaded and "planner_gui.store.recovery" not in loaded


def test_the_probe_sees_an_import(tmp_path):
    """Sanity: the same way of looking does see sqlite-utils when it is there."""
    code = "import sys, sqlite_utils; print('sqlite_utils' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "True"


# --- the bundle leaves out what sqlite-utils would drag in --------------------------

SPEC = REPO / "packaging" / "planner_gui.spec"


def _spec():
    """The spec's UNUSED_MODULES and its modules_imported() check, without PyInstaller."""
    import ast

    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    unused = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                  and getattr(node.targets[0], "id", "") == "UNUSED_MODULES")
    check = next(node for node in tree.body
                 if isinstance(node, ast.FunctionDef) and node.name == "modules_imported")
    namespace = {"ast": ast}
    exec(compile(ast.Module([check], type_ignores=[]), str(SPEC), "exec"), namespace)
    return set(unused), namespace


def test_the_bundle_excludes_every_optional_import_hidden_from_sqlite_utils():
    from planner_gui.store.database import OPTIONAL_IMPORTS

    unused, _ = _spec()
    assert {"numpy", "pandas"} <= set(OPTIONAL_IMPORTS) <= unused


def test_the_spec_check_sees_an_excluded_module_the_program_imports(tmp_path):
    unused, namespace = _spec()
    modules_imported = namespace["modules_imported"]
    namespace["PACKAGE"] = REPO / "planner_gui"
    assert "sqlite_utils" in modules_imported() and not modules_imported() & unused
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "m.py").write_text("def f():\n    import numpy.linalg\nfrom pandas import DataFrame\n")
    namespace["PACKAGE"] = tmp_path
    assert modules_imported() & unused == {"numpy", "pandas"}
