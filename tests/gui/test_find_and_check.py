"""Find/replace across the plan (one undo step) and the placeholder check."""

from __future__ import annotations

from planner_gui.core.edits import SetBody, SetMeta, UpdateActivity
from planner_gui.core.interchange import dumps
from planner_gui.core.locations import Location, iter_texts
from planner_gui.gui.find_replace import find_matches, replaced_texts
from planner_gui.gui.placeholder_panel import confirm_placeholders


def test_replace_all_is_one_undo_step_everywhere(window):
    plan = window.session.plan
    original = dumps(plan)
    needle = "教职工"
    places = {loc.kind for loc, text in iter_texts(plan) if needle in text}
    assert {"section", "preamble"} <= places or len(places) >= 2
    window.show_find()
    panel = window.find_panel
    panel.find_text.setText(needle)
    count = len(panel.matches)
    assert count > 3 and panel.results.topLevelItemCount() == count
    panel.replace_text.setText("教工")
    panel.replace_all.click()
    assert window.undo_stack.count() == 1
    assert window.actions_.undo.text() == "撤销“将“教职工”替换为“教工””"
    assert all(needle not in text for _, text in iter_texts(plan))
    assert panel.matches == []
    window.undo_stack.undo()
    assert dumps(plan) == original


def test_replace_only_the_checked_matches(window):
    from PySide6.QtCore import Qt

    plan = window.session.plan
    window.show_find()
    panel = window.find_panel
    panel.find_text.setText("工会")
    total = len(panel.matches)
    for row in range(1, panel.results.topLevelItemCount()):
        panel.results.topLevelItem(row).setCheckState(0, Qt.Unchecked)
    first_loc = panel.matches[0][0]
    panel.replace_text.setText("【工会】")
    panel.replace_checked.click()
    assert window.undo_stack.count() == 1
    assert sum(text.count("【工会】") for _, text in iter_texts(plan)) == 1
    assert len(find_matches(plan, "工会")) == total  # 【工会】 still holds 工会
    assert "【工会】" in dict(iter_texts(plan))[first_loc]


def test_find_result_click_goes_to_the_place(window):
    plan = window.session.plan
    deep = plan.sections[1].children[2]
    window.push_edit(SetBody(deep.id, ["前文独一无二的词后文"]), "set")
    window.show_find()
    panel = window.find_panel
    panel.find_text.setText("独一无二")
    assert len(panel.matches) == 1
    item = panel.results.topLevelItem(0)
    panel.results.itemClicked.emit(item, 0)
    assert window.current_section_id() == deep.id
    cursor = window.section_editor.textCursor()
    assert cursor.selectedText() == "独一无二"


def test_replacement_helper_handles_several_matches_in_one_text():
    loc = Location("meta", "title")
    matches = [(loc, 0, 2, "xx和xx"), (loc, 3, 5, "xx和xx")]
    assert replaced_texts(matches, "某某") == {loc: "某某和某某"}


def test_placeholder_list_click_selects_the_place(window):
    plan = window.session.plan
    section = plan.sections[0].children[1]
    window.push_edit(SetBody(section.id, ["第一段", "请于20__年XX月前完成"]), "set")
    window.push_edit(SetMeta({"date": None}), "date")
    window.show_placeholders()
    panel = window.placeholder_panel
    texts = [p.text for p in panel.found]
    assert "20__" in texts and "XX" in texts and "成文日期未填" in texts
    row = next(i for i, p in enumerate(panel.found) if p.text == "XX")
    item = panel.list.topLevelItem(row)
    assert "第2段" in item.text(0)
    panel.list.itemClicked.emit(item, 0)
    assert window.current_section_id() == section.id
    assert window.section_editor.textCursor().selectedText() == "XX"
    date_row = next(i for i, p in enumerate(panel.found) if p.text == "成文日期未填")
    panel.list.itemClicked.emit(panel.list.topLevelItem(date_row), 0)
    assert window.editor_stack.currentWidget() is window.properties_panel


def test_placeholder_in_an_activity_asks_the_schedule_view(window, monkeypatch):
    plan = window.session.plan
    if not plan.schedule:
        return
    activity = plan.schedule[0]
    window.push_edit(UpdateActivity(activity.id, {"text": "开展××活动"}), "set")
    asked = []
    monkeypatch.setattr(window.schedule_view, "select_activity", asked.append)
    window.show_placeholders()
    panel = window.placeholder_panel
    row = next(i for i, p in enumerate(panel.found) if p.location.kind == "activity")
    panel.list.itemClicked.emit(panel.list.topLevelItem(row), 0)
    assert asked == [activity.id]
    assert window.tabs.currentWidget() is window.schedule_view


def test_panel_follows_edits_and_saving_is_not_blocked(window):
    section = window.session.plan.sections[0]
    window.show_placeholders()
    before = len(window.placeholder_panel.found)
    window.push_edit(SetBody(section.id, ["xx单位"]), "set")
    assert len(window.placeholder_panel.found) == before + 1
    assert window.session.saved


def test_confirm_placeholders_before_export(window, alerts):
    section = window.session.plan.sections[0]
    assert confirm_placeholders(window, window.session.plan, "导出", window.show_placeholders) is True or alerts.messages("choose")
    alerts.calls.clear()
    window.push_edit(SetBody(section.id, ["××单位"]), "set")
    alerts.answer("choose", "cancel")
    assert confirm_placeholders(window, window.session.plan, "导出", window.show_placeholders) is False
    assert "××" in alerts.messages("choose")[0]
    alerts.answer("choose", "go")
    assert confirm_placeholders(window, window.session.plan, "导出", window.show_placeholders) is True
    alerts.answer("choose", "show")
    assert confirm_placeholders(window, window.session.plan, "导出", window.show_placeholders) is False
    assert window.placeholder_dock.isVisible()
