"""The year at a glance: a table of activities × months with a legend."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..core import schedule as sch
from ..models.year_grid_model import YearGridModel


class YearGridView(QWidget):
    activity_activated = Signal(str)  # double-clicked: show it in the month list

    def __init__(self, session=None, parent=None):
        super().__init__(parent)
        self.setObjectName("yearGrid")
        self.model = YearGridModel(None, self)
        self.model.set_active(False)   # filled when shown (see showEvent)
        self.model.set_session(session)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setObjectName("yearGridSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableView(self)
        self.table.setObjectName("yearGridTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(44)
        self.table.verticalHeader().setMaximumWidth(360)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.doubleClicked.connect(self._activated)
        layout.addWidget(self.table, 1)
        legend = QLabel("● 表示该月有这项活动 · 红色：没有活动的月份 · 橙色：活动较多的月份", self)
        progress_legend = QLabel("✓ 已完成 · 红底：计划月份已过仍未标记完成 · 最后一行：完成数 / 计划数", self)
        progress_legend.setObjectName("yearGridProgressLegend")
        progress_legend.setStyleSheet("color: #555")
        progress_legend.setWordWrap(True)
        legend.setStyleSheet("color: #555")
        legend.setWordWrap(True)
        layout.addWidget(legend)
        layout.addWidget(progress_legend)
        self.model.modelReset.connect(self._summarise)
        self._summarise()

    def set_session(self, session) -> None:
        self.model.set_session(session)

    def showEvent(self, event) -> None:
        self.model.set_active(True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.model.set_active(False)

    def _activated(self, index) -> None:
        ident = self.model.activity_id(index.row())
        if ident:
            self.activity_activated.emit(ident)

    def _summarise(self) -> None:
        loads = self.model.loads()
        empty = [m.label for m in loads if m.state == sch.EMPTY]
        crowded = [m.label for m in loads if m.state == sch.CROWDED]
        parts = []
        if not loads:
            self.summary.setText("")
            return
        if empty:
            parts.append("没有活动的月份：" + "、".join(empty) + "。")
        else:
            parts.append("每个月都有活动安排。")
        if crowded:
            parts.append("活动较多：" + "、".join(crowded) + "。")
        progress = self.model.progress()
        if progress is not None and progress.planned:
            done = f"全年计划活动 {progress.planned} 项，已完成 {progress.done} 项。"
            if progress.overdue:
                done += f"其中 {progress.overdue} 项已过计划月份仍未标记完成。"
            parts.append(done)
        self.summary.setText("".join(parts))   # Chinese sentences follow each other without a space
