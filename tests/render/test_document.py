"""The printed page lists the same paragraphs, in the same order and styles, as the DOCX."""

from __future__ import annotations

import pytest

from planner_gui.core.plan import Plan, Section
from planner_gui.export.docx_writer import build_document
from planner_gui.render import document as doc

from .plans import stress_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROLE_OF_STYLE = {"Normal": "body", "Title": "title", "PlanSignature": "signature", "PlanDate": "date"}
ROLE_OF_STYLE.update({f"Heading{n}": f"heading{n}" for n in range(1, 10)})


def docx_blocks(plan: Plan) -> list:
    """('p', role, text) and ('table', [row texts]) in body order, from the exported XML."""
    body = build_document(plan).element.body
    out = []
    for child in body:
        if child.tag == W + "p":
            style = child.find(f"{W}pPr/{W}pStyle")
            text = "".join(t.text or "" if t.tag == W + "t" else "\n" if t.tag == W + "br" else "\t"
                           for t in child.iter(W + "t", W + "br", W + "tab"))
            out.append(("p", ROLE_OF_STYLE.get(style.get(W + "val") if style is not None else "Normal"), text))
        elif child.tag == W + "tbl":
            rows = []
            for tr in child.findall(W + "tr"):
                rows.append(["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.findall(W + "tc")])
            out.append(("table", rows))
    return out


def printed_blocks(plan: Plan) -> list:
    out = []
    for block in doc.build(plan).blocks:
        if isinstance(block, doc.Paragraph):
            out.append(("p", block.style.role, block.text))
        elif isinstance(block, doc.Table):
            rows = [[title for _, title in block.columns]]
            for group in block.groups:
                for index, row in enumerate(group.rows):
                    values = {"month": group.label if index == 0 else "", "text": row.number + row.text,
                              "owner": row.owner, "note": row.note}
                    rows.append([values[key] for key, _ in block.columns])
            out.append(("table", rows))
        else:   # the export's 1-pt paragraph after a final table
            out.append(("p", "body", ""))
    return out


def variants():
    plan = stress_plan(seed=11, activities=60)
    yield "stress", plan
    no_host = stress_plan(seed=12, activities=25)
    no_host.sections = no_host.sections[:-1]   # the table gets a level-1 section of its own
    no_host.options = {"level3_style": "comma", "date_style": "chinese", "bold_headings": True,
                       "font_profile": "windows", "hide_empty_columns": False}
    yield "no_host", no_host
    bare = Plan()
    bare.meta.title = "工会2025—2026学年度第一学期工作计划与群众性文体活动安排"
    bare.sections = [Section("s1", "深化\n学习", ["第一段\n手动换行\t制表", ""],
                             [Section("s2", "子项", [], [Section("s3", "三级", ["x"],
                                                                 [Section("s4", "四级", ["y"])])])])]
    yield "bare", bare


@pytest.mark.parametrize("name,plan", list(variants()), ids=lambda v: v if isinstance(v, str) else "")
def test_same_blocks_as_the_docx(name, plan):
    assert printed_blocks(plan) == docx_blocks(plan)


def test_the_sample_plan_too(sample_plan):
    printed = printed_blocks(sample_plan)
    assert printed == docx_blocks(sample_plan)
    assert [kind for kind, *_ in printed].count("table") == 1


def test_styles_follow_the_options():
    plain = doc.styles({"bold_headings": False})
    bold = doc.styles({"bold_headings": True})
    assert not any(s.bold for s in plain.values())
    assert [r for r, s in bold.items() if s.bold] == ["heading2", "heading3"]
    assert plain["heading1"].font_role == "heading1" and plain["heading2"].font_role == "heading2"
    assert plain["heading3"].font_role == "body"
    assert plain["body"].first_indent_chars == 2 and plain["body"].line_pt == 28
    assert plain["title"].size == 22 and plain["title"].align == "center"
    assert plain["footer"].size == 14


def test_font_profile_names_the_fonts():
    plan = Plan()
    assert doc.build(plan).fonts["body"] == "仿宋_GB2312"
    plan.options["font_profile"] = "windows"
    assert doc.build(plan).fonts["body"] == "仿宋"
