"""Choosing one plan from a page that holds several (范文 sites print 篇一 …
篇六 on one page): each plan's title in a list, and the first lines of the
selected one beside it, so the user sees which one is hers before importing.

The dialog only shows what importers.several found; the caller imports the
chosen part. Up/Down move through the list, Enter imports, Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QSplitter, QVBoxLayout)


class PlanPickerDialog(QDialog):
    def __init__(self, parts, parent=None):
        super().__init__(parent)
        self.parts = list(parts)
        self.setObjectName("planPickerDialog")
        self.setWindowTitle("选择一篇计划")
        intro = QLabel(f"这一页上有 {len(self.parts)} 篇计划。请选择要导入的一篇；网站附加在周围的文字不会导入。",
                       self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("planList")
        self.list.setTextElideMode(Qt.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(300)
        for part in self.parts:
            label = f"第 {part.number} 篇：{part.title or '—'}"
            item = QListWidgetItem(label, self.list)
            item.setToolTip(part.title)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("planPreview")
        self.preview.setReadOnly(True)
        self.preview.setFocusPolicy(Qt.NoFocus)
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText("导入这一篇")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(self._show)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()
        self.resize(760, 420)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.parts):
            self.preview.setPlainText("")
            return
        part = self.parts[row]
        self.preview.setPlainText("\n".join([part.title, ""] + list(part.preview)))

    def chosen(self) -> int | None:
        row = self.list.currentRow()
        return row if 0 <= row < len(self.parts) else None


def pick_part(parent, parts) -> int | None:
    """The index of the plan the user chose, or None when she cancelled."""
    dialog = PlanPickerDialog(parts, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()
