"""文件 → 导入 Word/文本计划… and 从粘贴的文本新建… in the real window: the
import runs on a worker thread, the new plan file opens, the report lists
what was guessed; a file that is not a plan gives a Chinese sentence and
leaves no file behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QPushButton

from planner_gui.dialogs import paste_plan
from planner_gui.dialogs.import_report import COL_KIND

WAIT_MS = 60000   # a generous bound for the worker; the tests wait for a state, not a time

# A small plan in our own words.
LINES = [
    "青松路小学工会2025年工作计划",
    "新的一年里，学校工会围绕学校中心工作，团结教职工，努力把工会建设成温暖的职工之家。",
    "一、指导思想",
    "坚持服务教职工的方向，把为教职工办实事放在首位。",
    "二、主要工作",
    "（一）做好民主管理工作",
    "按时召开教代会，认真办理教职工提案，及时公开校务。",
    "（二）丰富教职工文体生活",
    "组织教职工参加健步走、羽毛球比赛等活动，增强体质。",
    "三、月份安排",
    "三月份：",
    "1. 召开教代会",
    "2. 庆祝三八妇女节",
    "九月份：庆祝第41个教师节",
    "十二月份：",
    "1. 年终总结",
    "青松路小学工会委员会",
    "2025年2月18日",
]


@pytest.fixture
def word_file(tmp_path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "来稿" / "去年的计划.docx"
    path.parent.mkdir()
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    document.save(path)
    return path


def trigger(window, name):
    action = next(a for a in window.menus.file.actions() if a.objectName() == name)
    action.trigger()


def wait_for_file(qtbot, window, target):
    qtbot.waitUntil(lambda: window.session.path is not None
                    and str(window.session.path) == str(target), timeout=WAIT_MS)


def check_plan(plan):
    assert plan.meta.year == 2025
    assert plan.meta.title == "青松路小学工会2025年工作计划"
    assert [s.heading for s in plan.sections] == ["指导思想", "主要工作", "月份安排"]
    assert [s.heading for s in plan.sections[1].children] == ["做好民主管理工作", "丰富教职工文体生活"]
    assert [(a.months, a.text) for a in plan.schedule] == [
        (["2025-03"], "召开教代会"), (["2025-03"], "庆祝三八妇女节"),
        (["2025-09"], "庆祝第41个教师节"), (["2025-12"], "年终总结")]


def test_import_a_word_file(make_window, pickers, qtbot, word_file, tmp_path):
    window = make_window()
    target = tmp_path / "导入的计划.ghjh"
    pickers.answer("open_path", str(word_file))
    pickers.answer("save_plan_path", str(target))
    trigger(window, "actionImportPlan")
    owner = window.rollover_actions
    assert owner.busy_now()                         # reading happens on the worker
    assert not owner.import_action.isEnabled()
    wait_for_file(qtbot, window, target)
    assert not owner.busy_now() and owner.import_action.isEnabled()
    assert pickers.messages("error") == []
    # the save picker was offered the source's folder and a name from the title
    assert target.exists() and not window.is_sample
    check_plan(window.session.plan)

    panel = owner.report_panel
    assert owner.report_dock.isVisible() and owner.report_dock.windowTitle() == "导入报告"
    assert panel.summary.text().startswith("来自 去年的计划.docx（Word 文档）。已导入：3 个一级标题")
    kinds = [panel.list.topLevelItem(n).text(COL_KIND) for n in range(panel.list.topLevelItemCount())]
    assert "推测" in kinds
    first = panel.list.topLevelItem(kinds.index("推测"))
    assert first.text(1) == "第一行已作为计划标题" and first.text(3) == "计划属性·标题"
    # a click goes to the place
    panel.list.itemClicked.emit(first, 0)
    assert window.editor_stack.currentWidget() is window.properties_panel
    assert window.properties_panel.title.selectedText() == "青松路小学工会2025年工作计划"


def test_report_click_on_a_section_selects_it(make_window, pickers, qtbot, tmp_path):
    docx = pytest.importorskip("docx")
    source = tmp_path / "计划.docx"
    document = docx.Document()
    # a sentence broken over two paragraphs is joined, and the join is reported
    for line in ["东湖中学工会2025年工作计划", "一、工作思路", "按时召开教代会，认真办理教职工提案，",
                 "及时公开校务，接受教职工监督。", "二、其他", "做好日常工作。"]:
        document.add_paragraph(line)
    document.save(source)
    window = make_window()
    target = tmp_path / "new.ghjh"
    pickers.answer("open_path", str(source))
    pickers.answer("save_plan_path", str(target))
    trigger(window, "actionImportPlan")
    wait_for_file(qtbot, window, target)
    panel = window.rollover_actions.report_panel
    rows = [n for n, item in enumerate(panel.items)
            if item.location is not None and item.location.kind == "section"]
    assert rows, [i.message for i in panel.items]
    item = panel.items[rows[0]]
    window.select_section(window.session.plan.sections[-1].id)
    panel.list.setCurrentItem(panel.list.topLevelItem(rows[0]))
    panel.jump_button.click()
    assert window.current_section_id() == item.location.id == window.session.plan.sections[0].id
    assert window.section_editor.textCursor().selectedText() == item.text


@pytest.mark.parametrize("name, data", [
    ("报告.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" * 20),
    ("假的.docx", b"PK\x03\x04" + b"\x00" * 200),
    ("图片.docx", bytes(range(256)) * 40),
], ids=["pdf", "broken-zip", "binary"])
def test_a_file_that_is_not_a_plan_gives_a_chinese_message(make_window, pickers, qtbot, tmp_path,
                                                           name, data):
    source = tmp_path / name
    source.write_bytes(data)
    window = make_window()
    target = tmp_path / "不应出现.ghjh"
    pickers.answer("open_path", str(source))
    pickers.answer("save_plan_path", str(target))
    trigger(window, "actionImportPlan")
    qtbot.waitUntil(lambda: bool(pickers.messages("error")), timeout=WAIT_MS)
    message = pickers.messages("error")[0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message) and "Traceback" not in message
    assert pickers.messages("save_plan_path") == []  # never got as far as asking where to save
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".ghjh") == []
    assert window.is_sample and window.rollover_actions.report_panel is None
    assert window.rollover_actions.import_action.isEnabled()


def test_paste_text_makes_a_plan(make_window, pickers, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(paste_plan, "get_plan_text", lambda parent: "\n".join(LINES))
    window = make_window()
    target = tmp_path / "粘贴的计划.ghjh"
    pickers.answer("save_plan_path", str(target))
    trigger(window, "actionNewFromPastedText")
    wait_for_file(qtbot, window, target)
    check_plan(window.session.plan)
    panel = window.rollover_actions.report_panel
    assert "粘贴的文本" in panel.summary.text()
    assert panel.list.topLevelItemCount() == len(panel.items) > 0


def test_paste_nothing_or_cancel(make_window, pickers, monkeypatch, tmp_path):
    window = make_window()
    monkeypatch.setattr(paste_plan, "get_plan_text", lambda parent: None)
    trigger(window, "actionNewFromPastedText")
    monkeypatch.setattr(paste_plan, "get_plan_text", lambda parent: "  \n ")
    trigger(window, "actionNewFromPastedText")
    assert pickers.messages("error") == ["没有可以导入的文字。"]
    assert not window.rollover_actions.busy_now() and window.is_sample


def test_cancelling_the_busy_dialog_drops_the_result(make_window, pickers, qtbot, word_file, tmp_path):
    window = make_window()
    target = tmp_path / "x.ghjh"
    pickers.answer("open_path", str(word_file))
    pickers.answer("save_plan_path", str(target))
    trigger(window, "actionImportPlan")
    owner = window.rollover_actions
    job = owner.job
    owner.busy.findChild(QPushButton).click()       # 取消
    assert not owner.busy_now() and owner.import_action.isEnabled()
    assert job.cancelled
    # the worker still finishes; its result arrives and is dropped
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT_MS)
    qtbot.wait(50)
    assert pickers.messages("save_plan_path") == [] and not target.exists()
    assert window.is_sample


def test_closing_the_window_while_reading(qtbot, pickers, word_file, tmp_path):
    from planner_gui.app import build_window

    window = build_window(None)
    window.show()
    target = tmp_path / "y.ghjh"
    pickers.answer("open_path", str(word_file))
    pickers.answer("save_plan_path", str(target))
    trigger(window, "actionImportPlan")
    assert window.rollover_actions.busy_now()
    window.close()
    window.deleteLater()
    qtbot.wait(10)
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT_MS)
    qtbot.wait(50)                                  # the queued result finds no receiver
    assert pickers.messages("save_plan_path") == [] and not target.exists()


def test_paste_dialog(qtbot, qapp):
    from PySide6.QtCore import QMimeData

    dialog = paste_plan.PastePlanDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled() and dialog.ok_button.text() == "导入"
    mime = QMimeData()
    mime.setHtml("<p><b>一、指导思想</b></p><p>坚持服务教职工。</p>")
    mime.setText("一、指导思想\n坚持服务教职工。")
    dialog.text_box.insertFromMimeData(mime)        # what Ctrl+V does: the text only
    assert dialog.text() == "一、指导思想\n坚持服务教职工。"
    assert dialog.ok_button.isEnabled() and dialog.count.text() == "2 行"
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
