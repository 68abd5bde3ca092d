"""The month-grid activity schedule (具体月份工作安排).

A first, minimal version so the main window can create and wire it; the full
view (month groups, editing, paste, library, year grid) grows in this module
and its schedule_*.py helpers.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ScheduleView(QWidget):
    """The plan's activities grouped by month; edits go through the undo stack."""

    section_requested = Signal(str)  # the user wants to jump to this section

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(parent)
        self.setObjectName("scheduleView")
        self.undo_stack = undo_stack
        self.session = None
        self._highlighted: str | None = None
        self._placeholder = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._placeholder)
        self.set_session(session)

    def set_session(self, session) -> None:
        self.session = session
        count = len(session.plan.schedule) if session is not None else 0
        self._placeholder.setText(self.tr("%n activities", "", count))

    def highlight_section(self, section_id: str | None) -> None:
        self._highlighted = section_id

    def select_activity(self, activity_id: str) -> None:
        pass

    def actions(self) -> list:
        return []
