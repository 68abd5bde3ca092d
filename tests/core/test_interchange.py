import json

import pytest
from hypothesis import HealthCheck, given, settings

from planner_gui.core.interchange import NewerFormatError, PlanFormatError, dumps, loads, plan_to_dict
from tests.strategies import plans

EXAMPLE = {
    "format": "union-plan", "version": 1,
    "meta": {"title": "2025年工会工作计划", "organization": "某某中学工会", "year": 2025,
             "period": {"kind": "calendar_year", "start": "2025-01", "end": "2025-12"},
             "signature": "某某中学工会委员会", "date": "2025-02-28"},
    "preamble": ["指导思想……"],
    "sections": [{"id": "s1", "heading": "加强工会自身建设", "body": ["一是……", "二是……"],
                  "children": [{"id": "s1.1", "heading": "…", "body": [], "children": []}]}],
    "schedule": [{"id": "a1", "months": ["2025-03"], "text": "庆“三八”系列活动", "owner": "女工委员会",
                  "note": "", "section": "s1", "done": False}],
    "closing": ["新的一年，……"],
}


def test_documented_example_round_trips_exactly():
    assert plan_to_dict(loads(json.dumps(EXAMPLE, ensure_ascii=False))) == EXAMPLE


@given(plans())
@settings(derandomize=True, max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_round_trip_any_plan(plan):
    first = dumps(plan)
    assert dumps(loads(first)) == first


def test_ids_issued_only_when_missing():
    data = json.loads(json.dumps(EXAMPLE))
    del data["sections"][0]["children"][0]["id"]
    del data["schedule"][0]["id"]
    plan = loads(json.dumps(data))
    assert plan.sections[0].id == "s1"
    assert plan.sections[0].children[0].id not in ("", "s1")
    assert plan.schedule[0].id == "a1"


def _broken(mutate):
    data = json.loads(json.dumps(EXAMPLE))
    mutate(data)
    return json.dumps(data)


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d.update(extra=1), "未知的键"),
    (lambda d: d["meta"].pop("title"), "缺少键"),
    (lambda d: d["meta"].update(year="2025"), "meta.year"),
    (lambda d: d["meta"]["period"].update(kind="weekly"), "meta.period"),
    (lambda d: d["meta"].update(date="2025-02-30"), "meta.date"),
    (lambda d: d["schedule"][0].update(months=["2025-3"]), "months"),
    (lambda d: d["schedule"][0].update(done="no"), "done"),
    (lambda d: d["schedule"][0].update(section="s9"), "s9"),
    (lambda d: d["sections"].append(dict(d["sections"][0])), "重复"),
    (lambda d: d.update(sections={}), "sections"),
    (lambda d: d.update(format="other"), "format"),
])
def test_bad_json_gets_a_clear_message(mutate, fragment):
    with pytest.raises(PlanFormatError) as info:
        loads(_broken(mutate))
    assert fragment in str(info.value)


def test_future_version_and_garbage():
    with pytest.raises(NewerFormatError):
        loads(_broken(lambda d: d.update(version=2)))
    with pytest.raises(PlanFormatError):
        loads("{not json")
    with pytest.raises(PlanFormatError):
        loads("[" * 100000)
    with pytest.raises(PlanFormatError, match="数值"):
        loads('{"version": ' + "9" * 5000 + "}")


def test_options_written_only_when_not_default():
    plan = loads(json.dumps(EXAMPLE))
    assert "options" not in plan_to_dict(plan)
    plan.options["level3_style"] = "comma"
    assert plan_to_dict(loads(dumps(plan)))["options"] == {"level3_style": "comma"}
