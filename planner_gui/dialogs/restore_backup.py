"""从备份恢复: choose one of a plan's backups (store.BackupFolder.list_backups).

The list shows when each backup was made and what it holds (title, number
of headings and of month-table rows), newest first, so the user can tell a
good copy from the damaged one. Restoring itself is the caller's business
(store.restore_backup), after closing the plan.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

_PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreBackupDialog(QDialog):
    def __init__(self, backups, parent=None):
        """backups: store.BackupInfo items, newest first."""
        super().__init__(parent)
        self.setObjectName("restoreBackupDialog")
        self.setWindowTitle("从备份恢复")
        self.list = QTreeWidget(self)
        self.list.setObjectName("backupList")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setHeaderLabels(["备份时间", "标题", "标题数", "月份安排"])
        for info in backups:
            item = QTreeWidgetItem([f"{info.created:%Y-%m-%d %H:%M:%S}", info.title or "（无标题）",
                                    str(info.sections), str(info.activities)])
            item.setData(0, _PATH_ROLE, str(info.path))
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignRight | Qt.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)
        if backups:
            explanation = "请选择要恢复到的备份。计划将被这份备份取代；被取代的文件会保留在备份文件夹中。"
        else:
            explanation = "此计划还没有备份。每次打开计划时以及编辑过程中，程序都会自动备份。"
        self.explanation = QLabel(explanation, self)
        self.explanation.setObjectName("backupExplanation")
        self.explanation.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText("恢复")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_ok)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        if backups:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._update_ok()
        self.resize(620, 360)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.selected_path() is not None)

    def selected_path(self):
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(0, _PATH_ROLE)


def get_backup(parent, backups):
    """(path of the chosen backup, True), or (None, False) when cancelled."""
    dialog = RestoreBackupDialog(backups, parent)
    if dialog.exec() != QDialog.Accepted or dialog.selected_path() is None:
        return None, False
    from pathlib import Path

    return Path(dialog.selected_path()), True
