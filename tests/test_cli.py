"""The headless commands, run as a user runs them: a separate process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_interchange import EXAMPLE

REPO = Path(__file__).resolve().parents[1]


def run(*args, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "planner_gui", *map(str, args)], input=stdin,
                          capture_output=True, env=env, cwd=REPO, timeout=120)


def test_load_then_dump_gives_the_same_json(tmp_path):
    source = json.dumps(EXAMPLE, ensure_ascii=False).encode()
    result = run("load", "-", tmp_path / "p.ghjh", stdin=source)
    assert result.returncode == 0, result.stderr.decode()
    dumped = run("dump", tmp_path / "p.ghjh")
    assert dumped.returncode == 0
    assert json.loads(dumped.stdout) == EXAMPLE


def test_new_with_options(tmp_path):
    result = run("new", tmp_path / "n.ghjh", "--year", "2026", "--org", "某某中学工会", "--period", "school_year")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(run("dump", tmp_path / "n.ghjh").stdout)
    assert data["meta"]["year"] == 2026
    assert data["meta"]["organization"] == "某某中学工会"
    assert data["meta"]["period"] == {"kind": "school_year", "start": "2026-09", "end": "2027-08"}
    assert "2026" in data["meta"]["title"]


@pytest.mark.parametrize("args, fragment", [
    (("dump", "missing.ghjh"), "不存在"),
    (("load", "missing.json", "x.ghjh"), "不存在"),
    (("new", "nofolder/x.ghjh"), "文件夹不存在"),
])
def test_errors_are_one_chinese_line(tmp_path, args, fragment):
    result = run(*[tmp_path / a if a.endswith((".ghjh", ".json")) else a for a in args])
    assert result.returncode != 0
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], lines
    assert "Traceback" not in result.stderr.decode()


def test_load_refuses_bad_json_without_making_a_file(tmp_path):
    result = run("load", "-", tmp_path / "p.ghjh", stdin=b'{"format": "union-plan"}')
    assert result.returncode != 0
    assert "缺少键" in result.stderr.decode()
    assert not (tmp_path / "p.ghjh").exists()


def test_dump_of_a_non_plan(tmp_path):
    (tmp_path / "x.ghjh").write_text("hello")
    result = run("dump", tmp_path / "x.ghjh")
    assert result.returncode != 0 and "不是工会工作计划文件" in result.stderr.decode()


def test_command_without_a_console_says_where_to_run_it(monkeypatch):
    """The windowed Windows build has sys.stdout None: a message, not a crash."""
    from planner_gui import app
    from planner_gui.gui import alerts

    shown = []
    monkeypatch.setattr(alerts, "error", lambda parent, text, title=None: shown.append(text))
    monkeypatch.setattr(sys, "stdout", None)
    assert app.main(["dump", "x.ghjh"]) == 2
    assert "planner-gui-cli" in shown[0]


def test_check_lists_placeholders_and_says_so_in_its_status(tmp_path):
    done = run("new", tmp_path / "t.ghjh", "--template", "school", "--year", "2026")
    assert done.returncode == 0, done.stderr.decode()
    result = run("check", tmp_path / "t.ghjh")
    assert result.returncode == 1
    out = result.stdout.decode()
    assert out.startswith("还有 ") and "【" in out
    run("load", "-", tmp_path / "ok.ghjh", stdin=json.dumps(EXAMPLE, ensure_ascii=False).encode())
    clean = run("check", tmp_path / "ok.ghjh")
    assert clean.returncode == 0 and "没有未填写" in clean.stdout.decode()


def test_each_command_is_described_once_and_export_and_pdf_share_their_options():
    import importlib

    from planner_gui.cli import COMMANDS, SHORT_HELP, build_parser

    assert set(SHORT_HELP) == set(COMMANDS)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f"planner_gui.commands.{module_name}")
        assert not hasattr(module, "HELP"), f"{name}: its help is cli.SHORT_HELP[{name!r}]"
    parser = build_parser()
    choices = parser._subparsers._group_actions[0].choices   # argparse keeps the sub-parsers here

    def options(name):
        return {o for a in choices[name]._actions for o in a.option_strings}

    shared = {"--template", "--schedule-only", "--font-profile", "--allow-placeholders"}
    assert shared <= options("export") and shared <= options("pdf")
