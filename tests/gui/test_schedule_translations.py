"""The schedule's Chinese translation is complete and compiled."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt, QTranslator

from planner_gui import resources

TS = resources.path("translations", "schedule_zh_CN.ts")
QM = resources.path("translations", "schedule_zh_CN.qm")


def _messages():
    return ET.parse(TS).getroot().findall(".//message")


def test_every_schedule_string_is_translated():
    messages = _messages()
    assert len(messages) > 80
    unfinished = []
    for message in messages:
        translation = message.find("translation")
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not all(
                (t or "").strip() for t in texts):
            unfinished.append(message.findtext("source"))
    assert unfinished == []


def test_placeholders_survive_translation():
    for message in _messages():
        source = message.findtext("source")
        translation = message.find("translation")
        text = "".join(f.text or "" for f in translation.findall("numerusform")) or translation.text or ""
        for marker in ("%1", "%2", "%n"):
            assert (marker in source) == (marker in text), source


def test_qm_is_compiled_and_loads(qapp):
    assert QM.exists() and QM.stat().st_mtime >= TS.stat().st_mtime - 5
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("ScheduleModel", "Month") == "月份"
    assert translator.translate("ScheduleView", "&Paste Activities") == "粘贴活动(&P)"
    assert translator.translate("ScheduleView", "Pasted %n activities.", None, 3) == "已粘贴 %n 项活动。"


def test_the_view_speaks_chinese_with_the_translator(qapp, qtbot):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QUndoStack

    from planner_gui.core.plan import Plan
    from planner_gui.gui.schedule_view import ScheduleView
    from planner_gui.models.session import PlanSession

    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        from planner_gui.gui.editor import Editor

        session = PlanSession(Plan())
        view = ScheduleView(session, Editor(QUndoStack(), session))
        qtbot.addWidget(view)
        headers = [view.model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(view.model.columnCount())]
        # the last two (完成时间, 完成情况) are in summary_zh_CN (tests/gui/test_progress_in_window.py)
        assert headers[:5] == ["月份", "工作内容", "负责人", "备注", "完成"]
        assert view.add_action.text() == "新增活动(&A)"
    finally:
        QCoreApplication.removeTranslator(translator)
