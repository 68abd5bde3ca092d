"""`planner-gui pdf` run as a user runs it: python -m planner_gui in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.store import PlanFile

from .conftest import need, pdf_pages

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args, display: bool = False):
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "planner_gui", "pdf", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO,
                          env=env, timeout=180)


@pytest.fixture
def draft_path(tmp_path, sample_plan):
    sample_plan.preamble.append("20__年是工会换届之年。")
    path = tmp_path / "草稿.ghjh"
    PlanFile.create(path, sample_plan).close()
    return path


def test_pdf_without_a_display(tmp_path, plan_path):
    """No DISPLAY and no QT_QPA_PLATFORM: the command picks the offscreen platform itself."""
    out = tmp_path / "计划.pdf"
    result = run_cli(plan_path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Traceback" not in result.stderr
    need("pdfinfo")
    assert pdf_pages(out) >= 2


def test_default_output_beside_the_plan(plan_path):
    result = run_cli(plan_path)
    assert result.returncode == 0, result.stderr
    assert plan_path.with_suffix(".pdf").is_file()


def test_placeholders_block_the_pdf(tmp_path, draft_path):
    out = tmp_path / "x.pdf"
    result = run_cli(draft_path, "-o", out)
    assert result.returncode == 1
    assert "20__" in result.stderr and "--allow-placeholders" in result.stderr
    assert not out.exists()
    result = run_cli(draft_path, "-o", out, "--allow-placeholders")
    assert result.returncode == 0, result.stderr
    assert out.is_file()


@pytest.mark.parametrize("target, fragment", [("missing/x.pdf", "文件夹不存在"), ("SELF", "不能覆盖计划文件")])
def test_errors_are_one_chinese_line(tmp_path, plan_path, target, fragment):
    out = plan_path if target == "SELF" else tmp_path / target
    result = run_cli(plan_path, "-o", out)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("planner-gui: 本机缺少")]
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_missing_fonts_are_named(tmp_path, plan_path, qapp):
    """On a machine without 仿宋_GB2312 the stand-in is listed; with it, it is not."""
    from planner_gui.render.fonts import FontResolver

    result = run_cli(plan_path, "-o", tmp_path / "x.pdf")
    assert result.returncode == 0
    installed = "仿宋_GB2312" in FontResolver().families
    assert ("仿宋_GB2312 →" in result.stderr) != installed


def test_font_profile_option(tmp_path, plan_path):
    need("pdffonts")
    out = tmp_path / "w.pdf"
    result = run_cli(plan_path, "-o", out, "--font-profile", "windows")
    assert result.returncode == 0, result.stderr
    assert "仿宋_GB2312" not in result.stderr
