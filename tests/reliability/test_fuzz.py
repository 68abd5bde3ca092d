"""Fuzzing the paths untrusted input takes through the whole program, with a
fixed seed and a small budget (PLANNER_FUZZ_EXAMPLES=2000 for a long run):

- text -> importer -> plan file -> reopened -> DOCX export: imports or is
  refused with PlanImportError; what imports is stored and exported whole;
- any plan -> interchange JSON -> load -> DOCX export -> reopened by python-docx;
- interchange JSON with random damage -> a plan or PlanFormatError, never
  anything else.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.core.interchange import PlanFormatError, dumps, loads
from planner_gui.store import PlanFile
from tests.reliability.conftest import available
from tests.strategies import plans

EXAMPLES = int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "40"))
FUZZ = settings(derandomize=True, max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
CJK = re.compile(r"[\u4e00-\u9fff]")
TALLY: Counter = Counter()

_lines = st.one_of(
    st.sampled_from(["一、加强学习", "二、关心职工", "（一）开展活动", "1.组织培训", "（2）慰问", "三月份",
                     "七至八月份：", "次年元月", "全年", "2025年2月28日", "某某学校工会", "工作安排如下：",
                     "xx学校20__年工作计划", "", "　"]),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E60), max_size=30),
    st.text(max_size=60),                                     # anything, control characters included
    st.text(st.sampled_from(list("\x00\x0b\x0c\r\t\u2028\u2029\ufeff\ud7ff\U0001F600、。（）")), max_size=10),
)
texts = st.lists(_lines, max_size=30).map("\n".join)


def _export(plan):
    from planner_gui.export import ExportError
    from planner_gui.export.docx_writer import build_document

    try:
        document = build_document(plan)
    except ExportError as exc:
        assert CJK.search(str(exc))
        return None
    out = io.BytesIO()
    document.save(out)
    import docx

    return docx.Document(io.BytesIO(out.getvalue()))


@pytest.mark.skipif(not available("planner_gui.importers"), reason="planner_gui.importers is not there yet")
@FUZZ
@given(text=texts)
def test_any_text_imports_stores_and_exports_or_is_refused(text, tmp_path_factory):
    from planner_gui.importers import PlanImportError, import_text

    try:
        result = import_text(text)
    except PlanImportError as exc:
        assert CJK.search(str(exc)) and "Traceback" not in str(exc)
        TALLY["text refused"] += 1
        return
    plan = result.plan
    assert loads(dumps(plan)) is not None
    path = tmp_path_factory.mktemp("fuzz") / "p.ghjh"
    PlanFile.create(path, plan).close()
    with PlanFile.open(path) as plan_file:
        assert dumps(plan_file.load()) == dumps(plan) and not plan_file.damaged
    if available("planner_gui.export"):
        _export(plan)
    TALLY["text imported, stored, exported"] += 1


@pytest.mark.skipif(not available("planner_gui.export"), reason="planner_gui.export is not there yet")
@FUZZ
@given(plan=plans())
def test_any_plan_loads_and_exports(plan):
    loaded = loads(dumps(plan))
    document = _export(loaded)
    if document is not None:
        body = "\n".join(p.text for p in document.paragraphs)
        for cell_text in (c.text for t in document.tables for row in t.rows for c in row.cells):
            body += "\n" + cell_text
        for section in loaded.walk():
            words = section.heading.strip()
            if words and "\n" not in words:
                assert words in body.replace("\n", "") or words in body
    TALLY["plan loaded and exported"] += 1


_json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
                            | st.text(max_size=20),
                            lambda children: st.lists(children, max_size=4)
                            | st.dictionaries(st.text(max_size=8), children, max_size=4), max_leaves=12)


@st.composite
def damaged_json(draw):
    from planner_gui.resources import sample_plan

    data = json.loads(dumps(sample_plan(2025)))
    for _ in range(draw(st.integers(1, 4))):
        # Walk to a random place and replace, delete or add something there.
        target = data
        while isinstance(target, (dict, list)) and target and draw(st.booleans()):
            keys = list(target.keys()) if isinstance(target, dict) else list(range(len(target)))
            child = target[draw(st.sampled_from(keys))]
            if not isinstance(child, (dict, list)):
                break
            target = child
        if isinstance(target, dict):
            action = draw(st.sampled_from(["set", "delete", "add"]))
            keys = list(target)
            if action == "delete" and keys:
                del target[draw(st.sampled_from(keys))]
            elif action == "set" and keys:
                target[draw(st.sampled_from(keys))] = draw(_json_values)
            else:
                target[draw(st.text(max_size=8))] = draw(_json_values)
        elif isinstance(target, list):
            if target and draw(st.booleans()):
                target[draw(st.integers(0, len(target) - 1))] = draw(_json_values)
            else:
                target.append(draw(_json_values))
    return json.dumps(data, ensure_ascii=False)


@FUZZ
@given(text=damaged_json())
def test_damaged_interchange_json_is_a_plan_or_a_sentence(text):
    try:
        plan = loads(text)
    except PlanFormatError as exc:
        assert CJK.search(str(exc))
        TALLY["damaged JSON refused"] += 1
        return
    assert loads(dumps(plan)) is not None
    TALLY["damaged JSON still a plan"] += 1


def test_report_fuzz_figures(figures):
    """Runs last in this module: the figures of the fuzz runs above."""
    if not TALLY:
        pytest.skip("no fuzz test ran")
    figures("untrusted input", f"hypothesis fuzz (derandomized, {EXAMPLES} examples per test)",
            sum(TALLY.values()), "; ".join(f"{k} {v}" for k, v in sorted(TALLY.items())))
