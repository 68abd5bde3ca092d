"""Month-table column widths follow the content: 负责人 never leaves one
character on a line of its own, 工作内容 takes the rest, and the landscape
工作计划表 gives 负责人 at least the room the portrait page does."""

from __future__ import annotations

from planner_gui.core import typography as ty
from planner_gui.core.layout_rules import (CELL_MARGIN_TWIPS, MIN_TEXT_SHARE, column_texts,
                                           column_widths, continued_label, text_width, twips)
from planner_gui.core.plan import Activity
from planner_gui.core.schedule_table import COLUMNS, group_schedule

from .docx_helpers import simple_plan

PORTRAIT = 8844             # the portrait text block, twips
LANDSCAPE = 14003           # the landscape 工作计划表's


def chars(width: int, size: float) -> float:
    return (width - 2 * CELL_MARGIN_TWIPS) / twips(size)


def lines(text: str, width_chars: float) -> list[float]:
    n, per = text_width(text), int(width_chars)
    full, last = divmod(n, per)
    return [per] * int(full) + ([last] if last else [])


def plan_with_owners(*owners: str):
    plan = simple_plan()
    plan.schedule = [Activity(f"a{i}", ["2025-03"], "召开教代会提案工作会议", owner, "")
                     for i, owner in enumerate(owners)]
    return plan


def widths_for(plan, total, size):
    groups = group_schedule(plan)
    return dict(zip([k for k, _ in COLUMNS],
                    column_widths(list(COLUMNS), total, size, column_texts(groups))))


def test_owner_column_fits_its_longest_name():
    plan = plan_with_owners("提案工作小组", "经费审查委员会", "主席")
    widths = widths_for(plan, PORTRAIT, ty.SIZE_SIHAO_TABLE)
    assert chars(widths["owner"], ty.SIZE_SIHAO_TABLE) >= 7
    assert sum(widths.values()) == PORTRAIT
    assert widths["text"] == max(widths.values())


def test_a_long_owner_never_leaves_one_character_alone():
    owner = "工会女职工委员会和宣传委员"     # 13 characters: more than the column may take
    plan = plan_with_owners(owner)
    widths = widths_for(plan, PORTRAIT, ty.SIZE_SIHAO_TABLE)
    width = chars(widths["owner"], ty.SIZE_SIHAO_TABLE)
    assert len(lines(owner, width)) > 1 and lines(owner, width)[-1] > 1
    assert widths["text"] >= PORTRAIT * MIN_TEXT_SHARE


def test_landscape_owner_column_is_not_narrower_than_portrait():
    plan = plan_with_owners("提案工作小组", "经费审查委员会")
    portrait = widths_for(plan, PORTRAIT, ty.SIZE_SIHAO_TABLE)
    landscape = widths_for(plan, LANDSCAPE, ty.SIZE_XIAOSI)
    assert landscape["owner"] >= portrait["owner"] * ty.SIZE_XIAOSI / ty.SIZE_SIHAO_TABLE
    assert chars(landscape["owner"], ty.SIZE_XIAOSI) >= 7
    assert landscape["text"] > portrait["text"]


def test_empty_note_column_is_only_as_wide_as_its_header():
    plan = plan_with_owners("主席")
    widths = widths_for(plan, PORTRAIT, ty.SIZE_SIHAO_TABLE)
    assert chars(widths["note"], ty.SIZE_SIHAO_TABLE) < 3


def test_month_column_holds_a_continued_label_on_one_line():
    """六月（续） fits the month column; 十一月（续） would not, so 十一月份 is repeated."""
    plan = simple_plan()
    plan.schedule = [Activity(f"a{i}", [month], "一件事", "", "")
                     for i, month in enumerate(["2025-06", "2025-06", "2025-11", "2025-11"])]
    widths = widths_for(plan, PORTRAIT, ty.SIZE_SIHAO_TABLE)
    month = chars(widths["month"], ty.SIZE_SIHAO_TABLE)
    assert month >= text_width("六月（续）")
    assert continued_label("六月份", month) == "六月（续）"
    assert continued_label("十一月份", month) == "十一月份"


def test_a_name_that_would_leave_one_character_alone_is_broken_in_balance():
    from planner_gui.core.layout_rules import balance_cell

    assert balance_cell("经费审查委员会", 6) == "经费审查\n委员会"
    assert balance_cell("工会委员会、退管小组", 6) == "工会委员会、\n退管小组"
    assert balance_cell("提案工作小组", 6) == "提案工作小组"          # fits: left alone
    assert balance_cell("工会主席", 6) == "工会主席"


def test_exported_owner_cells_never_end_with_one_character(tmp_path):
    import docx

    from planner_gui.export.docx_writer import export_docx
    from planner_gui.resources import sample_plan

    out = tmp_path / "plan.docx"
    export_docx(sample_plan(), out)
    table = docx.Document(str(out)).tables[0]
    widths = [int(c.get(qn_w("w"))) for c in table._tbl.tblGrid.findall(qn_w("gridCol"))]
    owner_chars = (widths[2] - 2 * CELL_MARGIN_TWIPS) / twips(ty.SIZE_SIHAO_TABLE)
    for row in table.rows[1:]:
        for line in row.cells[2].text.split("\n"):
            per = int(owner_chars)
            if text_width(line) > owner_chars:
                assert text_width(line) % per != 1, line


def qn_w(name: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name
