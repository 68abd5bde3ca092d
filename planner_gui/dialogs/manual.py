"""帮助 → 使用说明: a short offline guide (resources/help/manual_zh_CN.html),
shown beside the window so the user can read and try at the same time."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from .. import resources


def manual_html() -> str:
    return resources.path("help", "manual_zh_CN.html").read_text(encoding="utf-8")


class ManualDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle("使用说明")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("manualText")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(manual_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or self.screen()
        room = screen.availableGeometry()
        self.resize(min(640, int(room.width() * 0.8)), min(620, int(room.height() * 0.8)))
