"""The month-grid activity schedule (具体月份工作安排).

The plan's months in period order, each a group of numbered activities,
with the columns 月份 / 工作内容 / 负责人 / 备注 / 完成; a year-at-a-glance
grid; beside it the activity library (schedule_library_control.py) and under
it the section each activity carries out (schedule_sections.py). Every change
is pushed through the window's editor (an undo step the session saves). The
view emits section_requested when the user wants to see the section an
activity carries out; the main window connects it.

The view usually sits on a hidden tab while the user edits the text, and
the plan may hold a thousand activities, so what only a visible view needs
(the section list under the tree, scrolling to a highlight, the year grid,
the library) waits until the view is shown or the part is first used:
ensure_ui() makes the widgets, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject,
                            QPersistentModelIndex, Qt, Signal)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication, QComboBox,
                               QHeaderView, QLabel, QMenu, QPushButton, QSplitter, QTabWidget,
                               QToolBar, QTreeView, QVBoxLayout, QWidget)

from ..core import schedule as sch
from ..models.schedule_model import (COL_DONE, COL_DONE_ON, COL_MONTH, COL_NOTE, COL_OUTCOME, COL_OWNER,
                                     COL_TEXT, ScheduleModel)
from .actions import portable_keys
from .schedule_library_control import LibraryControl
from .schedule_sections import SectionTie

if TYPE_CHECKING:
    from .schedule_delegates import MonthDelegate, OwnerDelegate, TextDelegate   # made by ensure_ui
    from .schedule_library import ActivityLibraryPanel
    from .year_grid import YearGridView   # imported by ensure_ui, when the view is first shown


class _ScheduleTree(QTreeView):
    """The month tree. Its own keys (Delete, Ctrl+V, Alt+Up, Ctrl+Return …, the
    same keys the outline uses for sections) win over the window's shortcuts
    while it has focus and no cell is being edited."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.key_actions: list[QAction] = []

    def action_for(self, event) -> QAction | None:
        if self.state() == QAbstractItemView.State.EditingState:
            return None
        pressed = QKeySequence(event.keyCombination())
        for action in self.key_actions:
            if action.isEnabled() and any(s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                                          for s in action.shortcuts()):
                return action
        return None

    def keyPressEvent(self, event):
        action = self.action_for(event)
        if action is not None:
            action.trigger()
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event):
        """Words from an input method on a cell that is not being edited start
        editing it with those words (Qt's own AnyKeyPressed drops them)."""
        index = self.currentIndex()
        text = event.commitString()
        if self.state() != QAbstractItemView.State.EditingState and text and index.isValid() \
                and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)
            editor = QApplication.focusWidget()
            if isinstance(editor, QComboBox):
                editor = editor.lineEdit()
            if editor is not None and self.state() == QAbstractItemView.State.EditingState \
                    and hasattr(editor, "selectAll"):
                editor.selectAll()
                QApplication.sendEvent(editor, event)
                return
        super().inputMethodEvent(event)

    #: The cells Tab / Shift+Tab walk through, in order, on every activity row.
    #: (A column added later that is typed into joins this tuple.)
    edit_columns: tuple[int, ...] = (COL_TEXT, COL_OWNER, COL_NOTE)

    def closeEditor(self, editor, hint):
        """Tab / Shift+Tab: what was typed is already committed (the delegate
        commits before it closes); go on to the next editable cell of the row,
        then the next activity's 工作内容, like a WPS table. Qt's own move
        would land on the next month's header row, where typing is lost."""
        forward = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        if not forward and hint != QAbstractItemDelegate.EndEditHint.EditPreviousItem:
            super().closeEditor(editor, hint)
            return
        current = QPersistentModelIndex(self.currentIndex())
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        target = self.neighbour_cell(QModelIndex(current), forward)
        if target.isValid():
            self.selectionModel().setCurrentIndex(
                target, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(target)
            self.edit(target)
        else:
            self.setFocus()

    def neighbour_cell(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """The next (or previous) editable cell after `index`, skipping month rows."""
        if not index.isValid() or not index.parent().isValid():
            return QModelIndex()
        columns = self.edit_columns
        position = columns.index(index.column()) if index.column() in columns else (
            -1 if forward else len(columns))
        position += 1 if forward else -1
        if 0 <= position < len(columns):
            return index.siblingAtColumn(columns[position])
        row = self._activity_row(index, forward)
        if not row.isValid():
            return QModelIndex()
        return row.siblingAtColumn(columns[0] if forward else columns[-1])

    def _activity_row(self, index: QModelIndex, forward: bool) -> QModelIndex:
        model = self.model()
        parent, row = index.parent(), index.row() + (1 if forward else -1)
        group_row = parent.row()
        while True:
            if 0 <= row < model.rowCount(parent):
                return model.index(row, 0, parent)
            group_row += 1 if forward else -1
            if not 0 <= group_row < model.rowCount():
                return QModelIndex()
            parent = model.index(group_row, 0)
            row = 0 if forward else model.rowCount(parent) - 1


class _ShortcutOverride(QObject):
    """Claims the tree's own keys before the window's shortcuts see them, and
    fits the columns when the tree's viewport changes width."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, _ScheduleTree) \
                and watched.action_for(event) is not None:
            event.accept()
            return True
        if event.type() == QEvent.Type.Resize and not isinstance(watched, _ScheduleTree):
            view = self.parent()
            if isinstance(view, ScheduleView):
                view._fit_columns()
        return False


class ScheduleView(QWidget):
    """The plan's activities grouped by month; edits go through the undo stack."""

    section_requested = Signal(str)  # the user wants to jump to this section

    # The widgets, made by ensure_ui() the first time the view is shown or a
    # method that works on them is called (the view usually waits on a
    # hidden tab). The actions exist from the start: the window's menu holds them.
    tree: _ScheduleTree
    tabs: QTabWidget
    year_grid: YearGridView
    section_combo: QComboBox
    jump_button: QPushButton
    splitter: QSplitter
    status: QLabel
    month_delegate: MonthDelegate
    owner_delegate: OwnerDelegate
    text_delegate: TextDelegate

    def __init__(self, session, editor, parent=None):
        super().__init__(parent)
        self.setObjectName("scheduleView")
        self.editor = editor             # gui.editor.Editor: the one way edits reach the plan
        self.session = None
        self.sections = SectionTie(self)               # the section each activity carries out
        self.library_control = LibraryControl(self)    # the activity library beside the table
        self._scroll_pending = False  # scroll to the highlighted activities when shown
        self._period_seen = None
        self._highlighted: str | None = None  # the section the outline has selected
        self._ui_built = False
        self._status_text = ""

        # The model follows the session only while the view is shown or used
        # (see `model`): a hidden month table costs an edit nothing.
        self._model = ScheduleModel(None, self)
        self._model.edit_requested.connect(self._push)
        self._model.library_dropped.connect(self.library_control.dropped)
        self._remembered: tuple[list[str], str | None] = ([], None)

        self._build_actions()   # the window's 月份安排 menu needs them at once
        self.set_session(session)

    def showEvent(self, event) -> None:
        self.ensure_ui()
        self._attach()
        super().showEvent(event)
        if self.sections.stale:
            self.sections.refresh()
        if self._scroll_pending:
            self._scroll_to_highlight()

    # --- building ----------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([portable_keys(k) if isinstance(k, str) else QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.add_action = a("scheduleAdd", "新增活动(&A)", self.add_activity,
                            ["Ctrl+Return", "Ins"], "在选中的月份中新增一项活动")
        self.delete_action = a("scheduleDelete", "删除活动(&D)", self.delete_selected,
                               QKeySequence.StandardKey.Delete, "删除选中的活动")
        self.duplicate_action = a("scheduleDuplicate", "复制活动(&C)", self.duplicate_selected,
                                  "Ctrl+D", "在选中的活动下面复制一份")
        self.up_action = a("scheduleUp", "月内上移(&U)", lambda: self.move_current(-1),
                           "Alt+Up")
        self.down_action = a("scheduleDown", "月内下移(&W)", lambda: self.move_current(1),
                             "Alt+Down")
        self.months_action = a("scheduleMonths", "移到月份(&M)…", self.choose_months,
                               "Ctrl+M", "为选中的活动选择月份（可跨月）")
        self.paste_action = a("schedulePaste", "粘贴活动(&P)", lambda: self.paste(),
                              QKeySequence.StandardKey.Paste,
                              "加入从 Word 或 Excel 复制的内容，自动识别月份")
        self.jump_action = a("scheduleJump", "跳转到章节(&G)", self.jump_to_section,
                             "Ctrl+J", "显示这项活动所落实的章节")
        self.library_action = a("scheduleLibrary", "活动库(&L)", self.show_library)
        self.library_action.setCheckable(True)
        self.library_to_action = a("scheduleToLibrary", "存入活动库(&S)", self.add_current_to_library,
                                   tip="把选中的活动存入自己的活动库")
        self.grid_action = a("scheduleGrid", "全年一览(&Y)", self.show_year_grid,
                             tip="按月查看整个计划期间的活动")
        self._edit_actions = [self.add_action, self.delete_action, self.duplicate_action, self.up_action,
                              self.down_action, self.months_action, self.paste_action, self.library_to_action]
        self._all_actions = [self.add_action, self.duplicate_action, self.delete_action, None,
                             self.up_action, self.down_action, self.months_action, None, self.paste_action,
                             None, self.jump_action, None, self.library_action, self.library_to_action,
                             self.grid_action]

    def ensure_ui(self) -> None:
        """Make the view's widgets, once: on first show, or when a method that
        works on them is called first (selecting an activity, an action
        from the window's menu while the tab is hidden, a test)."""
        if self._ui_built:
            return
        from .schedule_delegates import MonthDelegate, OwnerDelegate, TextDelegate
        from .year_grid import YearGridView

        self._ui_built = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        toolbar = QToolBar(self)
        toolbar.setObjectName("scheduleToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.add_action, self.duplicate_action, self.delete_action, None, self.up_action,
                       self.down_action, self.months_action, None, self.paste_action, None,
                       self.library_action):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        layout.addWidget(toolbar)

        self.tree = _ScheduleTree(self)
        self.tree.setObjectName("scheduleTree")
        self._override = _ShortcutOverride(self)
        self.tree.installEventFilter(self._override)
        self.tree.setModel(self._model)
        self.tree.key_actions = [a for a in self._all_actions if a is not None and not a.shortcut().isEmpty()]
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # AnyKeyPressed: typing on a cell starts editing it with what was typed,
        # as in a WPS table (an input method's words too).
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.tree.setAlternatingRowColors(True)
        # Rows are one line (no word wrap): the view need not measure each of
        # a thousand rows to lay them out, expand them or repaint a highlight.
        self.tree.setUniformRowHeights(True)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.setAllColumnsShowFocus(True)
        self.month_delegate = MonthDelegate(self._period, self.tree)
        self.month_delegate.rejected.connect(
            lambda text: self._say(f"“{text}”无法识别为月份；可以输入 三月、七至八月 或 全年。"))
        self.tree.setItemDelegateForColumn(COL_MONTH, self.month_delegate)
        self.owner_delegate = OwnerDelegate(self._owners, self.tree)
        self.tree.setItemDelegateForColumn(COL_OWNER, self.owner_delegate)
        self.text_delegate = TextDelegate(self.tree)
        for column in (COL_TEXT, COL_NOTE):
            self.tree.setItemDelegateForColumn(column, self.text_delegate)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # The 完成 column holds a check box: a width from its title and the
        # box, not measured over every row after each change (ResizeToContents
        # asks the model for every role of a thousand rows).
        header.setSectionResizeMode(COL_DONE, QHeaderView.ResizeMode.Fixed)
        box = self.tree.fontMetrics().height()   # about a check box's size
        header.resizeSection(COL_DONE, max(header.sectionSizeHint(COL_DONE), box + 16))
        self._fit_columns()
        self.tree.viewport().installEventFilter(self._override)
        self._model.record_rejected.connect(self._say)

        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.tree, 1)
        list_layout.addLayout(self.sections.build_row(list_page))
        assert self.sections.combo is not None and self.sections.jump_button is not None
        self.section_combo, self.jump_button = self.sections.combo, self.sections.jump_button

        self.year_grid = YearGridView(None, self)
        self.year_grid.activity_activated.connect(self.select_activity)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scheduleTabs")
        self.tabs.addTab(list_page, "按月份")
        self.tabs.addTab(self.year_grid, "全年一览")

        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.tabs)
        layout.addWidget(self.splitter, 1)

        self.status = QLabel(self._status_text, self)
        self.status.setObjectName("scheduleStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.selectionModel().selectionChanged.connect(self._update_actions)
        # after the tree's own selection model, which clears itself on a reset
        self._model.modelAboutToBeReset.connect(self._remember_selection)
        self._model.modelReset.connect(self._restore_selection)
        self._model.rowsInserted.connect(self._rows_inserted)
        self.year_grid.set_session(self.session)
        if self._model.session is not None:
            self.tree.expandAll()
        if self.isVisible():   # made while being shown: its children are shown too
            for child in (toolbar, self.splitter, self.status):
                child.show()

    def _fit_columns(self) -> None:
        """Column widths from what they hold and the room there is: 月份 as
        wide as its longest label (次年十二月, a span), 完成 as its box, 负责人
        and 备注 a share that shrinks first, 工作内容 the rest (it stretches),
        so opening the activity library narrows the side columns, not the work."""
        tree = self.tree
        header = tree.header()
        metrics = tree.fontMetrics()
        month = max(metrics.horizontalAdvance(label) for label in ("次年十二月", "十一至十二月", "Month"))
        header.resizeSection(COL_MONTH, month + tree.indentation() + 16)
        em = metrics.horizontalAdvance("工")
        header.resizeSection(COL_DONE_ON, max(6 * em, metrics.horizontalAdvance("2026-12-31") + 16))
        room = (tree.viewport().width() - header.sectionSize(COL_MONTH) - header.sectionSize(COL_DONE)
                - header.sectionSize(COL_DONE_ON))
        for column, share, widest in ((COL_OWNER, 0.12, 9), (COL_NOTE, 0.12, 11), (COL_OUTCOME, 0.14, 12)):
            header.resizeSection(column, int(max(4 * em, min(widest * em, room * share))))

    @property
    def library(self) -> ActivityLibraryPanel:
        """The activity library panel, made the first time it is needed."""
        return self.library_control.panel

    # --- the contract with the main window ------------------------------------------------
    def set_session(self, session) -> None:
        if self.session is not None:
            for signal, slot in ((self.session.changed, self._plan_changed),
                                 (self.session.applied, self.sections.edit_applied)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        self.session = session
        self._period_seen = None
        self.sections.stale = True
        self._scroll_pending = False
        self._highlighted = None
        if self.isVisible() or session is None:
            self._attach()
        elif self._model.session is not None:
            self._model.set_session(None)   # the old plan's rows go; this one's come when shown
        if self._ui_built:
            self.year_grid.set_session(session)
        if session is not None:
            session.applied.connect(self.sections.edit_applied)
            session.changed.connect(self._plan_changed)
        self._say("")
        self._plan_changed()

    @property
    def model(self) -> ScheduleModel:
        """The month tree's model, following the view's session (from the
        first time it is shown or asked for)."""
        self._attach()
        return self._model

    def _attach(self) -> None:
        if self._model.session is self.session:
            return
        self._model.set_session(self.session)   # its reset expands the months
        if self.session is not None:
            self._model.set_highlight_section(self._highlighted)

    def highlight_section(self, section_id: str | None) -> None:
        """Tint the activities that carry out this section (or its subsections)."""
        if self.session is None:
            return
        self._highlighted = section_id
        if self._model.session is self.session:
            self._model.set_highlight_section(section_id)
        if self.isVisible():
            self._scroll_to_highlight()
        else:
            self._scroll_pending = True

    def _scroll_to_highlight(self) -> None:
        self._scroll_pending = False
        ids = self.model.highlighted_ids()
        if ids:
            self.tree.scrollTo(self.model.index_for_activity(ids[0]))

    def select_activity(self, activity_id: str) -> bool:
        self.ensure_ui()
        index = self.model.index_for_activity(activity_id)
        if not index.isValid():
            return False
        self.tabs.setCurrentIndex(0)
        self.tree.expand(index.parent())
        self._select_ids([activity_id])
        self.tree.scrollTo(index)
        return True

    def commit_editing(self) -> None:
        """Write the cell being typed in to the plan (Ctrl+S, closing) and close its editor."""
        if not self._ui_built or self.tree.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        while editor is not None and editor.parentWidget() is not self.tree.viewport():
            editor = editor.parentWidget()
        if editor is not None:
            self.tree.commitData(editor)
            self.tree.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def actions(self) -> list[QAction]:
        """The actions for the window's 月份安排 menu, in menu order."""
        return [a for a in self._all_actions if a is not None]

    # --- helpers ------------------------------------------------------------------------------
    @property
    def plan(self):
        return self.session.plan if self.session is not None else None

    def _period(self):
        return self.plan.meta.period if self.plan is not None else None

    def _owners(self) -> list[str]:
        return [a.owner for a in self.plan.schedule] if self.plan is not None else []

    def _say(self, text: str) -> None:
        self._status_text = text
        if self._ui_built:
            self.status.setText(text)

    def _push(self, edit, text: str) -> bool:
        if edit is None or self.session is None:
            return False
        if self.session.read_only:   # the month table offers no edits on a read-only plan
            self._say("该计划以只读方式打开，不能修改。")
            return False
        if not self.editor.push(edit, text):
            if self.editor.last_error:
                self._say(self.editor.last_error)
            return False
        return True

    def selected_ids(self) -> list[str]:
        ids: list[str] = []
        if not self._ui_built:
            return ids
        for index in self.tree.selectionModel().selectedRows(0):
            ident = self._model.activity_id(index)
            if ident is not None and ident not in ids:
                ids.append(ident)
        order = {a.id: i for i, a in enumerate(self.plan.schedule)} if self.plan is not None else {}
        return sorted(ids, key=lambda i: order.get(i, 0))

    def current_id(self) -> str | None:
        if not self._ui_built:
            return None
        return self._model.activity_id(self.tree.currentIndex())

    def _select_ids(self, ids: list[str], current: str | None = None) -> None:
        self.ensure_ui()
        selection = QItemSelection()
        for ident in ids:
            index = self.model.index_for_activity(ident)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self.model.columnCount() - 1))
        model = self.tree.selectionModel()
        focus = self.model.index_for_activity(current or (ids[-1] if ids else ""))
        if focus.isValid():
            model.setCurrentIndex(focus, QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _remember_selection(self) -> None:
        self._remembered = (self.selected_ids(), self.current_id())

    def _restore_selection(self) -> None:
        self.tree.expandAll()
        ids, current = self._remembered
        if ids or current:
            self._select_ids(ids, current)

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.tree.expand(self._model.index(row, 0))

    def _target(self) -> tuple[str, int | None]:
        """(group key, position) where a new activity goes: after the current
        activity, at the end of the current month, or in the first month."""
        self.ensure_ui()
        index = self.tree.currentIndex()
        key = self.model.group_key(index)
        if key is None:
            keys = self.model.group_keys()
            return (keys[0] if keys else sch.NO_MONTH), None
        if index.parent().isValid():
            return key, index.row() + 1
        return key, None

    # --- editing -----------------------------------------------------------------------------------
    def add_activity(self) -> str | None:
        if self.plan is None:
            return None
        key, position = self._target()
        months = [] if key == sch.NO_MONTH else [key]
        edit, ident = sch.new_activity_edit(self.plan, months, position)
        if not self._push(edit, "新增活动"):
            return None
        self.select_activity(ident)
        index = self.model.index_for_activity(ident, COL_TEXT)
        # Selected as well as current, whatever keys are held (Ctrl of
        # Ctrl+Enter would make setCurrentIndex toggle the row off), so
        # 复制/删除/移到月份 apply to it at once.
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.setFocus()
        self.tree.edit(index)
        return ident

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if self.plan is None or not ids:
            return
        index = self.tree.currentIndex()
        parent, row = index.parent(), index.row()
        edit = sch.remove_activities_edit(self.plan, ids)
        text = "删除活动" if len(ids) == 1 else f"删除 {len(ids)} 项活动"
        if self._push(edit, text):
            self._say("已删除；撤销可以恢复。" if len(ids) == 1
                      else f"已删除 {len(ids)} 项活动；撤销可以恢复。")
            if parent.isValid() and self.model.rowCount(parent):
                near = self.model.index(min(row, self.model.rowCount(parent) - 1), 0, parent)
                self._select_ids([self.model.activity_id(near)])  # type: ignore[list-item]  # an id that is not found selects nothing

    def duplicate_selected(self) -> None:
        ids = self.selected_ids()
        if self.plan is None or not ids:
            return
        edit, new_ids = sch.duplicate_activities_edit(self.plan, ids)
        if self._push(edit, "复制活动"):
            self._select_ids(new_ids)

    def move_current(self, delta: int) -> None:
        ident = self.current_id()
        if self.plan is None or ident is None:
            return
        selected = self.selected_ids()
        edit = sch.move_within_group_edit(self.plan, ident, delta)
        if edit is None:
            self._say("已经是本月第一项活动。" if delta < 0
                      else "已经是本月最后一项活动。")
            return
        if self._push(edit, "移动活动"):
            self._select_ids(selected or [ident], ident)
            self.tree.scrollTo(self.model.index_for_activity(ident))

    def set_months(self, ids: list[str], months: list[str]) -> bool:
        """Give the activities these months (one undo step)."""
        if self.plan is None or not ids:
            return False
        edit = sch.set_months_of_edit(self.plan, ids, months)
        if edit is None:
            return False
        if self._push(edit, "更改月份"):
            self._select_ids(ids, ids[-1])
            self.tree.scrollTo(self.model.index_for_activity(ids[-1]))
            return True
        return False

    def choose_months(self) -> None:
        ids = self.selected_ids()
        if self.plan is None or not ids:
            self._say("请先选中一项活动。")
            return
        from .schedule_month_dialog import get_months

        first = self.plan.find_activity(ids[0])
        months, ok = get_months(self, self.plan.meta.period, first.months)
        if ok:
            self.set_months(ids, months)

    def paste(self, text: str | None = None) -> list[str]:
        """Add what the clipboard (or `text`) holds as activities, one undo step."""
        if self.plan is None:
            return []
        if text is None:
            text = QGuiApplication.clipboard().text()
        if not text or not text.strip():
            self._say("剪贴板中没有可粘贴的文字。")
            return []
        from ..core.paste import parse_paste

        result = parse_paste(text, self.plan.meta.period)
        if not result.activities:
            self._say("没有可加入的内容：粘贴的文字中没有活动。")
            return []
        edit, ids = sch.insert_activities_edit(self.plan, [a.draft() for a in result.activities])
        if not self._push(edit, "粘贴活动"):
            return []
        flagged = {ident: item.problem for ident, item in zip(ids, result.activities) if item.problem}
        if flagged:
            self.model.set_flagged(flagged)
        self._select_ids(ids, ids[0])
        self.tree.scrollTo(self.model.index_for_activity(ids[0]))
        message = f"已粘贴 {len(ids)} 项活动。"
        if flagged:
            more = f"其中 {len(flagged)} 项需要核对（已用底色标出）：月份未能识别或不在计划期间内。"
            message += more
        self._say(message)
        return ids

    # --- sections and the library (schedule_sections.py, schedule_library_control.py) ---------------
    def tie_to_section(self, ids: list[str], section_id: str | None) -> bool:
        return self.sections.tie(ids, section_id)

    def jump_to_section(self) -> None:
        self.sections.jump()

    def show_library(self, checked: bool | None = None) -> None:
        self.library_control.show(checked)

    def insert_from_library(self, entry_id: str, key: str | None = None, position: int | None = None) -> str | None:
        return self.library_control.insert(entry_id, key, position)

    def add_current_to_library(self) -> None:
        self.library_control.add_current()

    # --- the year grid ---------------------------------------------------------------------------------------
    def show_year_grid(self) -> None:
        self.ensure_ui()
        self.tabs.setCurrentWidget(self.year_grid)

    # --- reacting ----------------------------------------------------------------------------------------------
    def _plan_changed(self) -> None:
        if self.sections.stale and self.isVisible():
            self.sections.refresh()
        elif self._ui_built:
            self.sections.follow_current()   # the current activity may be tied to another section now
        period = self._period()
        self.library_control.period_changed(period)
        if period != self._period_seen:
            if self._period_seen is not None:
                self._report_outside()
            self._period_seen = period
        self._update_actions()

    def _report_outside(self) -> None:
        """After the period changed: say which activities now fall outside it
        (they stay in the plan, grouped at the end)."""
        outside = sch.outside_activities(self.plan)
        if outside:
            names = "、".join(a.text[:12] or "（无内容）" for a in outside[:3])
            more = "…" if len(outside) > 3 else ""
            self._say(f"有 {len(outside)} 项活动不在新的计划期间内，已列在最后：{names}{more}。"
                      "请把它们移到期间内的月份，或者删除。")

    def _current_changed(self, *args) -> None:
        self.sections.follow_current()
        self._update_actions()

    def _update_actions(self, *args) -> None:
        has_plan = self.session is not None
        writable = has_plan and not self.session.read_only
        selected = bool(self.selected_ids()) if has_plan else False
        current = self.current_id() is not None if has_plan else False
        for action in self._edit_actions:
            action.setEnabled(writable)
        self.delete_action.setEnabled(writable and selected)
        self.duplicate_action.setEnabled(writable and selected)
        self.months_action.setEnabled(writable and selected)
        self.up_action.setEnabled(writable and current)
        self.down_action.setEnabled(writable and current)
        self.library_to_action.setEnabled(writable and current)
        self.jump_action.setEnabled(current)
        self.library_action.setEnabled(has_plan)
        self.grid_action.setEnabled(has_plan)

    def _context_menu(self, pos) -> None:
        if self.session is None:
            return
        menu = QMenu(self)
        for action in (self.add_action, self.duplicate_action, self.delete_action, None, self.up_action,
                       self.down_action, self.months_action, None):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        ids = self.selected_ids()
        if ids:
            self.sections.add_menu(menu, ids)
        menu.addAction(self.jump_action)
        menu.addSeparator()
        menu.addAction(self.paste_action)
        menu.addAction(self.library_to_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))


__all__ = ["ScheduleView", "COL_MONTH", "COL_TEXT", "COL_OWNER", "COL_NOTE", "COL_DONE"]
