"""What the editor remembers between runs (QSettings, organization
"planner_gui"): window geometry and state, recent files, the last folder."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

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
    path = os.path.abspath(path)
    files = [path] + [p for p in recent_files() if os.path.abspath(p) != path]
    files = files[:MAX_RECENT]
    settings().setValue("recent_files", files)
    return files


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


def restore_window(window) -> bool:
    store = settings()
    geometry = store.value("window/geometry")
    state = store.value("window/state")
    restored = bool(geometry) and window.restoreGeometry(geometry)
    if state:
        window.restoreState(state)
    return restored
