"""`planner-gui templates` and `planner-gui new FILE --template NAME`, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.core.interchange import dumps
from planner_gui.resources import load_template, template_index

REPO = Path(__file__).resolve().parents[2]


def run(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "planner_gui", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_templates_lists_name_and_one_line_each():
    result = run("templates")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for entry in template_index():
        line = next(l for l in lines if l.split()[:1] == [entry["name"]])
        assert entry["title"] in line and entry["summary"] in line
    assert "--template" in result.stdout


def test_templates_json_is_the_index():
    result = run("templates", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == template_index()


@pytest.mark.parametrize("name", ["school", "township"])
def test_new_from_template_then_dump(tmp_path, name):
    target = tmp_path / "计划.ghjh"
    result = run("new", target, "--template", name, "--year", 2027, "--org", "青石镇")
    assert result.returncode == 0, result.stderr
    dumped = run("dump", target)
    assert dumped.returncode == 0, dumped.stderr
    expected = load_template(name, year=2027, organization="青石镇")
    assert json.loads(dumped.stdout) == json.loads(dumps(expected))
    assert "【单位名称】" not in dumped.stdout


def test_new_school_year_from_template(tmp_path):
    target = tmp_path / "学年.ghjh"
    result = run("new", target, "--template", "school", "--year", 2025, "--period", "school_year")
    assert result.returncode == 0, result.stderr
    data = json.loads(run("dump", target).stdout)
    assert data["meta"]["period"] == {"kind": "school_year", "start": "2025-09", "end": "2026-08"}
    assert "2025—2026学年度" in data["meta"]["title"]


def test_new_keeps_the_template_period_unless_asked(tmp_path):
    target = tmp_path / "示例.ghjh"
    assert run("new", target, "--template", "sample", "--year", 2025).returncode == 0
    assert json.loads(run("dump", target).stdout) == json.loads(dumps(load_template("sample")))


def test_unknown_template_is_one_chinese_line(tmp_path):
    target = tmp_path / "x.ghjh"
    result = run("new", target, "--template", "nope")
    assert result.returncode == 1
    assert "没有名为“nope”的模板" in result.stderr and "school" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()
