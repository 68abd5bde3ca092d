"""Cell editors of the schedule: the month column takes a span typed or
picked (三月, 七至八月, 全年); the owner column offers the usual owners."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from ..core import schedule as sch


#: The cell being typed in is framed, so the eye finds it at once (WPS draws
#: a thick border round the active cell).
EDITOR_FRAME = "2px solid #2f6fd0"


def _editable_combo(delegate: QStyledItemDelegate, parent, name: str) -> QComboBox:
    """An editable combo whose Enter commits the cell (the line edit inside
    takes the key before the delegate's own filter would see it)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setObjectName(name)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setStyleSheet(f"QComboBox {{ border: {EDITOR_FRAME}; background: white; padding-left: 2px; }}")

    def commit():
        delegate.commitData.emit(combo)
        delegate.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    combo.lineEdit().returnPressed.connect(commit)  # type: ignore[union-attr]  # an editable combo box
    return combo

#: Owners most plans name; the plan's own owners are offered first.
COMMON_OWNERS = ("工会主席", "工会委员会", "女工委员会", "各工会小组", "经费审查委员会",
                 "劳动保护监督检查委员会", "文体委员", "宣传委员", "组织委员", "生活福利委员")


class MonthDelegate(QStyledItemDelegate):
    """An editable combo of the period's months and 全年; what is typed is
    read by core.schedule.parse_months_text (in the model's setData)."""

    rejected = Signal(str)  # the text could not be read as months

    def __init__(self, period_source, parent=None):
        super().__init__(parent)
        self._period_source = period_source  # callable -> Period | None

    def createEditor(self, parent, option, index):
        if not index.parent().isValid():
            return None  # group rows are not edited
        combo = _editable_combo(self, parent, "monthEditor")
        period = self._period_source()
        if period is not None:
            combo.addItems([period.label(ym) for ym in period.months()])
        combo.addItem(sch.NO_MONTH_LABEL)
        return combo

    def setEditorData(self, editor, index):
        editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.lineEdit().selectAll()   # typing replaces, as in a spreadsheet cell

    def setModelData(self, editor, model, index):
        text = editor.currentText().strip()
        if not model.setData(index, text):
            period = self._period_source()
            if period is not None and sch.parse_months_text(text, period) is None:
                self.rejected.emit(text)


class OwnerDelegate(QStyledItemDelegate):
    def __init__(self, owners_source, parent=None):
        super().__init__(parent)
        self._owners_source = owners_source  # callable -> list[str]

    def createEditor(self, parent, option, index):
        if not index.parent().isValid():
            return None
        combo = _editable_combo(self, parent, "ownerEditor")
        owners = [o for o in self._owners_source() if o]
        combo.addItems(list(dict.fromkeys(owners + list(COMMON_OWNERS))))
        return combo

    def setEditorData(self, editor, index):
        editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.lineEdit().selectAll()   # typing replaces, as in a spreadsheet cell

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText().strip())


class TextDelegate(QStyledItemDelegate):
    """A framed line edit for 工作内容 and 备注 (Qt's default editor has no
    frame and is hard to tell from the row around it)."""

    def createEditor(self, parent, option, index):
        if not index.parent().isValid():
            return None
        editor = QLineEdit(parent)
        editor.setObjectName("cellEditor")
        editor.setStyleSheet(f"QLineEdit {{ border: {EDITOR_FRAME}; background: white; }}")
        return editor

    def setEditorData(self, editor, index):
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.text())
