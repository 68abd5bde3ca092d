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
        legend = QLabel(self.tr("● the activity takes place that month · red: a month with no activity · "
                                "orange: a crowded month"), self)
        progress_legend = QLabel(self.tr("✓ done · a mark on red: its month has passed and it is not "
                                         "marked done · last row: done / planned"), self)
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
            parts.append(self.tr("No activity in: %1.").replace("%1", "、".join(empty)))
        else:
            parts.append(self.tr("Every month has at least one activity."))
        if crowded:
            parts.append(self.tr("Crowded: %1.").replace("%1", "、".join(crowded)))
        progress = self.model.progress()
        if progress is not None and progress.planned:
            done = self.tr("Done: %1 of %2 activities.").replace("%1", str(progress.done)).replace(
                "%2", str(progress.planned))
            if progress.overdue:
                done = self.tr("%1 %2").replace("%1", done).replace("%2", self.tr(
                    "%1 not done although their month has passed.").replace("%1", str(progress.overdue)))
            parts.append(done)
        text = parts[0]
        for part in parts[1:]:
            # two sentences: a space between them in English, none in Chinese
            text = self.tr("%1 %2").replace("%1", text).replace("%2", part)
        self.summary.setText(text)
