"""The list of changes a new year's plan needs, for the user to go through.

Every proposed change (core.rollover.Change) is a row: its place, the text
before and after, the rule that made it and whether it is safe ("auto") or
needs a person ("review"). The user accepts all, accepts or rejects the
checked rows, types the replacement for review items that have no
suggestion, and jumps to a place. The panel never changes the plan: it asks
with `accept_requested(row numbers)`; the window makes one undo step and
calls `mark_accepted`.

The rows and their states (pending, accepted, rejected, stale; what undo and
redo do to them; re-finding a change after the plan changed) are kept by
core.rollover_review.RolloverReview; this panel shows them and forwards the
user's actions to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QStyledItemDelegate, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.rollover import AUTO, Change
from ..core.rollover_review import (ACCEPTED, APPLIED, GONE, PENDING, REJECTED, STALE, UNDONE,
                                    ReviewRow, RolloverReview)

__all__ = ["ACCEPTED", "APPLIED", "GONE", "PENDING", "REJECTED", "STALE", "UNDONE", "ReviewRow",
           "RolloverReviewPanel", "join_sentences"]

COL_KIND, COL_PLACE, COL_BEFORE, COL_AFTER, COL_RULE = range(5)
COL_CHECK = COL_KIND   # the check box and the row number live in the first column
_ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_GREY = QColor("#8a8a8a")
_REVIEW = QColor("#a05a00")
_DONE = QColor("#2e7d32")
_STALE = QColor("#b3261e")
_MISSING = QColor("#b3261e")


def join_sentences(parts) -> str:
    """Sentences in a row: none after a Chinese full stop (our sentences end
    in 。), a space after anything else."""
    text = ""
    for part in parts:
        if not part:
            continue
        if text and not text.endswith(("。", "！", "？", "；", "：", "\n")):
            text += " "
        text += part
    return text


class _AfterDelegate(QStyledItemDelegate):
    """Only the "after" column is edited; the editor starts from the
    suggestion (or the user's earlier text), never from a hint."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel

    def createEditor(self, parent, option, index):
        if index.column() != COL_AFTER:
            return None
        editor = QLineEdit(parent)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor, index):
        row = self.panel.rows[index.siblingAtColumn(COL_CHECK).data(_ROW_ROLE)]
        editor.setText(row.replacement or "")
        editor.selectAll()

    def setModelData(self, editor, model, index):
        self.panel.set_replacement(index.siblingAtColumn(COL_CHECK).data(_ROW_ROLE), editor.text())


