"""The outline tree: a QAbstractItemModel over the plan's section tree.

The core plan stays the one source of truth; this model only maps it to rows.
It follows the session (about_to_apply / applied) with begin/end insert,
remove and move rows, so numbering and the view's selection follow every
edit. It never changes the plan itself: renames and drops are emitted as
edits (edit_requested) that the main window pushes onto the undo stack.

Besides the sections, the top level carries pseudo rows for the plan's
properties, its opening paragraphs (开头) and its closing (结尾), so the
whole document can be reached from one tree.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from ..core.edits import Edit, InsertSection, MoveSection, RemoveSection, SetHeading, SetOptions
from ..core.numbering import number_for_path

if TYPE_CHECKING:
    from ..core.plan import Plan, Section
    from .session import PlanSession

MIME_TYPE = "application/x-planner-gui-section-ids"

#: Kinds of rows (KindRole).
META, PREAMBLE, SECTION, CLOSING = "meta", "preamble", "section", "closing"

SectionIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
NumberRole = Qt.ItemDataRole.UserRole + 3

_PSEUDO_KEYS = {META: 1, PREAMBLE: 2, CLOSING: 3}
_KIND_OF_KEY = {key: kind for kind, key in _PSEUDO_KEYS.items()}
_FIRST_SECTION_KEY = 100


class OutlineModel(QAbstractItemModel):
    """Rows: [计划属性, 开头, section…, 结尾] at the top (with_texts=True),
    the sections' children below them."""

    #: (edit, undo text): a rename or a drop the user made in the view.
    edit_requested = Signal(object, str)

    def __init__(self, session: PlanSession | None = None, with_texts: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._with_texts = with_texts
        self._head = [META, PREAMBLE] if with_texts else []
        self._tail = [CLOSING] if with_texts else []
        self._session: PlanSession | None = None
        self._key_of: dict[str, int] = {}
        self._id_of: dict[int, str] = {}
        self._parent_of: dict[str, str | None] = {}
        self._row_of: dict[str, int] = {}
        self._numbers: dict[str, str] = {}  # shown numbers, changed only with dataChanged
        self._pending: str | None = None  # what about_to_apply began, for applied to end
        self.read_only = False
        # flags() is asked for every row whenever the tree lays itself out
        # (after each move or delete): combine the flags once, not per call.
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        self._pseudo_flags = base | Qt.ItemFlag.ItemNeverHasChildren
        self._locked_flags = base
        self._section_flags = base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if session is not None:
            self.set_session(session)

    # --- session ------------------------------------------------------------
    @property
    def plan(self) -> Plan | None:
        return self._session.plan if self._session is not None else None

    def _shown_plan(self) -> Plan:
        """The plan behind rows that are shown: there are none without a session."""
        assert self._session is not None, "rows exist only with a session"
        return self._session.plan

    def set_session(self, session: PlanSession | None) -> None:
        self.beginResetModel()
        if self._session is not None:
            self._session.about_to_apply.disconnect(self._about_to_apply)
            self._session.applied.disconnect(self._applied)
        self._session = session
        self._pending = None
        if session is not None:
            session.about_to_apply.connect(self._about_to_apply)
            session.applied.connect(self._applied)
        self._rebuild()
        self._numbers = self._computed_numbers()
        self.endResetModel()

    def _rebuild(self) -> None:
        self._parent_of.clear()
        self._row_of.clear()
        if self.plan is None:
            return

        def visit(items: list[Section], parent_id: str | None) -> None:
            for row, section in enumerate(items):
                self._parent_of[section.id] = parent_id
                self._row_of[section.id] = row
                self._key(section.id)
                visit(section.children, section.id)

        visit(self.plan.sections, None)

    def _key(self, section_id: str) -> int:
        key = self._key_of.get(section_id)
        if key is None:
            key = _FIRST_SECTION_KEY + len(self._key_of)
            self._key_of[section_id] = key
            self._id_of[key] = section_id
        return key

    # --- lookups --------------------------------------------------------------
    def _children(self, section_id: str | None) -> list[Section]:
        if self.plan is None:
            return []
        if section_id is None:
            return self.plan.sections
        section = self.plan.find_section(section_id)
        return section.children if section is not None else []

    def _offset(self, parent_id: str | None) -> int:
        return len(self._head) if parent_id is None else 0

    def kind(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        if not index.isValid():
            return None
        return _KIND_OF_KEY.get(index.internalId(), SECTION)

    def section_id(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        if not index.isValid():
            return None
        return self._id_of.get(index.internalId())

    def index_for_section(self, section_id: str | None) -> QModelIndex:
        if section_id is None or section_id not in self._row_of:
            return QModelIndex()
        parent_id = self._parent_of[section_id]
        row = self._row_of[section_id] + self._offset(parent_id)
        return self.createIndex(row, 0, self._key(section_id))

    def index_for_kind(self, kind: str) -> QModelIndex:
        """The pseudo row of META, PREAMBLE or CLOSING (invalid without texts)."""
        if kind in self._head:
            return self.createIndex(self._head.index(kind), 0, _PSEUDO_KEYS[kind])
        if kind in self._tail and self.plan is not None:
            row = len(self._head) + len(self.plan.sections) + self._tail.index(kind)
            return self.createIndex(row, 0, _PSEUDO_KEYS[kind])
        return QModelIndex()

    def _parent_index(self, parent_id: str | None) -> QModelIndex:
        return self.index_for_section(parent_id) if parent_id is not None else QModelIndex()

    # --- QAbstractItemModel ---------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if self.plan is None or column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._head):
                return self.createIndex(row, 0, _PSEUDO_KEYS[self._head[row]])
            sections = self.plan.sections
            at = row - len(self._head)
            if at < len(sections):
                return self.createIndex(row, 0, self._key(sections[at].id))
            tail_at = at - len(sections)
            if tail_at < len(self._tail):
                return self.createIndex(row, 0, _PSEUDO_KEYS[self._tail[tail_at]])
            return QModelIndex()
        parent_id = self.section_id(parent)
        if parent_id is None:
            return QModelIndex()
        children = self._children(parent_id)
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, self._key(children[row].id))

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # Qt overloads parent() (QObject's) and parent(index)
        if not index.isValid():
            return QModelIndex()
        section_id = self.section_id(index)
        if section_id is None:
            return QModelIndex()
        return self._parent_index(self._parent_of.get(section_id))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if self.plan is None or parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._head) + len(self.plan.sections) + len(self._tail)
        section_id = self.section_id(parent)
        if section_id is None:
            return 0
        return len(self._children(section_id))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def number(self, section_id: str) -> str:
        """The number for the section's current place (一、 （二） 3.)."""
        path = self._path(section_id)
        return number_for_path(path, self._shown_plan().option("level3_style"))

    def _shown_number(self, section_id: str) -> str:
        # Rows keep the number they were last announced with until _renumber()
        # tells the views (dataChanged): inserting a row does not silently
        # change its neighbours' data, as Qt's model contract expects.
        shown = self._numbers.get(section_id)
        if shown is None:
            shown = self._numbers[section_id] = self.number(section_id)
        return shown

    def _computed_numbers(self) -> dict[str, str]:
        if self.plan is None:
            return {}
        style = self.plan.option("level3_style")
        return {sid: number_for_path(self._path(sid), style) for sid in self._row_of}

    def _path(self, section_id: str) -> list[int]:
        path: list[int] = []
        current: str | None = section_id
        while current is not None:
            path.insert(0, self._row_of[current])
            current = self._parent_of[current]
        return path

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.plan is None:
            return None
        kind = _KIND_OF_KEY.get(index.internalId(), SECTION)   # self.kind() of a valid index
        if kind != SECTION:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return {META: "计划属性",
                        PREAMBLE: "开头（指导思想）",
                        CLOSING: "结尾"}[kind]
            if role == KindRole:
                return kind
            if role == Qt.ItemDataRole.FontRole:
                from PySide6.QtGui import QFont
                font = QFont()
                font.setItalic(True)
                return font
            return None
        section_id = self.section_id(index)
        section = self.plan.find_section(section_id) if section_id is not None else None
        if section_id is None or section is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            heading = section.heading or "（无标题）"
            return self._shown_number(section_id) + heading
        if role == Qt.ItemDataRole.EditRole:
            return section.heading
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._shown_number(section_id) + section.heading
        if role == SectionIdRole:
            return section_id
        if role == KindRole:
            return SECTION
        if role == NumberRole:
            return self._shown_number(section_id)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.kind(index) != SECTION or self.read_only:
            return False
        section_id = self.section_id(index)
        section = self._shown_plan().find_section(section_id) if section_id is not None else None
        text = str(value).strip()
        if section_id is None or section is None or text == section.heading:
            return False
        self.edit_requested.emit(SetHeading(section_id, text), "重命名章节")
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if not self.read_only else Qt.ItemFlag.NoItemFlags
        if index.internalId() in _KIND_OF_KEY:
            return self._pseudo_flags
        return self._locked_flags if self.read_only else self._section_flags

    # --- drag and drop ------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [self.section_id(i) for i in indexes if self.kind(i) == SECTION]
        data = QMimeData()
        data.setData(MIME_TYPE, json.dumps(ids).encode("utf-8"))
        return data

    def _decode(self, data: QMimeData | None) -> list[str]:
        if data is None or not data.hasFormat(MIME_TYPE):
            return []
        try:
            ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return []
        return [i for i in ids if isinstance(i, str) and i in self._row_of]

    def drop_target(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> tuple[str | None, int] | None:
        """(new parent id, index among its children before the move) for a drop
        at `row` under `parent` as the view reports it; None where no section
        may go (onto a pseudo row)."""
        if parent.isValid():
            if self.kind(parent) != SECTION:
                return None
            parent_id = self.section_id(parent)
            count = len(self._children(parent_id))
            return parent_id, count if row < 0 else min(row, count)
        count = len(self._shown_plan().sections)
        if row < 0:
            return None, count
        return None, max(0, min(row - len(self._head), count))

    def move_edit(self, section_id: str, parent_id: str | None, index: int) -> MoveSection | None:
        """The MoveSection for putting a section before the current child
        `index` of parent_id; None when it would not move or cannot go there."""
        if parent_id is not None and self._is_within(parent_id, section_id):
            return None
        old_parent = self._parent_of[section_id]
        old_row = self._row_of[section_id]
        if old_parent == parent_id:
            if index in (old_row, old_row + 1):
                return None
            if index > old_row:
                index -= 1
        return MoveSection(section_id, parent_id, index)

    def _is_within(self, section_id: str, ancestor_id: str) -> bool:
        current: str | None = section_id
        while current is not None:
            if current == ancestor_id:
                return True
            current = self._parent_of.get(current)
        return False

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.read_only or action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        ids = self._decode(data)
        if len(ids) != 1:
            return False
        target = self.drop_target(row, parent)
        if target is None:
            return False
        return not (target[0] is not None and self._is_within(target[0], ids[0]))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        target = self.drop_target(row, parent) if self.canDropMimeData(data, action, row, column, parent) else None
        if target is None:
            return False
        section_id = self._decode(data)[0]
        parent_id, index = target
        edit = self.move_edit(section_id, parent_id, index)
        if edit is not None:
            self.edit_requested.emit(edit, "移动章节")
        # False: the move is done; the view must not remove the source rows.
        return False

    # --- following the session ------------------------------------------------
    def _valid_parent(self, parent_id: str | None) -> bool:
        return parent_id is None or parent_id in self._row_of

    def _about_to_apply(self, edit: Edit) -> None:
        self._pending = None
        if isinstance(edit, InsertSection):
            if not self._valid_parent(edit.parent_id):
                return
            count = len(self._children(edit.parent_id))
            if not 0 <= edit.index <= count:
                return
            row = edit.index + self._offset(edit.parent_id)
            self.beginInsertRows(self._parent_index(edit.parent_id), row, row)
            self._pending = "insert"
        elif isinstance(edit, RemoveSection):
            if edit.section_id not in self._row_of:
                return
            parent_id = self._parent_of[edit.section_id]
            row = self._row_of[edit.section_id] + self._offset(parent_id)
            self.beginRemoveRows(self._parent_index(parent_id), row, row)
            self._pending = "remove"
        elif isinstance(edit, MoveSection):
            self._begin_move(edit)

    def _begin_move(self, edit: MoveSection) -> None:
        sid, new_parent = edit.section_id, edit.new_parent_id
        if sid not in self._row_of or not self._valid_parent(new_parent):
            return
        if new_parent is not None and self._is_within(new_parent, sid):
            return
        old_parent = self._parent_of[sid]
        old_row = self._row_of[sid]
        count = len(self._children(new_parent))
        limit = count - (1 if old_parent == new_parent else 0)
        if not 0 <= edit.index <= limit:
            return
        if old_parent == new_parent:
            if edit.index == old_row:
                self._pending = "nothing"
                return
            dest = edit.index + 1 if edit.index > old_row else edit.index
        else:
            dest = edit.index
        src_off, dst_off = self._offset(old_parent), self._offset(new_parent)
        if self.beginMoveRows(self._parent_index(old_parent), old_row + src_off, old_row + src_off,
                              self._parent_index(new_parent), dest + dst_off):
            self._pending = "move"
        else:  # Qt refused (should not happen after the checks): reset instead
            self.beginResetModel()
            self._pending = "reset"

    def _applied(self, edit: Edit) -> None:
        pending, self._pending = self._pending, None
        structural = isinstance(edit, (InsertSection, RemoveSection, MoveSection))
        if structural:
            if pending is None:
                # Something began without us (should not happen): start over.
                self.beginResetModel()
                pending = "reset"
            self._rebuild()
            if pending == "insert":
                self.endInsertRows()
            elif pending == "remove":
                self.endRemoveRows()
            elif pending == "move":
                self.endMoveRows()
            elif pending == "reset":
                self.endResetModel()
            self._renumber()
        elif isinstance(edit, SetHeading):
            index = self.index_for_section(edit.section_id)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole])
        elif isinstance(edit, SetOptions) and "level3_style" in edit.changes:
            self._renumber()

    def _renumber(self) -> None:
        """Numbers depend on position: announce every row whose number changed."""
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, NumberRole]
        fresh = self._computed_numbers()
        changed = [sid for sid, number in fresh.items() if self._numbers.get(sid) != number]
        self._numbers = fresh
        for sid in changed:
            index = self.index_for_section(sid)
            self.dataChanged.emit(index, index, roles)
