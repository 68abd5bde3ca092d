"""The year at a glance: activities × the period's months, a mark per month
covered (✓ once done, on red once its months have passed without 完成), a
row counting each month so gaps and crowded months show, and a last row of
progress: done / planned per month (issue 18).

Small and rebuilt on every change of the plan (a plan has tens of
activities, not thousands), so it simply resets. A view that is hidden sets
it inactive (set_active(False)): it then only notes that the plan changed
and catches up when it is shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core import schedule as sch
from ..core.progress import MonthProgress, YearProgress, current_month, is_overdue, year_progress

if TYPE_CHECKING:
    from ..core.plan import Activity
    from .session import PlanSession

MARK = "●"
DONE_MARK = "✓"
OVERDUE = QColor("#f4a3a3")       # month passed, not marked 完成
ALL_DONE = QColor("#c3e6cb")      # every activity of the month done
ANYTIME_MARK = "—"        # a 全年 activity runs through every month
ANYTIME = QColor("#e3f2e1")
COVERED = QColor("#cfe3ff")
EMPTY = QColor("#fde2e1")
CROWDED = QColor("#ffd8a8")

ActivityIdRole = Qt.ItemDataRole.UserRole + 1
MonthKeyRole = Qt.ItemDataRole.UserRole + 2
LoadStateRole = Qt.ItemDataRole.UserRole + 3   # "empty" / "normal" / "crowded" on month columns
ProgressRole = Qt.ItemDataRole.UserRole + 4    # (done, planned, overdue) on the progress row


class YearGridModel(QAbstractTableModel):
    def __init__(self, session: PlanSession | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: PlanSession | None = None
        self._active = True
        self._stale = False
        self._months: list[str] = []
        self._loads: list[sch.MonthLoad] = []
        self._rows: list[tuple[str, str]] = []   # (activity id, row label)
        self._progress: YearProgress | None = None
        #: The month that decides what is overdue (YYYY-MM); today's unless set.
        self.now_month: str = current_month()
        self.set_session(session)

    def set_session(self, session: PlanSession | None) -> None:
        if self.session is not None:
            try:
                self.session.changed.disconnect(self._plan_changed)
            except (RuntimeError, TypeError):
                pass
        self.session = session
        if session is not None:
            session.changed.connect(self._plan_changed)
        self._plan_changed()

    def set_active(self, active: bool) -> None:
        """Inactive (its view hidden): changes are noted, not shown, until active again."""
        self._active = active
        if active and self._stale:
            self.refresh()

    def _plan_changed(self) -> None:
        if self._active:
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self.beginResetModel()
        plan = self.session.plan if self.session is not None else None
        self._months = plan.meta.period.months() if plan is not None else []
        self._loads = sch.month_load(plan) if plan is not None else []
        self._progress = year_progress(plan, self.now_month) if plan is not None else None
        self._rows = []
        if plan is not None:
            for group in sch.group_activities(plan):
                for position, ident in enumerate(group.activity_ids):
                    activity = plan.find_activity(ident)
                    assert activity is not None, "a grouped activity is in the plan"
                    label = f"{group.label} {sch.item_number(position)}{activity.text}"
                    self._rows.append((ident, label))
        self.endResetModel()

    # the row after the activities counts them per month; the last shows progress
    def _is_total(self, row: int) -> bool:
        return row == len(self._rows)

    def _is_progress(self, row: int) -> bool:
        return row == len(self._rows) + 1

    def progress(self) -> YearProgress | None:
        """The year's figures (done / planned / overdue), as the view states them."""
        return self._progress

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.session is None else len(self._rows) + 2

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._months)

    def loads(self) -> list[sch.MonthLoad]:
        return list(self._loads)

    def activity_id(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def _covered(self, row: int, column: int) -> bool:
        assert self.session is not None, "rows come from a session's plan"
        activity = self.session.plan.find_activity(self._rows[row][0])
        return activity is not None and self._months[column] in activity.months

    def _activity_at(self, row: int) -> Activity:
        """The activity of a covered cell's row (it is in the plan: covered says so)."""
        assert self.session is not None, "rows come from a session's plan"
        activity = self.session.plan.find_activity(self._rows[row][0])
        assert activity is not None, "a covered cell's activity is in the plan"
        return activity

    def _anytime(self, row: int) -> bool:
        """A 全年 / 长期 activity (no month): shown across the whole period, not counted in a month."""
        assert self.session is not None, "rows come from a session's plan"
        activity = self.session.plan.find_activity(self._rows[row][0])
        return activity is not None and not activity.months

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.session is None:
            return None
        row, col = index.row(), index.column()
        load = self._loads[col]
        if role == MonthKeyRole:
            return self._months[col]
        if role == LoadStateRole:
            return load.state
        if self._is_progress(row):
            assert self._progress is not None, "the progress row is shown with a plan"
            return self._progress_data(self._progress.months[col], role)
        if self._is_total(row):
            if role == Qt.ItemDataRole.DisplayRole:
                return "无安排" if load.count == 0 else str(load.count)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(EMPTY if load.state == sch.EMPTY else CROWDED if load.state == sch.CROWDED
                              else QColor("#f1f3f5"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._load_tooltip(load)
            return None
        if role == ActivityIdRole:
            return self._rows[row][0]
        covered = self._covered(row, col)
        if self._anytime(row):
            if role == Qt.ItemDataRole.DisplayRole:
                return ANYTIME_MARK
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ANYTIME)
        if role == Qt.ItemDataRole.DisplayRole:
            if not covered:
                return ""
            return DONE_MARK if self._activity_at(row).done else MARK
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if covered:
                late = is_overdue(self._activity_at(row), self.now_month)
                return QBrush(OVERDUE if late else COVERED)
            if load.state == sch.EMPTY:
                return QBrush(EMPTY)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._rows[row][1]
        return None

    def _progress_data(self, month: MonthProgress, role: int) -> Any:
        if role == ProgressRole:
            return (month.done, month.planned, month.overdue)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{month.done}/{month.planned}" if month.planned else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if month.overdue:
                return QBrush(OVERDUE)
            if month.planned and month.done == month.planned:
                return QBrush(ALL_DONE)
            return QBrush(QColor("#f1f3f5"))
        if role == Qt.ItemDataRole.ToolTipRole and month.planned:
            text = f"{month.planned} 项活动已完成 {month.done} 项"
            if month.overdue:
                text += f"\n{month.overdue} 项已过计划月份仍未标记完成"
            return text
        return None

    def _load_tooltip(self, load: sch.MonthLoad) -> str:
        if load.state == sch.EMPTY:
            return f"{load.label}：尚无活动安排"
        if load.state == sch.CROWDED:
            return f"{load.label}：{load.count} 项活动，安排较多"
        return f"{load.label}：{load.count} 项活动"

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.session is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._loads):
                return None
            load = self._loads[section]
            if role == Qt.ItemDataRole.DisplayRole:
                note = "无安排" if load.state == sch.EMPTY else str(load.count)
                return f"{load.label}\n{note}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._load_tooltip(load)
            if role == Qt.ItemDataRole.BackgroundRole and load.state != sch.NORMAL:
                return QBrush(EMPTY if load.state == sch.EMPTY else CROWDED)
            if role == Qt.ItemDataRole.ForegroundRole and load.state == sch.EMPTY:
                return QBrush(QColor("#b3261e"))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == len(self._rows):
                return "本月活动数"
            if section == len(self._rows) + 1:
                return "完成 / 计划"
            return self._rows[section][1] if 0 <= section < len(self._rows) else None
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(self._rows):
            return self._rows[section][1]
        return None
