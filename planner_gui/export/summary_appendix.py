"""The appendix (附件) of an exported 工作总结: 全年活动完成情况.

A summary (core.summary) keeps the year's schedule with its 完成 marks, 完成时间
and 完成情况. Its body does not print the plan's month table; this appendix
does, on a page of its own after the 落款 and 成文日期, as GB/T 9704 places an
附件: the word 附件 at the top left (黑体), the appendix's title (the title
style) and the table, built by export.table from the same month groups as
the plan's table (month cells merged, numbering, header repeated), with the
columns 月份 | 活动 | 完成情况.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from ..core.summary import (APPENDIX_COLUMNS, APPENDIX_LABEL, APPENDIX_TITLE, appendix_groups,
                            appendix_widths)
from .xmlutil import set_child


def wants_appendix(plan, schedule_only: bool) -> bool:
    return (not schedule_only and plan.meta.kind == "summary" and bool(plan.schedule)
            and bool(plan.option("completion_appendix")))


def add_appendix(writer) -> None:
    """Append the appendix to a docx_writer.BodyWriter that has written the body."""
    label = writer.paragraph("heading1", APPENDIX_LABEL)
    ppr = label.find(qn("w:pPr"))
    set_child(ppr, "pageBreakBefore")
    set_child(ppr, "ind", firstLineChars=0, firstLine=0)
    writer.title(APPENDIX_TITLE)
    writer.table(appendix_groups(writer.plan), list(APPENDIX_COLUMNS))
    _share_width(writer.body.findall(qn("w:tbl"))[-1])
    writer.finish()


def _share_width(tbl) -> None:
    """Split the table's text width between 活动 and 完成情况, in the grid and in
    every cell (export.table sizes the last column as a short 备注)."""
    grid = tbl.find(qn("w:tblGrid"))
    cols = grid.findall(qn("w:gridCol"))
    widths = appendix_widths([int(col.get(qn("w:w"))) for col in cols])
    for col, width in zip(cols, widths):
        col.set(qn("w:w"), str(width))
    for tr in tbl.findall(qn("w:tr")):
        for tc, width in zip(tr.findall(qn("w:tc")), widths):
            tc_w = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
            if tc_w is not None:
                tc_w.set(qn("w:w"), str(width))
