"""`planner-gui summary PLAN -o SUMMARY.ghjh`, run as a user runs it (issue 18)."""

import hashlib
import json

from planner_gui.core.edits import UpdateActivity, apply_edit
from planner_gui.store import PlanFile
from tests.test_cli import run as run_bytes


class Result:
    def __init__(self, completed):
        self.returncode = completed.returncode
        self.stdout = completed.stdout.decode("utf-8")
        self.stderr = completed.stderr.decode("utf-8")


def run(*args):
    return Result(run_bytes(*args))


def marked_plan_file(tmp_path, sample_plan):
    for index, activity in enumerate(sample_plan.schedule[:4]):
        apply_edit(sample_plan, UpdateActivity(activity.id, {
            "done": True, "done_on": activity.months[0] if activity.months else "", "outcome": f"完成{index}"}))
    path = tmp_path / "计划.ghjh"
    PlanFile.create(path, sample_plan).close()
    return path


def test_summary_makes_a_new_document_and_leaves_the_plan_alone(tmp_path, sample_plan):
    plan_path = marked_plan_file(tmp_path, sample_plan)
    before = hashlib.sha256(plan_path.read_bytes()).hexdigest()
    out = tmp_path / "总结.ghjh"
    result = run("summary", plan_path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(plan_path.read_bytes()).hexdigest() == before
    assert f"活动计划 {len(sample_plan.schedule)} 项，完成 4 项" in result.stderr
    data = json.loads(run("dump", out).stdout)
    assert data["meta"]["kind"] == "summary"
    assert data["meta"]["title"].endswith(f"{sample_plan.meta.year}年工作总结")
    assert [s["heading"] for s in data["sections"]] == ["主要工作及成效", "存在的问题和不足", "下一年工作打算"]
    assert sum(1 for a in data["schedule"] if a.get("outcome")) == 4
    check = run("check", out)
    assert check.returncode == 1 and "【说明未完成的原因】" in check.stdout + check.stderr


def test_summary_exports_with_the_appendix(tmp_path, sample_plan):
    plan_path = marked_plan_file(tmp_path, sample_plan)
    out = tmp_path / "总结.ghjh"
    assert run("summary", plan_path, "-o", out).returncode == 0
    docx_path = tmp_path / "总结.docx"
    result = run("export", out, "-o", docx_path, "--allow-placeholders")
    assert result.returncode == 0, result.stderr
    import docx
    paragraphs = [p.text for p in docx.Document(str(docx_path)).paragraphs]
    assert "全年活动完成情况" in paragraphs


def test_summary_errors_are_one_chinese_line(tmp_path, sample_plan):
    plan_path = marked_plan_file(tmp_path, sample_plan)
    same = run("summary", plan_path, "-o", plan_path)
    assert same.returncode != 0 and "不能覆盖计划文件" in same.stderr
    missing = run("summary", tmp_path / "无.ghjh", "-o", tmp_path / "x.ghjh")
    assert missing.returncode != 0 and "不存在" in missing.stderr
    out = tmp_path / "总结.ghjh"
    assert run("summary", plan_path, "-o", out).returncode == 0
    again = run("summary", plan_path, "-o", out)
    assert again.returncode != 0 and "已存在" in again.stderr
    assert run("summary", plan_path, "-o", out, "--force").returncode == 0
    twice = run("summary", out, "-o", tmp_path / "y.ghjh")
    assert twice.returncode != 0 and "已经是工作总结" in twice.stderr
    for result in (same, missing, again, twice):
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("planner-gui: ")


def test_rollover_takes_the_opening_from_last_years_summary(tmp_path, sample_plan):
    from planner_gui.core.summary import build_summary

    plan_path = marked_plan_file(tmp_path, sample_plan)
    summary = build_summary(sample_plan)
    summary.sections[2].body = ["明年，工会将办好教职工运动会。"]
    summary_path = tmp_path / "总结.ghjh"
    PlanFile.create(summary_path, summary).close()
    out = tmp_path / "2026.ghjh"
    result = run("rollover", plan_path, "-o", out, "--opening-from", summary_path)
    assert result.returncode == 0, result.stderr
    assert "1 段工作打算" in result.stderr
    data = json.loads(run("dump", out).stdout)
    assert data["preamble"][0] == "明年，工会将办好教职工运动会。"
    assert len(data["preamble"]) == len(sample_plan.preamble) + 1
    refused = run("rollover", plan_path, "-o", tmp_path / "x.ghjh", "--opening-from", plan_path)
    assert refused.returncode != 0 and "不是工作总结" in refused.stderr
