"""打印预览 / 打印 / 导出 PDF in the editor, offscreen, with the platform dialogs replaced."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewWidget

from planner_gui.core.edits import SetMeta
from planner_gui.gui import placeholder_panel, print_actions
from planner_gui.gui.print_actions import PrintActions, a4_printer

from tests.fakes import FakeAlerts

from .conftest import need, pdf_pages


@pytest.fixture
def recorder(monkeypatch, tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(placeholder_panel, "confirm_placeholders", lambda *args: True)
    from planner_gui.gui import recovery

    monkeypatch.setattr(recovery, "data_dir", lambda: tmp_path / "data")
    return FakeAlerts().install(monkeypatch)


@pytest.fixture
def host(qtbot, plan_path, recorder):
    """The editor's real window on a plan file holding the sample plan."""
    from planner_gui.app import build_window

    window = build_window(plan_path)
    qtbot.addWidget(window)
    yield window
    dialog = window.print_actions.preview_dialog
    if dialog is not None:
        dialog.close()
    if window.session is not None:
        window.session.close()
    window.undo_stack.clear()


def test_actions_land_in_the_file_menu(host):
    actions = host.print_actions
    names = [a.objectName() for a in host.menus.file.actions() if not a.isSeparator()]
    export = names.index("actionExportWord")
    assert names[export + 1:export + 4] == ["printPreviewAction", "printAction", "exportPdfAction"]
    assert QKeySequence("Ctrl+P") in actions.print_action.shortcuts()


def test_preview_paint_request_draws_the_pages(host, qapp):
    """QPrintPreviewWidget on a PDF-format printer: paintRequested gives every page."""
    from planner_gui.render.layout import layout_plan

    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    widget = QPrintPreviewWidget(printer)
    widget.paintRequested.connect(host.print_actions.paint_preview)
    widget.updatePreview()
    expected = len(layout_plan(host.session.plan))
    assert expected > 0
    assert widget.pageCount() == expected


def test_preview_follows_edits(host, qtbot, monkeypatch, recorder, tmp_path):
    actions: PrintActions = host.print_actions
    painted = []
    real_paint = actions.paint_preview
    monkeypatch.setattr(actions, "paint_preview", lambda printer: (painted.append(1), real_paint(printer)))
    actions.preview_action.trigger()
    dialog = actions.preview_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    qtbot.waitUntil(lambda: len(painted) >= 1)
    widget = actions.preview_widget()
    assert widget.pageCount() > 0
    before = len(painted)
    assert host.editor.push(SetMeta({"title": "新的标题" * 8}), "title")
    qtbot.waitUntil(lambda: len(painted) > before, timeout=3000)
    # another plan opened in the window (文件 → 打开): the preview follows it too
    from planner_gui.core.plan import Plan, Section
    from planner_gui.store import PlanFile

    other = tmp_path / "另一个.ghjh"
    PlanFile.create(other, Plan(sections=[Section("s1", "唯一的一节", ["正文。"] * 3)])).close()
    recorder.answer("open_plan_path", str(other))
    before = len(painted)
    host.actions_.open.trigger()
    assert host.session.path is not None and host.session.plan.sections[0].heading == "唯一的一节"
    qtbot.waitUntil(lambda: len(painted) > before, timeout=4000)
    assert widget.pageCount() == 1
    before = len(painted)
    assert host.editor.push(SetMeta({"title": "再改"}), "title")
    qtbot.waitUntil(lambda: len(painted) > before, timeout=3000)


def test_font_notice_in_the_preview(host, qtbot):
    actions = host.print_actions
    actions.preview_action.trigger()
    qtbot.waitUntil(lambda: actions.notice_label.text() != "" or not actions.substitutions)
    # Either fonts stood in and the notice names them, or none did and it is empty.
    assert ("→" in actions.notice_label.text()) == bool(actions.substitutions)


def test_no_printer_is_a_clear_message(host, monkeypatch, recorder):
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(list))
    opened = []
    monkeypatch.setattr(print_actions, "exec_print_dialog", lambda dialog: opened.append(dialog) or True)
    assert host.print_actions.print_plan() is False
    assert not opened
    kind, text = recorder.calls[-1]
    assert kind == "warning"
    assert "没有安装打印机" in text and "导出 PDF" in text


def test_offline_printer_is_a_clear_message(host, monkeypatch, recorder):
    class Offline:
        def isNull(self):
            return False

        def state(self):
            return QPrinter.PrinterState.Error

        def printerName(self):
            return "办公室打印机"

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [Offline()]))
    monkeypatch.setattr(QPrinterInfo, "defaultPrinter", staticmethod(lambda: Offline()))
    assert host.print_actions.print_plan() is False
    kind, text = recorder.calls[-1]
    assert kind == "warning" and "办公室打印机" in text


def test_print_through_the_dialog(host, monkeypatch, recorder, tmp_path):
    """The print dialog replaced: the chosen 'printer' writes a PDF we can count."""
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(PrintActions, "printer_problem", lambda self: "")

    def make_printer(printer=None, title="", landscape=False):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return a4_real(printer, title, landscape)

    a4_real = print_actions.a4_printer
    monkeypatch.setattr(print_actions, "a4_printer", make_printer)
    seen = {}

    def accept(dialog):
        seen["max"] = dialog.maxPage()
        return True

    monkeypatch.setattr(print_actions, "exec_print_dialog", accept)
    assert host.print_actions.print_plan() is True
    assert out.is_file()
    need("pdfinfo")
    assert pdf_pages(out) == seen["max"] > 1
    assert "error" not in recorder.kinds()


