"""Every message box and file picker of the editor, in one place.

Callers use these functions through the module (`alerts.error(...)`), so tests
replace them in one spot instead of clicking real dialogs. Messages arrive
already written for the user (Chinese through translations); nothing here
shows a traceback.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..store.plan_file import EXTENSION

translate = QCoreApplication.translate


def plan_filter() -> str:
    return translate("alerts", "Work plans (*{ext})").replace("{ext}", EXTENSION)


def error(parent, text: str, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or translate("alerts", "Error"), text)


def warning(parent, text: str, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or translate("alerts", "Notice"), text)


def info(parent, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or translate("alerts", "Information"), text)


def confirm(parent, text: str, title: str | None = None, ok_text: str | None = None) -> bool:
    """A yes/no question; True when the user agrees."""
    box = QMessageBox(QMessageBox.Question, title or translate("alerts", "Please confirm"), text,
                      QMessageBox.NoButton, parent)
    ok = box.addButton(ok_text or translate("alerts", "OK"), QMessageBox.AcceptRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def choose(parent, text: str, choices: list[tuple[str, str]], title: str | None = None,
           default: str | None = None, cancel: str = "cancel") -> str:
    """A question with several answers: choices = [(key, button label)];
    returns the chosen key, or `cancel` when the box is closed."""
    box = QMessageBox(QMessageBox.Question, title or translate("alerts", "Please choose"), text,
                      QMessageBox.NoButton, parent)
    buttons = {}
    for key, label in choices:
        role = QMessageBox.RejectRole if key == cancel else QMessageBox.AcceptRole
        if key == "discard":
            role = QMessageBox.DestructiveRole
        buttons[box.addButton(label, role)] = key
        if key == default:
            box.setDefaultButton(list(buttons)[-1])
    box.exec()
    return buttons.get(box.clickedButton(), cancel)


def open_plan_path(parent, directory: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("alerts", "Open plan"), directory,
                                          plan_filter() + ";;" + translate("alerts", "All files (*)"))
    return path or None


def save_plan_path(parent, title: str, suggested: str = "") -> str | None:
    """A path for a new plan file; the extension is added when missing."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, plan_filter())
    if not path:
        return None
    if not path.lower().endswith(EXTENSION):
        path += EXTENSION
    return path


def save_path(parent, title: str, suggested: str, name_filter: str, extension: str) -> str | None:
    """A path for an exported file (Word, PDF)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    if not path:
        return None
    if not path.lower().endswith(extension):
        path += extension
    return path


def open_path(parent, title: str, directory: str, name_filter: str) -> str | None:
    """A file to read that is not a plan file (last year's Word or text plan);
    the caller passes its own translated title and filter."""
    path, _ = QFileDialog.getOpenFileName(parent, title, directory, name_filter)
    return path or None


def ask_integer(parent, text: str, title: str, value: int, minimum: int,
                maximum: int) -> int | None:
    """A whole number from the user (e.g. the new plan's year); None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    number, ok = QInputDialog.getInt(parent, title, text, value, minimum, maximum)
    return number if ok else None
