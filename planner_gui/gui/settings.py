"""What the editor remembers between runs (QSettings, organization
"planner_gui"): window geometry and state, recent files, the last folder."""

from __future__ import annotations

import os

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication

ORGANIZATION = "planner_gui"
APPLICATION = "planner_gui"
MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


def recent_files() -> list[str]:
    return _as_list(settings().value("recent_files", []))


def add_recent_file(path: str) -> list[str]:
    return _add_recent_file(settings(), path)


def _add_recent_file(store: QSettings, path: str) -> list[str]:
    path = os.path.abspath(path)
    files = [path] + [p for p in _as_list(store.value("recent_files", [])) if os.path.abspath(p) != path]
    files = files[:MAX_RECENT]
    store.setValue("recent_files", files)
    return files


def remember_file(path: str) -> None:
    """A plan opened or saved: first in the recent files, its folder the
    next dialog's. One QSettings, so the settings file is written once (each
    write locks it and replaces it through a temporary file)."""
    store = settings()
    _add_recent_file(store, path)
    store.setValue("last_folder", os.path.dirname(os.path.abspath(path)))


def remove_recent_file(path: str) -> None:
    path = os.path.abspath(path)
    settings().setValue("recent_files", [p for p in recent_files() if os.path.abspath(p) != path])


def clear_recent_files() -> None:
    settings().setValue("recent_files", [])


def last_folder() -> str:
    folder = settings().value("last_folder", "")
    return folder if isinstance(folder, str) and os.path.isdir(folder) else os.path.expanduser("~")


def set_last_folder(path: str) -> None:
    settings().setValue("last_folder", os.path.dirname(os.path.abspath(path)))


def save_window(window) -> None:
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())


#: What the window manager adds around the window's own geometry (not known
#: before the window is shown): the title bar above, a thin frame elsewhere.
TITLE_BAR, FRAME = 32, 8


def _inner(available: QRect) -> QRect:
    return available.adjusted(FRAME, TITLE_BAR, -FRAME, -FRAME)


def default_geometry(available: QRect) -> QRect:
    """The window's first size: up to 1280×820, never more than the screen's
    free area less the frame (a 1366×768 laptop, or a 1920×1080 screen at
    150 %, leaves about 1366×728 or 1280×680), centred in it."""
    inner = _inner(available)
    rect = QRect(0, 0, max(1, min(1280, inner.width())), max(1, min(820, inner.height())))
    rect.moveCenter(inner.center())
    return rect


def fits(geometry: QRect, available: QRect) -> bool:
    """The window with its frame lies inside the screen's free area."""
    return _inner(available).contains(geometry)


def restore_window(window, available: QRect | None = None) -> bool:
    """The last run's size and place, but only when they fit the screen the
    window opens on now (a smaller screen, another scale factor); otherwise
    a size that fits. True when the saved geometry was used."""
    store = settings()
    geometry = store.value("window/geometry")
    state = store.value("window/state")
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)
    restored = bool(geometry) and window.restoreGeometry(geometry)
    if restored and not window.isMaximized() and not fits(window.geometry(), available):
        restored = False
    if not restored:
        window.setGeometry(default_geometry(available))
    if state:
        window.restoreState(state)
    return restored
