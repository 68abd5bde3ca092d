"""The editor's main window: wires the panels, owns the undo stack and the
plan's life (new, open, save as, close, export).

Panels emit signals; only this module connects them. Every change to the
plan goes through `self.editor` (gui/editor.py): an undoable command applied
through the session.

A plan that cannot be written to its own file (the built-in sample, a
read-only file, a file whose last write failed) can still be edited in
memory, like an untitled document in Word: the banner and the status bar
say so, and 另存为 (or the question when closing) keeps the work.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (QDockWidget, QFrame, QHBoxLayout, QLabel, QMainWindow,
                               QPushButton, QSplitter, QStackedWidget, QTabWidget,
                               QToolBar, QVBoxLayout, QWidget)

from ..core.edits import (Batch, SetBody, SetHeading, SetMeta, SetOptions,
                          SetParagraphs)
from ..models.outline_model import META, PREAMBLE, SECTION, CLOSING, OutlineModel
from ..models.session import PlanSession
from . import alerts, recovery, settings
from .actions import build_menus, create_actions
from .outline_actions import OutlineActionsMixin
from .outline_view import OutlineView
from .plan_files import PlanFilesMixin
from .section_editor import SectionEditor
from .status import PlanStatusBar
from .editor import Editor
from .host import WindowHost


log = logging.getLogger(__name__)


class MainWindow(PlanFilesMixin, OutlineActionsMixin, QMainWindow):
    #: Another plan is shown (its session, after every panel took it): the
    #: helpers that follow the open plan (print preview, rollover lists) listen.
    session_changed = Signal(object)

    def __init__(self, path=None, parent=None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)   # a .ghjh, .docx or .txt dropped on the window
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.editor = Editor(self.undo_stack, None, self)
        self.session: PlanSession | None = None
        self.is_sample = False
        self._failure: str | None = None   # the last save failure, until a write succeeds
        self._restoring_tree = False
        self._plan_recount = True          # the plan changed since the status bar counted it
        self._stack_index = 0              # where the undo stack stood (undo/redo show the place)

        self._build_panels()
        self.actions_ = create_actions(self)
        self.menus = build_menus(self, self.actions_)
        for action in (self.actions_.add_after, self.actions_.add_child, self.actions_.rename,
                       self.actions_.delete, self.actions_.move_up, self.actions_.move_down,
                       self.actions_.outdent, self.actions_.indent):
            self.outline_view.addAction(action)
        for action in (self.actions_.add_after, self.actions_.add_child, self.actions_.delete,
                       None, self.actions_.move_up, self.actions_.move_down,
                       self.actions_.outdent, self.actions_.indent):
            if action is None:
                self.outline_tools.addSeparator()
            else:
                self.outline_tools.addAction(action)
        self.menus.recent.aboutToShow.connect(self._fill_recent_menu)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self._install_schedule_actions()
        self.install_extensions()

        settings.restore_window(self)   # a saved geometry only when it fits; else one that does
        if path is None or not self.open_path(path):
            self.show_sample()

    # ------------------------------------------------------------------ layout
    def _build_panels(self) -> None:
        self.outline_model = OutlineModel(None, parent=self)
        self.outline_view = OutlineView(self)
        self.outline_view.setModel(self.outline_model)
        self.section_panel = SectionEditor(self)
        self.section_editor = self.section_panel.editor
        self._properties_panel = None   # made when the plan's properties are first shown
        self.editor_stack = QStackedWidget(self)
        self.editor_stack.setObjectName("editorStack")
        self.editor_stack.addWidget(self.section_panel)

        self.outline_tools = QToolBar(self)
        self.outline_tools.setObjectName("outlineToolBar")
        self.outline_tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.outline_tools.setIconSize(QSize(12, 12))
        outline_pane = QWidget(self)
        pane_layout = QVBoxLayout(outline_pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.setSpacing(2)
        pane_layout.addWidget(self.outline_tools)
        pane_layout.addWidget(self.outline_view, 1)
        # The outline keeps room for its tools (升级/降级 not hidden behind ») and
        # for the start of its titles, whatever panel opens beside the text.
        self.outline_pane = outline_pane
        tree_font = QFont(self.outline_view.font())
        tree_font.setPointSizeF(tree_font.pointSizeF() * 1.1)
        self.outline_view.setFont(tree_font)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("outlineSplitter")
        splitter.addWidget(outline_pane)
        splitter.addWidget(self.editor_stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([340, 860])
        self.splitter = splitter

        self.schedule_view = self._make_schedule_view()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(splitter, "大纲与正文")
        self.tabs.addTab(self.schedule_view, "月份安排")

        self.banner = QFrame(self)
        self.banner.setObjectName("banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet("#banner { background: #fff4d6; border: 1px solid #e0c070; }")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName("bannerText")
        self.banner_label.setWordWrap(True)
        self.banner_save_as = QPushButton("另存为…", self.banner)
        self.banner_save_as.setObjectName("bannerSaveAs")
        self.banner_save_as.clicked.connect(self.save_as)
        self.banner_new = QPushButton("新建计划…", self.banner)
        self.banner_new.clicked.connect(self.new_plan)
        self.banner_open = QPushButton("打开…", self.banner)
        self.banner_open.clicked.connect(self.open_plan)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.banner_save_as)
        row.addWidget(self.banner_new)
        row.addWidget(self.banner_open)
        self.banner.hide()

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.status = PlanStatusBar(self)
        self.setStatusBar(self.status)

        self.find_dock = QDockWidget("查找和替换", self)
        self.find_dock.setObjectName("findDock")
        self.find_dock.hide()
        self.placeholder_dock = QDockWidget("未填写的占位内容", self)
        self.placeholder_dock.setObjectName("placeholderDock")
        self.placeholder_dock.hide()
        self._build_docks()

        self.outline_model.edit_requested.connect(self.push_edit)
        self.outline_view.current_changed.connect(self._show_current)
        self.outline_view.indent_requested.connect(self.indent_section)
        self.outline_view.outdent_requested.connect(self.outdent_section)
        self.outline_view.expanded.connect(self._tree_toggled)
        self.outline_view.collapsed.connect(self._tree_toggled)
        self.section_panel.body_edited.connect(self._body_typed)
        self.section_panel.heading_edited.connect(self._heading_typed)
        self.section_panel.typing_paused.connect(self._end_typing_round)

    # --- side panels (查找和替换, 未填写, 新年度修改, 导入报告) ------------------------------
    def addDockWidget(self, area, dock, *args):
        """Every side panel, whoever adds it, opens at a sensible width."""
        super().addDockWidget(area, dock, *args)
        dock.visibilityChanged.connect(lambda visible, d=dock: self._fit_side_panel(d, visible))

    def side_panel_width(self) -> int:
        """About a quarter of the window, 260 to 400 pixels: enough for a list
        of places and text, not so much that the outline is squeezed."""
        return int(min(max(self.width() * 0.26, 260), 400))

    def _fit_side_panel(self, dock, visible: bool) -> None:
        if not visible or dock.isFloating():
            return
        self._protect_outline()
        wanted = self.side_panel_width()
        if dock.width() > wanted * 1.2 or dock.width() < wanted * 0.6:
            self.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)

    def _protect_outline(self) -> None:
        tools = self.outline_tools.sizeHint().width()
        self.outline_pane.setMinimumWidth(min(max(tools, 220), 360))
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[0] < self.outline_pane.minimumWidth():
            total = sum(sizes)
            left = min(self.outline_pane.minimumWidth() + 40, total // 2)
            self.splitter.setSizes([left, total - left])

    @property
    def properties_panel(self):
        """The plan's properties and layout options (made the first time they are shown)."""
        if self._properties_panel is None:
            from .properties_panel import PropertiesPanel

            panel = PropertiesPanel(self)
            self.editor_stack.addWidget(panel)
            panel.meta_edited.connect(self._meta_edited)
            panel.year_edited.connect(self._year_edited)
            panel.options_edited.connect(self._options_edited)
            self._properties_panel = panel
            if self.session is not None:
                panel.set_session(self.session)
        return self._properties_panel

    def _build_docks(self) -> None:
        """Find/replace and the placeholder list: the docks now (the window's
        saved layout places them), their panels when first shown or used."""
        self._find_panel = None
        self._placeholder_panel = None
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.find_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.placeholder_dock)
        self.tabifyDockWidget(self.find_dock, self.placeholder_dock)
        self.find_dock.visibilityChanged.connect(self._find_dock_shown)
        self.placeholder_dock.visibilityChanged.connect(self._placeholder_dock_shown)

    def _find_dock_shown(self, visible: bool) -> None:
        if visible:
            self.find_panel  # noqa: B018 - made on first access
        self._mark_find_matches()

    def _mark_find_matches(self, *_args) -> None:
        """While find and replace is open, what it looks for is marked in the text."""
        panel = self._find_panel
        if panel is not None and self.find_dock.isVisible():
            self.section_editor.highlight(panel.find_text.text(), panel.match_case.isChecked())
        else:
            self.section_editor.highlight("")

    def _placeholder_dock_shown(self, visible: bool) -> None:
        if visible:
            self.placeholder_panel  # noqa: B018 - made on first access

    @property
    def find_panel(self):
        if self._find_panel is None:
            from .find_replace import FindReplacePanel

            panel = FindReplacePanel(self)
            self.find_dock.setWidget(panel)
            panel.replace_requested.connect(self._replace_texts)
            panel.location_requested.connect(self.go_to_location)
            panel.close_requested.connect(self._close_find)
            panel.find_text.textChanged.connect(self._mark_find_matches)
            panel.match_case.toggled.connect(self._mark_find_matches)
            panel.replaced.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._find_panel = panel
            panel.set_session(self.session)
        return self._find_panel

    @property
    def placeholder_panel(self):
        if self._placeholder_panel is None:
            from .placeholder_panel import PlaceholderPanel

            panel = PlaceholderPanel(self)
            self.placeholder_dock.setWidget(panel)
            panel.location_requested.connect(self.go_to_location)
            self._placeholder_panel = panel
            panel.set_session(self.session)
        return self._placeholder_panel

    def _make_schedule_view(self):
        from .schedule_view import ScheduleView

        view = ScheduleView(None, self.editor, self)
        view.section_requested.connect(self._schedule_wants_section)
        return view

    def _install_schedule_actions(self) -> None:
        actions = list(self.schedule_view.actions())
        for action in actions:
            self.menus.schedule.addAction(action)
        self.menus.schedule.menuAction().setVisible(bool(actions))

    def install_extensions(self) -> None:
        """The helpers that add to the File menu: printing and PDF
        (gui/print_actions.py), Word import and the next year's plan
        (gui/rollover_actions.py), the year's summary (gui/summary_actions.py),
        and the background backups. Each gets the window's narrow face
        (WindowHost); the window keeps them."""
        from .background_backups import BackgroundBackups
        from .print_actions import install_print_actions
        from .rollover_actions import install_rollover_actions
        from .summary_actions import install_summary_actions

        file_menu = self.menus.file
        self.host = WindowHost(self, self.editor, self.session_changed,
                               lambda text: self.statusBar().showMessage(text, 10000),
                               self.show_placeholders, self.open_path, self.go_to_location,
                               self.add_list_dock)
        self.print_actions = install_print_actions(self.host, file_menu, self.menus.export_anchor)
        self.summary_actions = install_summary_actions(self.host, file_menu)  # 生成年度工作总结
        # After a rollover from last year's file, last year's 工作总结 beside it is offered.
        self.rollover_actions = install_rollover_actions(self.host, file_menu,
                                                         self.summary_actions.offer_opening)
        self.background_backups = BackgroundBackups(self.host)   # backups while editing

    def add_list_dock(self, dock: QDockWidget) -> None:
        """A helper's list (the rollover review, the import report) on the
        right, tabbed with the placeholder list."""
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.tabifyDockWidget(self.placeholder_dock, dock)

    # ------------------------------------------------------------- the session
    def set_session(self, session: PlanSession, is_sample: bool = False) -> None:
        """Show another plan: every panel follows; the undo history starts anew."""
        old = self.session
        self.editor.set_session(session)
        self.session = session
        self._plan_recount = True
        self.is_sample = is_sample
        self._failure = None
        session.setParent(self)
        session.changed.connect(self._plan_changed)
        session.save_state_changed.connect(self._save_state_changed)
        session.save_failed.connect(self._save_failed)
        self.outline_model.set_session(session)
        self.section_panel.set_session(session)
        if self._properties_panel is not None:
            self._properties_panel.set_session(session)
        self.schedule_view.set_session(session)
        for panel in (self._find_panel, self._placeholder_panel):
            if panel is not None:
                panel.set_session(session)
        if old is not None and old is not session:
            old.blockSignals(True)
            old.close()
            old.deleteLater()
        self._restore_tree_state()
        first = self.session.plan.sections[0].id if self.session.plan.sections else None
        if first is not None:
            self.outline_view.select_section(first)
        else:
            self.outline_view.select_kind(META)
        self._update_state()
        self.session_changed.emit(session)

    def show_sample(self) -> None:
        from ..resources import sample_plan

        self.set_session(PlanSession(sample_plan(), None), is_sample=True)

    def _restore_tree_state(self) -> None:
        collapsed: list[str] = []
        plan_file = self.session.plan_file if self.session is not None else None
        if plan_file is not None:
            try:
                collapsed = plan_file.get_ui("collapsed", []) or []
            except Exception:  # a view preference is never worth an error; logged
                log.warning("the outline's collapsed sections could not be read", exc_info=True)
                collapsed = []
        self._restoring_tree = True
        try:
            self.outline_view.apply_collapsed(collapsed)
        finally:
            self._restoring_tree = False

    def _tree_toggled(self, _index=None) -> None:
        if not self._restoring_tree:
            self._save_tree_state()

    def _save_tree_state(self) -> None:
        plan_file = self.session.plan_file if self.session is not None else None
        if plan_file is None or plan_file.read_only:
            return
        from ..core.files import PlanFileProblem as StoreError
        try:
            plan_file.set_ui("collapsed", self.outline_view.collapsed_ids())
        except StoreError:
            pass  # a failed write is reported by the next edit's save

    # ----------------------------------------------------------------- editing
    def can_write(self) -> bool:
        return (self.session is not None and self.session.plan_file is not None
                and not self.session.read_only)

    def push_edit(self, edit, text: str, debounce: bool = False, merge_key: str | None = None) -> bool:
        """The outline's and the editors' changes: through the one editor;
        a change that cannot be made is said in a message box."""
        if self.editor.push(edit, text, debounce, merge_key):
            return True
        if self.editor.last_error:
            alerts.error(self, self.editor.last_error)
        return False

    def _stack_moved(self, index: int) -> None:
        """After undo or redo of a text edit made elsewhere, show where it
        happened: select its section and put the cursor at the change."""
        previous, self._stack_index = self._stack_index, index
        if abs(index - previous) != 1:
            return   # a jump of several steps (clear, history view): nothing to point at
        undone = index < previous
        command = self.undo_stack.command(index if undone else index - 1)
        edit = getattr(command, "edit", None)
        if isinstance(edit, (SetBody, SetHeading, SetParagraphs)):
            self._show_edit_place(command, undone)

    def _show_edit_place(self, command, undone: bool) -> None:
        edit = command.edit
        inverse = getattr(command, "inverse", None)
        after, before = (inverse, edit) if undone else (edit, inverse)
        if isinstance(edit, SetParagraphs):
            kind, section_id = edit.target, None
        else:
            kind, section_id = SECTION, edit.section_id
        if self.section_panel.target == (kind, section_id) and \
                self.editor_stack.currentWidget() is self.section_panel and self.tabs.currentIndex() == 0:
            moved = False
        else:
            self.tabs.setCurrentIndex(0)
            if kind == SECTION:
                moved = self.outline_view.select_section(section_id)  # type: ignore[arg-type]  # SECTION: a section's id
            else:
                self.outline_view.select_kind(kind)
                moved = True
            if not moved:
                return
        if isinstance(edit, SetHeading):
            if moved:
                text = after.heading if after is not None else ""
                position = _first_difference(text, before.heading if before is not None else "")
                self.section_panel.select_heading(position, position)
            return
        if not moved:
            return   # already there: the editor keeps its own cursor
        new = (after.paragraphs if isinstance(after, SetParagraphs) else after.body) if after else []
        old = (before.paragraphs if isinstance(before, SetParagraphs) else before.body) if before else []
        paragraph, position = 0, 0
        for paragraph in range(max(len(new), len(old))):
            a = new[paragraph] if paragraph < len(new) else ""
            b = old[paragraph] if paragraph < len(old) else ""
            if a != b:
                position = _first_difference(a, b)
                break
        paragraph = min(paragraph, max(len(new) - 1, 0))
        self.section_panel.select_text(paragraph, position, position)

    def _end_typing_round(self) -> None:
        self.editor.break_typing()

    def _body_typed(self, kind: str, section_id, paragraphs) -> None:
        edit: SetBody | SetParagraphs
        if kind == SECTION:
            edit = SetBody(section_id, paragraphs)
        elif kind in (PREAMBLE, CLOSING):
            edit = SetParagraphs(kind, paragraphs)
        else:
            return
        key = f"body:{kind}:{section_id}"
        self.push_edit(edit, "输入文字", debounce=True, merge_key=key)

    def _heading_typed(self, section_id: str, heading: str) -> None:
        key = f"heading:{section_id}"
        self.push_edit(SetHeading(section_id, heading), "修改标题", debounce=True,
                       merge_key=key)

    def _meta_edited(self, changes: dict, merge_key: str) -> None:
        if "period" in changes:
            self._period_edited(changes)
            return
        self.push_edit(SetMeta(changes), "修改计划属性",
                       debounce=bool(merge_key), merge_key=merge_key or None)

    def _period_edited(self, changes: dict) -> None:
        """Another period: activities are re-filed by calendar month in the same
        step; those the new period does not cover are kept and named."""
        from ..core.schedule import refile_for_period

        assert self.session is not None, "the properties panel edits an open plan"
        changes = dict(changes)
        period = changes.pop("period")
        edit, outside = refile_for_period(self.session.plan, period, extra_meta=changes)
        self.push_edit(edit, "更改计划期间")
        if outside:
            names = "、".join(a.text[:12] for a in outside[:5])
            more = f"等 {len(outside) - 5} 项" if len(outside) > 5 else ""
            self.statusBar().showMessage(f"{len(outside)} 项活动不在新的计划期间内（已保留）：{names}{more}", 15000)

    def _options_edited(self, changes: dict) -> None:
        self.push_edit(SetOptions(changes), "修改格式选项")

    def _year_edited(self, year: int) -> None:
        """The plan moves to another year: period, months and the year in the
        title move along, as one step."""
        from ..core.schedule import year_change_edit

        assert self.session is not None, "the properties panel edits an open plan"
        self.push_edit(year_change_edit(self.session.plan, year), "更改年度",
                       merge_key="year")

    # --- what is shown on the right ---------------------------------------------------
    def _show_current(self, kind, section_id) -> None:
        if self.session is None:
            return
        self._end_typing_round()
        if self.session.plan_file is not None:
            self.session.flush()
        if kind == META:
            self.properties_panel.refresh()
            self.editor_stack.setCurrentWidget(self.properties_panel)
        else:
            place = self._place_of(section_id) if kind == SECTION else ""
            self.section_panel.show_target(kind, section_id, place)
            self.editor_stack.setCurrentWidget(self.section_panel)
        self.schedule_view.highlight_section(section_id if kind == SECTION else None)
        self._update_counts()
        self._update_outline_actions()

    def _schedule_wants_section(self, section_id: str) -> None:
        if self.outline_view.select_section(section_id):
            self.tabs.setCurrentIndex(0)

    def select_section(self, section_id: str) -> bool:
        self.tabs.setCurrentIndex(0)
        return self.outline_view.select_section(section_id)

    def go_to_location(self, location, start: int = 0, end: int = 0) -> None:
        """Show a place in the plan (find results, placeholders) with the match selected."""
        kind = location.kind
        if kind == "meta":
            self.tabs.setCurrentIndex(0)
            self.outline_view.select_kind(META)
            widget = {"title": self.properties_panel.title,
                      "organization": self.properties_panel.organization,
                      "signature": self.properties_panel.signature}.get(location.field)
            if widget is not None:
                widget.setFocus()
                widget.setSelection(start, end - start)
            elif location.field == "date":
                self.properties_panel.date_set.setFocus()
        elif kind in (PREAMBLE, CLOSING):
            self.tabs.setCurrentIndex(0)
            self.outline_view.select_kind(kind)
            self.section_panel.select_text(location.index or 0, start, end)
        elif kind == "section":
            if not self.select_section(location.id):
                return
            if location.field == "heading":
                self.section_panel.select_heading(start, end)
            else:
                self.section_panel.select_text(location.index or 0, start, end)
        elif kind == "activity":
            self.tabs.setCurrentWidget(self.schedule_view)
            self.schedule_view.select_activity(location.id)

    # --- reacting to the plan ---------------------------------------------------------
    def _plan_changed(self) -> None:
        self._plan_recount = True
        self.section_panel.refresh(self._current_number())
        if self._properties_panel is not None and \
                self.editor_stack.currentWidget() is self._properties_panel:
            self._properties_panel.refresh()
        for panel in (self._find_panel, self._placeholder_panel):
            if panel is not None:
                panel.plan_changed()
        self._update_state()

    def _place_of(self, section_id: str) -> str:
        """一、工作目标 › （二）: the parents with their headings, then the number."""
        assert self.session is not None, "a place in the open plan"
        plan = self.session.plan
        try:
            path = plan.path_of(section_id)
        except KeyError:
            return ""
        parts = []
        items = plan.sections
        for depth, index in enumerate(path):
            section = items[index]
            number = self.outline_model.number(section.id)
            parts.append(number if depth == len(path) - 1 else number + section.heading)
            items = section.children
        return " › ".join(parts)

    def _current_number(self) -> str:
        kind, section_id = self.section_panel.target
        if kind == SECTION and section_id is not None:
            return self._place_of(section_id)
        return ""

    def _update_counts(self) -> None:
        if self.session is None:
            return
        kind, section_id = self.section_panel.target
        if self._properties_panel is not None and \
                self.editor_stack.currentWidget() is self._properties_panel:
            kind = META
        self.status.show_counts(self.session.plan, kind, section_id, plan_changed=self._plan_recount)
        self._plan_recount = False

    def _save_state_changed(self, saved: bool) -> None:
        if saved:
            self._failure = None
            if self.session is not None and self.session.path is not None:
                recovery.discard(self.session.path)
        self._update_state()

    def _save_failed(self, message: str) -> None:
        first = self._failure is None
        self._failure = message
        self._update_state()
        if first:
            if getattr(self.session, "recovery_written", True):
                advice = "您输入的内容没有丢失：它仍保留在程序中，并已另外写了一份恢复副本。可以用“另存为”把计划保存到其他位置。"
            else:
                advice = ("您输入的内容暂时没有丢失：它仍保留在程序中，但恢复副本也没能写入。请用“另存为”把计划保存到另一个磁盘或U盘上，"
                          "保存之前不要关闭程序。")
            alerts.error(self, message + "\n\n" + advice, "未保存")

    def _update_state(self) -> None:
        """Window title, banner and status bar for the current save state."""
        session = self.session
        if session is None:
            return
        plan = session.plan
        name = os.path.basename(str(session.path)) if session.path else "示例计划"
        title = plan.meta.title or "未命名计划"
        self.setWindowTitle(f"{title} — {name}[*] - 工会工作计划")
        self.setWindowModified(not session.saved)
        banner = None
        if self.is_sample:
            banner = "示例计划：可以随意查看和试改；要保留修改请“另存为”，或新建自己的计划。"
            reason = "示例计划"
        elif session.read_only and session.plan_file is not None:   # read-only implies a file
            banner = session.plan_file.notice or "文件是只读的。"
            reason = "文件只读"
        elif self._failure is not None:
            banner = self._failure
            reason = "写入失败"
        else:
            reason = ""
        self.banner_label.setText(banner or "")
        self.banner.setVisible(banner is not None)
        self.banner_new.setVisible(self.is_sample)
        self.banner_open.setVisible(self.is_sample)
        self.status.show_notice("只读" if session.read_only else None)
        if self.is_sample and session.saved:
            self.status.show_note("示例计划，尚未存为文件")
        elif session.saved:
            self.status.show_saved()
        elif reason:
            self.status.show_unsaved(reason)
        else:
            self.status.show_saving()
        self._update_counts()
        self._update_outline_actions()

    def _update_outline_actions(self) -> None:
        has_section = self.current_section_id() is not None
        for action in (self.actions_.delete, self.actions_.rename, self.actions_.move_up,
                       self.actions_.move_down, self.actions_.indent, self.actions_.outdent,
                       self.actions_.add_child):
            action.setEnabled(has_section)

    # ------------------------------------------------------------------- save
    def save_plan(self) -> bool:
        """Ctrl+S, pressed by habit: every edit is saved as it is made, so on a
        plan file this writes what is still waiting (typing, the cell being
        edited) and says so; the sample or a read-only file asks where to save."""
        if self.session is None:
            return False
        self.schedule_view.commit_editing()
        if self.is_sample or self.session.plan_file is None or self.session.read_only:
            return self.save_as()
        if self.write_pending_now():
            self.statusBar().showMessage("已保存", 5000)
            return True
        return False

    def write_pending_now(self) -> bool:
        """The one place the window asks for pending typing to be written at
        once (the session's debounced write); True when the file is up to date."""
        return self.session is not None and self.session.flush()

    # -------------------------------------------------------------- find, check
    def show_find(self, replace: bool = False) -> None:
        self.find_dock.show()
        self.find_dock.raise_()
        self.find_panel.start(replace=bool(replace))

    def find_next(self, backwards: bool = False) -> None:
        """F3 / Shift+F3: the next (previous) match; the panel opens when hidden."""
        if not self.find_dock.isVisible():
            self.show_find()
            if not self.find_panel.find_text.text():
                return
        self.find_panel.find_next(backwards=bool(backwards))

    def _close_find(self) -> None:
        self.find_dock.hide()
        if self.tabs.currentIndex() == 0:
            self.section_editor.setFocus()

    def show_placeholders(self) -> None:
        panel = self.placeholder_panel
        if panel.isVisible():
            panel.refresh()   # asked again while shown: check again
        self.placeholder_dock.show()
        self.placeholder_dock.raise_()   # when it comes into view it reads a changed plan again

    def _replace_texts(self, changes: dict, text: str) -> None:
        from ..core.locations import set_texts_edits

        assert self.session is not None, "find and replace works on an open plan"
        edits = set_texts_edits(self.session.plan, changes)
        if edits:
            self.push_edit(Batch(edits), text)

    def show_manual(self) -> None:
        """帮助 → 使用说明: a short guide shipped with the program (no network)."""
        from ..dialogs.manual import ManualDialog

        dialog = getattr(self, "_manual", None)
        if dialog is None:
            dialog = self._manual = ManualDialog(self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def show_about(self) -> None:
        from .. import __version__
        alerts.info(self, f"工会工作计划编辑器，版本 {__version__}。\n用于编写工会年度工作计划，并按公文格式导出。", "关于")

    # ------------------------------------------------------------------- drops
    def _dropped_file(self, mime) -> str | None:
        from .section_editor import dropped_plan_file

        return dropped_plan_file(mime)

    def dragEnterEvent(self, event):
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        """A plan file opens (as 打开 would); a Word or text file is imported
        as last year's plan (as 导入 Word/文本计划 would)."""
        path = self._dropped_file(event.mimeData())
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.open_dropped(path)

    def open_dropped(self, path: str) -> None:
        if path.lower().endswith(".ghjh"):
            self.open_path(path)   # (asks about unsaved work first)
        else:
            self.rollover_actions.import_path(path)

    # ------------------------------------------------------------------- close
    def closeEvent(self, event):
        if not self.may_leave_plan():
            event.ignore()
            return
        self._save_tree_state()
        settings.save_window(self)
        if self.session is not None:
            self.background_backups.wait(5)   # one backup at a time in the plan's folder
            if self.session.plan_file is not None and self.session.flush():
                recovery.backup(self.session.plan_file)
            self.session.close()
        event.accept()


def _first_difference(a: str, b: str) -> int:
    """Where two versions of a text part (the place of the change), within a."""
    for position, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return position
    return min(len(a), len(b))
