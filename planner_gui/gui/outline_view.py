"""The outline tree on the left: numbering + heading, drag and drop, Tab to
indent. Emits requests; the main window decides and makes the edits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from ..models.outline_model import SECTION, OutlineModel


class OutlineView(QTreeView):
    indent_requested = Signal()
    outdent_requested = Signal()
    current_changed = Signal(object, object)   # kind, section id | None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("outlineView")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked)
        self.setExpandsOnDoubleClick(True)
        self.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.setAutoExpandDelay(600)

    def setModel(self, model):
        old = self.selectionModel()
        super().setModel(model)
        if old is not None:
            old.deleteLater()
        if self.selectionModel() is not None:
            self.selectionModel().currentChanged.connect(self._current_changed)

    def outline_model(self) -> OutlineModel:
        return self.model()  # type: ignore[return-value]  # the view is only given an OutlineModel

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        model = self.outline_model()
        self.current_changed.emit(model.kind(current), model.section_id(current))

    def current_section_id(self) -> str | None:
        index = self.currentIndex()
        model = self.outline_model()
        return model.section_id(index) if model.kind(index) == SECTION else None

    def current_kind(self) -> str | None:
        return self.outline_model().kind(self.currentIndex())

    def select_section(self, section_id: str) -> bool:
        index = self.outline_model().index_for_section(section_id)
        if not index.isValid():
            return False
        self._reveal(index)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def select_kind(self, kind: str) -> bool:
        index = self.outline_model().index_for_kind(kind)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def _reveal(self, index: QModelIndex) -> None:
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()

    # --- expand / collapse state -------------------------------------------------
    def collapsed_ids(self) -> list[str]:
        model = self.outline_model()
        out: list[str] = []

        def visit(parent: QModelIndex):
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if model.rowCount(index):
                    if not self.isExpanded(index):
                        out.append(model.section_id(index))  # type: ignore[arg-type]  # a row with children is a section
                    visit(index)

        visit(QModelIndex())
        return out

    def apply_collapsed(self, collapsed) -> None:
        """Expand everything except the given section ids: Qt expands the
        whole tree in one pass, then the few closed sections fold (expanding
        row by row made the view lay its rows out again for every section)."""
        model = self.outline_model()
        self.expandAll()
        for section_id in dict.fromkeys(collapsed or []):
            index = model.index_for_section(section_id)
            if index.isValid():
                self.collapse(index)

    # --- keys -------------------------------------------------------------------
    def event(self, event):
        # Tab / Shift+Tab indent and outdent here instead of moving the focus.
        if event.type() == QEvent.KeyPress and self.state() != QAbstractItemView.EditingState:
            modifiers = event.modifiers() & ~Qt.KeypadModifier
            if event.key() == Qt.Key_Tab and modifiers == Qt.NoModifier:
                self.indent_requested.emit()
                return True
            if event.key() == Qt.Key_Backtab or (event.key() == Qt.Key_Tab
                                                 and modifiers == Qt.ShiftModifier):
                self.outdent_requested.emit()
                return True
        return super().event(event)
