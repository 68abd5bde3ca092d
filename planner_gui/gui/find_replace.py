"""Find and replace across the whole plan: properties, opening, headings,
paragraphs, the month schedule, closing.

The matches are listed first (each with its place and a check box) so the
user can review them; "replace" changes the checked ones, "replace all"
every one, each as one undo step made by the main window. After an edit the
shown list is searched again once typing pauses (REFRESH_MS); `matches` is
always up to date.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.locations import iter_texts

_MATCH_ROLE = Qt.UserRole + 1
CONTEXT = 14  # characters shown on each side of a match
REFRESH_MS = 300   # after an edit, the shown list is searched again after this pause


def find_matches(plan, needle: str, match_case: bool = False):
    """[(location, start, end, text)] for every occurrence, in reading order."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)
    return [(loc, m.start(), m.end(), text)
            for loc, text in iter_texts(plan) for m in pattern.finditer(text)]


def replaced_texts(matches, replacement: str) -> dict:
    """{location: new text} with every given match replaced (right to left
    within a text, so the earlier offsets stay valid)."""
    by_place: dict = {}
    for loc, start, end, text in matches:
        by_place.setdefault(loc, (text, []))[1].append((start, end))
    changes = {}
    for loc, (text, spans) in by_place.items():
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + replacement + text[end:]
        changes[loc] = text
    return changes


class FindReplacePanel(QWidget):
    replace_requested = Signal(object, str)      # {Location: new text}, undo text
    location_requested = Signal(object, int, int)  # Location, start, end

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findReplacePanel")
        self._session = None
        self._matches = []
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._search_if_stale)
        self.find_text = QLineEdit(self)
        self.find_text.setObjectName("findText")
        self.find_text.setClearButtonEnabled(True)
        self.replace_text = QLineEdit(self)
        self.replace_text.setObjectName("replaceText")
        self.match_case = QCheckBox(self.tr("Match case (for Latin letters)"), self)
        self.results = QTreeWidget(self)
        self.results.setObjectName("findResults")
        self.results.setHeaderLabels([self.tr("Place"), self.tr("Text")])
        self.results.setRootIsDecorated(False)
        self.results.setColumnWidth(0, 170)
        self.results.setAlternatingRowColors(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("findSummary")
        self.replace_checked = QPushButton(self.tr("Replace Checked"), self)
        self.replace_checked.setObjectName("replaceChecked")
        self.replace_all = QPushButton(self.tr("Replace All"), self)
        self.replace_all.setObjectName("replaceAll")

        form = QFormLayout()
        form.addRow(self.tr("Find:"), self.find_text)
        form.addRow(self.tr("Replace with:"), self.replace_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.replace_checked)
        buttons.addWidget(self.replace_all)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.match_case)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)

        self.find_text.textChanged.connect(self.search)
        self.match_case.toggled.connect(self.search)
        self.results.itemActivated.connect(self._go)
        self.results.itemClicked.connect(self._go)
        self.replace_checked.clicked.connect(lambda: self._replace(only_checked=True))
        self.replace_all.clicked.connect(lambda: self._replace(only_checked=False))
        self.search()

    def set_session(self, session) -> None:
        self._session = session
        self.search()

    def start(self) -> None:
        self.find_text.setFocus()
        self.find_text.selectAll()
        self.search()

    def plan_changed(self) -> None:
        if self.find_text.text():
            self._stale = True
            if self.isVisible():
                self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._search_if_stale()

    def _search_if_stale(self) -> None:
        if self._stale:
            self.search()

    @property
    def matches(self):
        self._search_if_stale()
        return list(self._matches)

    def search(self) -> None:
        self._stale = False
        self._timer.stop()
        plan = self._session.plan if self._session is not None else None
        needle = self.find_text.text()
        self._matches = find_matches(plan, needle, self.match_case.isChecked()) if plan else []
        self.results.clear()
        for number, (loc, start, end, text) in enumerate(self._matches):
            left = max(0, start - CONTEXT)
            snippet = ("…" if left else "") + text[left:start] + "【" + text[start:end] + "】" \
                + text[end:end + CONTEXT] + ("…" if end + CONTEXT < len(text) else "")
            item = QTreeWidgetItem([loc.describe(plan), snippet.replace("\n", " ")])
            item.setCheckState(0, Qt.Checked)
            item.setData(0, _MATCH_ROLE, number)
            item.setToolTip(1, text)
            self.results.addTopLevelItem(item)
        if not needle:
            self.summary.setText(self.tr("Type the text to find."))
        else:
            self.summary.setText(self.tr("%1 matches").replace("%1", str(len(self._matches))))
        self.replace_checked.setEnabled(bool(self._matches))
        self.replace_all.setEnabled(bool(self._matches))

    def _go(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        loc, start, end, _ = self._matches[item.data(0, _MATCH_ROLE)]
        self.location_requested.emit(loc, start, end)

    def checked_matches(self):
        self._search_if_stale()
        out = []
        for row in range(self.results.topLevelItemCount()):
            item = self.results.topLevelItem(row)
            if item.checkState(0) == Qt.Checked:
                out.append(self._matches[item.data(0, _MATCH_ROLE)])
        return out

    def _replace(self, only_checked: bool) -> None:
        matches = self.checked_matches() if only_checked else self.matches
        if not matches:
            return
        changes = replaced_texts(matches, self.replace_text.text())
        text = self.tr("Replace “%1” with “%2”").replace("%1", self.find_text.text()) \
            .replace("%2", self.replace_text.text())
        self.replace_requested.emit(changes, text)
        self.search()
