"""新建计划: an empty plan or one from a starter template, for the user's
organization, year and period."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QSpinBox,
                               QVBoxLayout)

from .. import resources
from ..core.period import Period, parse_ym
from ..core.starter import empty_plan, planning_year

_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_PERIODS_ROLE = Qt.ItemDataRole.UserRole + 2


def default_year(today: datetime.date | None = None) -> int:
    """The year the dialog proposes (core.starter.planning_year)."""
    return planning_year(today)


def _month_text(ym: str) -> str:
    year, month = parse_ym(ym)
    return f"{year}年{month}月"


class NewPlanDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("newPlanDialog")
        self.setWindowTitle("新建计划")
        self.empty = QRadioButton("空白计划", self)
        self.empty.setObjectName("newEmpty")
        self.from_template = QRadioButton("从模板开始：", self)
        self.from_template.setObjectName("newFromTemplate")
        self.templates = QListWidget(self)
        self.templates.setObjectName("templateList")
        # Whole descriptions: wrapped to the list's width, and in the tooltip.
        self.templates.setWordWrap(True)
        self.templates.setTextElideMode(Qt.TextElideMode.ElideNone)
        for entry in resources.template_index():
            item = QListWidgetItem(f"{entry['title']}\n    {entry.get('summary', '')}")
            item.setToolTip(f"{entry['title']}\n{entry.get('summary', '')}")
            item.setData(_NAME_ROLE, entry["name"])
            item.setData(_PERIODS_ROLE, entry.get("periods"))
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.organization = QLineEdit(self)
        self.organization.setObjectName("newOrganization")
        self.organization.setPlaceholderText("如：某某中学工会")
        self.year = QSpinBox(self)
        self.year.setObjectName("newYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(default_year())
        self.year_note = QLabel(self)
        self.year_note.setObjectName("newYearNote")
        self.year_note.setWordWrap(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("newPeriod")
        for key, label in (("calendar_year", "全年（一至十二月）"),
                           ("first_half", "上半年"),
                           ("second_half", "下半年"),
                           ("school_year", "学年（九月至次年八月）"),
                           ("semester", "学期（九月至次年元月）")):
            self.kind.addItem(label, key)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("单位：", self.organization)
        form.addRow("年度：", self.year)
        form.addRow("计划期间：", self.kind)
        form.addRow("", self.year_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.from_template)
        layout.addWidget(self.templates)
        layout.addLayout(form)
        layout.addWidget(QLabel("接下来选择计划文件的保存位置；以后的每一处修改都会随时自动保存到这个文件。", self))
        layout.addWidget(buttons)
        self.empty.toggled.connect(lambda on: self.templates.setEnabled(not on))
        self.empty.toggled.connect(self._offer_periods)
        self.templates.currentItemChanged.connect(self._offer_periods)
        has_templates = self.templates.count() > 0
        self.from_template.setEnabled(has_templates)
        (self.empty if not has_templates else self.from_template).setChecked(True)
        self._offer_periods()
        self.year.valueChanged.connect(self._explain_year)
        self.kind.currentIndexChanged.connect(self._explain_year)
        self._explain_year()
        self.resize(560, 480)

    def _explain_year(self, *_) -> None:
        """Say what the year means for the period: 年度 2026 of a school-year
        plan is the 2026—2027 school year."""
        kind = self.kind.currentData()
        year = self.year.value()
        months = Period.for_kind(kind, year).months()
        span = f"即 {_month_text(months[0])} 至 {_month_text(months[-1])}。"
        if kind in ("school_year", "semester"):
            span = f"{year}—{year + 1} 学年，" + span
        self.year_note.setText(span)

    def _offer_periods(self, *_):
        """A template offers only the periods it was written for (an enterprise
        plan has no school year); an empty plan offers them all."""
        item = self.templates.currentItem()
        allowed = item.data(_PERIODS_ROLE) if item is not None and self.from_template.isChecked() else None
        model = self.kind.model()
        for row in range(self.kind.count()):
            model.item(row).setEnabled(not allowed or self.kind.itemData(row) in allowed)
        if not model.item(self.kind.currentIndex()).isEnabled():
            self.kind.setCurrentIndex(next(r for r in range(self.kind.count())
                                           if model.item(r).isEnabled()))

    def plan(self):
        organization = self.organization.text().strip()
        year = self.year.value()
        kind = self.kind.currentData()
        item = self.templates.currentItem()
        if self.from_template.isChecked() and item is not None:
            return resources.load_template(item.data(_NAME_ROLE), year=year,
                                           organization=organization or None, period=kind)
        return empty_plan(year, organization, kind)


def get_new_plan(parent=None):
    """(plan, True) when the user chose one, (None, False) when cancelled."""
    dialog = NewPlanDialog(parent)
    if dialog.exec() != QDialog.Accepted:
        return None, False
    return dialog.plan(), True
