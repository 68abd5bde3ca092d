"""The printed 附件 of a 工作总结: 全年活动完成情况, as export.summary_appendix
writes it in the DOCX (a new page; 附件 flush left in the level-1 heading's
font; the title; the table 月份 | 活动 | 完成情况 with the same widths), so
print and PDF keep matching the Word document page for page."""

from __future__ import annotations

from dataclasses import replace

from ..core import layout_rules
from ..core.summary import (APPENDIX_COLUMNS, APPENDIX_LABEL, APPENDIX_TITLE, appendix_groups,
                            appendix_widths, is_summary)


def wants_appendix(plan) -> bool:
    return is_summary(plan) and bool(plan.schedule) and bool(plan.option("completion_appendix"))


def add_appendix(plan, options: dict, out) -> None:
    """Append the appendix blocks to a document.PrintedPlan being built."""
    from . import document as doc

    if not wants_appendix(plan):
        return
    styles = out.styles
    label = replace(styles["heading1"], first_indent_chars=0.0, page_break_before=True)
    out.blocks.append(doc.Paragraph(label, APPENDIX_LABEL))
    per_line = layout_rules.title_chars_per_line(doc.TEXT_WIDTH)
    out.blocks.append(doc.Paragraph(styles["title"], layout_rules.balance_title(APPENDIX_TITLE, per_line)))
    columns = list(APPENDIX_COLUMNS)
    size = styles["table_text"].size
    widths = appendix_widths(layout_rules.column_widths(columns, doc.TEXT_WIDTH, size))
    out.blocks.append(doc.Table(columns, widths, appendix_groups(plan), styles["table_text"],
                                styles["table_header"]))
