"""The activity library (活动库) beside the month table: what the panel's
buttons, drops and the 月份安排 menu's library actions do.

The panel (gui/schedule_library.py) is made the first time it is needed and
its entries read from disk the first time they are; it starts filtered to
the plan's kind of union, once per plan. Inserting an entry is an edit pushed
through the view's one edit path; saving the user's own entries writes the
user's library file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..core import schedule as sch

if TYPE_CHECKING:
    from ..models.session import PlanSession
    from .schedule_library import ActivityLibraryPanel
    from .schedule_view import ScheduleView


class LibraryControl(QObject):
    """The library panel of one month table, and what its requests do."""

    def __init__(self, view: ScheduleView):
        super().__init__(view)
        self.view = view
        self.loaded = False                       # the entries are read
        self._panel: ActivityLibraryPanel | None = None
        self._kind_for: PlanSession | None = None  # the plan the kind filter was suggested for

    @property
    def panel(self) -> ActivityLibraryPanel:
        """The panel, made the first time it is needed (in the view's splitter)."""
        if self._panel is None:
            from .schedule_library import ActivityLibraryPanel

            view = self.view
            view.ensure_ui()   # it sits in the splitter beside the table
            panel = ActivityLibraryPanel(view)
            panel.insert_requested.connect(self.insert)
            panel.add_current_requested.connect(self.add_current)
            panel.remove_requested.connect(self.remove_entry)
            panel.hide()
            view.splitter.addWidget(panel)
            view.splitter.setStretchFactor(0, 3)
            view.splitter.setStretchFactor(1, 1)
            self._panel = panel
        return self._panel

    def ensure_loaded(self) -> None:
        if self.loaded:
            return
        from ..core.activity_library import LibraryError
        from .schedule_library import load_entries

        try:
            entries, message = load_entries()
        except (OSError, LibraryError) as exc:
            entries, message = [], str(exc)
        self.panel.set_entries(entries)
        self.panel.set_period(self.view._period())
        self.loaded = True
        self._kind_for = None
        self._suggest_kind()
        if message:
            self.view._say(message)

    def _suggest_kind(self) -> None:
        """Once per plan: the library starts filtered to the plan's kind of
        union (a school's plan does not list 职代会 items first)."""
        session = self.view.session
        if not self.loaded or session is None or self._kind_for is session:
            return
        from ..core.activity_library import guess_kind

        self._kind_for = session
        meta = session.plan.meta
        self.panel.set_kind(guess_kind(meta.organization, meta.title, meta.period.kind == "school_year"))

    def period_changed(self, period) -> None:
        if self.loaded and self.panel.period != period:
            self.panel.set_period(period)

    # --- the user's requests ------------------------------------------------------------
    def show(self, checked: bool | None = None) -> None:
        """活动库: show or hide the panel (None: the other way round)."""
        view = self.view
        visible = not self.panel.isVisible() if checked is None else bool(checked)
        if visible:
            self.ensure_loaded()
            self._suggest_kind()
        self.panel.setVisible(visible)
        view.library_action.setChecked(visible)
        if visible:
            # a side panel's share, not half the table (工作内容 keeps its room)
            total = max(sum(view.splitter.sizes()), view.width() - 8)   # (not laid out yet: the view's)
            side = int(min(max(220, total * 0.28), 360))
            view.splitter.setSizes([max(total - side, 1), side])

    def insert(self, entry_id: str, key: str | None = None, position: int | None = None) -> str | None:
        """The entry as a new activity in its usual month (or month `key`, at `position`)."""
        view = self.view
        self.ensure_loaded()
        entry = self.panel.entry(entry_id)
        plan = view.plan
        if entry is None or plan is None:
            return None
        draft = entry.draft(plan.meta.period)
        if draft is None:
            view._say(f"“{entry.name}”不在本计划期间内。")
            return None
        if key is not None:
            draft.months = [] if key == sch.NO_MONTH else sch.shift_span(draft.months, key)
        edit, ids = sch.insert_activities_edit(plan, [draft], position)
        if not view._push(edit, "从活动库插入"):
            return None
        view.select_activity(ids[0])
        view._say(f"已把“{entry.name}”加入{sch.months_label(draft.months, plan.meta.period)}。")
        return ids[0]

    def dropped(self, entry_ids: list, key: str, position: int) -> None:
        """Entries dragged from the panel onto a month of the table."""
        for offset, ident in enumerate(entry_ids):
            self.insert(ident, key, None if position < 0 else position + offset)

    def add_current(self) -> None:
        """存入活动库: the current activity becomes one of the user's entries."""
        view = self.view
        plan = view.plan
        activity = plan.find_activity(view.current_id() or "") if plan is not None else None
        if activity is None or not activity.text.strip():
            view._say("请先选中一项有内容的活动。")
            return
        self.ensure_loaded()
        from ..core.activity_library import entry_from_activity
        from .schedule_library import save_user_entries

        entry = entry_from_activity(activity, self.panel.entries)
        entries = self.panel.entries + [entry]
        problem = save_user_entries(entries)
        if problem:
            view._say(problem)
            return
        self.panel.set_entries(entries)
        view._say(f"“{entry.name}”已存入活动库。")

    def remove_entry(self, entry_id: str) -> None:
        from .schedule_library import save_user_entries

        entries = [e for e in self.panel.entries if e.id != entry_id]
        problem = save_user_entries(entries)
        if problem:
            self.view._say(problem)
            return
        # a removed user entry may have hidden a shipped one with the same id
        self.loaded = False
        self.ensure_loaded()
