"""The small things of issue 15 in the real window: the user guide, the
activity library's starting filter, the pasted-text dialog filled from the
clipboard, files dropped on the window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from planner_gui.core.activity_library import guess_kind
from planner_gui.core.edits import SetMeta
from planner_gui.dialogs import paste_plan

from .wps_helpers import activate

PLAN_TEXT = "\n".join([
    "青松路小学工会2025年工作计划",
    "一、指导思想",
    "坚持服务教职工的方向，把为教职工办实事放在首位。",
    "二、主要工作",
    "（一）做好民主管理工作",
    "按时召开教代会，认真办理教职工提案。",
    "三、月份安排",
    "三月份：召开教代会",
    "九月份：庆祝教师节",
    "青松路小学工会委员会",
    "2025年2月18日",
])


def test_help_has_an_offline_user_guide(window, qtbot):
    manual = window.actions_.manual
    assert manual in window.menus.help.actions()
    assert manual.text().replace("&", "").startswith("使用说明")
    manual.trigger()
    dialog = window._manual
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser.toPlainText()
    for words in ("以去年的计划为基础新建", "月份工作安排", "导出 Word", "打印", "Tab"):
        assert words in text
    assert dialog.width() <= window.screen().availableGeometry().width()
    dialog.close()


def test_the_library_starts_filtered_to_the_plans_kind_of_union(window, qtbot):
    assert guess_kind("阳光实验学校工会") == "school"
    assert guess_kind("市第一人民医院工会") == "hospital"
    assert guess_kind("红星机械有限公司工会") == "enterprise"
    assert guess_kind("城关镇总工会") == "township"
    assert guess_kind("某某工会", school_year=True) == "school"
    assert guess_kind("某某工会") == ""
    view = window.schedule_view
    window.tabs.setCurrentWidget(view)
    org = window.session.plan.meta.organization
    view.library_action.trigger()
    assert view.library.kind.currentData() == guess_kind(org, window.session.plan.meta.title,
                                                         window.session.plan.meta.period.kind == "school_year")
    assert view.library.kind.currentData() == "school"


def test_the_library_follows_a_hospital_plan(window, qtbot):
    window.push_edit(SetMeta({"organization": "市第一人民医院工会", "title": "市第一人民医院工会工作计划"}),
                     "org")
    view = window.schedule_view
    window.tabs.setCurrentWidget(view)
    view.library_action.trigger()
    assert view.library.kind.currentData() == "hospital"


def test_new_from_pasted_text_is_filled_from_the_clipboard(window, qtbot, monkeypatch):
    QApplication.clipboard().setText(PLAN_TEXT)
    seen = {}
    real = paste_plan.get_plan_text

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, paste_plan.PastePlanDialog):
            QTimer.singleShot(50, look)
            return
        seen["text"] = dialog.text()
        seen["ok"] = dialog.ok_button.isEnabled()
        dialog.reject()

    QTimer.singleShot(50, look)
    monkeypatch.setattr(paste_plan, "get_plan_text", real)
    action = next(a for a in window.menus.file.actions() if a.objectName() == "actionNewFromPastedText")
    action.trigger()
    QApplication.clipboard().clear()
    assert seen["text"] == PLAN_TEXT and seen["ok"]


def _drop(widget, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(widget.rect().center())
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_plan_file_dropped_on_the_window_opens(make_window, qtbot, tmp_path, sample_plan):
    from planner_gui.store import PlanFile

    other = tmp_path / "另一份计划.ghjh"
    sample_plan.meta.title = "另一份计划的标题"
    PlanFile.create(other, sample_plan).close()
    window = make_window()
    activate(window, qtbot)
    before = window.section_editor.toPlainText()
    accepted = _drop(window.section_editor.viewport(), other)
    assert accepted == (True, True)
    assert str(window.session.path) == str(other)
    assert window.session.plan.meta.title == "另一份计划的标题"
    assert str(other) not in before


def test_a_text_file_dropped_on_the_window_is_imported(make_window, pickers, qtbot, tmp_path):
    source = tmp_path / "去年的计划.txt"
    source.write_text(PLAN_TEXT, encoding="utf-8")
    target = tmp_path / "导入的计划.ghjh"
    pickers.answer("save_plan_path", str(target))
    window = make_window()
    _drop(window.outline_view.viewport(), source)
    qtbot.waitUntil(lambda: window.session.path is not None and str(window.session.path) == str(target),
                    timeout=60000)
    assert any("教代会" in a.text for a in window.session.plan.schedule)


def test_other_files_are_not_taken(make_window, tmp_path):
    window = make_window()
    picture = tmp_path / "照片.png"
    picture.write_bytes(b"\x89PNG")
    accepted = _drop(window.outline_view.viewport(), picture)
    assert accepted[1] is False or window.is_sample
    assert window.is_sample


def test_an_empty_signature_is_flagged_and_export_offers_to_open(window, alerts, qtbot, tmp_path, monkeypatch):
    from planner_gui.gui import exported

    window.outline_view.select_kind("meta")
    signature = window.properties_panel.signature
    signature.setFocus()
    signature.selectAll()
    qtbot.keyClick(signature, Qt.Key.Key_Delete)
    assert window.session.plan.meta.signature == ""
    opened = []
    monkeypatch.setattr(exported, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    target = tmp_path / "导出.docx"
    alerts.answer("choose", "go", "folder")
    alerts.answer("save_path", str(target))
    window.actions_.export_word.trigger()
    question = alerts.messages("choose")[0]
    assert "落款未填" in question
    assert target.exists()
    assert "已导出" in alerts.messages("choose")[1]
    assert opened == [str(tmp_path)]


def test_ctrl_p_without_a_printer_says_so_before_the_placeholder_question(window, alerts, qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrinterInfo

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(list))
    activate(window, qtbot)
    window.outline_view.setFocus()
    qtbot.keyClick(window.outline_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    kinds = [kind for kind, _ in alerts.calls]
    assert kinds == ["warning"], alerts.calls
    assert "打印机" in alerts.messages("warning")[0]


# --- the rollover review and the new-plan dialog ---------------------------------------------------

from .test_rollover_gui import check_only, old_path, old_plan, rolled, row_of  # noqa: F401 - fixtures


def test_review_actions_say_what_they_do_and_undo_keeps_the_ticks(rolled):
    window, panel = rolled
    assert panel.accept_button.text() == "接受勾选的修改"
    assert panel.accept_all_button.text() == "全部接受"
    count = row_of(panel, "41")
    school_year = row_of(panel, "2025—2026")
    check_only(panel, {count, school_year})
    panel.list.setCurrentItem(panel.list.topLevelItem(count))   # one row highlighted, two ticked
    panel.accept_button.click()
    assert {n for n, r in enumerate(panel.rows) if r.state == "accepted"} == {count, school_year}
    window.actions_.undo.trigger()
    ticked = {n for n in range(panel.list.topLevelItemCount())
              if panel.list.topLevelItem(n).checkState(0) == Qt.CheckState.Checked}
    assert {count, school_year} <= ticked
    assert all(panel.rows[n].state == "pending" for n in (count, school_year))


def test_a_school_year_rollover_asks_about_the_school_year(rolled, pickers, tmp_path):
    from .test_rollover_gui import roll

    from planner_gui.core.period import Period

    window, panel = rolled
    window.push_edit(SetMeta({"period": Period.for_kind("school_year", 2026)}), "period")
    assert window.session.plan.meta.period.kind == "school_year"
    pickers.calls.clear()
    roll(window, pickers, window.session.path, tmp_path / "2027.ghjh")
    question = next(text for kind, text in pickers.calls if kind == "ask_integer")
    assert "2026—2027 学年" in question and "2026年的" not in question


def test_new_plan_dialog_explains_the_school_year_and_defaults_to_next_year_in_december(qtbot, qapp):
    import datetime

    from planner_gui.dialogs.new_plan import NewPlanDialog, default_year
    assert default_year(datetime.date(2026, 12, 3)) == 2027
    assert default_year(datetime.date(2026, 11, 30)) == 2026
    dialog = NewPlanDialog()
    qtbot.addWidget(dialog)
    dialog.year.setValue(2026)
    dialog.kind.setCurrentIndex(dialog.kind.findData("school_year"))
    assert "2026—2027 学年" in dialog.year_note.text() and "2027年8月" in dialog.year_note.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("calendar_year"))
    assert "2026年1月" in dialog.year_note.text() and "学年" not in dialog.year_note.text()
    assert dialog.templates.wordWrap()
    item = dialog.templates.item(0)
    assert item.toolTip().split("\n", 1)[1] in item.text()


def test_the_review_and_report_panels_leave_the_outline_its_room(rolled, qtbot):
    from .test_wps_chinese import _outline_tools_all_shown

    window, panel = rolled
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    for dock in (window.rollover_actions.review_dock, window.rollover_actions.report_dock):
        if dock is None:
            continue
        dock.show()
        dock.raise_()
        qtbot.waitUntil(dock.isVisible)
        QApplication.processEvents()
        assert dock.width() <= 0.45 * window.width(), dock.objectName()
        assert _outline_tools_all_shown(window)