class RolloverReviewPanel(QWidget):
    accept_requested = Signal(list)                # row numbers
    location_requested = Signal(object, int, int)  # Location, start, end

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("rolloverReviewPanel")
        self.session = None
        self.review = RolloverReview([], 0, 0)
        self._painting = False

        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("reviewList")
        self.list.setHeaderLabels(["类型", "位置", "原文", "改为", "规则"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.SelectedClicked)
        self.list.setItemDelegate(_AfterDelegate(self))
        for column, width in ((COL_KIND, 84), (COL_PLACE, 160), (COL_BEFORE, 92),
                              (COL_AFTER, 92), (COL_RULE, 80)):
            self.list.setColumnWidth(column, width)
        self.details = QLabel(self)
        self.details.setObjectName("reviewDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.details.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.message = QLabel(self)
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        self.hide_handled = QCheckBox("隐藏已接受和已拒绝的", self)
        self.hide_handled.setObjectName("reviewHideHandled")

        self.accept_all_button = QPushButton("全部接受", self)
        self.accept_all_button.setObjectName("reviewAcceptAll")
        self.accept_all_button.setToolTip("接受所有已有修改文字的项（已拒绝的不动）")
        self.accept_button = QPushButton("接受勾选的修改", self)
        self.accept_button.setObjectName("reviewAccept")
        self.accept_button.setToolTip("接受勾选的行（没有勾选时为选中的行）")
        self.reject_button = QPushButton("拒绝勾选的修改", self)
        self.reject_button.setObjectName("reviewReject")
        self.reject_button.setToolTip("勾选行的文字保持原样")
        self.jump_button = QPushButton("跳转到位置", self)
        self.jump_button.setObjectName("reviewJump")

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_all_button)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.jump_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.hide_handled)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.accept_all_button.clicked.connect(self.accept_all)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.jump_button.clicked.connect(self.go_to_current)
        self.hide_handled.toggled.connect(self._apply_filter)
        self.list.currentItemChanged.connect(self._show_details)
        self.list.itemActivated.connect(self._activated)
        self.list.itemChanged.connect(self._item_changed)
        self._set_enabled(False)

    # ------------------------------------------------------------------ filling
    @property
    def rows(self) -> list[ReviewRow]:
        return self.review.rows

    @property
    def old_year(self) -> int:
        return self.review.old_year

    @property
    def new_year(self) -> int:
        return self.review.new_year

    def set_review(self, session, changes: list[Change], old_year: int, new_year: int,
                   command_state=None) -> None:
        """Show the changes proposed for `session`'s plan (last year = old_year).

        command_state(token) says whether the undo step that accepted a row is
        APPLIED, UNDONE (redo would bring it back) or GONE."""
        self.session = session
        self.review = RolloverReview(changes, old_year, new_year,
                                     command_state or self.review.command_state)
        self.list.clear()
        self._painting = True
        try:
            for number, row in enumerate(self.rows):
                item = QTreeWidgetItem()
                item.setData(COL_CHECK, _ROW_ROLE, number)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsEditable)
                item.setCheckState(COL_CHECK, Qt.CheckState.Checked if row.change.kind == AUTO else Qt.CheckState.Unchecked)
                self.list.addTopLevelItem(item)
        finally:
            self._painting = False
        self._set_enabled(True)
        self.message.clear()
        self.refresh()
        if self.rows:
            self.list.setCurrentItem(self.list.topLevelItem(0))

    def detach(self) -> None:
        """The plan the list was made for is no longer open in the window."""
        self.session = None
        self._set_enabled(False)
        self.message.setText("这份清单所属的计划已经关闭。")

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.accept_all_button, self.accept_button, self.reject_button,
                       self.jump_button):
            button.setEnabled(enabled)

    # ------------------------------------------------------------------- states
    def plan_changed(self) -> None:
        if self.session is not None:
            self.refresh()

    def refresh(self) -> None:
        """Recompute every row's state from the plan and the undo stack; repaint."""
        if self.session is None:
            return
        restore_tick = self.review.refresh(self.session.plan)
        self._paint_all()
        # After undo the boxes are as the user left them before accepting.
        self._painting = True
        try:
            for number in restore_tick:
                self.list.topLevelItem(number).setCheckState(COL_CHECK, Qt.CheckState.Checked)
        finally:
            self._painting = False

    def mark_accepted(self, numbers: list[int], token) -> None:
        """The window applied these rows as the undo step `token`."""
        checked = [n for n in numbers
                   if self.list.topLevelItem(n).checkState(COL_CHECK) == Qt.CheckState.Checked]
        self.review.mark_accepted(numbers, token, checked)
        for number in numbers:
            self.list.topLevelItem(number).setCheckState(COL_CHECK, Qt.CheckState.Unchecked)
        self.refresh()

    # ------------------------------------------------------------------ actions
    def accept_all(self) -> None:
        good = self.review.accept_all()
        if not good:
            self.message.setText("没有可以接受的修改了。")
            return
        self.message.clear()
        self.accept_requested.emit(good)

    def chosen(self) -> list[int]:
        """The checked rows; when none is checked, the highlighted ones."""
        checked = [n for n in range(self.list.topLevelItemCount())
                   if self.list.topLevelItem(n).checkState(COL_CHECK) == Qt.CheckState.Checked
                   and not self.list.topLevelItem(n).isHidden()]
        if checked:
            return checked
        return sorted(item.data(COL_CHECK, _ROW_ROLE) for item in self.list.selectedItems())

    def accept_selected(self) -> None:
        acceptable = self.review.acceptable(self.chosen())
        good, empty, stale = acceptable.numbers, acceptable.empty, acceptable.stale
        notes = []
        if empty:
            notes.append(f"有 {empty} 行还没有修改后的文字：双击“改为”一栏填写。")
        if stale:
            notes.append(f"有 {stale} 行的文字后来改动过，未作修改。")
        if not good and not notes:
            notes.append("请先勾选要接受的行。")
        self.message.setText(join_sentences(notes))
        if good:
            self.accept_requested.emit(good)

    def reject_selected(self) -> None:
        numbers = self.review.reject(self.chosen())
        if not numbers:
            self.message.setText("请先勾选要拒绝的行。")
            return
        for number in numbers:
            self.list.topLevelItem(number).setCheckState(COL_CHECK, Qt.CheckState.Unchecked)
        self.message.clear()
        self._paint_all()

    def set_replacement(self, number: int, text: str) -> None:
        """The user typed the text that should replace a row's original."""
        if not self.review.set_replacement(number, text):
            return
        if self.rows[number].replacement is not None:
            self.list.topLevelItem(number).setCheckState(COL_CHECK, Qt.CheckState.Checked)
        self._paint(number)
        self._show_details(self.list.currentItem())

    def go_to_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.message.setText("请先选择一行。")
            return
        self.go_to(item.data(COL_CHECK, _ROW_ROLE))

    def go_to(self, number: int) -> None:
        self.location_requested.emit(*self.review.place(number))

    def _activated(self, item, column: int) -> None:
        if column != COL_AFTER and self.session is not None:
            self.go_to(item.data(COL_CHECK, _ROW_ROLE))

    def _item_changed(self, item, column: int) -> None:
        if self._painting or column != COL_CHECK:
            return
        # a box ticked by hand on a rejected row puts it back in play
        number = item.data(COL_CHECK, _ROW_ROLE)
        if number is not None and item.checkState(COL_CHECK) == Qt.CheckState.Checked \
                and self.review.reopen(number):
            self._paint(number)

    # ----------------------------------------------------------------- painting
    def counts(self) -> dict[str, int]:
        return self.review.counts()

    def _paint_all(self) -> None:
        for number in range(len(self.rows)):
            self._paint(number)
        self._apply_filter()
        self._update_summary()
        self._show_details(self.list.currentItem())

    def _paint(self, number: int) -> None:
        row = self.rows[number]
        item = self.list.topLevelItem(number)
        plan = self.session.plan if self.session is not None else None
        change = row.change
        self._painting = True
        try:
            place = change.location.describe(plan) if plan is not None else ""
            item.setText(COL_PLACE, place)
            item.setText(COL_BEFORE, change.before)
            if row.replacement is None:
                item.setText(COL_AFTER, "（请填写）")
            else:
                item.setText(COL_AFTER, row.replacement)
            item.setText(COL_RULE, change.rule)
            item.setText(COL_KIND, self._kind_text(row))
            tip = "\n".join(part for part in (place, change.context, change.reason) if part)
            for column in range(5):
                item.setToolTip(column, tip)
            handled = row.state in (ACCEPTED, REJECTED)
            for column in range(5):
                item.setForeground(column, QBrush(_GREY) if handled else QBrush())
            after_font = QFont(item.font(COL_AFTER))
            after_font.setItalic(row.replacement is None)
            after_font.setStrikeOut(row.state == REJECTED)
            item.setFont(COL_AFTER, after_font)
            before_font = QFont(item.font(COL_BEFORE))
            before_font.setStrikeOut(row.state == ACCEPTED)
            item.setFont(COL_BEFORE, before_font)
            if row.replacement is None and not handled:
                item.setForeground(COL_AFTER, QBrush(_MISSING))
            color = {ACCEPTED: _DONE, STALE: _STALE}.get(row.state)
            if color is None and row.state == PENDING and change.kind != AUTO:
                color = _REVIEW
            if color is not None:
                item.setForeground(COL_KIND, QBrush(color))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if row.state != ACCEPTED:
                flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            if row.state == ACCEPTED:
                item.setCheckState(COL_CHECK, Qt.CheckState.Unchecked)
        finally:
            self._painting = False

    def _kind_text(self, row: ReviewRow) -> str:
        if row.state == ACCEPTED:
            return "已接受"
        if row.state == REJECTED:
            return "已拒绝"
        if row.state == STALE:
            return "已改动"
        return "自动" if row.change.kind == AUTO else "待核对"

    def _apply_filter(self, *_args) -> None:
        hide = self.hide_handled.isChecked()
        for number, row in enumerate(self.rows):
            self.list.topLevelItem(number).setHidden(hide and row.state in (ACCEPTED, REJECTED))

    def _update_summary(self) -> None:
        counts = self.counts()
        auto = self.review.automatic_count()
        text = (f"计划已从 {self.old_year} 年顺延到 {self.new_year} 年：期间和月份安排随之顺延，"
                f"完成标记和成文日期已清空。正文共有 {len(self.rows)} 处修改建议"
                f"（自动 {auto} 处，待核对 {len(self.rows) - auto} 处）。")
        state = (f"未处理 {counts[PENDING]} · 已接受 {counts[ACCEPTED]} · "
                 f"已拒绝 {counts[REJECTED]} · 已改动 {counts[STALE]}")
        self.summary.setText(text + "\n" + state)

    def _show_details(self, item, _previous=None) -> None:
        if item is None or not self.rows:
            self.details.clear()
            return
        row = self.rows[item.data(COL_CHECK, _ROW_ROLE)]
        change = row.change
        parts = [f"上下文：{change.context or change.before}"]
        if row.state == ACCEPTED:
            parts[0] = f"已修改：“{change.before}” → “{row.replacement or ''}”"
        elif row.state == STALE:
            parts.append("这里的文字在提出修改之后又改动过，因此没有应用这条修改。请跳转到该处自行核对。")
        if change.reason:
            parts.append(change.reason)
        if row.replacement is None and row.state == PENDING:
            parts.append("没有建议：请双击“改为”一栏，填写新的文字。")
        self.details.setText("\n".join(parts))
