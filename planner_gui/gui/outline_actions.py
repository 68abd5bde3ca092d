"""Outline operations of the main window: add, delete, rename, move,
indent and outdent the selected section. Mixed into MainWindow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.edits import (InsertSection, indent_edit, move_by_edit, new_section, outdent_edit,
                          remove_section_edit)
from ..models.outline_model import META, PREAMBLE, SECTION
from . import alerts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow as _WindowBase

    from ..core.edits import Edit
    from ..models.outline_model import OutlineModel
    from ..models.session import PlanSession
    from .outline_view import OutlineView
else:
    _WindowBase = object


class OutlineActionsMixin(_WindowBase):
    """Needs: self.session, outline_view, outline_model, push_edit()."""

    if TYPE_CHECKING:   # what MainWindow provides
        session: PlanSession | None
        outline_view: OutlineView
        outline_model: OutlineModel

        def push_edit(self, edit: Edit | None, text: str, debounce: bool = False,
                      merge_key: str | None = None) -> bool: ...

    # --- outline operations --------------------------------------------------------
    def current_section_id(self) -> str | None:
        return self.outline_view.current_section_id()

    def add_section(self, as_child: bool = False) -> str | None:
        assert self.session is not None, "outline actions are enabled with a plan open"
        plan = self.session.plan
        current = self.current_section_id()
        kind = self.outline_view.current_kind()
        parent_id: str | None
        if current is not None and as_child:
            parent_id, index = current, len(plan.children_of(current))
        elif current is not None:
            parent, row = plan.locate(current)
            parent_id, index = (parent.id if parent else None), row + 1
        elif kind in (META, PREAMBLE):
            parent_id, index = None, 0
        else:
            parent_id, index = None, len(plan.sections)
        section = new_section(plan, "新章节")
        text = "添加下级章节" if as_child and current else "添加章节"
        if not self.push_edit(InsertSection(parent_id, index, section), text):
            return None
        self.outline_view.select_section(section.id)
        self.outline_view.edit(self.outline_view.currentIndex())
        return section.id

    def delete_section(self) -> bool:
        section_id = self.current_section_id()
        if section_id is None:
            return False
        assert self.session is not None, "outline actions are enabled with a plan open"
        plan = self.session.plan
        section = plan.find_section(section_id)
        assert section is not None, "the current section is in the plan"
        label = self.outline_model.number(section_id) + section.heading
        has_text = any(p.strip() for s in section.walk() for p in s.body)
        if section.children or has_text:
            if section.children:
                below = sum(1 for _ in section.walk()) - 1
                question = f"删除“{label}”及其下的 {below} 个下级章节和全部正文吗？"
            else:
                question = f"删除“{label}”及其正文吗？"
            question += "\n删除后可以按 Ctrl+Z 撤销。"
            if not alerts.confirm(self, question, "删除章节", "删除"):
                return False
        parent, row = plan.locate(section_id)
        siblings = parent.children if parent else plan.sections
        after = (siblings[row + 1].id if row + 1 < len(siblings)
                 else siblings[row - 1].id if row > 0 else (parent.id if parent else None))
        if not self.push_edit(remove_section_edit(plan, section_id), "删除章节"):
            return False
        if after is not None:
            self.outline_view.select_section(after)
        return True

    def rename_section(self) -> None:
        index = self.outline_view.currentIndex()
        if self.outline_model.kind(index) == SECTION:
            self.outline_view.edit(index)

    def move_section(self, delta: int) -> bool:
        section_id = self.current_section_id()
        if section_id is None:
            return False
        assert self.session is not None, "outline actions are enabled with a plan open"
        edit = move_by_edit(self.session.plan, section_id, delta)
        return self._move(edit, section_id)

    def indent_section(self) -> bool:
        section_id = self.current_section_id()
        if section_id is None:
            return False
        assert self.session is not None, "outline actions are enabled with a plan open"
        return self._move(indent_edit(self.session.plan, section_id), section_id,
                          "降级章节")

    def outdent_section(self) -> bool:
        section_id = self.current_section_id()
        if section_id is None:
            return False
        assert self.session is not None, "outline actions are enabled with a plan open"
        return self._move(outdent_edit(self.session.plan, section_id), section_id,
                          "升级章节")

    def _move(self, edit, section_id: str, text: str | None = None) -> bool:
        if edit is None:
            return False
        if not self.push_edit(edit, text or "移动章节"):
            return False
        self.outline_view.select_section(section_id)
        return True

    def expand_all(self) -> None:
        self.outline_view.expandAll()

    def collapse_all(self) -> None:
        self.outline_view.collapseAll()
