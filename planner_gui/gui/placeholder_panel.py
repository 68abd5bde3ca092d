"""The placeholder check: every 20__, XX, ××, ***, 【 】, ＿＿ still in the
plan, with its place; a click goes there. Saving is never blocked; export
and print ask first (confirm_placeholders).

The list is read again only while the panel is shown, and after edits only
once typing pauses (REFRESH_MS); `found` is always up to date."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.placeholders import find_placeholders
from . import alerts

_ROLE = Qt.ItemDataRole.UserRole + 1
REFRESH_MS = 300   # after an edit, the shown list is read again after this pause


class PlaceholderPanel(QWidget):
    location_requested = Signal(object, int, int)  # Location, start, end

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("placeholderPanel")
        self._session = None
        self._found = []
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_stale)
        self.summary = QLabel(self)
        self.summary.setObjectName("placeholderSummary")
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("placeholderList")
        self.list.setHeaderLabels(["位置", "占位内容"])
        self.list.setRootIsDecorated(False)
        self.list.setColumnWidth(0, 220)
        self.refresh_button = QPushButton("重新检查", self)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._go)
        self.list.itemActivated.connect(self._go)
        self.refresh_button.clicked.connect(self.refresh)

    def set_session(self, session) -> None:
        self._session = session
        self._stale = True
        if self.isVisible():
            self.refresh()

    def plan_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    @property
    def found(self):
        self._refresh_if_stale()
        return list(self._found)

    def refresh(self) -> None:
        self._stale = False
        self._timer.stop()
        plan = self._session.plan if self._session is not None else None
        self._found = find_placeholders(plan) if plan is not None else []
        self.list.clear()
        for number, item in enumerate(self._found):
            row = QTreeWidgetItem([item.location.describe(plan), item.text])
            row.setData(0, _ROLE, number)
            self.list.addTopLevelItem(row)
        if self._found:
            self.summary.setText(f"还有 {len(self._found)} 处需要填写。单击一项即可转到该处。")
        else:
            self.summary.setText("没有未填写的占位内容。")

    def _go(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = self._found[row.data(0, _ROLE)]   # the place as listed
        self.location_requested.emit(item.location, item.start, item.end)


def confirm_placeholders(parent, plan, action_text: str, show_list: Callable[[], None]) -> bool:
    """Before export or print: True to go on. When placeholders remain the user
    may go on anyway, look at the list (`show_list`), or stop."""
    found = find_placeholders(plan)
    if not found:
        return True
    examples = "、".join(dict.fromkeys(p.text for p in found[:5]))
    question = f"计划中还有 {len(found)} 处未填写的内容（如 {examples}）。仍要{action_text}吗？"
    answer = alerts.choose(parent, question, [
        ("go", "仍然继续"),
        ("show", "查看列表"),
        ("cancel", "取消"),
    ], "未填写的内容", default="show")
    if answer == "show":
        show_list()
    return answer == "go"
