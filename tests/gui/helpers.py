"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from planner_gui.core.numbering import number_for_path


def shown_rows(model, parent=QModelIndex(), depth=0):
    """[(depth, display text, section id | None)] of the whole tree, in order."""
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append((depth, model.data(index), model.section_id(index)))
        rows.extend(shown_rows(model, index, depth + 1))
    return rows


def assert_numbering_matches(window):
    """Every row shows the number its position gives, then its heading."""
    plan = window.session.plan
    model = window.outline_model
    seen = []
    for depth, text, section_id in shown_rows(model):
        if section_id is None:
            continue
        section = plan.find_section(section_id)
        path = plan.path_of(section_id)
        assert depth == len(path) - 1
        expected = number_for_path(path, plan.option("level3_style")) + (section.heading or "")
        if section.heading:
            assert text == expected, (text, expected)
        else:
            assert text.startswith(number_for_path(path, plan.option("level3_style")))
        seen.append(section_id)
    assert seen == [s.id for s in plan.walk()]


def show_schedule(window):
    """The 月份安排 tab brought to the front, as a click on it does; its view."""
    view = window.schedule_view
    window.tabs.setCurrentWidget(view)
    return view


def focus_activity(view, ident, column=0):
    """Focus the month table and make one activity's cell current (its row
    selected), as a click on it does; the cell's index."""
    from PySide6.QtCore import QItemSelectionModel

    index = view.model.index_for_activity(ident, column)
    view.tree.setFocus()
    view.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    return index


def type_text(widget, text: str) -> None:
    """Key presses carrying any text (QTest.keyClicks only takes ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def ime_commit(widget, text: str) -> None:
    """What a Chinese input method sends: a preedit, then the committed text."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(widget, QInputMethodEvent("xin", []))
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
