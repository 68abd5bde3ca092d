"""The schedule as a two-level tree: month groups -> their activities.

The grouping rules live in core.schedule; this model only mirrors them. It
follows the session: after each primitive edit it compares its cached
groups with core.schedule.group_activities() and replays the difference as
row removals, insertions and moves (so selections and expanded state
survive), and resets only when the period's months change. Only edits that
can change the grouping (activities, the period) are compared, once per
whole edit (a Batch of a thousand updates regroups once), and a section's
highlight repaints only the rows whose tint changed: a plan of a thousand
activities stays one frame per edit.

Edits made through the model (editing a cell, ticking 完成, drag and drop)
are asked for with `edit_requested(edit, text)`, as the outline model does;
the view pushes them through the window's editor (gui/editor.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ..core import schedule as sch
from ..core.edits import (Edit, InsertActivity, InsertSection, MoveActivity, MoveSection,
                          RemoveActivity, RemoveSection, SetMeta, UpdateActivity)
from ..core.progress import DoneOnError, current_month, is_overdue, normalize_done_on

if TYPE_CHECKING:
    from ..core.plan import Activity, Plan
    from .session import PlanSession

MIME_ACTIVITIES = "application/x-planner-schedule-activities"
MIME_LIBRARY = "application/x-planner-library-entries"

COL_MONTH, COL_TEXT, COL_OWNER, COL_NOTE, COL_DONE, COL_DONE_ON, COL_OUTCOME = range(7)
COLUMN_COUNT = 7
#: The record of the year (issue 18): 完成时间 and 完成情况, edited as text.
RECORD_FIELDS = {COL_DONE_ON: "done_on", COL_OUTCOME: "outcome"}

ActivityIdRole = Qt.ItemDataRole.UserRole + 1
GroupKeyRole = Qt.ItemDataRole.UserRole + 2
GroupKindRole = Qt.ItemDataRole.UserRole + 3   # "month" / "anytime" / "outside" on group rows
NumberRole = Qt.ItemDataRole.UserRole + 4      # "1、" on activity rows
ProblemRole = Qt.ItemDataRole.UserRole + 5     # why a pasted activity was flagged, or ""
ContinuingRole = Qt.ItemDataRole.UserRole + 6  # True on the row of a span shown in a later month

HIGHLIGHT = QColor("#fff3bf")     # activities of the selected section
FLAGGED = QColor("#ffe3d6")       # pasted lines that need checking
OUTSIDE_GROUP = QColor("#b3261e")
OVERDUE = QColor("#b3261e")       # month passed, not marked 完成
MUTED = QColor("#808080")


@dataclass(eq=False)
class _Group:
    key: str
    kind: str
    label: str
    uid: int
    ids: list[str] = field(default_factory=list)
    #: activities begun in an earlier month that continue in this one; their
    #: rows come after the month's own (core.schedule.continuing_ids)
    cont: list[str] = field(default_factory=list)

    def row_count(self) -> int:
        return len(self.ids) + len(self.cont)

    def id_at(self, row: int) -> str | None:
        if 0 <= row < len(self.ids):
            return self.ids[row]
        row -= len(self.ids)
        return self.cont[row] if 0 <= row < len(self.cont) else None


class ScheduleModel(QAbstractItemModel):
    """Month group rows (internal id 0) with activity rows (internal id = the
    group's uid, stable while groups come and go)."""

    edit_requested = Signal(object, str)   # an edit and its undo text, for the editor
    library_dropped = Signal(list, str, int)  # library entry ids, group key, position (-1 = end)
    record_rejected = Signal(str)  # why a typed 完成时间 could not be read, for the user

    def __init__(self, session: PlanSession | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: PlanSession | None = None
        self._groups: list[_Group] = []
        self._uids: dict[str, int] = {}
        self._by_uid: dict[int, _Group] = {}      # group uid -> group (an activity row's parent)
        self._group_of: dict[str, _Group] = {}    # activity id -> its group
        self._highlight: set[str] = set()         # the highlighted section and its subsections
        self._highlight_section: str | None = None
        self._tinted: set[str] = set()            # activity ids shown highlighted
        self._flagged: dict[str, str] = {}
        self._regroup = False                     # an applied edit may have changed the grouping
        self._retint = False                      # ... or which activities are highlighted
        self._updated: list[str] = []             # activities whose cells changed
        self._row_of_uid: dict[int, int] = {}     # group uid -> its row
        #: The month that decides what is overdue (YYYY-MM); today's unless set.
        self.now_month: str = current_month()
        # flags() is asked for every row each time the tree lays itself out:
        # combine them once. Activity rows never have children (the tree
        # then need not ask).
        item = Qt.ItemFlag
        base = item.ItemIsEnabled | item.ItemIsSelectable
        activity = base | item.ItemIsDragEnabled | item.ItemIsDropEnabled | item.ItemNeverHasChildren
        self._group_flags = base | item.ItemIsDropEnabled
        self._locked_flags = activity
        self._cell_flags = activity | item.ItemIsEditable
        self._check_flags = activity | item.ItemIsUserCheckable
        self.set_session(session)

    # --- session ---------------------------------------------------------------------
    def set_session(self, session: PlanSession | None) -> None:
        if self.session is not None:
            for signal, slot in ((self.session.applied, self._on_applied),
                                 (self.session.changed, self._on_changed)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        self.beginResetModel()
        self.session = session
        self._flagged.clear()
        self._highlight.clear()
        self._highlight_section = None
        self._tinted = set()
        self._regroup = self._retint = False
        self._updated = []
        self._rebuild()
        self.endResetModel()
        if session is not None:
            session.applied.connect(self._on_applied)
            session.changed.connect(self._on_changed)

    @property
    def plan(self) -> Plan | None:
        return self.session.plan if self.session is not None else None

    def _shown_plan(self) -> Plan:
        """The plan behind rows that are shown: there are none without a session."""
        assert self.session is not None, "rows exist only with a session"
        return self.session.plan

    def _uid(self, key: str) -> int:
        if key not in self._uids:
            self._uids[key] = len(self._uids) + 1
        return self._uids[key]

    def _rebuild(self) -> None:
        self._groups = []
        self._group_of = {}
        if self.plan is not None:
            continuing = sch.continuing_ids(self.plan)
            for g in sch.group_activities(self.plan):
                group = _Group(g.key, g.kind, g.label, self._uid(g.key), list(g.activity_ids),
                               list(continuing.get(g.key, ())))
                self._groups.append(group)
                for ident in group.ids:
                    self._group_of[ident] = group
        self._index_groups()

    def _trim_continuations(self, wanted: dict[str, tuple[str, ...]]) -> None:
        """Before the rows are regrouped: take away the continuing rows of
        every month whose continuing activities change (they come back in
        _fill_continuations), so the primary rows move as before."""
        for group in self._groups:
            if group.cont and list(wanted.get(group.key, ())) != group.cont:
                parent = self._group_index(group)
                first = len(group.ids)
                self.beginRemoveRows(parent, first, first + len(group.cont) - 1)
                group.cont = []
                self.endRemoveRows()
                self.dataChanged.emit(parent, parent.siblingAtColumn(COLUMN_COUNT - 1))

    def _fill_continuations(self, wanted: dict[str, tuple[str, ...]]) -> None:
        for group in self._groups:
            ids = list(wanted.get(group.key, ())) if group.kind == sch.MONTH else []
            if ids == group.cont:
                continue
            parent = self._group_index(group)
            if group.cont:   # (an outside group cannot have any; kept general)
                first = len(group.ids)
                self.beginRemoveRows(parent, first, first + len(group.cont) - 1)
                group.cont = []
                self.endRemoveRows()
            if ids:
                first = len(group.ids)
                self.beginInsertRows(parent, first, first + len(ids) - 1)
                group.cont = ids
                self.endInsertRows()
            self.dataChanged.emit(parent, parent.siblingAtColumn(COLUMN_COUNT - 1))

    def _index_groups(self) -> None:
        self._by_uid = {g.uid: g for g in self._groups}
        self._row_of_uid = {g.uid: row for row, g in enumerate(self._groups)}

    def submit_edit(self, edit: Edit | None, text: str) -> bool:
        """Ask for an edit (edit_requested); the view pushes it through the
        window's editor, so it is undoable like every other change."""
        if edit is None or self.session is None:
            return False
        self.edit_requested.emit(edit, text)
        return True

    # --- following the plan --------------------------------------------------------------
    def _on_applied(self, edit: Edit) -> None:
        """Note what a primitive edit may have changed; _on_changed shows it
        once the whole edit is applied. (Between the primitives of a Batch the
        rows still describe the plan before it; nothing reads them then.)"""
        if isinstance(edit, SetMeta):
            if "period" in edit.changes:
                self._regroup = True
        elif isinstance(edit, UpdateActivity):
            changes = edit.changes
            if "months" in changes:
                self._regroup = True
            if "months" in changes or "text" in changes:
                self._flagged.pop(edit.activity_id, None)
            if "section" in changes:
                self._retint = True
            self._updated.append(edit.activity_id)
        elif isinstance(edit, (InsertActivity, RemoveActivity, MoveActivity)):
            self._regroup = True
            self._retint = True
        elif isinstance(edit, (InsertSection, RemoveSection, MoveSection)):
            # the highlighted family may have gained or lost subsections
            self._retint = True
        # Headings, texts and options change no row: the tooltips that name a
        # section are read when shown.

    def _on_changed(self) -> None:
        regroup, retint, updated = self._regroup, self._retint, self._updated
        self._regroup = self._retint = False
        self._updated = []
        if self.plan is None:
            return
        reset = False
        if regroup:
            continuing = sch.continuing_ids(self.plan)
            self._trim_continuations(continuing)
            reset = self._sync()
            if not reset:
                self._fill_continuations(continuing)
        if updated and not reset:   # after a reset every row is read afresh anyway
            self._activities_changed(dict.fromkeys(updated))
            self._groups_changed(updated)
        if retint and self._highlight_section is not None:
            self._highlight = sch.section_family(self.plan, self._highlight_section)
        if retint or regroup:
            self._update_tint()

    def _group_index(self, group: _Group) -> QModelIndex:
        return self.createIndex(self._row_of_uid[group.uid], 0, 0)

    def _locate(self, ident: str) -> tuple[_Group, int] | None:
        group = self._group_of.get(ident)
        if group is None:
            return None
        return group, group.ids.index(ident)

    def _sync(self) -> bool:
        """Replay the difference between the cached and the real grouping;
        True when the months changed and the model was reset instead."""
        new = sch.group_activities(self._shown_plan())
        fixed_old = [(g.key, g.label) for g in self._groups if g.kind != sch.OUTSIDE]
        fixed_new = [(g.key, g.label) for g in new if g.kind != sch.OUTSIDE]
        if fixed_old != fixed_new:
            self.beginResetModel()
            self._rebuild()
            self.endResetModel()
            return True
        touched: set[int] = set()
        wanted = {i for g in new for i in g.activity_ids}
        # 1. activities that are gone
        for group in self._groups:
            for pos in reversed(range(len(group.ids))):
                if group.ids[pos] not in wanted:
                    self.beginRemoveRows(self._group_index(group), pos, pos)
                    self._group_of.pop(group.ids[pos], None)
                    del group.ids[pos]
                    self.endRemoveRows()
                    touched.add(group.uid)
        # 2. outside groups that appear
        keys = {g.key for g in self._groups}
        fixed_count = len(fixed_new)
        for g in new:
            if g.key in keys:
                continue
            outside = [x.key for x in self._groups[fixed_count:]]
            row = fixed_count + sum(1 for k in outside if k < g.key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._groups.insert(row, _Group(g.key, g.kind, g.label, self._uid(g.key)))
            self._index_groups()
            self.endInsertRows()
        by_key = {g.key: g for g in self._groups}
        # 3. every activity to its place
        for g in new:
            target = by_key[g.key]
            for k, ident in enumerate(g.activity_ids):
                if k < len(target.ids) and target.ids[k] == ident:
                    continue
                found = self._locate(ident)
                parent = self._group_index(target)
                if found is None:
                    self.beginInsertRows(parent, k, k)
                    target.ids.insert(k, ident)
                    self._group_of[ident] = target
                    self.endInsertRows()
                else:
                    source, pos = found
                    moved = self.beginMoveRows(self._group_index(source), pos, pos, parent, k)
                    assert moved, (source.key, pos, target.key, k)
                    source.ids.pop(pos)
                    target.ids.insert(k, ident)
                    self._group_of[ident] = target
                    self.endMoveRows()
                    touched.add(source.uid)
                touched.add(target.uid)
        # 4. outside groups that are now empty and gone
        new_keys = {g.key for g in new}
        for row in reversed(range(len(self._groups))):
            if self._groups[row].key not in new_keys:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._groups[row]
                self._index_groups()
                self.endRemoveRows()
        # numbers (1、2、) and the "no activity" note follow the rows
        for group in self._groups:
            if group.uid in touched:
                gi = self._group_index(group)
                self.dataChanged.emit(gi, gi.siblingAtColumn(COLUMN_COUNT - 1))
                if group.ids:
                    self.dataChanged.emit(self.index(0, 0, gi), self.index(len(group.ids) - 1, COLUMN_COUNT - 1, gi))
        return False

    def _groups_changed(self, ids: Iterable[str]) -> None:
        """The group rows of these activities: their done/planned figures."""
        for group in {self._group_of[i].uid: self._group_of[i] for i in ids if i in self._group_of}.values():
            gi = self._group_index(group)
            self.dataChanged.emit(gi, gi.siblingAtColumn(COLUMN_COUNT - 1))

    def _activities_changed(self, ids: Iterable[str], roles: Sequence[int] = ()) -> None:
        """dataChanged for these activities' rows, one signal per run of
        neighbouring rows; nothing for an empty set."""
        rows: dict[int, list[int]] = {}
        for ident in ids:
            group = self._group_of.get(ident)
            if group is not None:
                rows.setdefault(group.uid, []).append(group.ids.index(ident))
        wanted = set(ids)
        pos: int | None
        for group in self._groups:
            for pos, ident in enumerate(group.cont):
                if ident in wanted:
                    rows.setdefault(group.uid, []).append(len(group.ids) + pos)
        if not rows:
            return
        roles = list(roles)
        for group in self._groups:
            positions = rows.get(group.uid)
            if not positions:
                continue
            positions.sort()
            start = previous = positions[0]
            for pos in positions[1:] + [None]:
                if pos is not None and pos == previous + 1:
                    previous = pos
                    continue
                self.dataChanged.emit(self.createIndex(start, 0, group.uid),
                                      self.createIndex(previous, COLUMN_COUNT - 1, group.uid), roles)
                if pos is not None:
                    start = previous = pos

    # --- lookups --------------------------------------------------------------------------
    def index_for_activity(self, ident: str, column: int = 0) -> QModelIndex:
        found = self._locate(ident)
        if found is None:
            return QModelIndex()
        group, pos = found
        return self.createIndex(pos, column, group.uid)

    def index_for_group(self, key: str) -> QModelIndex:
        for row, group in enumerate(self._groups):
            if group.key == key:
                return self.createIndex(row, 0, 0)
        return QModelIndex()

    def activity_id(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        group = self._group_of_child(index)
        return group.id_at(index.row()) if group is not None else None

    def is_continuing(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """A row showing a span in a month after its first (七至八月 under 八月)."""
        group = self._group_of_child(index)
        return group is not None and index.row() >= len(group.ids)

    def group_key(self, index: QModelIndex) -> str | None:
        """The key of the group a row belongs to (a group row or an activity row)."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._groups[index.row()].key if index.row() < len(self._groups) else None
        group = self._group_of_child(index)
        return group.key if group is not None else None

    def group_keys(self) -> list[str]:
        return [g.key for g in self._groups]

    def group_label(self, key: str) -> str:
        group = next((g for g in self._groups if g.key == key), None)
        return group.label if group is not None else ""

    def _group_of_child(self, index: QModelIndex | QPersistentModelIndex) -> _Group | None:
        if not index.isValid():
            return None
        uid = index.internalId()
        return self._by_uid.get(uid) if uid else None

    def _activity(self, index: QModelIndex | QPersistentModelIndex) -> Activity | None:
        ident = self.activity_id(index)
        return self._shown_plan().find_activity(ident) if ident is not None else None

    # --- highlights -------------------------------------------------------------------------
    def set_highlight_section(self, section_id: str | None) -> None:
        """Tint the activities of this section and its subsections. Only rows
        whose tint changes are announced (none when it stays the same)."""
        self._highlight_section = section_id
        self._highlight = sch.section_family(self.plan, section_id) if self.plan is not None else set()
        self._update_tint()

    def _update_tint(self) -> None:
        tinted = set(self.highlighted_ids())
        changed = tinted ^ self._tinted
        self._tinted = tinted
        self._activities_changed(changed, [Qt.ItemDataRole.BackgroundRole])

    def highlighted_ids(self) -> list[str]:
        if not self._highlight or self.plan is None:
            return []
        family = self._highlight
        return [a.id for a in self.plan.schedule if a.section in family]

    def set_flagged(self, flagged: dict[str, str]) -> None:
        """Activity id -> problem, for pasted lines the user should check."""
        changed = [i for i, problem in flagged.items() if self._flagged.get(i) != problem]
        self._flagged.update(flagged)
        self._activities_changed(changed)

    def flagged(self) -> dict[str, str]:
        return dict(self._flagged)

    # --- the tree ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        group = self._groups[parent.row()]
        return self.createIndex(row, column, group.uid) if row < group.row_count() else QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # Qt overloads parent() (QObject's) and parent(index)
        if not index.isValid():
            return QModelIndex()
        row = self._row_of_uid.get(index.internalId())
        return QModelIndex() if row is None else self.createIndex(row, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self._groups):
            return self._groups[parent.row()].row_count()
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return COLUMN_COUNT

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section] if 0 <= section < COLUMN_COUNT else None
        return None

    def column_titles(self) -> list[str]:
        return ["月份", "工作内容", "负责人", "备注", "完成", "完成时间", "完成情况"]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.plan is None:
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        return self._activity_data(index, role)

    def _group_data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        if index.row() >= len(self._groups):
            return None
        group = self._groups[index.row()]
        col = index.column()
        if role == GroupKeyRole:
            return group.key
        if role == GroupKindRole:
            return group.kind
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_MONTH:
                if group.kind == sch.OUTSIDE:
                    return f"{group.label}（不在计划期间内）"
                return group.label
            if col == COL_TEXT and not group.row_count():
                return "无安排"
            if col == COL_DONE and group.ids:
                done, planned, _ = self._group_progress(group)
                return f"{done}/{planned}"
            if col == COL_OUTCOME and group.ids:
                late = self._group_progress(group)[2]
                return f"{late} 项逾期未完成" if late else None
            return None
        if role == Qt.ItemDataRole.FontRole and col == COL_MONTH:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if group.kind == sch.OUTSIDE and col == COL_MONTH:
                return QBrush(OUTSIDE_GROUP)
            if col == COL_OUTCOME:
                return QBrush(OVERDUE)
            if col == COL_TEXT and not group.row_count():
                return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_MONTH:
            if group.kind == sch.OUTSIDE:
                return "这些活动不在计划期间内。请把它们移到期间内的月份，或者删除。"
            if not group.row_count():
                return "本月尚无活动安排"
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_DONE, COL_OUTCOME) and group.ids:
            done, planned, late = self._group_progress(group)
            return (f"{planned} 项活动已完成 {done} 项"
                    + (f"\n{late} 项已过计划月份仍未标记完成" if late else ""))
        return None

    def _group_progress(self, group: _Group) -> tuple[int, int, int]:
        """(done, planned, overdue) of a group's activities."""
        plan = self._shown_plan()
        activities = [a for a in map(plan.find_activity, group.ids) if a is not None]
        return (sum(a.done for a in activities), len(activities),
                sum(is_overdue(a, self.now_month) for a in activities))

    def _activity_data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        activity = self._activity(index)
        if activity is None:
            return None
        col = index.column()
        period = self._shown_plan().meta.period
        if role == ActivityIdRole:
            return activity.id
        if self.is_continuing(index):
            continued = self._continuing_data(activity, col, role)
            if continued is not None:
                return continued
        if role == GroupKeyRole:
            return sch.group_key(activity)
        if role == NumberRole:
            return sch.item_number(index.row())
        if role == ProblemRole:
            return self._flagged.get(activity.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_MONTH:
                return sch.months_label(activity.months, period) if len(activity.months) > 1 else ""
            if col == COL_TEXT:
                return sch.item_number(index.row()) + activity.text
            if col == COL_OWNER:
                return activity.owner
            if col == COL_NOTE:
                return activity.note
            if col in RECORD_FIELDS:
                return getattr(activity, RECORD_FIELDS[col])
            return None
        if role == Qt.ItemDataRole.EditRole:
            if col == COL_MONTH:
                return sch.months_label(activity.months, period)
            if col in RECORD_FIELDS:
                return getattr(activity, RECORD_FIELDS[col])
            return {COL_TEXT: activity.text, COL_OWNER: activity.owner, COL_NOTE: activity.note}.get(col)
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_DONE:
            return Qt.CheckState.Checked if activity.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if activity.id in self._flagged:
                return QBrush(FLAGGED)
            if activity.section is not None and activity.section in self._highlight:
                return QBrush(HIGHLIGHT)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and activity.done and col != COL_DONE:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_TEXT and is_overdue(activity, self.now_month):
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(activity)
        return None

    def _continuing_data(self, activity: Activity, col: int, role: int) -> Any:
        """What a continuing row shows differently: no number, the text marked
        （续）, greyed and slanted; None where it shows what the first row does."""
        if role == NumberRole:
            return ""
        if role == ContinuingRole:
            return True
        if role == Qt.ItemDataRole.DisplayRole and col == COL_TEXT:
            return f"（续）{activity.text}"
        if role == Qt.ItemDataRole.ForegroundRole and col != COL_DONE:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _tooltip(self, activity: Activity) -> str:
        lines = [activity.text] if activity.text else []
        lines.append(f"月份：{sch.months_label(activity.months, self._shown_plan().meta.period)}")
        if activity.section:
            choice = next((c for c in sch.section_choices(self._shown_plan()) if c[0] == activity.section), None)
            if choice is not None:
                lines.append(f"落实章节：{choice[1]}")
        problem = self._flagged.get(activity.id)
        if problem:
            lines.append(self.problem_text(problem))
        if is_overdue(activity, self.now_month):
            lines.append("计划月份已过，尚未标记完成。")
        return "\n".join(lines)

    def problem_text(self, problem: str) -> str:
        from ..core import paste

        return {
            paste.NO_MONTH_FOUND: "粘贴时没有找到月份：请核对文字并选择月份。",
            paste.UNREAD_MONTH: "粘贴的月份无法识别（原文保留在备注中）：请选择月份。",
            paste.OUTSIDE_PERIOD: "粘贴的月份不在计划期间内。",
        }.get(problem, problem)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() == 0:
            return self._group_flags
        if self.session is not None and self.session.read_only:
            return self._locked_flags
        return self._check_flags if index.column() == COL_DONE else self._cell_flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        activity = self._activity(index)
        if activity is None:
            return False
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_DONE:
            done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if done == activity.done:
                return False
            text = "标记活动已完成" if done else "取消活动完成标记"
            return self.submit_edit(UpdateActivity(activity.id, {"done": done}), text)
        if role != Qt.ItemDataRole.EditRole:
            return False
        if col == COL_MONTH:
            months = sch.parse_months_text(str(value), self._shown_plan().meta.period)
            if months is None:
                return False
            return self.submit_edit(sch.set_months_edit(self._shown_plan(), activity.id, months), "更改月份")
        if col in RECORD_FIELDS:
            return self._set_record(activity, RECORD_FIELDS[col], "" if value is None else str(value))
        field_name = {COL_TEXT: "text", COL_OWNER: "owner", COL_NOTE: "note"}.get(col)
        if field_name is None:
            return False
        value = "" if value is None else str(value)
        if getattr(activity, field_name) == value:
            return False
        titles = {"text": "编辑活动", "owner": "编辑负责人", "note": "编辑备注"}
        return self.submit_edit(UpdateActivity(activity.id, {field_name: value}), titles[field_name])

    def _set_record(self, activity: Activity, field_name: str, value: str) -> bool:
        """完成时间 / 完成情况. A 完成时间 is read as a month or a date; one that
        cannot be read is refused with a message (record_rejected)."""
        if field_name == "done_on":
            try:
                value = normalize_done_on(value)
            except DoneOnError as exc:
                self.record_rejected.emit(str(exc))
                return False
        if getattr(activity, field_name) == value:
            return False
        title = ("修改完成时间" if field_name == "done_on"
                 else "修改完成情况")
        return self.submit_edit(UpdateActivity(activity.id, {field_name: value}), title)

    # --- drag and drop ----------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_ACTIVITIES, MIME_LIBRARY]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[str] = []
        for index in indexes:
            ident = self.activity_id(index)
            if ident is not None and ident not in ids:
                ids.append(ident)
        order = {a.id: i for i, a in enumerate(self.plan.schedule)} if self.plan is not None else {}
        ids.sort(key=lambda i: order.get(i, 0))
        mime = QMimeData()
        mime.setData(MIME_ACTIVITIES, json.dumps(ids).encode("utf-8"))
        return mime

    def _drop_target(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> tuple[str, int] | None:
        """(group key, position in the group or -1 for its end) for a drop."""
        if not parent.isValid():
            if not self._groups:
                return None
            group_row = min(max(row, 0), len(self._groups) - 1) if row >= 0 else len(self._groups) - 1
            return self._groups[group_row].key, -1
        if parent.internalId() == 0:
            return self._groups[parent.row()].key, row
        group = self._group_of_child(parent)
        return (group.key, parent.row()) if group is not None else None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.session is None or self.session.read_only:
            return False
        return (data.hasFormat(MIME_ACTIVITIES) or data.hasFormat(MIME_LIBRARY)) and \
            self._drop_target(row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        target = self._drop_target(row, parent) if self.canDropMimeData(data, action, row, column, parent) else None
        if target is None:
            return False
        key, position = target
        if data.hasFormat(MIME_LIBRARY):
            entries = json.loads(bytes(data.data(MIME_LIBRARY).data()).decode("utf-8"))
            self.library_dropped.emit(list(entries), key, position)
            return True
        try:
            ids = json.loads(bytes(data.data(MIME_ACTIVITIES).data()).decode("utf-8"))
        except ValueError:
            return False
        edit = self.move_edit(ids, key, position)
        if edit is None:
            return False
        self.submit_edit(edit, "移动活动")
        # Returning False keeps the view from removing the dragged rows itself.
        return False

    def move_edit(self, ids: list[str], key: str, position: int = -1) -> Edit | None:
        """One edit moving activities (in order) into group `key` at `position`."""
        return sch.move_activities_edit(self._shown_plan(), ids, key, position)

