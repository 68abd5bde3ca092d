"""Find and replace across the whole plan: properties, opening, headings,
paragraphs, the month schedule, closing.

The matches are listed first (each with its place and a check box) so the
user can review them; "replace" changes the checked ones, "replace all"
every one, each as one undo step made by the main window. After an edit the
shown list is searched again once typing pauses (REFRESH_MS); `matches` is
always up to date.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.locations import iter_texts

_MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2    # (start, end) of the match inside the shown snippet
MATCH_COLOUR = "#ffd43b"
CONTEXT = 14  # characters shown after a match
LEFT_CONTEXT = 6   # ... and before it
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


def snippet_html(text: str, start: int, end: int) -> str:
    """The snippet with its match marked by a background colour (not by 【】,
    which the templates use for placeholders)."""
    return (html.escape(text[:start]) + f'<span style="background:{MATCH_COLOUR}">'
            + html.escape(text[start:end]) + "</span>" + html.escape(text[end:]))


class _SnippetDelegate(QStyledItemDelegate):
    """Draws a result's text with the match highlighted."""

    def paint(self, painter, option, index):
        span = index.data(SPAN_ROLE)
        if not span:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = QTextDocument()
        document.setDefaultFont(opt.font)
        document.setDocumentMargin(0)
        document.setHtml(snippet_html(text, *span))
        rect = opt.rect.adjusted(4, 0, -2, 0)
        painter.save()
        painter.translate(rect.left(), rect.top() + max(0, (rect.height() - document.size().height()) / 2))
        painter.setClipRect(0, 0, rect.width(), rect.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if opt.state & QStyle.StateFlag.State_Selected \
            else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 4))


class FindReplacePanel(QWidget):
    replace_requested = Signal(object, str)      # {Location: new text}, undo text
    location_requested = Signal(object, int, int)  # Location, start, end
    close_requested = Signal()                     # Esc: the user is done
    replaced = Signal(str)                         # what was replaced, for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findReplacePanel")
        self._session = None
        self._matches = []
        self.last_report = ""
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
        self.match_case = QCheckBox("区分大小写（英文字母）", self)
        self.results = QTreeWidget(self)
        self.results.setObjectName("findResults")
        self.results.setHeaderLabels(["位置", "内容"])
        self.results.setRootIsDecorated(False)
        self.results.setColumnWidth(0, 130)
        self.results.setAlternatingRowColors(True)
        self.results.setItemDelegateForColumn(1, _SnippetDelegate(self.results))
        self._position = -1   # the match shown last (Enter / F3 go on from it)
        self.summary = QLabel(self)
        self.summary.setObjectName("findSummary")
        self.replace_checked = QPushButton("替换勾选项", self)
        self.replace_checked.setObjectName("replaceChecked")
        self.replace_all = QPushButton("全部替换", self)
        self.replace_all.setObjectName("replaceAll")

        form = QFormLayout()
        form.addRow("查找：", self.find_text)
        form.addRow("替换为：", self.replace_text)
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
        self.find_text.returnPressed.connect(self._next_from_field)
        self.replace_text.returnPressed.connect(self._next_from_field)
        self.match_case.toggled.connect(self.search)
        self.results.itemActivated.connect(self._go)
        self.results.itemClicked.connect(self._go)
        self.replace_checked.clicked.connect(lambda: self._replace(only_checked=True))
        self.replace_all.clicked.connect(lambda: self._replace(only_checked=False))
        self.search()

    def set_session(self, session) -> None:
        self._session = session
        self.search()

    def start(self, replace: bool = False) -> None:
        """Shown by 查找 (the find field) or 替换, Ctrl+H (the replace field)."""
        field = self.replace_text if replace else self.find_text
        field.setFocus()
        field.selectAll()
        self.search()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def find_next(self, backwards: bool = False) -> bool:
        """Show the next (previous) match after the one shown last, wrapping round."""
        matches = self.matches
        if not matches:
            self.summary.setText("没有找到。" if self.find_text.text()
                                 else "请输入要查找的文字。")
            return False
        step = -1 if backwards else 1
        if self._position < 0 or self._position >= len(matches):
            self._position = len(matches) - 1 if backwards else 0
        else:
            self._position = (self._position + step) % len(matches)
        item = self.results.topLevelItem(self._position)
        if item is not None:
            self.results.setCurrentItem(item)
            self.results.scrollToItem(item)
        loc, start, end, _ = matches[self._position]
        self.summary.setText(f"第 {self._position + 1} 处，共 {len(matches)} 处")
        self.location_requested.emit(loc, start, end)
        return True

    def _next_from_field(self) -> None:
        field = self.focusWidget()
        self.find_next()
        if field is not None:
            field.setFocus()   # Enter again goes on to the next one

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
        if self._position >= len(self._matches):
            self._position = -1
        self.results.clear()
        for number, (loc, start, end, text) in enumerate(self._matches):
            left = max(0, start - LEFT_CONTEXT)   # the match near the start: seen in a narrow panel
            before = ("…" if left else "") + text[left:start]
            snippet = before + text[start:end] + text[end:end + CONTEXT] \
                + ("…" if end + CONTEXT < len(text) else "")
            item = QTreeWidgetItem([loc.describe(plan), snippet.replace("\n", " ")])
            item.setData(1, SPAN_ROLE, (len(before), len(before) + end - start))
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setData(0, _MATCH_ROLE, number)
            item.setToolTip(1, text)
            self.results.addTopLevelItem(item)
        if not needle:
            self.summary.setText("请输入要查找的文字。")
        else:
            self.summary.setText(f"找到 {len(self._matches)} 处")
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
        text = f"将“{self.find_text.text()}”替换为“{self.replace_text.text()}”"
        self.replace_requested.emit(changes, text)
        self.search()
        self.last_report = f"已替换 {len(matches)} 处。"
        self.summary.setText(self.last_report)
        self.replaced.emit(self.last_report)
