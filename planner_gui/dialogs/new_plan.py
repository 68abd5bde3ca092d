"""新建计划: an empty plan or one from a starter template, for the user's
organization, year and period."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QSpinBox,
                               QVBoxLayout)

from .. import resources
from ..core.starter import empty_plan

_NAME_ROLE = Qt.UserRole + 1
_PERIODS_ROLE = Qt.UserRole + 2


class NewPlanDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("newPlanDialog")
        self.setWindowTitle(self.tr("New Plan"))
        self.empty = QRadioButton(self.tr("An empty plan"), self)
        self.empty.setObjectName("newEmpty")
        self.from_template = QRadioButton(self.tr("Start from a template:"), self)
        self.from_template.setObjectName("newFromTemplate")
        self.templates = QListWidget(self)
        self.templates.setObjectName("templateList")
        for entry in resources.template_index():
            item = QListWidgetItem(f"{entry['title']}\n    {entry.get('summary', '')}")
            item.setData(_NAME_ROLE, entry["name"])
            item.setData(_PERIODS_ROLE, entry.get("periods"))
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.organization = QLineEdit(self)
        self.organization.setObjectName("newOrganization")
        self.organization.setPlaceholderText(self.tr("e.g. 某某中学工会"))
        self.year = QSpinBox(self)
        self.year.setObjectName("newYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(datetime.date.today().year)
        self.kind = QComboBox(self)
        self.kind.setObjectName("newPeriod")
        for key, label in (("calendar_year", self.tr("Calendar year")),
                           ("first_half", self.tr("First half-year")),
                           ("second_half", self.tr("Second half-year")),
                           ("school_year", self.tr("School year (September to August)")),
                           ("semester", self.tr("Semester (September to January)"))):
            self.kind.addItem(label, key)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Organization:"), self.organization)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Period:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.from_template)
        layout.addWidget(self.templates)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Next you choose where the plan file is saved; "
                                        "every change is saved there as you work."), self))
        layout.addWidget(buttons)
        self.empty.toggled.connect(lambda on: self.templates.setEnabled(not on))
        self.empty.toggled.connect(self._offer_periods)
        self.templates.currentItemChanged.connect(self._offer_periods)
        has_templates = self.templates.count() > 0
        self.from_template.setEnabled(has_templates)
        (self.empty if not has_templates else self.from_template).setChecked(True)
        self._offer_periods()
        self.resize(480, 420)

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
