"""The month picker: tick the months an activity covers (七至八月 is two
ticks), or 全年; the span is shown as the plan will print it."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from ..core import schedule as sch
from ..core.period import Period


class MonthDialog(QDialog):
    def __init__(self, period: Period, months: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName("monthDialog")
        self.setWindowTitle("选择月份")
        self.period = period
        self._updating = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("活动所在的月份（跨月活动可勾选多个）：", self))
        grid = QGridLayout()
        self.boxes: dict[str, QCheckBox] = {}
        for i, ym in enumerate(period.months()):
            box = QCheckBox(period.label(ym), self)
            box.setObjectName(f"month-{ym}")
            box.toggled.connect(self._ticked)
            grid.addWidget(box, i // 6, i % 6)
            self.boxes[ym] = box
        layout.addLayout(grid)
        self.anytime = QCheckBox("不定月份（全年 / 长期）", self)
        self.anytime.setObjectName("monthAnytime")
        self.anytime.toggled.connect(self._ticked)
        layout.addWidget(self.anytime)
        layout.addWidget(QLabel("或直接输入，如 七至八月、一、二月、次年元月：", self))
        self.text = QLineEdit(self)
        self.text.setObjectName("monthText")
        self.text.textEdited.connect(self._typed)
        layout.addWidget(self.text)
        self.preview = QLabel(self)
        self.preview.setObjectName("monthPreview")
        layout.addWidget(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.set_months(months)

    def set_months(self, months: list[str]) -> None:
        self._updating = True
        for ym, box in self.boxes.items():
            box.setChecked(ym in months)
        self.anytime.setChecked(not months)
        self.text.setText(sch.months_label(months, self.period))
        self._updating = False
        self._months: list[str] | None = list(months)
        self._show()

    def months(self) -> list[str] | None:
        return None if self._months is None else list(self._months)

    def _ticked(self) -> None:
        if self._updating:
            return
        sender = self.sender()
        self._updating = True
        if sender is self.anytime and self.anytime.isChecked():
            for box in self.boxes.values():
                box.setChecked(False)
        elif sender is not self.anytime and sender.isChecked():  # type: ignore[attr-defined]  # a month's check box
            self.anytime.setChecked(False)
        self._updating = False
        months = [ym for ym, box in self.boxes.items() if box.isChecked()]
        if not months and not self.anytime.isChecked():
            self._months = None
        else:
            self._months = months
            self.text.setText(sch.months_label(months, self.period))
        self._show()

    def _typed(self, text: str) -> None:
        months = sch.parse_months_text(text, self.period)
        self._months = months
        if months is not None:
            self._updating = True
            for ym, box in self.boxes.items():
                box.setChecked(ym in months)
            self.anytime.setChecked(not months)
            self._updating = False
        self._show()

    def _show(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self._months is None:
            self.preview.setText("无法识别为本计划的月份。")
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        label = sch.months_label(self._months, self.period)
        outside = [m for m in self._months if not self.period.contains(m)]
        if outside:
            label += "（不在计划期间内）"
        self.preview.setText(f"显示为：{label}")


def get_months(parent, period: Period, months: list[str]) -> tuple[list[str], bool]:
    """Ask for an activity's months: (months, True), or ([], False) when cancelled."""
    dialog = MonthDialog(period, months, parent)
    chosen = dialog.months() if dialog.exec() == QDialog.DialogCode.Accepted else None
    if chosen is None:
        return [], False
    return chosen, True
