"""A page with several plans (范文 sites: 篇一 … with banners), imported in the
real window: pasted, as .txt, .html, .mht and .docx. The picker lists each
plan's title with its first lines; the user moves with the arrow keys and
presses Enter, and only that plan becomes the new file; Esc imports nothing.
Cancelling the busy dialog stops the importer's work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from planner_gui.dialogs import paste_plan
from planner_gui.dialogs.plan_picker import PlanPickerDialog
from tests.importers import plan_generator as gen

WAIT_MS = 60000


def trigger(window, name):
    action = next(a for a in window.menus.file.actions() if a.objectName() == name)
    action.trigger()


def answer_picker(keys, seen: list):
    """When the picker is up: note what it shows, then press `keys` on its list."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PlanPickerDialog):
            QTimer.singleShot(20, poll)
            return
        seen.append({
            "titles": [dialog.list.item(n).text() for n in range(dialog.list.count())],
            "preview": dialog.preview.toPlainText(),
            "title": dialog.windowTitle(),
        })
        for key in keys:
            QTest.keyClick(dialog.list, key)
            seen[-1].setdefault("previews", []).append(dialog.preview.toPlainText())
    QTimer.singleShot(0, poll)


@pytest.fixture
def page():
    text, plans = gen.make_page(7, count=3)
    return text, plans


def _wait_file(qtbot, window, target):
    qtbot.waitUntil(lambda: window.session.path is not None and str(window.session.path) == str(target),
                    timeout=WAIT_MS)


def test_pasted_page_offers_each_plan_and_imports_the_chosen_one(make_window, pickers, qtbot, tmp_path,
                                                                  monkeypatch, page):
    text, plans = page
    monkeypatch.setattr(paste_plan, "get_plan_text", lambda parent: text)
    window = make_window()
    target = tmp_path / "第二篇.ghjh"
    pickers.answer("save_plan_path", str(target))
    seen: list = []
    answer_picker([Qt.Key_Down, Qt.Key_Return], seen)
    trigger(window, "actionNewFromPastedText")
    _wait_file(qtbot, window, target)
    assert seen and seen[0]["title"] == "选择一篇计划"
    assert len(seen[0]["titles"]) == 3
    assert seen[0]["titles"][0].startswith("第 1 篇：")
    assert plans[0].title in seen[0]["titles"][0] or plans[0].title in seen[0]["preview"]
    assert plans[1].title in seen[0]["previews"][0]          # Down shows the second plan's first lines
    plan = window.session.plan
    assert plan.meta.title == plans[1].title
    assert [s.heading.rstrip("。") for s in plan.sections] == plans[1].headings or plans[1].style["run_in"]
    assert len(plan.schedule) == len(plans[1].pairs)
    every = "\n".join([*plan.preamble, *plan.closing, *(p for s in plan.walk() for p in [s.heading, *s.body])])
    assert "小编" not in every and "仅供参考" not in every and "相关推荐" not in every


def test_escape_imports_nothing(make_window, pickers, qtbot, tmp_path, monkeypatch, page):
    text, _ = page
    monkeypatch.setattr(paste_plan, "get_plan_text", lambda parent: text)
    window = make_window()
    seen: list = []
    answer_picker([Qt.Key_Escape], seen)
    trigger(window, "actionNewFromPastedText")
    qtbot.waitUntil(lambda: bool(seen) and not window.rollover_actions.busy_now()
                    and QApplication.activeModalWidget() is None, timeout=WAIT_MS)
    qtbot.wait(50)
    assert pickers.messages("save_plan_path") == [] and window.is_sample
    assert window.rollover_actions.import_action.isEnabled()


def _html(text: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    return f"<html><head><meta charset='utf-8'><title>范文</title></head><body>{body}</body></html>"


def _docx(text: str) -> bytes:
    from tests.importers import docx_factory as f

    document = f.new_document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    return f.to_bytes(document)


def _mht(text: str) -> bytes:
    html = _html(text)
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
            "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + html + "\r\n--b--\r\n").encode("utf-8")


@pytest.mark.parametrize("suffix", [".txt", ".html", ".htm", ".mht", ".docx"])
def test_file_with_several_plans(make_window, pickers, qtbot, tmp_path, page, suffix):
    if suffix == ".docx":
        pytest.importorskip("docx")
    text, plans = page
    source = tmp_path / f"范文{suffix}"
    data = {".txt": lambda: text.encode("gb18030"), ".html": lambda: _html(text).encode("utf-8"),
            ".htm": lambda: _html(text).encode("utf-8"), ".mht": lambda: _mht(text),
            ".docx": lambda: _docx(text)}[suffix]()
    source.write_bytes(data)
    window = make_window()
    target = tmp_path / "第三篇.ghjh"
    pickers.answer("open_path", str(source))
    pickers.answer("save_plan_path", str(target))
    seen: list = []
    answer_picker([Qt.Key_Down, Qt.Key_Down, Qt.Key_Enter], seen)
    trigger(window, "actionImportPlan")
    _wait_file(qtbot, window, target)
    assert len(seen[0]["titles"]) == 3
    assert window.session.plan.meta.title == plans[2].title
    assert len(window.session.plan.schedule) == len(plans[2].pairs)
    panel = window.rollover_actions.report_panel
    assert any("第 3 篇" in item.message for item in panel.items)


def test_cancel_stops_the_importers_work(make_window, pickers, qtbot, tmp_path, monkeypatch):
    """The busy dialog's 取消 sets the job's token; the importer checks it and
    stops (here the work waits for it, as a long conversion would)."""
    from planner_gui.gui import rollover_actions
    from planner_gui.importers import cancel

    import time

    stopped = []

    def slow_work():
        for _ in range(20000):
            try:
                cancel.check()
            except cancel.ImportCancelled:
                stopped.append(True)
                raise
            time.sleep(0.005)
        return None

    window = make_window()
    owner = window.rollover_actions
    owner._run(slow_work, "测试", lambda result: pytest.fail("a cancelled import must not finish"))
    job = owner.job
    assert isinstance(job, rollover_actions.ImportJob)
    owner.busy.findChild(QPushButton).click()       # 取消
    assert job.token.cancelled and not owner.busy_now()
    qtbot.waitUntil(lambda: bool(stopped), timeout=WAIT_MS)
    assert owner.import_action.isEnabled()
