"""What an import guessed or could not place, listed for the user to check.

The importer never drops text: what it is unsure of is kept (a guessed
heading, text left as body paragraphs) and reported here, each item with
the place in the new plan where it ended up, so a click goes there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.locations import text_at
from .rollover_review import join_sentences

COL_KIND, COL_MESSAGE, COL_TEXT, COL_PLACE = range(4)
_ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_COLORS = {"guess": QColor("#a05a00"), "unplaced": QColor("#b3261e")}


class ImportReportPanel(QWidget):
    location_requested = Signal(object, int, int)  # Location, start, end

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("importReportPanel")
        self.session = None
        self.items = []
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("importReportList")
        self.list.setHeaderLabels(["类型", "情况", "原文", "位置"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        for column, width in ((COL_KIND, 60), (COL_MESSAGE, 220), (COL_TEXT, 160)):
            self.list.setColumnWidth(column, width)
        self.jump_button = QPushButton("跳转到位置", self)
        self.jump_button.setObjectName("importReportJump")
        self.message = QLabel(self)
        self.message.setObjectName("importReportMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.jump_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.jump_button.clicked.connect(self.go_to_current)

    def kind_label(self, kind: str) -> str:
        return {"guess": "推测", "unplaced": "未归类", "note": "说明"}.get(kind, kind)

    def set_report(self, session, result, source: str = "") -> None:
        """Show an ImportResult whose plan is now `session`'s plan."""
        self.session = session
        self.items = list(result.report.items)
        origin = ""
        if source:
            origin = f"来自 {source}（{result.report.source or '文本'}）。"
        hint = "单击一行可跳转到计划中的相应位置。" if self.items else \
            "没有需要推测的内容。"
        self.summary.setText(join_sentences([origin, result.summary(), hint]))
        self.message.clear()
        self.list.clear()
        plan = session.plan
        for number, item in enumerate(self.items):
            place = item.location.describe(plan) if item.location is not None else \
                "（无法定位）"
            row = QTreeWidgetItem([self.kind_label(item.kind), item.message, item.text, place])
            row.setData(COL_KIND, _ROW_ROLE, number)
            for column in range(4):
                row.setToolTip(column, f"{item.message}\n{item.text}".strip())
            color = _COLORS.get(item.kind)
            if color is not None:
                row.setForeground(COL_KIND, QBrush(color))
            self.list.addTopLevelItem(row)
        self.jump_button.setEnabled(bool(self.items))

    def detach(self) -> None:
        self.session = None
        self.jump_button.setEnabled(False)
        self.message.setText("这份报告所属的计划已经关闭。")

    def go_to_current(self) -> None:
        row = self.list.currentItem()
        if row is None:
            self.message.setText("请先选择一行。")
            return
        self._clicked(row)

    def _clicked(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        if self.session is None:
            return
        item = self.items[row.data(COL_KIND, _ROW_ROLE)]
        if item.location is None:
            self.message.setText("这一项在计划中没有对应的位置。")
            return
        self.message.clear()
        start, end = 0, 0
        try:
            found = text_at(self.session.plan, item.location).find(item.text.rstrip("…"))
        except (AttributeError, IndexError, KeyError, TypeError):
            found = -1
        if item.text and found >= 0:
            start, end = found, found + len(item.text.rstrip("…"))
        self.location_requested.emit(item.location, start, end)
