"""The activity library panel: recurring activities by month, inserted by a
double click (or dragged onto a month); the user's own entries are kept in
their data folder."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from .. import resources
from ..core import activity_library as lib
from ..core.period import Period, month_name
from ..models.schedule_model import MIME_LIBRARY
from ..safe_write import write_atomically

EntryIdRole = Qt.ItemDataRole.UserRole + 1

USER_FILE = "activities.json"


def user_library_path() -> Path:
    """The user's own entries: <AppDataLocation>/activities.json."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / USER_FILE


class _EntryTree(QTreeWidget):
    """Drags entries out as MIME_LIBRARY (a JSON list of entry ids)."""

    def mimeTypes(self):
        return [MIME_LIBRARY]

    def mimeData(self, items):
        ids = [i.data(0, EntryIdRole) for i in items if i.data(0, EntryIdRole)]
        mime = QMimeData()
        mime.setData(MIME_LIBRARY, json.dumps(ids).encode("utf-8"))
        return mime


class ActivityLibraryPanel(QWidget):
    insert_requested = Signal(str)        # entry id
    add_current_requested = Signal()      # add the selected activity to the library
    remove_requested = Signal(str)        # a user entry's id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("activityLibrary")
        self.entries: list[lib.LibraryEntry] = []
        self.period: Period | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("活动库", self)
        title.setStyleSheet("font-weight: bold")
        layout.addWidget(title)
        self.kind = QComboBox(self)
        self.kind.setObjectName("libraryKind")
        for key, text in (("", "所有单位类型"), ("school", "学校"),
                          ("enterprise", "企业"), ("township", "乡镇、街道"),
                          ("hospital", "医院"), ("office", "机关事业单位")):
            self.kind.addItem(text, key)
        self.kind.currentIndexChanged.connect(self.refresh)
        layout.addWidget(self.kind)
        self.tree = _EntryTree(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.currentItemChanged.connect(self._current_changed)
        layout.addWidget(self.tree, 1)
        hint = QLabel("双击加入对应月份，或拖到某个月份。", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666")
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.insert_button = QPushButton("插入", self)
        self.insert_button.setObjectName("libraryInsert")
        self.insert_button.clicked.connect(self._insert_selected)
        self.add_button = QPushButton("加入选中的活动", self)
        self.add_button.setObjectName("libraryAdd")
        self.add_button.setToolTip("把计划中选中的活动存入自己的活动库")
        self.add_button.clicked.connect(self.add_current_requested)
        self.remove_button = QPushButton("移除", self)
        self.remove_button.setObjectName("libraryRemove")
        self.remove_button.setToolTip("从活动库中移除自己添加的条目")
        self.remove_button.clicked.connect(self._remove_selected)
        for button in (self.insert_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._current_changed()

    def set_kind(self, kind: str) -> None:
        """Start with the entries for this kind of union (the user may pick another)."""
        index = self.kind.findData(kind or "")
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def set_entries(self, entries: list[lib.LibraryEntry]) -> None:
        self.entries = list(entries)
        self.refresh()

    def set_period(self, period: Period | None) -> None:
        self.period = period
        self.refresh()

    def entry(self, ident: str) -> lib.LibraryEntry | None:
        return next((e for e in self.entries if e.id == ident), None)

    def refresh(self) -> None:
        self.tree.clear()
        if self.period is None:
            return
        for shelf in lib.shelves(self.entries, self.period, self.kind.currentData()):
            if shelf.month is None:
                label = "全年"
            else:
                ym = self.period.resolve(shelf.month)
                label = self.period.label(ym) if self.period.contains(ym) else month_name(shelf.month)
            top = QTreeWidgetItem([label])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for entry in shelf.entries:
                months = entry.months_in(self.period)
                text = entry.name if entry.name == entry.text else f"{entry.name}：{entry.text}"
                if entry.user:
                    text += "（自定义）"
                item = QTreeWidgetItem([text])
                item.setData(0, EntryIdRole, entry.id)
                tip = [entry.text]
                if entry.owner:
                    tip.append(f"常见负责人：{entry.owner}")
                if months is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    tip.append("不在本计划期间内")
                else:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                  | Qt.ItemFlag.ItemIsDragEnabled)
                item.setToolTip(0, "\n".join(tip))
                top.addChild(item)
            top.setExpanded(True)

    def selected_ids(self) -> list[str]:
        return [i.data(0, EntryIdRole) for i in self.tree.selectedItems() if i.data(0, EntryIdRole)]

    def _double_clicked(self, item, column) -> None:
        ident = item.data(0, EntryIdRole)
        if ident and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.insert_requested.emit(ident)

    def _insert_selected(self) -> None:
        for ident in self.selected_ids():
            self.insert_requested.emit(ident)

    def _remove_selected(self) -> None:
        for ident in self.selected_ids():
            entry = self.entry(ident)
            if entry is not None and entry.user:
                self.remove_requested.emit(ident)

    def _current_changed(self, *args) -> None:
        item = self.tree.currentItem()
        ident = item.data(0, EntryIdRole) if item is not None else None
        entry = self.entry(ident) if ident else None
        self.insert_button.setEnabled(entry is not None and self.period is not None
                                      and entry.months_in(self.period) is not None)
        self.remove_button.setEnabled(entry is not None and entry.user)


def load_entries() -> tuple[list[lib.LibraryEntry], str]:
    """The shipped library merged with the user's; a message when the user's is broken."""
    return lib.load_library(resources.path("activities.json"), user_library_path())


def save_user_library(path: Path, entries: list[lib.LibraryEntry]) -> None:
    """Write the user's entries whole or not at all, through the program's one
    "write beside, then replace" (safe_write.write_atomically: a temporary
    file in the same folder, fsynced, then moved into place). Raises OSError
    whose str() is the user's sentence."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = lib.library_text(entries).encode("utf-8")
    write_atomically(path, lambda handle: handle.write(data), error=OSError)


def save_user_entries(entries: list[lib.LibraryEntry]) -> str:
    """Write the user's entries; '' or a message for the user."""
    path = user_library_path()
    try:
        save_user_library(path, lib.user_entries(entries))
    except OSError as exc:
        return f"无法保存自定义活动库 {path}：{exc.strerror or exc}"
    return ""
