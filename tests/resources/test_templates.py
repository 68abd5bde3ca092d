"""The starter plans and the sample plan: shape, schedule, placeholders, retargeting.

Every template is read the way `planner-gui load` reads a file
(core.interchange.loads), so a template that loads here loads for users.
"""

from __future__ import annotations

import json

import pytest

from planner_gui import resources
from planner_gui.core.interchange import dumps, loads
from planner_gui.core.locations import iter_texts
from planner_gui.core.placeholders import find_placeholders
from planner_gui.resources import load_template, retarget, template_index, template_names

TEMPLATE_DIR = resources.path("templates")
STARTERS = ["school", "enterprise", "township", "hospital", "government"]
ALL = STARTERS + ["sample"]
BASE_YEAR = 2025


def _raw(name):
    return loads(resources.path("templates", f"{name}.json").read_text(encoding="utf-8"))


def _texts(plan):
    return [text for _, text in iter_texts(plan)]


def _placeholder_texts(plan):
    return [p.text for p in find_placeholders(plan)]


def _covered(plan):
    return {m for a in plan.schedule for m in a.months}


# --- the index ---------------------------------------------------------------

def test_index_lists_every_template_file_once():
    names = template_names()
    assert names == ALL
    files = sorted(p.stem for p in TEMPLATE_DIR.glob("*.json") if p.stem != "index")
    assert files == sorted(names)
    for entry in template_index():
        assert entry["title"] and entry["summary"] and "\n" not in entry["summary"]
        assert "calendar_year" in entry["periods"]
    school = next(e for e in template_index() if e["name"] == "school")
    assert "school_year" in school["periods"]


def test_unknown_template_is_a_key_error():
    with pytest.raises(KeyError):
        load_template("no-such-template")


# --- every template ------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
def test_loads_through_the_interchange_path_and_round_trips(name):
    text = resources.path("templates", f"{name}.json").read_text(encoding="utf-8")
    plan = loads(text)
    assert json.loads(dumps(plan)) == json.loads(text)
    assert dumps(load_template(name)) == dumps(plan)


@pytest.mark.parametrize("name", ALL)
def test_has_the_usual_sections(name):
    plan = _raw(name)
    assert plan.meta.year == BASE_YEAR
    assert plan.preamble and plan.closing
    headings = [s.heading for s in plan.sections]
    assert headings == ["工作目标", "主要任务", "保障措施", "具体月份工作安排"]
    goals, tasks = plan.sections[0], plan.sections[1]
    assert [c.heading for c in goals.children] == ["总体目标", "具体目标"]
    assert len(tasks.children) >= 5
    for section in plan.walk():
        assert section.heading.strip()
        assert section.body or section.children, section.heading


@pytest.mark.parametrize("name", ALL)
def test_month_schedule_covers_the_period_and_is_tied_to_sections(name):
    plan = _raw(name)
    period = plan.meta.period
    assert period.kind == "calendar_year"
    assert set(period.months()) <= _covered(plan)
    section_ids = {s.id for s in plan.walk()}
    for activity in plan.schedule:
        assert activity.text.strip() and activity.owner.strip(), activity
        assert activity.section in section_ids, activity
        assert all(period.contains(m) for m in activity.months), activity
        assert not activity.done
    # the work the plan describes is carried out somewhere in the table
    tied = {a.section for a in plan.schedule}
    for task in plan.sections[1].children:
        assert task.id in tied, task.heading


@pytest.mark.parametrize("name", STARTERS)
def test_starter_marks_what_the_user_must_fill(name):
    plan = _raw(name)
    found = find_placeholders(plan)
    texts = [p.text for p in found]
    assert "【单位名称】" in plan.meta.title
    assert plan.meta.organization.startswith("【单位名称】")
    assert plan.meta.signature.startswith("【单位名称】")
    assert plan.meta.date is None and "成文日期未填" in texts
    assert any(t.lower() == "xx" for t in texts)
    # a short guide in every section says what to write there
    places = {(p.location.kind, p.location.id) for p in found}
    for section in plan.walk():
        if section.id != "s1" and not section.children:
            assert ("section", section.id) in places, section.heading
    assert ("preamble", None) in places and ("closing", None) in places
    # every guide the user reads is one the check finds (none too long for it)
    for text in _texts(plan):
        assert text.count("【") == text.count("】")
    assert sum(t.count("【") for t in _texts(plan)) == sum(t.startswith("【") for t in texts)


def test_sample_is_a_finished_plan():
    plan = load_template("sample")
    assert find_placeholders(plan) == []
    assert plan.meta.date == "2025-02-20"
    assert plan.meta.signature == "阳光实验学校工会委员会"
    prose = sum(len(t) for loc, t in iter_texts(plan) if loc.kind in ("preamble", "section", "closing"))
    # about twelve A4 pages in the official-document layout, the table included
    assert 4000 <= prose <= 6500
    assert len(plan.schedule) >= 30
    assert len(plan.sections[1].children) >= 6


