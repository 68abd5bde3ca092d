"""What the editor window hands the helpers that add to it (print, rollover).

A helper sees the open plan, the one edit path and the window's signal for
"another plan is open now", plus the few things it shows through the window
(a status line, the placeholder list); it does not reach into the window for
anything else. Messages and pickers go through `alerts`, with `parent` as
their parent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from ..models.session import PlanSession
    from .editor import Editor


@dataclass(frozen=True)
class WindowHost:
    parent: QWidget                          # owns the helpers' actions, dialogs and alerts
    editor: Editor                           # the one edit path; its session is the open plan
    session_changed: SignalInstance          # emitted with the new session when a plan is opened
    show_status: Callable[[str], None]       # a passing line in the status bar
    show_placeholders: Callable[[], None]    # the list of unfilled placeholders

    @property
    def session(self) -> PlanSession | None:
        """The plan open in the window (None before the first one)."""
        return self.editor.session