def test_cancelled_print_dialog_prints_nothing(host, monkeypatch, tmp_path):
    monkeypatch.setattr(PrintActions, "printer_problem", lambda self: "")
    monkeypatch.setattr(print_actions, "exec_print_dialog", lambda dialog: False)
    painted = []
    monkeypatch.setattr("planner_gui.render.paint.paint_pages", lambda *a: painted.append(a))
    assert host.print_actions.print_plan() is False
    assert not painted


def test_placeholders_stop_printing_and_pdf(host, monkeypatch):
    monkeypatch.setattr(placeholder_panel, "confirm_placeholders", lambda *args: False)
    monkeypatch.setattr(PrintActions, "printer_problem", lambda self: "")
    opened = []
    monkeypatch.setattr(print_actions, "exec_print_dialog", lambda dialog: opened.append(1) or True)
    assert host.print_actions.print_plan() is False
    assert host.print_actions.export_pdf() is False
    assert not opened


def test_export_pdf(host, recorder, tmp_path):
    target = tmp_path / "计划.pdf"
    recorder.answer("save_path", str(target))
    assert host.print_actions.export_pdf() is True
    assert target.read_bytes().startswith(b"%PDF-")
    kind, (title, suggested, *_) = recorder.arguments[0]   # save_path(parent, title, suggested, …)
    assert kind == "save_path" and suggested.endswith(".pdf")
    assert "阳光实验学校" in suggested
    assert host.statusBar().currentMessage()
    offered = [text for kind, text in recorder.calls if kind == "choose"]
    assert offered and "PDF 文件" in offered[-1] and str(target) in offered[-1]   # 打开文档 / 打开所在文件夹


def test_export_pdf_failure_is_shown(host, recorder, tmp_path):
    recorder.answer("save_path", str(tmp_path / "missing" / "x.pdf"))
    assert host.print_actions.export_pdf() is False
    kind, text = recorder.calls[-1]
    assert kind == "error" and "文件夹不存在" in text


def test_cancelled_save_dialog_writes_nothing(host, recorder, tmp_path):
    assert host.print_actions.export_pdf() is False
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_editor_window_has_the_actions(qtbot, plan_path, recorder, monkeypatch, tmp_path):
    """The real main window installs them (main_window.install_extensions)."""
    from planner_gui import app as app_module
    from planner_gui.gui import recovery

    monkeypatch.setattr(recovery, "data_dir", lambda: tmp_path / "data")
    window = app_module.build_window(plan_path)
    qtbot.addWidget(window)
    try:
        names = {a.objectName() for a in window.findChildren(QAction)}
        assert {"printPreviewAction", "printAction", "exportPdfAction"} <= names
        assert window.print_actions.plan() is window.session.plan
    finally:
        window.session.close()
        window.undo_stack.clear()


def test_printer_is_set_to_the_plan_page(qapp):
    printer = a4_printer(title="计划")
    layout = printer.pageLayout()
    assert printer.fullPage() and layout.mode() == layout.Mode.FullPageMode
    assert layout.pageSize().id() == layout.pageSize().PageSizeId.A4
    assert layout.orientation() == layout.Orientation.Portrait
    assert printer.docName() == "计划"


def test_preview_offers_the_schedule_sheet_alone(host, qtbot, tmp_path, monkeypatch):
    """The preview's tool bar has the same choice as `export --schedule-only`:
    the 工作计划表 alone on landscape pages, for the preview, printing and PDF."""
    from PySide6.QtGui import QPageLayout
    from PySide6.QtWidgets import QToolBar

    from planner_gui.render.layout import layout_plan

    actions: PrintActions = host.print_actions
    actions.preview_action.trigger()
    dialog = actions.preview_dialog
    toolbar = dialog.findChild(QToolBar)
    choice = next(a for a in toolbar.actions() if a.objectName() == "scheduleOnlyAction")
    assert choice.isCheckable() and not choice.isChecked()
    widget = actions.preview_widget()
    qtbot.waitUntil(lambda: widget.pageCount() == len(layout_plan(host.session.plan)))
    choice.trigger()                                   # as a click on the tool button does
    sheet = layout_plan(host.session.plan, schedule_only=True)
    qtbot.waitUntil(lambda: widget.pageCount() == len(sheet))
    assert dialog._printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    recorder = FakeAlerts().install(monkeypatch)
    target = tmp_path / "表.pdf"
    recorder.answer("save_path", str(target))
    monkeypatch.setattr(placeholder_panel, "confirm_placeholders", lambda *args: True)
    assert actions.pdf_action.trigger() is None and target.is_file()
    assert "工作计划表" in recorder.arguments[0][1][1]   # the suggested name (save_path's 2nd argument) says so
    need("pdfinfo")
    assert pdf_pages(target) == len(sheet)
    choice.trigger()
    qtbot.waitUntil(lambda: widget.pageCount() == len(layout_plan(host.session.plan)))
    dialog.close()
