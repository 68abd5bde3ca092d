"""文件 → 以去年的计划为基础新建… in the real window: the old file is only
read, the new file opens, the review list shows every proposed change, and
accepting is one undo step."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from planner_gui.core.edits import SetParagraphs
from planner_gui.core.interchange import dumps
from planner_gui.core.locations import text_at
from planner_gui.core.rollover import AUTO, REVIEW, rollover
from planner_gui.dialogs.rollover_review import (ACCEPTED, COL_AFTER, COL_CHECK, COL_KIND,
                                                 PENDING, REJECTED, STALE)
from planner_gui.store import PlanFile

# Our own sentences: the plan's own school year, an anniversary count, a
# specific date, a session number, last year's year.
EXTRA = ["2025—2026学年第二学期，迎接第41个教师节，于4月8日召开第五届教代会第二次会议。"]


@pytest.fixture
def old_plan(sample_plan):
    plan = copy.deepcopy(sample_plan)
    assert plan.meta.year == 2025
    plan.preamble = plan.preamble + EXTRA
    for activity in plan.schedule[:3]:
        activity.done = True
    return plan


@pytest.fixture
def old_path(tmp_path, old_plan):
    path = tmp_path / "去年" / "2025年计划.ghjh"
    path.parent.mkdir()
    PlanFile.create(path, old_plan).close()
    return path


def menu_action(window, name):
    found = [a for a in window.menus.file.actions() if a.objectName() == name]
    assert len(found) == 1, [a.objectName() for a in window.menus.file.actions()]
    return found[0]


def roll(window, pickers, source, target, year=2026):
    pickers.answer("open_path", str(source))
    pickers.answer("ask_integer", year)
    pickers.answer("save_plan_path", str(target))
    menu_action(window, "actionNewFromLastYear").trigger()
    return window.rollover_actions.review_panel


def row_of(panel, before, kind=None):
    for number, row in enumerate(panel.rows):
        if row.change.before == before and (kind is None or row.change.kind == kind):
            return number
    raise AssertionError(f"no row for {before}: {[r.change.before for r in panel.rows]}")


def check_only(panel, numbers):
    for n in range(panel.list.topLevelItemCount()):
        panel.list.topLevelItem(n).setCheckState(COL_CHECK, Qt.Checked if n in numbers else Qt.Unchecked)


# --- the menu and the new file ---------------------------------------------------------------

def test_menu_entries_sit_next_to_new(make_window):
    window = make_window()
    names = [a.objectName() for a in window.menus.file.actions()]
    start = names.index("actionNew")
    assert names[start:start + 4] == ["actionNew", "actionNewFromLastYear",
                                      "actionNewFromPastedText", "actionImportPlan"]
    texts = [a.text() for a in window.menus.file.actions()]
    assert "以去年的计划为基础新建(&L)…" in texts
    assert "导入 Word/文本计划(&I)…" in texts
    assert "从粘贴的文本新建(&T)…" in texts


def test_roll_forward_makes_a_new_file_and_leaves_the_old_one_alone(make_window, pickers, old_path,
                                                                    old_plan, tmp_path):
    before = old_path.read_bytes()
    window = make_window()
    target = tmp_path / "2026年计划.ghjh"
    panel = roll(window, pickers, old_path, target)

    assert old_path.read_bytes() == before
    assert pickers.messages("error") == []
    assert window.session.path is not None and str(window.session.path) == str(target)
    assert not window.session.read_only and not window.is_sample
    plan = window.session.plan
    assert plan.meta.year == 2026
    assert plan.meta.period.start == "2026-01" and plan.meta.date is None
    assert all(m.startswith("2026-") for a in plan.schedule for m in a.months)
    assert not any(a.done for a in plan.schedule)
    # the text itself is untouched until the user accepts
    assert plan.preamble == old_plan.preamble and plan.meta.title == old_plan.meta.title
    # the year question offered last year + 1, the save picker a name with the new year
    assert "2025" in pickers.messages("ask_integer")[0]

    dock = window.rollover_actions.review_dock
    assert dock.isVisible() and dock.windowTitle() == "新年度修改"
    # docked on the right, in one tab group with the placeholder list
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    window.placeholder_dock.show()   # Qt lists the tabs of shown docks only
    assert dock in window.tabifiedDockWidgets(window.placeholder_dock)
    window.placeholder_dock.hide()
    expected = [(c.before, c.after, c.kind, c.rule) for c in rollover(old_plan, 2026)[1]]
    shown = [(r.change.before, r.change.after, r.change.kind, r.change.rule) for r in panel.rows]
    assert shown == expected
    kinds = {r.change.kind for r in panel.rows}
    assert kinds == {AUTO, REVIEW}
    assert {"2025—2026", "41", "4月8日"} <= {r.change.before for r in panel.rows}
    assert panel.list.topLevelItemCount() == len(expected)
    # place, before, after, rule, kind are on screen; auto rows come checked
    item = panel.list.topLevelItem(row_of(panel, "41"))
    assert item.text(COL_KIND) == "自动" and item.checkState(COL_CHECK) == Qt.Checked
    place = f"开头第{len(old_plan.preamble)}段"
    assert [item.text(c) for c in range(1, 5)] == [place, "41", "42", "纪念日届数"]
    review = panel.list.topLevelItem(row_of(panel, "4月8日"))
    assert review.text(COL_KIND) == "待核对" and review.checkState(COL_CHECK) == Qt.Unchecked
    assert review.text(COL_AFTER) == "（请填写）"
    assert "正文共有" in panel.summary.text()


def test_old_file_open_in_the_window_is_not_written(make_window, pickers, old_path, tmp_path):
    window = make_window(old_path)
    window.session.flush()
    before = old_path.read_bytes()
    target = tmp_path / "新.ghjh"
    panel = roll(window, pickers, old_path, target)
    assert str(window.session.path) == str(target)
    assert len(panel.rows) > 3
    assert old_path.read_bytes() == before
    with PlanFile.open(old_path, read_only=True) as plan_file:
        assert plan_file.load().meta.year == 2025


def test_a_word_file_as_last_years_plan_is_imported_first(make_window, pickers, qtbot, tmp_path):
    docx = pytest.importorskip("docx")
    source = tmp_path / "去年的计划.docx"
    document = docx.Document()
    for line in ("东湖中学工会2025年工作计划", "一、工作思路", "围绕学校中心工作，服务教职工。",
                 "二、月份安排", "九月份：庆祝第41个教师节", "东湖中学工会委员会", "2025年2月20日"):
        document.add_paragraph(line)
    document.save(source)
    before = source.read_bytes()
    window = make_window()
    target = tmp_path / "2026.ghjh"
    pickers.answer("open_path", str(source))
    pickers.answer("ask_integer", 2026)
    pickers.answer("save_plan_path", str(target))
    menu_action(window, "actionNewFromLastYear").trigger()
    qtbot.waitUntil(lambda: window.session.path is not None
                    and str(window.session.path) == str(target), timeout=60000)
    assert source.read_bytes() == before
    assert window.session.plan.meta.year == 2026
    assert window.session.plan.schedule[0].months == ["2026-09"]
    panel = window.rollover_actions.review_panel
    assert {"2025", "41"} <= {r.change.before for r in panel.rows}
    assert window.rollover_actions.report_panel is not None


# --- accepting -------------------------------------------------------------------------------

@pytest.fixture
def rolled(make_window, pickers, old_path, tmp_path):
    window = make_window()
    panel = roll(window, pickers, old_path, tmp_path / "2026.ghjh")
    assert window.undo_stack.count() == 0
    return window, panel


def test_accept_all_is_one_undo_step(rolled):
    window, panel = rolled
    plan = window.session.plan
    original = dumps(plan)
    with_after = {n for n, r in enumerate(panel.rows) if r.change.after is not None}
    panel.accept_all_button.click()

    assert window.undo_stack.count() == 1
    assert window.actions_.undo.text() == "撤销“接受新年度修改”"
    assert {n for n, r in enumerate(panel.rows) if r.state == ACCEPTED} == with_after
    assert all(r.state == PENDING for n, r in enumerate(panel.rows) if n not in with_after)
    assert plan.meta.title.startswith("阳光实验学校工会2026年")
    assert "2026—2027学年" in plan.preamble[-1] and "第42个教师节" in plan.preamble[-1]
    assert "4月8日" in plan.preamble[-1]           # no suggestion: left for the user
    assert panel.list.topLevelItem(min(with_after)).text(COL_KIND) == "已接受"
    accepted = dumps(plan)
    assert window.session.saved

    window.undo_stack.undo()
    assert dumps(plan) == original
    assert all(r.state == PENDING for r in panel.rows)
    window.undo_stack.redo()
    assert dumps(plan) == accepted
    assert {n for n, r in enumerate(panel.rows) if r.state == ACCEPTED} == with_after
    panel.accept_all_button.click()                 # nothing left with a suggestion
    assert window.undo_stack.count() == 1
    assert panel.message.text() == "没有可以接受的修改了。"


def test_accept_and_reject_single_rows(rolled):
    window, panel = rolled
    plan = window.session.plan
    count = row_of(panel, "41")
    school_year = row_of(panel, "2025—2026")
    check_only(panel, {count})
    panel.accept_button.click()
    assert window.undo_stack.count() == 1
    assert "第42个教师节" in plan.preamble[-1] and "2025—2026学年" in plan.preamble[-1]
    assert panel.rows[count].state == ACCEPTED and panel.rows[school_year].state == PENDING

    check_only(panel, {school_year})
    panel.reject_button.click()
    assert panel.rows[school_year].state == REJECTED
    assert window.undo_stack.count() == 1 and "2025—2026学年" in plan.preamble[-1]
    assert panel.list.topLevelItem(school_year).text(COL_KIND) == "已拒绝"
    panel.accept_all_button.click()                 # a rejected row stays rejected
    assert "2025—2026学年" in plan.preamble[-1]
    # ticking it again puts it back in play
    check_only(panel, {school_year})
    assert panel.rows[school_year].state == PENDING
    panel.accept_button.click()
    assert "2026—2027学年" in plan.preamble[-1]

    panel.hide_handled.setChecked(True)
    assert panel.list.topLevelItem(school_year).isHidden()
    assert not panel.list.topLevelItem(row_of(panel, "4月8日")).isHidden()


def test_typed_replacement_for_a_review_item(rolled, qtbot):
    window, panel = rolled
    plan = window.session.plan
    number = row_of(panel, "4月8日")
    check_only(panel, {number})
    panel.accept_button.click()                     # nothing typed yet: not applied
    assert window.undo_stack.count() == 0
    assert "还没有修改后的文字" in panel.message.text()

    item = panel.list.topLevelItem(number)
    panel.list.setCurrentItem(item, COL_AFTER)
    panel.list.editItem(item, COL_AFTER)
    editor = panel.list.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == ""
    editor.setText("4月9日")
    qtbot.keyClick(editor, Qt.Key_Return)          # the delegate commits on the next turn
    qtbot.waitUntil(lambda: item.text(COL_AFTER) == "4月9日")
    assert item.checkState(COL_CHECK) == Qt.Checked
    panel.accept_button.click()
    assert window.undo_stack.count() == 1
    assert "于4月9日召开" in plan.preamble[-1]
    window.undo_stack.undo()
    assert "于4月8日召开" in plan.preamble[-1]
    assert panel.rows[number].state == PENDING and panel.rows[number].typed == "4月9日"


def test_only_the_after_column_is_editable(rolled):
    _window, panel = rolled
    item = panel.list.topLevelItem(0)
    panel.list.editItem(item, 1)
    assert panel.list.viewport().findChild(QLineEdit) is None


def test_edited_text_is_stale_and_not_applied(rolled):
    window, panel = rolled
    plan = window.session.plan
    last = len(plan.preamble) - 1
    # the user rewrites the sentence with the date; the count is elsewhere in it
    paragraphs = list(plan.preamble)
    paragraphs[last] = paragraphs[last].replace("4月8日", "三月中旬")
    window.push_edit(SetParagraphs("preamble", paragraphs), "edit")
    number = row_of(panel, "4月8日")
    assert panel.rows[number].state == STALE
    assert panel.list.topLevelItem(number).text(COL_KIND) == "已改动"
    panel.set_replacement(number, "4月9日")
    check_only(panel, {number})
    panel.accept_button.click()
    assert window.undo_stack.count() == 1           # only the user's edit
    assert "文字后来改动过" in panel.message.text()

    # text added in front moves the other proposals; they still apply at their new place
    paragraphs = list(plan.preamble)
    paragraphs[last] = "（新增）" + paragraphs[last]
    window.push_edit(SetParagraphs("preamble", paragraphs), "edit")
    count = row_of(panel, "41")
    assert panel.rows[count].state == PENDING
    check_only(panel, {count})
    panel.accept_button.click()
    assert plan.preamble[last].startswith("（新增）2025—2026学年") and "第42个教师节" in plan.preamble[last]


def test_go_to_place_selects_the_section_and_the_words(rolled):
    window, panel = rolled
    plan = window.session.plan
    numbers = [n for n, r in enumerate(panel.rows)
               if r.change.location.kind == "section" and r.change.location.field == "body"]
    assert numbers
    row = panel.rows[numbers[0]]
    panel.list.setCurrentItem(panel.list.topLevelItem(numbers[0]))
    window.select_section(plan.sections[0].id)
    panel.jump_button.click()
    assert window.current_section_id() == row.change.location.id
    assert window.section_editor.textCursor().selectedText() == row.change.before

    title = row_of(panel, "2025")
    assert panel.rows[title].change.location.kind == "meta"
    panel.list.itemActivated.emit(panel.list.topLevelItem(title), 1)
    assert window.properties_panel.title.selectedText() == "2025"


def test_the_list_lets_go_when_another_plan_is_opened(rolled, qtbot, plan_path):
    window, panel = rolled
    assert window.open_path(plan_path)
    qtbot.waitUntil(lambda: panel.session is None)
    assert not panel.accept_all_button.isEnabled()
    assert "已经关闭" in panel.message.text()


# --- saying no ----------------------------------------------------------------------------------

def test_cancelled_questions_create_nothing(make_window, pickers, old_path, tmp_path):
    window = make_window()
    target = tmp_path / "never.ghjh"
    pickers.answer("open_path", str(old_path))
    pickers.answer("ask_integer", None)
    menu_action(window, "actionNewFromLastYear").trigger()
    assert not target.exists() and window.is_sample

    pickers.answer("open_path", str(old_path))
    pickers.answer("ask_integer", 2025)
    menu_action(window, "actionNewFromLastYear").trigger()
    assert pickers.messages("error") == ["新计划的年度不能与去年的计划相同（2025 年）。"]

    pickers.answer("open_path", str(old_path))
    pickers.answer("ask_integer", 2026)
    pickers.answer("save_plan_path", str(old_path))
    before = old_path.read_bytes()
    menu_action(window, "actionNewFromLastYear").trigger()
    assert pickers.messages("error")[-1] == "新计划不能覆盖去年的计划文件，请换一个文件名。"
    assert old_path.read_bytes() == before and window.is_sample


def test_keeping_unsaved_work_removes_the_new_file(make_window, pickers, old_path, tmp_path):
    window = make_window()
    window.push_edit(SetParagraphs("preamble", ["改过的示例"]), "edit")
    target = tmp_path / "2026.ghjh"
    pickers.answer("choose", "cancel")               # "unsaved changes": keep them
    roll(window, pickers, old_path, target)
    assert window.is_sample and window.session.plan.preamble == ["改过的示例"]
    assert not target.exists()
    assert window.rollover_actions.review_panel is None


def test_a_damaged_plan_file_is_reported(make_window, pickers, tmp_path):
    bad = tmp_path / "坏.ghjh"
    bad.write_bytes(b"not a plan at all" * 100)
    window = make_window()
    pickers.answer("open_path", str(bad))
    menu_action(window, "actionNewFromLastYear").trigger()
    errors = pickers.messages("error")
    assert len(errors) == 1 and any("\u4e00" <= ch <= "\u9fff" for ch in errors[0])
    assert "Traceback" not in errors[0] and window.is_sample


def test_text_at_matches_rows(rolled):
    """Every pending row points at its words in the plan on screen."""
    window, panel = rolled
    for row in panel.rows:
        text = text_at(window.session.plan, row.change.location)
        assert text[row.change.start:row.change.end] == row.change.before