def test_sample_keeps_the_shape_other_tests_build_on():
    """tests/core/test_edits.py and tests/store rely on these ids."""
    plan = resources.sample_plan()
    assert [s.id for s in plan.sections][:3] == ["s1", "s2", "s3"]
    assert [c.id for c in plan.sections[0].children] == ["s1.1", "s1.2"]
    assert plan.find_activity("a1").section == "s3"


# --- moving a template ------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
def test_retargets_to_another_year(name):
    plan = load_template(name, year=2027)
    assert plan.meta.year == 2027
    assert plan.meta.period.months()[0] == "2027-01"
    assert "2027" in plan.meta.title and "2025" not in plan.meta.title
    assert set(plan.meta.period.months()) <= _covered(plan)
    assert all(plan.meta.period.contains(m) for a in plan.schedule for m in a.months)
    if name in STARTERS:
        assert not any("2025" in t for t in _texts(plan))
        # and back again: the template as it was
        assert dumps(retarget(plan, year=BASE_YEAR)) == dumps(_raw(name))


def test_counted_events_follow_the_year():
    assert any("第42个教师节" in a.text for a in load_template("school", year=2026).schedule)
    assert any("建党105周年" in a.text for a in load_template("government", year=2026).schedule)


def test_same_year_changes_nothing():
    assert dumps(load_template("school", year=BASE_YEAR)) == dumps(_raw("school"))
    assert dumps(load_template("sample", year=BASE_YEAR)) == dumps(_raw("sample"))


def test_school_template_as_a_school_year():
    plan = load_template("school", year=2025, period="school_year")
    assert plan.meta.period.months()[0] == "2025-09" and plan.meta.period.months()[-1] == "2026-08"
    assert "2025—2026学年度" in plan.meta.title
    assert plan.preamble[1].startswith("2025—2026学年度，")
    assert set(plan.meta.period.months()) <= _covered(plan)
    calendar = _raw("school")
    # every activity is kept and keeps its calendar month (三月 is 2026-03 now)
    assert len(plan.schedule) == len(calendar.schedule)
    before = {a.id: [m[5:] for m in a.months] for a in calendar.schedule}
    after = {a.id: [m[5:] for m in a.months] for a in plan.schedule}
    assert before == {k: sorted(v) for k, v in after.items()}
    congress = next(a.id for a in calendar.schedule if "教职工代表大会" in a.text)
    assert plan.find_activity(congress).months == ["2026-03"]
    # in the order of the school year, activities without a month last
    firsts = [a.months[0] for a in plan.schedule if a.months]
    assert firsts == sorted(firsts) and firsts[0] == "2025-09"
    assert not plan.schedule[-1].months


def test_school_template_as_a_semester_keeps_its_months_only():
    plan = load_template("school", year=2025, period="semester")
    months = plan.meta.period.months()
    assert months == ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01"]
    assert set(months) <= _covered(plan)
    assert _covered(plan) <= set(months)
    assert "第一学期" in plan.meta.title


def test_school_year_and_back_is_the_calendar_year_again():
    there = load_template("school", period="school_year")
    back = retarget(there, period="calendar_year")
    assert back.meta.title == _raw("school").meta.title
    assert sorted(_covered(back)) == sorted(_covered(_raw("school")))


@pytest.mark.parametrize("org, title, signature", [
    ("青石中学工会", "青石中学工会2025年工作计划", "青石中学工会委员会"),
    ("青石中学", "青石中学工会2025年工作计划", "青石中学工会委员会"),
])
def test_organization_fills_the_name_everywhere(org, title, signature):
    plan = load_template("school", organization=org)
    assert plan.meta.organization == "青石中学工会"
    assert (plan.meta.title, plan.meta.signature) == (title, signature)
    assert "【单位名称】" not in "".join(_texts(plan))
    assert find_placeholders(plan)  # the guides are still there to fill


def test_organization_keeps_the_kind_of_union():
    plan = load_template("township", organization="青石镇")
    assert (plan.meta.organization, plan.meta.signature) == ("青石镇总工会", "青石镇总工会")
    plan = load_template("government", organization="市财政局机关工会")
    assert plan.meta.signature == "市财政局机关工会委员会"


def test_sample_renamed_reads_as_the_new_school():
    plan = load_template("sample", organization="青石中学工会")
    assert "阳光实验学校" not in "".join(_texts(plan))
    assert plan.meta.signature == "青石中学工会委员会"


def test_bad_period_is_a_value_error():
    with pytest.raises(ValueError):
        load_template("school", period="fortnight")
