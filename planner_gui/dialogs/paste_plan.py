"""从粘贴的文本新建: a big plain-text box for last year's plan, copied from
Word, a web page or a chat message. Only the text is kept (formatting from
the clipboard is dropped); the importer finds the structure."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout


class PastePlanDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pastePlanDialog")
        self.setWindowTitle("从粘贴的文本新建计划")
        intro = QLabel("请把去年的计划全文粘贴到下面（Ctrl+V），包括标题、带序号的各部分和月份安排。"
                       "程序会根据序号识别标题、段落和各月活动。", self)
        intro.setWordWrap(True)
        self.text_box = QPlainTextEdit(self)
        self.text_box.setObjectName("pasteText")
        self.text_box.setPlaceholderText("在此粘贴计划的文字")
        self.text_box.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        font = QFont(self.text_box.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.text_box.setFont(font)
        self.count = QLabel(self)
        self.count.setObjectName("pasteCount")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText("导入")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text_box, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.text_box.textChanged.connect(self._text_changed)
        self._fill_from_clipboard()
        self._text_changed()
        self.resize(720, 560)

    def _fill_from_clipboard(self) -> None:
        """The user usually copied the plan just before choosing this: it is
        there already (all selected, so Ctrl+V of something else replaces it)."""
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self.text_box.setPlainText(text)
            self.text_box.selectAll()

    def text(self) -> str:
        return self.text_box.toPlainText()

    def _text_changed(self) -> None:
        text = self.text()
        self.ok_button.setEnabled(bool(text.strip()))
        lines = len([line for line in text.splitlines() if line.strip()])
        self.count.setText(f"{lines} 行" if lines else "")


def get_plan_text(parent) -> str | None:
    """The pasted text, or None when the user cancelled. Tests replace this
    function (the one place the dialog is run)."""
    dialog = PastePlanDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text()
    finally:
        dialog.deleteLater()
