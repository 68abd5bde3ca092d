"""`planner-gui export` run as a user runs it: python -m planner_gui in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from planner_gui.store import PlanFile

from .docx_helpers import load_fixture

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args, cwd=None):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "planner_gui", "export", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd or REPO,
                          env=env, timeout=120)


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "厂工会计划.ghjh"
    PlanFile.create(path, load_fixture("calendar_plan")).close()
    return path


@pytest.fixture
def draft_file(tmp_path):
    plan = load_fixture("calendar_plan")
    plan.preamble.append("20__年是工会换届之年。")
    plan.meta.date = None
    path = tmp_path / "草稿.ghjh"
    PlanFile.create(path, plan).close()
    return path


def test_clean_plan_exports_quietly(tmp_path, plan_file):
    out = tmp_path / "导出.docx"
    result = run_cli(plan_file, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert docx.Document(str(out)).paragraphs[0].text == "红星机械厂工会2025年工作计划"


def test_default_output_name_beside_the_plan(plan_file):
    result = run_cli(plan_file)
    assert result.returncode == 0, result.stderr
    assert plan_file.with_suffix(".docx").is_file()
    result = run_cli(plan_file, "--schedule-only")
    assert result.returncode == 0, result.stderr
    sheet = plan_file.with_name("厂工会计划-工作计划表.docx")
    assert len(docx.Document(str(sheet)).tables) == 1


def test_placeholders_are_listed_and_block_the_export(tmp_path, draft_file):
    out = tmp_path / "导出.docx"
    result = run_cli(draft_file, "-o", out)
    assert result.returncode == 1
    assert "2 处未填写" in result.stderr
    assert "开头第2段：20__" in result.stderr
    assert "成文日期" in result.stderr
    assert "--allow-placeholders" in result.stderr
    assert not out.exists()


def test_allow_placeholders_exports_with_a_warning(tmp_path, draft_file):
    out = tmp_path / "导出.docx"
    result = run_cli(draft_file, "-o", out, "--allow-placeholders")
    assert result.returncode == 0, result.stderr
    assert "开头第2段：20__" in result.stderr
    assert out.is_file()
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "20__年是工会换届之年。" in texts


def test_template_and_font_profile_options(tmp_path, plan_file):
    template = tmp_path / "模板.docx"
    docx.Document().save(str(template))
    out = tmp_path / "导出.docx"
    result = run_cli(plan_file, "-o", out, "--template", template, "--font-profile", "windows")
    assert result.returncode == 0, result.stderr
    styles = docx.Document(str(out)).styles
    assert styles["落款"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"


def test_errors_are_one_chinese_line(tmp_path, plan_file):
    result = run_cli(plan_file, "-o", tmp_path / "没有" / "x.docx")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("planner-gui: 保存位置的文件夹不存在")
    assert "Traceback" not in result.stderr
    bad_template = tmp_path / "坏模板.docx"
    bad_template.write_text("not a document", encoding="utf-8")
    result = run_cli(plan_file, "-o", tmp_path / "x.docx", "--template", bad_template)
    assert result.returncode == 1 and "不是 Word 文档" in result.stderr
    assert "Traceback" not in result.stderr


def test_refuses_to_overwrite_the_plan_itself(plan_file):
    before = plan_file.read_bytes()
    result = run_cli(plan_file, "-o", plan_file)
    assert result.returncode == 1
    assert "计划文件本身" in result.stderr
    assert plan_file.read_bytes() == before


def test_list_fonts(tmp_path, plan_file):
    result = run_cli(plan_file, "--list-fonts")
    assert result.returncode == 0, result.stderr
    fonts = result.stdout.split()
    assert {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"} <= set(fonts)
    assert not plan_file.with_suffix(".docx").exists()
    result = run_cli(plan_file, "--list-fonts", "--font-profile", "windows")
    assert "仿宋_GB2312" not in result.stdout.split() and "仿宋" in result.stdout.split()
