"""planner-gui import and planner-gui rollover, run as a user would."""

from __future__ import annotations

import hashlib
import os

import pytest

from planner_gui.cli import main
from planner_gui.commands.base import load_plan
from planner_gui.core.period import Period
from planner_gui.core.plan import Activity, Meta, Plan, Section
from planner_gui.store import PlanFile

TEXT = """2025年明湖中学工会工作计划
一、庆祝第41个教师节
2月28日召开五届五次教代会。
二、具体月份工作安排
三月：妇女节活动
九月份：庆祝第41个教师节
明湖中学工会委员会
2025年2月20日
"""


def run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_text_file(tmp_path, capsys):
    source = tmp_path / "去年.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "新.ghjh"
    code, _, err = run(["import", str(source), "-o", str(out)], capsys)
    assert code == 0
    plan = load_plan(str(out))
    assert plan.meta.title == "2025年明湖中学工会工作计划"
    assert [a.text for a in plan.schedule] == ["妇女节活动", "庆祝第41个教师节"]
    assert "已导入：2 个一级标题" in err
    assert "[推测]" in err


def test_import_from_stdin_with_a_year(tmp_path, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("一、工作\n三月：活动\n四月：活动\n".encode())))
    out = tmp_path / "x.ghjh"
    code, _, _ = run(["import", "-", "-o", str(out), "--year", "2030", "-q"], capsys)
    assert code == 0
    assert load_plan(str(out)).schedule[0].months == ["2030-03"]


def test_page_with_several_plans_lists_them_and_imports_the_one_asked_for(tmp_path, capsys):
    from tests.importers import plan_generator as gen

    page, plans = gen.make_page(3)
    source = tmp_path / "范文.txt"
    source.write_text(page, encoding="utf-8")
    out = tmp_path / "新.ghjh"
    code, _, err = run(["import", str(source), "-o", str(out)], capsys)
    assert code != 0 and not out.exists()            # nothing written: which plan is the user's?
    assert f"有 {len(plans)} 篇计划" in err and "--plan" in err
    assert all(plan.title in err for plan in plans[:2])
    code, _, err = run(["import", str(source), "-o", str(out), "--plan", "2", "-q"], capsys)
    assert code == 0
    imported = load_plan(str(out))
    assert imported.meta.title == plans[1].title
    assert len(imported.schedule) == len(plans[1].pairs)
    code, _, err = run(["import", str(source), "-o", str(tmp_path / "x.ghjh"), "--plan", "9"], capsys)
    assert code != 0 and "没有第 9 篇" in err


def test_plan_option_on_a_single_plan(tmp_path, capsys):
    source = tmp_path / "去年.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(["import", str(source), "-o", str(tmp_path / "a.ghjh"), "--plan", "1", "-q"], capsys)[0] == 0
    code, _, err = run(["import", str(source), "-o", str(tmp_path / "b.ghjh"), "--plan", "2"], capsys)
    assert code != 0 and "只有一篇" in err and not (tmp_path / "b.ghjh").exists()


def test_failed_import_leaves_nothing(tmp_path, capsys):
    source = tmp_path / "坏.docx"
    source.write_bytes(b"PK\x03\x04" + os.urandom(200))
    out = tmp_path / "新.ghjh"
    code, _, err = run(["import", str(source), "-o", str(out)], capsys)
    assert code == 1
    assert "损坏" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏.docx"]


def test_import_does_not_overwrite_without_force(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "b.ghjh"
    out.write_bytes(b"keep")
    code, _, err = run(["import", str(source), "-o", str(out)], capsys)
    assert code == 1 and out.read_bytes() == b"keep"
    assert run(["import", str(source), "-o", str(out), "--force"], capsys)[0] == 0


@pytest.fixture
def old_plan(tmp_path):
    plan = Plan(meta=Meta("2025年明湖中学工会工作计划", "明湖中学工会", 2025,
                          Period.for_kind("calendar_year", 2025), "明湖中学工会委员会", "2025-02-20"),
                sections=[Section("s1", "庆祝第41个教师节", ["2月28日召开五届五次教代会。", "去年培训120人次。"])],
                schedule=[Activity("a1", ["2025-09"], "庆祝第41个教师节", done=True)])
    path = tmp_path / "2025.ghjh"
    PlanFile.create(path, plan).close()
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_rollover_applies_safe_changes_and_lists_the_rest(old_plan, tmp_path, capsys):
    before = digest(old_plan)
    out = tmp_path / "2026.ghjh"
    code, _, err = run(["rollover", str(old_plan), "-o", str(out)], capsys)
    assert code == 0
    assert digest(old_plan) == before, "the old plan is never written"
    plan = load_plan(str(out))
    assert plan.meta.year == 2026 and plan.meta.date is None
    assert plan.meta.title == "2026年明湖中学工会工作计划"
    assert plan.sections[0].heading == "庆祝第42个教师节"
    assert plan.sections[0].body == ["2月28日召开五届五次教代会。", "去年培训120人次。"]
    assert plan.schedule[0].months == ["2026-09"] and not plan.schedule[0].done
    assert "[已改]" in err and "[待核对]" in err and "五届五次" in err and "120人次" in err


def test_rollover_list_only_changes_no_text(old_plan, tmp_path, capsys):
    out = tmp_path / "2026.ghjh"
    code, _, err = run(["rollover", str(old_plan), "-o", str(out), "--list", "--year", "2026"], capsys)
    assert code == 0
    plan = load_plan(str(out))
    assert plan.meta.title == "2025年明湖中学工会工作计划"
    assert plan.meta.period == Period.for_kind("calendar_year", 2026)
    assert "[建议]" in err and "已修改 0 处" in err


def test_rollover_accept_all_takes_suggestions_too(tmp_path, capsys):
    plan = Plan(meta=Meta("2025年计划", "", 2025, Period.for_kind("calendar_year", 2025), "", None),
                preamble=["2024年获评先进，2025年3月5日学雷锋。"])
    old = tmp_path / "old.ghjh"
    PlanFile.create(old, plan).close()
    out = tmp_path / "new.ghjh"
    assert run(["rollover", str(old), "-o", str(out), "--accept-all"], capsys)[0] == 0
    assert load_plan(str(out)).preamble == ["2025年获评先进，2026年3月5日学雷锋。"]


def test_rollover_refuses_to_write_over_the_old_plan(old_plan, capsys):
    before = digest(old_plan)
    code, _, err = run(["rollover", str(old_plan), "-o", str(old_plan), "--force"], capsys)
    assert code == 1 and "覆盖" in err
    assert digest(old_plan) == before


def test_rollover_of_a_missing_or_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.ghjh"
    bad.write_bytes(b"not a plan")
    code, _, err = run(["rollover", str(bad), "-o", str(tmp_path / "new.ghjh")], capsys)
    assert code == 1 and "Traceback" not in err
    assert not (tmp_path / "new.ghjh").exists()
