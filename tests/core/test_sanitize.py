"""Control characters never reach a plan: one cleaning function, used on every path in."""

from hypothesis import given, settings
from hypothesis import strategies as st

from planner_gui.core.edits import SetBody, SetHeading, apply_edit
from planner_gui.core.interchange import dumps, loads
from planner_gui.core.plan import Plan, Section
from planner_gui.core.sanitize import clean_text, is_clean


def test_breaks_and_controls():
    assert clean_text("a\x0bb\x0cc") == "a\nb\nc"
    assert clean_text("a\x00b\x07c\x1f") == "abc"
    assert clean_text("a\r\nb") == "a\nb"
    assert clean_text("lone \ud800 surrogate") == "lone  surrogate"
    assert clean_text("多行\n标题", single_line=True) == "多行 标题"
    assert clean_text("表\t格", single_line=True) == "表 格"


@given(st.text())
@settings(derandomize=True, max_examples=300)
def test_clean_text_is_always_clean(text):
    cleaned = clean_text(text)
    assert is_clean(cleaned)
    assert clean_text(cleaned) == cleaned


def test_edits_clean_their_text():
    plan = Plan(sections=[Section("s1", "x")])
    apply_edit(plan, SetHeading("s1", "标\x00题\n二"))
    apply_edit(plan, SetBody("s1", ["段\x1b落\x0c"]))
    assert plan.sections[0].heading == "标题 二"
    assert plan.sections[0].body == ["段落\n"]


def test_load_cleans_text():
    plan = Plan(sections=[Section("s1", "x", ["ok"])])
    text = dumps(plan).replace('"ok"', '"o\\u0001k\\u000b"')
    assert loads(text).sections[0].body == ["ok\n"]
