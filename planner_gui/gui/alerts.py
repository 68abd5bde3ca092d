"""Every message box and file picker of the editor, in one place.

Callers use these functions through the module (`alerts.error(...)`), so tests
replace them in one spot instead of clicking real dialogs. Messages arrive
already written for the user, in Chinese; nothing here
shows a traceback.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileIconProvider

from ..core.files import PLAN_EXTENSION as EXTENSION

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QFileDialog

# QMessageBox, QFileDialog and their helpers are imported by the functions
# that show them: PySide6 makes a Qt class's Python enums the first time the
# class is imported (QMessageBox has 23), which every start-up would pay for
# a dialog it does not show.


class _FileTypes(QFileIconProvider):
    """The 类型 column of Qt's own file dialog: a plan file is a 工会工作计划,
    not the "SQLite3 数据库" the MIME database sees inside it; folders read
    文件夹 (qtbase's Chinese translation leaves "Folder" in English)."""

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "文件夹"
        suffix = "." + info.suffix().lower()
        if suffix == EXTENSION:
            return "工会工作计划"
        if suffix == ".docx":
            return "Word 文档"
        return super().type(info)


def use_native_dialogs() -> bool:
    """Windows' own dialogs speak the system's language; elsewhere Qt's own
    dialog, which Qt's Chinese translation and our supplement (gui/launch.py)
    make fully Chinese."""
    return sys.platform == "win32"


def file_dialog(parent, title: str, directory: str, name_filter: str, save: bool) -> QFileDialog:
    """The file picker every open and save goes through, set up (not shown)."""
    from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QTreeView

    dialog = QFileDialog(parent, title, directory, name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if not use_native_dialogs():
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        provider = _FileTypes()
        dialog._file_types = provider  # type: ignore[attr-defined]  # kept alive as long as the dialog
        dialog.setIconProvider(provider)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        view = dialog.findChild(QTreeView, "treeView")
        if view is not None:
            header = view.header()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in (1, 2, 3):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            dialog.resize(min(860, int(room.width() * 0.9)), min(560, int(room.height() * 0.85)))
    return dialog


def _pick(parent, title: str, directory: str, name_filter: str, save: bool) -> str:
    dialog = file_dialog(parent, title, directory, name_filter, save)
    if not dialog.exec():
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""


def plan_filter() -> str:
    return f"工会工作计划 (*{EXTENSION})"


def error(parent, text: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, title or "错误", text)


def warning(parent, text: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title or "提示", text)


def info(parent, text: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title or "信息", text)


def confirm(parent, text: str, title: str | None = None, ok_text: str | None = None) -> bool:
    """A yes/no question; True when the user agrees."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title or "请确认", text,
                      QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(ok_text or "确定", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def choose(parent, text: str, choices: list[tuple[str, str]], title: str | None = None,
           default: str | None = None, cancel: str = "cancel") -> str:
    """A question with several answers: choices = [(key, button label)];
    returns the chosen key, or `cancel` when the box is closed."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title or "请选择", text,
                      QMessageBox.StandardButton.NoButton, parent)
    buttons: dict[QAbstractButton, str] = {}
    for key, label in choices:
        role = QMessageBox.ButtonRole.RejectRole if key == cancel else QMessageBox.ButtonRole.AcceptRole
        if key == "discard":
            role = QMessageBox.ButtonRole.DestructiveRole
        button = box.addButton(label, role)
        buttons[button] = key
        if key == default:
            box.setDefaultButton(button)
    box.exec()
    return buttons.get(box.clickedButton(), cancel)


def open_plan_path(parent, directory: str = "") -> str | None:
    path = _pick(parent, "打开计划", directory,
                 plan_filter() + ";;所有文件 (*)", save=False)
    return path or None


def save_plan_path(parent, title: str, suggested: str = "") -> str | None:
    """A path for a new plan file; the extension is added when missing."""
    path = _pick(parent, title, suggested, plan_filter(), save=True)
    if not path:
        return None
    if not path.lower().endswith(EXTENSION):
        path += EXTENSION
    return path


def save_path(parent, title: str, suggested: str, name_filter: str, extension: str) -> str | None:
    """A path for an exported file (Word, PDF)."""
    path = _pick(parent, title, suggested, name_filter, save=True)
    if not path:
        return None
    if not path.lower().endswith(extension):
        path += extension
    return path


def open_path(parent, title: str, directory: str, name_filter: str) -> str | None:
    """A file to read that is not a plan file (last year's Word or text plan);
    the caller passes its own title and filter."""
    path = _pick(parent, title, directory, name_filter, save=False)
    return path or None


def ask_integer(parent, text: str, title: str, value: int, minimum: int,
                maximum: int) -> int | None:
    """A whole number from the user (e.g. the new plan's year); None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    number, ok = QInputDialog.getInt(parent, title, text, value, minimum, maximum)
    return number if ok else None
