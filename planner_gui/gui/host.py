"""What the editor window hands the helpers that add to it (print, rollover,
the year's summary, the background backups).

A helper sees the open plan, the one edit path and the window's signal for
"another plan is open now", plus the few things it asks of the window by
name (a status line, the placeholder list, opening a made file, showing a
place in the plan, a list docked beside the placeholder list); it does not
reach into the window for anything else. Messages and pickers go through
`alerts`, with `parent` as their parent. The window builds one host and
installs and keeps the helpers; a helper never attaches itself to the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QDockWidget, QWidget

    from ..core.locations import Location
    from ..models.session import PlanSession
    from .editor import Editor


@dataclass(frozen=True)
class WindowHost:
    parent: QWidget                          # owns the helpers' actions, dialogs and alerts
    editor: Editor                           # the one edit path (and its undo stack); its session is the open plan
    session_changed: SignalInstance          # emitted with the new session when a plan is opened
    show_status: Callable[[str], None]       # a passing line in the status bar
    show_placeholders: Callable[[], None]    # the list of unfilled placeholders
    open_path: Callable[[str], bool]         # open a plan file as 打开 does (asks about unsaved work); True when shown
    go_to_location: Callable[[Location, int, int], None]   # show a place in the plan, start..end selected
    add_dock: Callable[[QDockWidget], None]  # dock a list on the right, tabbed with the placeholder list

    @property
    def session(self) -> PlanSession | None:
        """The plan open in the window (None before the first one)."""
        return self.editor.session
