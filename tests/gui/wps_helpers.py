"""Typing Chinese into real widgets: QTest.keyClicks only knows ASCII, and a
Chinese user types through an input method, which commits whole words."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    """Commit `text` into `widget` (or the focus widget) as an input method does."""
    target = widget or QApplication.focusWidget()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def activate(window, qtbot) -> None:
    """Make the window the active one, as the user's click would: the
    window's shortcuts (Ctrl+S, Ctrl+H, F3) only reach an active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
