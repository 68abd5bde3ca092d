"""The one way an edit reaches the plan.

Every change a user makes (typing, the outline, the month table, accepting
new-year changes, a summary's opening) is pushed here: an EditCommand on the
window's one undo stack, applied through the session (core → models + store).
Nothing else calls session.apply. Callers show a failure their own way (a
message box, the month table's status line) from `last_error`, a sentence
for the user.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from ..core.edits import Edit, EditError
from .undo import EditCommand


class Editor(QObject):
    """The undo stack and the session it applies to."""

    def __init__(self, undo_stack: QUndoStack, session=None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.session = session
        self.last_error = ""
        self.last_command: EditCommand | None = None   # the step pushed last (the rollover review tracks it)
        # Typing merges into one undo step until something else happens in
        # between (another edit, undo, leaving the field, another section).
        self._typing_index = -1
        self._typing_round = 0

    def set_session(self, session) -> None:
        """Another plan: its history starts empty."""
        self.session = session
        self.undo_stack.clear()
        self._typing_round += 1

    def break_typing(self) -> None:
        """The next keystroke starts a new undo step (a pause, another field)."""
        self._typing_round += 1

    def push(self, edit: Edit | None, text: str, debounce: bool = False, merge_key: str | None = None) -> bool:
        """Apply `edit` as one undoable step named `text` (撤销“text”).

        debounce: typing, written to disk after a short pause (the session's
        deadline); merge_key: consecutive edits with the same key are one step.
        False when nothing was changed, with the reason in `last_error` ("" when
        there was nothing to do). A plan whose file cannot be written (the
        sample, a read-only file) is edited in memory, as the window says."""
        self.last_error = ""
        session = self.session
        if edit is None or session is None:
            return False
        if merge_key is not None:
            if self.undo_stack.index() != self._typing_index:
                self._typing_round += 1
            merge_key = f"{merge_key}:{self._typing_round}"
        command = EditCommand(session, edit, text, debounce, merge_key)
        self.last_command = command
        self.undo_stack.push(command)
        if merge_key is not None:
            self._typing_index = self.undo_stack.index()
        if command.error is not None:
            self.last_error = (str(command.error) if isinstance(command.error, EditError)
                               else "无法进行此修改。")
            return False
        return True
