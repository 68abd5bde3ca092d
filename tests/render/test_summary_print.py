"""A 工作总结 prints as its DOCX reads (issue 18): no month table in the body,
the 附件 全年活动完成情况 on a page of its own, the same pages as LibreOffice's
rendering of the exported DOCX (±1)."""

from __future__ import annotations


from planner_gui.core.summary import APPENDIX_LABEL, build_summary
from planner_gui.render import document as doc

from .test_document import docx_blocks, printed_blocks


def marked(plan):
    for index, activity in enumerate(plan.schedule):
        activity.done = index % 3 != 0
        if activity.done:
            activity.outcome = f"第{index + 1}项，参加{20 + index}人，效果良好"
    return plan


def test_a_summary_prints_the_blocks_of_its_docx(sample_plan):
    summary = build_summary(marked(sample_plan))
    printed = printed_blocks(summary)
    assert printed == docx_blocks(summary)
    assert [kind for kind, *_ in printed].count("table") == 1
    label = printed.index(("p", "heading1", APPENDIX_LABEL))
    assert printed[label + 2][0] == "table"
    blocks = doc.build(summary).blocks
    assert blocks[label].style.page_break_before and blocks[label].style.first_indent_chars == 0


def test_without_the_appendix_nothing_follows_the_signature(sample_plan):
    summary = build_summary(marked(sample_plan))
    summary.options["completion_appendix"] = False
    printed = printed_blocks(summary)
    assert printed == docx_blocks(summary)
    assert all(kind != "table" for kind, *_ in printed)


def test_the_appendix_starts_a_page(qapp, sample_plan):
    from planner_gui.render.layout import layout_plan

    summary = build_summary(marked(sample_plan))
    pages = layout_plan(summary)
    without = build_summary(marked(sample_plan))
    without.options["completion_appendix"] = False
    body_pages = len(layout_plan(without))
    assert len(pages) > body_pages
    first = pages.pages[body_pages]
    top = min(first.lines, key=lambda placed: placed.y)
    line = top.layout.lineAt(top.index)
    assert top.layout.text()[line.textStart():line.textStart() + line.textLength()] == APPENDIX_LABEL
    assert top.x == min(placed.x for placed in first.lines)     # flush left


def test_pages_match_libreoffice(tmp_path, qapp, sample_plan):
    from .test_libreoffice import both, pdf_pages

    summary = build_summary(marked(sample_plan))
    ours, theirs = both(tmp_path, summary, "summary")
    assert abs(pdf_pages(ours) - pdf_pages(theirs)) <= 1
