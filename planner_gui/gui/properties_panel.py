"""The plan's properties: title, organization, year, period, signature, date,
and the layout options that go with the plan.

Emits what the user changed; the main window makes the undoable edits.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QScrollArea, QSpinBox,
                               QVBoxLayout, QWidget)

from ..core.numbering import format_date
from ..core.period import Period, format_ym, parse_ym
from .undo import WindowUndoKeys


def _qdate(ym: str) -> QDate:
    year, month = parse_ym(ym)
    return QDate(year, month, 1)


def _ym(date: QDate) -> str:
    return format_ym(date.year(), date.month())


class PropertiesPanel(QScrollArea):
    meta_edited = Signal(object, str)  # changes, merge key ("" = its own undo step)
    year_edited = Signal(int)         # the plan moves to another year
    options_edited = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("propertiesPanel")
        self.setWidgetResizable(True)
        self._session = None
        self._loading = False
        body = QWidget(self)
        self.setWidget(body)

        self.title = QLineEdit(body)
        self.title.setObjectName("titleEdit")
        self.organization = QLineEdit(body)
        self.organization.setObjectName("organizationEdit")
        self.year = QSpinBox(body)
        self.year.setObjectName("yearEdit")
        self.year.setRange(1990, 2100)
        self.year.setSuffix(" 年")
        self.year.setMaximumWidth(self.year.fontMetrics().horizontalAdvance("0000000000") + 40)
        self.kind = QComboBox(body)
        self.kind.setObjectName("periodKind")
        for key, label in self.period_kinds():
            self.kind.addItem(label, key)
        self.start = QDateEdit(body)
        self.end = QDateEdit(body)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM")
            edit.setCalendarPopup(False)
        self.start.setObjectName("periodStart")
        self.end.setObjectName("periodEnd")
        self.signature = QLineEdit(body)
        self.signature.setObjectName("signatureEdit")
        self.date_set = QCheckBox("已填写", body)
        self.date_set.setObjectName("dateSet")
        self.date = QDateEdit(body)
        self.date.setObjectName("dateEdit")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date_label = QLabel(body)

        self._undo_keys = WindowUndoKeys(self)
        for edit in (self.title, self.organization, self.signature):
            edit.installEventFilter(self._undo_keys)
        # The spin and date boxes too (and the line edit inside each, which has
        # the focus): Ctrl+Z there undoes the last change at once, on the
        # window's stack, not the box's own typing history.
        for box in (self.year, self.start, self.end, self.date):
            box.installEventFilter(self._undo_keys)
            for inner in box.findChildren(QLineEdit):
                inner.installEventFilter(self._undo_keys)

        period_row = QHBoxLayout()
        period_row.addWidget(self.kind)
        period_row.addWidget(QLabel("自", body))
        period_row.addWidget(self.start)
        period_row.addWidget(QLabel("至", body))
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_set)
        date_row.addWidget(self.date)
        date_row.addWidget(self.date_label)
        date_row.addStretch(1)

        plan_box = QGroupBox("计划", body)
        form = QFormLayout(plan_box)
        form.addRow("标题：", self.title)
        form.addRow("单位：", self.organization)
        form.addRow("年度：", self.year)
        form.addRow("计划期间：", period_row)
        form.addRow("落款：", self.signature)
        form.addRow("成文日期：", date_row)

        self.level3 = QComboBox(body)
        self.level3.setObjectName("level3Style")
        self.level3.addItem("1.（点）", "dot")
        self.level3.addItem("1、（顿号）", "comma")
        self.date_style = QComboBox(body)
        self.date_style.setObjectName("dateStyle")
        self.date_style.addItem("阿拉伯数字（2025年2月28日）", "arabic")
        self.date_style.addItem("汉字数字（二〇二五年二月二十八日）", "chinese")
        self.font_profile = QComboBox(body)
        self.font_profile.setObjectName("fontProfile")
        self.font_profile.addItem("公文字体（方正小标宋、仿宋_GB2312）", "standard")
        self.font_profile.addItem("Windows 自带字体（宋体、黑体、楷体、仿宋）", "windows")
        self.bold_headings = QCheckBox("二、三级标题加粗", body)
        self.bold_headings.setObjectName("boldHeadings")
        self.hide_empty = QCheckBox("月份安排表中不显示空白的列", body)
        self.hide_empty.setObjectName("hideEmptyColumns")
        # A 工作总结's export ends with 附件 全年活动完成情况 (issue 18); shown for summaries only.
        self.appendix = QCheckBox("文末附“全年活动完成情况”表（工作总结）", body)
        self.appendix.setObjectName("completionAppendix")

        options_box = QGroupBox("格式", body)
        options = QFormLayout(options_box)
        options.addRow("三级序号：", self.level3)
        options.addRow("日期写法：", self.date_style)
        options.addRow("字体：", self.font_profile)
        options.addRow(self.bold_headings)
        options.addRow(self.hide_empty)
        options.addRow(self.appendix)

        layout = QVBoxLayout(body)
        layout.addWidget(plan_box)
        layout.addWidget(options_box)
        layout.addStretch(1)

        self.title.textEdited.connect(lambda t: self._meta({"title": t}, "meta:title"))
        self.organization.textEdited.connect(lambda t: self._meta({"organization": t}, "meta:organization"))
        self.signature.textEdited.connect(lambda t: self._meta({"signature": t}, "meta:signature"))
        self.year.valueChanged.connect(self._year_changed)
        self.kind.activated.connect(self._kind_changed)
        self.start.dateChanged.connect(self._span_changed)
        self.end.dateChanged.connect(self._span_changed)
        self.date_set.toggled.connect(self._date_changed)
        self.date.dateChanged.connect(self._date_changed)
        self.level3.activated.connect(lambda: self._option("level3_style", self.level3.currentData()))
        self.date_style.activated.connect(lambda: self._option("date_style", self.date_style.currentData()))
        self.font_profile.activated.connect(
            lambda: self._option("font_profile", self.font_profile.currentData()))
        self.bold_headings.toggled.connect(lambda v: self._option("bold_headings", v))
        self.hide_empty.toggled.connect(lambda v: self._option("hide_empty_columns", v))
        self.appendix.toggled.connect(lambda v: self._option("completion_appendix", v))

    def period_kinds(self) -> list[tuple[str, str]]:
        return [("calendar_year", "全年（一至十二月）"),
                ("first_half", "上半年"),
                ("second_half", "下半年"),
                ("school_year", "学年（九月至次年八月）"),
                ("semester", "学期（九月至次年元月）"),
                ("custom", "自定义")]

    # --- showing the plan -----------------------------------------------------
    def set_session(self, session) -> None:
        self._session = session
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        self.widget().setEnabled(not read_only)  # type: ignore[union-attr]  # the form, set in __init__

    def refresh(self) -> None:
        if self._session is None:
            return
        plan = self._session.plan
        meta = plan.meta
        self._loading = True
        try:
            for edit, value in ((self.title, meta.title), (self.organization, meta.organization),
                                (self.signature, meta.signature)):
                if edit.text() != value:
                    edit.setText(value)
            self.year.setValue(meta.year)
            self.kind.setCurrentIndex(max(0, self.kind.findData(meta.period.kind)))
            self.start.setDate(_qdate(meta.period.start))
            self.end.setDate(_qdate(meta.period.end))
            custom = meta.period.kind == "custom"
            self.start.setEnabled(custom)
            self.end.setEnabled(custom)
            self.date_set.setChecked(meta.date is not None)
            self.date.setEnabled(meta.date is not None)
            if meta.date is not None:
                self.date.setDate(QDate.fromString(meta.date, "yyyy-MM-dd"))
                self.date_label.setText(format_date(meta.date, plan.option("date_style")))
            else:
                self.date.setDate(QDate.currentDate())
                self.date_label.setText("尚未填写")
            self.level3.setCurrentIndex(max(0, self.level3.findData(plan.option("level3_style"))))
            self.date_style.setCurrentIndex(max(0, self.date_style.findData(plan.option("date_style"))))
            self.font_profile.setCurrentIndex(max(0, self.font_profile.findData(plan.option("font_profile"))))
            self.bold_headings.setChecked(bool(plan.option("bold_headings")))
            self.hide_empty.setChecked(bool(plan.option("hide_empty_columns")))
            self.appendix.setChecked(bool(plan.option("completion_appendix")))
            self.appendix.setVisible(meta.kind == "summary")
        finally:
            self._loading = False

    # --- user changes -------------------------------------------------------------
    def _meta(self, changes: dict, merge_key: str = "") -> None:
        if not self._loading and self._session is not None:
            self.meta_edited.emit(changes, merge_key)

    def _option(self, name: str, value) -> None:
        if not self._loading and self._session is not None and self._session.plan.option(name) != value:
            self.options_edited.emit({name: value})

    def _year_changed(self, year: int) -> None:
        if not self._loading and self._session is not None and year != self._session.plan.meta.year:
            self.year_edited.emit(year)

    def _kind_changed(self) -> None:
        if self._loading or self._session is None:
            return
        kind = self.kind.currentData()
        meta = self._session.plan.meta
        if kind == meta.period.kind:
            return
        if kind == "custom":
            period = Period("custom", meta.period.start, meta.period.end)
        else:
            period = Period.for_kind(kind, meta.year)
        self._meta({"period": period})

    def _span_changed(self) -> None:
        if self._loading or self._session is None:
            return
        start, end = _ym(self.start.date()), _ym(self.end.date())
        period = self._session.plan.meta.period
        if (start, end) == (period.start, period.end):
            return
        try:
            new = Period("custom", start, end)
        except ValueError:
            self.refresh()  # end before start or too long: show the plan's period again
            return
        self._meta({"period": new}, "meta:period")

    def _date_changed(self) -> None:
        if self._loading or self._session is None:
            return
        if self.date_set.isChecked():
            value = datetime.date(self.date.date().year(), self.date.date().month(),
                                  self.date.date().day()).isoformat()
        else:
            value = None
        if value != self._session.plan.meta.date:
            self._meta({"date": value}, "meta:date")
