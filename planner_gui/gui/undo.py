"""QUndoCommand over a core edit, so every change is undoable the same way."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QUndoCommand

from ..core.edits import Edit, EditError, SetBody, SetHeading, SetMeta, SetOptions, SetParagraphs

log = logging.getLogger(__name__)

#: Edits whose consecutive repeats (same merge_key) are one undo step: typing.
MERGEABLE = (SetBody, SetParagraphs, SetHeading, SetMeta, SetOptions)


class EditCommand(QUndoCommand):
    """Applies `edit` through the session on redo and its inverse on undo.

    Commands hold the edit (stable ids), never a QModelIndex. Consecutive
    typing in one paragraph list merges into one undo step.
    """

    MERGE_ID = 0x6A68

    def __init__(self, session, edit: Edit, text: str, debounce: bool = False,
                 merge_key: str | None = None):
        super().__init__(text)
        self.session = session
        self.edit = edit
        self.inverse: Edit | None = None
        self.debounce = debounce
        self.merge_key = merge_key
        self.error: Exception | None = None

    def redo(self):
        # An exception cannot cross Qt's push(); an edit that does not apply
        # (a stale id) marks the command obsolete so the stack drops it, and
        # the caller reads `error`.
        try:
            self.inverse = self.session.apply(self.edit, debounce=self.debounce)
        except Exception as exc:
            if not isinstance(exc, EditError):
                log.exception("an edit could not be applied: %s", self.text())
            self.error = exc
            self.inverse = None
            self.setObsolete(True)

    def undo(self):
        if self.inverse is not None:
            self.session.apply(self.inverse)

    def id(self):
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other):
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if other.error is not None or self.error is not None:
            return False
        if not isinstance(other.edit, MERGEABLE) or type(other.edit) is not type(self.edit):
            return False
        if isinstance(other.edit, (SetMeta, SetOptions)):
            if set(other.edit.changes) != set(self.edit.changes):
                return False
        # Keep our inverse (the text before the first keystroke); take their edit.
        self.edit = other.edit
        return True


class WindowUndoKeys(QObject):
    """Lets Ctrl+Z / Ctrl+Y in a text field reach the window's undo stack.

    Text widgets claim the undo keys for their own small undo history; here
    every change is a step on the window's one stack, so the keys must go to
    its actions instead (the field's own history is switched off)."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.ShortcutOverride and is_undo_key(event):
            event.ignore()
            return True
        if event.type() == QEvent.KeyPress and is_undo_key(event):
            event.ignore()
            return True
        return False


def is_undo_key(event) -> bool:
    combo = event.keyCombination().toCombined()
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    return combo in (QKeySequence("Ctrl+Y")[0].toCombined(), QKeySequence("Ctrl+Shift+Z")[0].toCombined())  # type: ignore[index]  # QKeySequence[i] works; the stubs lack __getitem__
