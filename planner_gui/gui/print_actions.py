"""打印预览, 打印 (Ctrl+P) and 导出 PDF in the editor's File menu.

All three draw the pages of render.layout, the exported Word document's
page. The preview is not modal: it stays open beside the editor and is
redrawn shortly after every edit (the session's `changed`), also when another
plan is opened in the window (the window's `session_changed`). Before
printing or exporting, unfilled
placeholders are reported (placeholder_panel.confirm_placeholders); a
machine without a printer, or a printer that is offline, gets a clear
sentence instead of an empty dialog. Fonts the document names but the
machine lacks are replaced by a face of the same kind, and the user is told.

The platform dialogs are opened through exec_print_dialog() and
show_preview(), so tests replace them in one place. Qt's print support
(PySide6.QtPrintSupport) and the page layout (render/) are imported inside
the functions that use them: they are loaded when the user first previews,
prints or exports, not when the window starts.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from . import alerts

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

    from ..core.plan import Plan
    from ..models.session import PlanSession
    from .host import WindowHost

PREVIEW_DELAY_MS = 400   # a pause in typing before the preview is redrawn


def exec_print_dialog(dialog: QPrintDialog) -> bool:
    """Show the platform's print dialog; True when the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def show_preview(dialog: QPrintPreviewDialog) -> None:
    """Show the preview beside the editor (not modal)."""
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def a4_printer(printer: QPrinter | None = None, title: str = "",
               landscape: bool = False) -> QPrinter:
    """A printer set to the plan's page: A4 portrait (landscape for the
    工作计划表 alone), drawn from the paper's corner."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                      QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)   # after the layout, which would reset it
    if title:
        printer.setDocName(title)
    return printer


class PrintActions(QObject):
    """The print/PDF actions of one editor window."""

    def __init__(self, host: WindowHost):
        super().__init__(host.parent)
        self.setObjectName("printActions")
        self.host = host
        window = host.parent
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.notice_label: QLabel | None = None
        self.substitutions: list = []
        self.schedule_only = False    # print / preview / PDF the 工作计划表 alone (landscape)
        self._watched: PlanSession | None = None   # the session whose changes the preview follows
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)

        self.preview_action = QAction("打印预览(&V)…", window)
        self.preview_action.setObjectName("printPreviewAction")
        self.preview_action.setStatusTip("查看打印出来的页面；预览会随编辑自动更新")
        self.preview_action.triggered.connect(self.preview)
        self.print_action = QAction("打印(&P)…", window)
        self.print_action.setObjectName("printAction")
        self.print_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Print))
        self.print_action.setStatusTip("按导出的 Word 文档版式打印计划")
        self.print_action.triggered.connect(self.print_plan)
        self.pdf_action = QAction("导出 PDF(&D)…", window)
        self.pdf_action.setObjectName("exportPdfAction")
        self.pdf_action.setStatusTip("将计划保存为 PDF 文件（字体嵌入）")
        self.pdf_action.triggered.connect(self.export_pdf)
        # the same choice as `export --schedule-only`: offered in the preview's tool bar
        self.schedule_action = QAction("只看工作计划表", window)
        self.schedule_action.setObjectName("scheduleOnlyAction")
        self.schedule_action.setCheckable(True)
        self.schedule_action.setStatusTip("只预览、打印和导出工作计划表（横向 A4，一张表），与导出 Word 时的“只导出工作计划表”相同")
        self.schedule_action.toggled.connect(self.set_schedule_only)
        host.session_changed.connect(self._follow_session)
        self._follow_session()

    def actions(self) -> list[QAction]:
        return [self.preview_action, self.print_action, self.pdf_action]

    # --- the plan ----------------------------------------------------------------
    def plan(self) -> Plan | None:
        session = self.host.session
        return session.plan if session is not None else None

    def _confirm_placeholders(self, action_text: str) -> bool:
        from .placeholder_panel import confirm_placeholders   # its panel is made when first shown

        plan = self.plan()
        assert plan is not None, "asked before printing or exporting an open plan"
        return confirm_placeholders(self.host.parent, plan, action_text, self.host.show_placeholders)

    def _layout(self):
        from ..render.layout import layout_plan

        plan = self.plan()
        assert plan is not None, "laid out for an open plan"
        pages = layout_plan(plan, schedule_only=self.schedule_only)
        self.substitutions = pages.substitutions
        return pages

    def set_schedule_only(self, checked: bool) -> None:
        """The whole plan or the 工作计划表 alone, for the preview, printing and PDF."""
        self.schedule_only = bool(checked)
        if self.preview_dialog is not None:
            a4_printer(self.preview_dialog._printer, landscape=self.schedule_only)  # type: ignore[attr-defined]  # kept on the dialog below
            self.refresh_preview()

    def font_notice(self) -> str:
        """A sentence naming the fonts replaced, or "" when none was."""
        if not self.substitutions:
            return ""
        from ..render.fonts import describe

        return f"本机缺少的字体已用相近字体代替：{describe(self.substitutions)}"

    def _status(self, text: str) -> None:
        self.host.show_status(text)

    # --- preview -----------------------------------------------------------------
    def preview(self) -> None:
        if (plan := self.plan()) is None:
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        if self.preview_dialog is None:
            printer = a4_printer(title=plan.meta.title)
            dialog = QPrintPreviewDialog(printer, self.host.parent)
            dialog.setObjectName("printPreviewDialog")
            dialog.setWindowTitle("打印预览")
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            dialog.paintRequested.connect(self.paint_preview)
            dialog.finished.connect(self._preview_closed)
            dialog._printer = printer  # type: ignore[attr-defined]  # keep the printer alive as long as the dialog
            self.notice_label = QLabel(dialog)
            self.notice_label.setObjectName("fontNotice")
            self.notice_label.setWordWrap(True)
            self.notice_label.setContentsMargins(8, 4, 8, 4)
            self.notice_label.hide()
            if (layout := dialog.layout()) is not None:   # a line under the pages
                layout.addWidget(self.notice_label)
            from PySide6.QtWidgets import QToolBar

            toolbar = dialog.findChild(QToolBar)
            if toolbar is not None:            # the choice beside the preview's own buttons
                toolbar.addSeparator()
                toolbar.addAction(self.schedule_action)
            self.preview_dialog = dialog
        show_preview(self.preview_dialog)
        self.refresh_preview()

    def paint_preview(self, printer: QPrinter) -> None:
        """paintRequested: the current plan's pages onto the preview's printer."""
        from ..render.paint import PaintError, paint_pages

        if self.plan() is None:
            return
        pages = self._layout()
        try:
            paint_pages(pages, printer)
        except PaintError:
            return
        if self.notice_label is not None:
            notice = self.font_notice()
            self.notice_label.setText(notice)
            self.notice_label.setVisible(bool(notice))

    def preview_widget(self) -> QPrintPreviewWidget | None:
        if self.preview_dialog is None:
            return None
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        return self.preview_dialog.findChild(QPrintPreviewWidget)

    def refresh_preview(self) -> None:
        widget = self.preview_widget()
        if widget is not None and self.preview_dialog is not None and self.preview_dialog.isVisible():
            widget.updatePreview()

    def _follow_session(self, *_args) -> None:
        """Listen to the window's current session (another one when a plan is
        opened; the old one is closed and deleted by the window)."""
        session = self.host.session
        if session is self._watched:
            return
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.changed.disconnect(self._plan_changed)
        self._watched = session
        if session is not None:
            session.changed.connect(self._plan_changed)
        self._plan_changed()

    def _plan_changed(self) -> None:
        if self.preview_dialog is not None and self.preview_dialog.isVisible():
            self._timer.start()

    def _preview_closed(self, *_args) -> None:
        self._timer.stop()

    # --- printing ----------------------------------------------------------------
    def printer_problem(self) -> str:
        """Why printing cannot start here, or "" (no printer, default printer offline)."""
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        printers = QPrinterInfo.availablePrinters()
        if not printers:
            return "这台电脑上没有安装打印机。请在系统设置中添加打印机，或用“导出 PDF”保存后到别处打印。"
        default = QPrinterInfo.defaultPrinter()
        if not default.isNull() and default.state() == QPrinter.PrinterState.Error:
            return f"打印机“{default.printerName()}”处于脱机或出错状态。请检查打印机是否已开机并连接好，或选择另一台打印机。"
        return ""

    def print_plan(self) -> bool:
        if (plan := self.plan()) is None:
            return False
        # No printer: say so first, before asking about placeholders (the
        # answer to that question would be wasted).
        problem = self.printer_problem()
        if problem:
            alerts.warning(self.host.parent, problem, "无法打印")
            return False
        if not self._confirm_placeholders("打印"):
            return False
        printer = a4_printer(title=plan.meta.title, landscape=self.schedule_only)
        if not printer.isValid():
            alerts.warning(self.host.parent, "打印机无法使用。请检查打印机是否已开机并连接好，然后再试。",
                           "无法打印")
            return False
        from PySide6.QtPrintSupport import QPrintDialog

        pages = self._layout()
        dialog = QPrintDialog(printer, self.host.parent)
        dialog.setWindowTitle("打印")
        dialog.setMinMax(1, max(1, len(pages)))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if not exec_print_dialog(dialog):
            return False
        return self._print_pages(pages, printer)

    def _print_pages(self, pages, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        from ..render.paint import PaintError, paint_pages

        if not printer.isValid():
            alerts.warning(self.host.parent, "所选的打印机无法使用。请检查打印机是否已开机并连接好，然后再试。",
                           "无法打印")
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = paint_pages(pages, printer)
        except PaintError:
            count = -1
        finally:
            QApplication.restoreOverrideCursor()
        if count < 0 or printer.printerState() in (QPrinter.PrinterState.Error,
                                                    QPrinter.PrinterState.Aborted):
            alerts.error(self.host.parent, "打印失败：打印机可能已脱机或缺纸。请检查后重新打印。",
                         "无法打印")
            return False
        message = f"已将 {count} 页发送到打印机。"
        notice = self.font_notice()
        self._status(message + (" " + notice if notice else ""))
        return True

    # --- PDF ---------------------------------------------------------------------
    def suggested_pdf_name(self) -> str:
        from ..export.naming import suggested_filename

        plan = self.plan()
        assert plan is not None, "named for an open plan"
        return suggested_filename(plan, schedule_only=self.schedule_only, extension=".pdf")

    def export_pdf(self) -> bool:
        if (plan := self.plan()) is None:
            return False
        if not self._confirm_placeholders("导出 PDF"):
            return False
        from . import settings

        suggested = os.path.join(settings.last_folder(), self.suggested_pdf_name())
        target = alerts.save_path(self.host.parent, "导出 PDF", suggested,
                                  "PDF 文件 (*.pdf)", ".pdf")
        if not target:
            return False
        from ..render.pdf import PdfError, write_pdf

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.substitutions = write_pdf(plan, target, schedule_only=self.schedule_only)
        except PdfError as exc:
            QApplication.restoreOverrideCursor()
            alerts.error(self.host.parent, str(exc), "导出失败")
            return False
        QApplication.restoreOverrideCursor()
        settings.set_last_folder(target)
        notice = self.font_notice()
        self._status(f"已导出到 {target}" + (" " + notice if notice else ""))
        from .exported import offer_to_open

        offer_to_open(self.host.parent, target, "PDF 文件")   # 打开文档 / 打开所在文件夹
        return True


def install_print_actions(host: WindowHost, menu: QMenu, before: QAction | None = None) -> PrintActions:
    """Add 打印预览, 打印 (Ctrl+P) and 导出 PDF… to `menu`, before the action
    `before` (after 导出 Word, before 关闭) or at the end; returns the owner of
    the actions."""
    actions = PrintActions(host)
    if before is not None and before in menu.actions():
        menu.insertActions(before, actions.actions())
    else:
        menu.addSeparator()
        menu.addActions(actions.actions())
    return actions
