"""The section an activity carries out (具体工作 ↔ 计划的某一节), for the month table.

The row under the table (the plan's numbered sections in a list, and 转到该节),
the context menu's 对应章节 submenu and 转到该节 (Ctrl+J). Tying is an edit
pushed through the view's one edit path; jumping asks the window through the
view's `section_requested`. The numbered list is refilled only when the
sections changed (an edit that inserts, removes, moves or renames one) and
the view is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from ..core import schedule as sch
from ..core.edits import Batch, InsertSection, MoveSection, RemoveSection, SetHeading, SetOptions, UpdateActivity

if TYPE_CHECKING:
    from .schedule_view import ScheduleView


class SectionTie(QObject):
    """Ties the view's activities to sections and shows the current one's."""

    def __init__(self, view: ScheduleView):
        super().__init__(view)
        self.view = view
        self.stale = True          # the numbered section list needs filling
        self.refreshing = False    # filling the list (its signals are not the user's choice)
        self.combo: QComboBox | None = None
        self.jump_button: QPushButton | None = None

    def build_row(self, parent: QWidget) -> QHBoxLayout:
        """The row under the month table: 对应章节 [list] [转到该节]."""
        row = QHBoxLayout()
        row.addWidget(QLabel("落实章节：", parent))
        combo = QComboBox(parent)
        combo.setObjectName("scheduleSection")
        combo.setToolTip("这项活动所落实的计划章节")
        combo.activated.connect(self._chosen)
        row.addWidget(combo, 1)
        button = QPushButton("跳转到章节", parent)
        button.setObjectName("scheduleJumpButton")
        button.clicked.connect(self.jump)
        row.addWidget(button)
        self.combo, self.jump_button = combo, button
        return row

    # --- following the plan ------------------------------------------------------
    def edit_applied(self, edit) -> None:
        if isinstance(edit, (InsertSection, RemoveSection, MoveSection, SetHeading)) or (
                isinstance(edit, SetOptions) and "level3_style" in edit.changes):
            self.stale = True

    def refresh(self) -> None:
        """Fill the list with the plan's numbered sections."""
        assert self.combo is not None, "the row is built with the view's widgets"
        self.stale = False
        self.refreshing = True
        combo = self.combo
        combo.clear()
        combo.addItem("（无）", None)
        plan = self.view.plan
        if plan is not None:
            for ident, label, depth in sch.section_choices(plan):
                combo.addItem("　" * (depth - 1) + label, ident)
        self._show_current()
        self.refreshing = False

    def follow_current(self) -> None:
        """The current activity changed, or its section may have: show its section."""
        if not self.refreshing:
            self.refreshing = True
            self._show_current()
            self.refreshing = False

    def _show_current(self) -> None:
        assert self.combo is not None and self.jump_button is not None, "built with the view's widgets"
        view = self.view
        activity = view.plan.find_activity(view.current_id() or "") if view.plan is not None else None
        self.combo.setEnabled(activity is not None and view.session is not None and not view.session.read_only)
        target = activity.section if activity is not None else None
        index = self.combo.findData(target) if target is not None else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.jump_button.setEnabled(activity is not None and activity.section is not None)

    # --- the user's choices --------------------------------------------------------
    def _chosen(self, combo_index: int) -> None:
        if self.refreshing:
            return
        assert self.combo is not None, "its own signal"
        current = self.view.current_id()
        ids = self.view.selected_ids() or ([current] if current else [])
        self.tie(ids, self.combo.itemData(combo_index))

    def tie(self, ids: list[str], section_id: str | None) -> bool:
        """Tie the activities to this section (None: to none), one undo step."""
        plan = self.view.plan
        if plan is None:
            return False
        ids = [i for i in ids if i and (found := plan.find_activity(i)) is not None
               and found.section != section_id]
        if not ids:
            return False
        edits = [UpdateActivity(i, {"section": section_id}) for i in ids]
        return self.view._push(edits[0] if len(edits) == 1 else Batch(edits), "关联章节")

    def jump(self) -> None:
        """转到该节: ask the window to show the current activity's section."""
        view = self.view
        plan = view.plan
        activity = plan.find_activity(view.current_id() or "") if plan is not None else None
        if plan is None or activity is None:
            view._say("请先选中一项活动。")
            return
        if activity.section is None or plan.find_section(activity.section) is None:
            view._say("这项活动尚未关联章节，请在下方选择。")
            return
        view.section_requested.emit(activity.section)

    def add_menu(self, menu: QMenu, ids: list[str]) -> None:
        """The context menu's 对应章节 submenu for the selected activities."""
        plan, session = self.view.plan, self.view.session
        if plan is None or session is None:
            return
        sections = menu.addMenu("关联章节")
        sections.setObjectName("scheduleSectionMenu")
        current = {found.section for i in ids if (found := plan.find_activity(i)) is not None}
        none = sections.addAction("（无）")
        none.setCheckable(True)
        none.setChecked(current == {None})
        none.triggered.connect(lambda: self.tie(ids, None))
        for ident, label, depth in sch.section_choices(plan):
            item = sections.addAction("　" * (depth - 1) + label)
            item.setCheckable(True)
            item.setChecked(current == {ident})
            item.triggered.connect(lambda checked=False, s=ident: self.tie(ids, s))
        sections.setEnabled(not session.read_only)
