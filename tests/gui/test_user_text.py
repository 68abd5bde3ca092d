"""User-facing text (issue 17): one mechanism in every layer. Our text is
written in Chinese where it is composed; no tr()/translate() of ours and no
.qm of ours remain, only Qt's own words are translated (qtbase_zh_CN plus
resources/translations/wps_zh_CN.ts). And no screen mixes languages: every
visible text of the window, its menus, panels and dialogs is Chinese, up to
a short list of Latin words a Chinese office uses as they are (Word, PDF,
Ctrl ...).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication,
                               QComboBox, QDockWidget, QGroupBox, QLabel, QLineEdit, QMenu,
                               QPlainTextEdit, QTabBar, QTabWidget, QTextEdit, QWidget)

from planner_gui import resources

from .test_rollover_gui import old_path, old_plan, roll  # noqa: F401  (fixtures used below)

PACKAGE = Path(__file__).resolve().parents[2] / "planner_gui"
TRANSLATIONS = resources.path("translations")
WAIT_MS = 60000   # a bound for the import worker; the test waits for a state, not a time


# --- (a) no translation call of ours ----------------------------------------------------------------

#: Names that ask Qt's translator for a text.
_TRANSLATING = {"tr", "_tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "qsTr"}
_QT_CLASSES = {"QCoreApplication", "QApplication", "QGuiApplication", "QObject"}


def translation_calls(source: str, filename: str = "<source>") -> list[str]:
    """"file:line: call" for every call in `source` that hands a text of ours
    to Qt's translator: self.tr(...), QCoreApplication.translate(...), a
    module's translate/_tr helper. str.translate(table) and
    QPainter.translate(x, y) take no text and are not counted."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name not in _TRANSLATING:
            continue
        texts = any(isinstance(a, ast.JoinedStr) or isinstance(a, ast.Constant) and isinstance(a.value, str)
                    for a in node.args)
        on_qt = isinstance(func, ast.Attribute) and getattr(func.value, "id", None) in _QT_CLASSES
        if name == "translate" and not (texts or on_qt):
            continue
        found.append((node.lineno, f"{filename}:{node.lineno}: {ast.unparse(node)[:80]}"))
    return [text for _line, text in sorted(found)]


def test_the_scan_finds_a_planted_translation_call():
    planted = '''
from PySide6.QtCore import QCoreApplication
translate = QCoreApplication.translate

class Panel(QWidget):
    def build(self, painter, text):
        self.setWindowTitle(self.tr("Open"))
        QCoreApplication.translate("Panel", "Save")
        menu = translate("actions", f"&File {text}")
        digits = text.translate(TABLE)
        painter.translate(1, 2)
        return self.tr(text)
'''
    found = translation_calls(planted, "planted.py")
    assert [line.split(":")[1] for line in found] == ["7", "8", "9", "12"], found


def test_no_translation_call_remains_in_the_program():
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 100
    found = [hit for path in sources
             for hit in translation_calls(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))]
    assert found == []


def test_only_qt_words_are_left_to_a_translator():
    """The one .ts left supplements Qt's own translation (the file dialog's
    words qtbase_zh_CN lacks); each of its contexts is a Qt class."""
    assert sorted(p.name for p in TRANSLATIONS.iterdir()) == ["wps_zh_CN.qm", "wps_zh_CN.ts"]
    contexts = [c.findtext("name") for c in ET.parse(TRANSLATIONS / "wps_zh_CN.ts").getroot().iter("context")]
    assert contexts and all(any(hasattr(module, name) for module in (QtCore, QtGui, QtWidgets))
                            for name in contexts), contexts
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "wps_zh_CN.qm"))
    assert translator.translate("QFileDialog", "&Look in:") == "查找范围(&I)："


def test_qt_own_words_are_chinese(qapp):
    """Qt's buttons (QMessageBox's 取消, a QLineEdit's context menu) come from
    qtbase_zh_CN, installed with our supplement when the program starts."""
    assert Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_zh_CN.qm").exists()
    from planner_gui.gui.launch import install_translations

    install_translations(qapp)
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert QApplication.translate("QShortcut", "Up") == "↑"


# --- (b) no screen mixes languages -----------------------------------------------------------------

#: Latin words a Chinese interface uses as they are: product names, keys,
#: units, the standard's name (GB/T). One letter alone (the (&F) of a menu,
#: the A of A4) is never counted, nor a file suffix (.docx, *.ghjh).
ALLOWED = {"Word", "WPS", "Excel", "LibreOffice", "Windows", "DOCX", "PDF",
           "Ctrl", "Shift", "Alt", "Tab", "Enter", "Return", "Esc", "Del", "Ins", "PgUp", "PgDown",
           "Home", "End", "Space", "Backspace", "GB", "px", "pt", "KB", "MB", "KiB", "MiB", "XX"}
_FUNCTION_KEY = re.compile(r"F\d{1,2}")
_LATIN = re.compile(r"[A-Za-z]+")
_PATH = re.compile(r"(?<!\w)(?:[A-Za-z]:)?(?:[\\/][^\s\\/，。；：、）)“”]+){2,}")   # a folder path
_SUFFIX = re.compile(r"\*?\.[A-Za-z][A-Za-z0-9]*")


def foreign_words(texts, names=()) -> list[str]:
    """"word in 'text'" for every Latin word of `texts` outside ALLOWED.
    Markup, entities, folder paths and `names` (the computer's own, such as
    its font families) are the user's, not our text: left out, as are &
    accelerators and file suffixes."""
    names = sorted(names, key=len, reverse=True)
    out = []
    for text in texts:
        plain = re.sub(r"<[^>]*>", " ", text or "")
        plain = re.sub(r"&(?:[a-zA-Z]+|#\d+);", " ", plain).replace("&", "")
        plain = _PATH.sub(" ", plain)
        for name in names:
            plain = plain.replace(name, " ")
        plain = _SUFFIX.sub(" ", plain)
        for word in _LATIN.findall(plain):
            if len(word) > 1 and word not in ALLOWED and not _FUNCTION_KEY.fullmatch(word):
                out.append(f"{word} in {text!r}")
    return out


def _columns(model, parent) -> int:
    # a list model has one column (PySide keeps its columnCount private)
    return 1 if isinstance(model, QtCore.QAbstractListModel) else model.columnCount(parent)


def _model_texts(model, parent=None, depth=0) -> list[str]:
    """Header texts and tips, and what the model itself writes into its cells."""
    texts = []
    if parent is None:
        parent = QtCore.QModelIndex()
        for column in range(_columns(model, parent)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal, role) or ""))
    if depth > 3:
        return texts
    for row in range(min(model.rowCount(parent), 60)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
        texts += _model_texts(model, model.index(row, 0, parent), depth + 1)
    return texts


def _action_texts(action) -> list[str]:
    texts = [action.text(), action.iconText(), action.toolTip(), action.statusTip()]
    menu = action.menu()
    if menu is not None:
        texts.append(menu.title())
        for inner in menu.actions():
            texts += _action_texts(inner)
    return texts


def screen_texts(root: QWidget) -> list[str]:
    """Every text `root` and the widgets in it show or offer (titles, labels,
    buttons, tips, menus and actions, tabs, list headers and cells)."""
    for menu in root.findChildren(QMenu):
        menu.aboutToShow.emit()            # menus that fill themselves when opened (最近打开)
    widgets = [root] + root.findChildren(QWidget)
    texts = []
    for widget in widgets:
        texts += [widget.toolTip(), widget.statusTip(), widget.whatsThis()]
        if widget.isWindow() or isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        for action in widget.actions():
            texts += _action_texts(action)
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTextEdit):
            texts += [widget.placeholderText(), widget.toPlainText() if widget.isReadOnly() else ""]
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractSpinBox):
            texts += [widget.specialValueText()] + ([widget.prefix(), widget.suffix()]
                                                     if hasattr(widget, "suffix") else [])
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
    for action in root.findChildren(QtGui.QAction):
        texts += _action_texts(action)
    return [t for t in texts if t]


def test_the_checker_flags_a_planted_english_label(qtbot):
    panel = QWidget()
    qtbot.addWidget(panel)
    QLabel("月份安排", panel)
    QtWidgets.QPushButton("导出 Word(&W)…", panel).setToolTip("按 Ctrl+E 导出 A4 文档（.docx，F1 查看说明）")
    assert foreign_words(screen_texts(panel)) == []
    QLabel("Print Preview", panel)
    assert foreign_words(screen_texts(panel)) == ["Print in 'Print Preview'", "Preview in 'Print Preview'"]
    assert foreign_words(["已另存为 /tmp/pytest-of-root/计划.ghjh", "文件夹 C:\\Users\\Public",
                          "Word 或文本文件 (*.docx *.txt)"]) == []
    assert foreign_words(["宋体 → Noto Serif CJK SC"], ["Noto Serif CJK SC"]) == []
    assert foreign_words(["宋体 → Noto Serif CJK SC"]) != []
    assert foreign_words(["导入 Word/Text"]) == ["Text in '导入 Word/Text'"]


def _on_modal(qtbot, trigger, answer) -> list[str]:
    """trigger(); when a modal dialog comes up, read its texts, then
    answer(dialog) (reject it, or fill it in and accept)."""
    seen: dict = {}
    tries = {"left": 200}

    def look():
        dialog = QApplication.activeModalWidget()
        tries["left"] -= 1
        if dialog is None:
            if tries["left"] > 0:
                QTimer.singleShot(20, look)
            return
        try:
            seen["texts"] = screen_texts(dialog)
        except Exception as exc:  # noqa: BLE001 - handed to the test below, after the dialog is closed
            seen["error"] = exc
            dialog.reject()
            return
        answer(dialog)

    QTimer.singleShot(0, look)
    trigger()
    qtbot.waitUntil(lambda: "texts" in seen or "error" in seen or tries["left"] <= 0, timeout=WAIT_MS)
    if "error" in seen:
        raise seen["error"]
    assert "texts" in seen, "no dialog came up"
    return seen["texts"]


def _paste(dialog) -> None:
    dialog.text_box.setPlainText("青松路小学工会2025年工作计划\n一、指导思想\n坚持服务教职工。\n"
                                 "二、月份安排\n三月份：召开教代会\n九月份：庆祝教师节\n")
    dialog.ok_button.click()


def test_no_screen_mixes_languages(make_window, qtbot, pickers, plan_path, old_path, tmp_path):
    window = make_window(plan_path)
    texts = screen_texts(window)                       # menus, tool bars, tabs, outline, properties
    window.tabs.setCurrentIndex(1)                     # 月份安排: its table, library, year at a glance
    window.schedule_view.library_action.trigger()
    window.schedule_view.grid_action.trigger()
    window.show_find()
    window.find_panel.find_text.setText("工会")
    window.show_placeholders()
    window.actions_.manual.trigger()
    window.print_actions.preview_action.trigger()
    texts += screen_texts(window) + screen_texts(window._manual)
    texts += screen_texts(window.print_actions.preview_dialog)
    window.print_actions.preview_dialog.close()

    # the modal dialogs, opened as the user opens them
    view = window.schedule_view
    view.select_activity(window.session.plan.schedule[0].id)
    texts += _on_modal(qtbot, view.months_action.trigger, lambda d: d.reject())          # 移到月份
    texts += _on_modal(qtbot, window.actions_.new.trigger, lambda d: d.reject())         # 新建计划
    texts += _on_modal(qtbot, window.actions_.restore_backup.trigger, lambda d: d.reject())  # 从备份恢复

    # the lists of a rollover and of an import, with their rows
    roll(window, pickers, old_path, tmp_path / "2026.ghjh")
    texts += screen_texts(window)
    pickers.answer("save_plan_path", str(tmp_path / "粘贴的计划.ghjh"))
    rollover = window.rollover_actions
    texts += _on_modal(qtbot, rollover.paste_action.trigger, _paste)                     # 从粘贴的文本新建
    qtbot.waitUntil(lambda: rollover.report_panel is not None and bool(rollover.report_panel.items), timeout=WAIT_MS)
    texts += screen_texts(window)

    # what the window said in message boxes on the way: titles, questions, button labels
    for _name, arguments in pickers.arguments:
        texts += [a for a in arguments if isinstance(a, str)]
        texts += [label for a in arguments if isinstance(a, list) for _key, label in a]

    assert len(texts) > 500
    fonts = QtGui.QFontDatabase.families()         # named in the print preview's font notice
    foreign = foreign_words(texts, fonts)
    assert foreign == [], "\n".join(sorted(set(foreign)))


def _our_error_classes() -> set[str]:
    """The exceptions the program defines for the user (EditError,
    StoreError, PlanImportError, ExportError, CommandError ...)."""
    return {node.name for path in PACKAGE.rglob("*.py")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ClassDef) and node.name.endswith(("Error", "Problem"))}


@pytest.mark.parametrize("module", ["core", "store", "importers", "export", "commands", "render",
                                    "cli.py", "held_files.py", "safe_write.py"])
def test_lower_layers_raise_chinese_sentences(module):
    """The same rule below the widgets: the message of one of our own
    exceptions is shown to the user, so it is a Chinese sentence. Programming
    slips (ValueError, TypeError, asserts) may stay English: no user sees them."""
    user_errors = _our_error_classes()
    assert {"EditError", "StoreError", "PlanImportError", "ExportError", "CommandError", "PdfError"} <= user_errors
    found = []
    paths = [PACKAGE / module] if module.endswith(".py") else sorted((PACKAGE / module).rglob("*.py"))
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            name = getattr(node.exc.func, "id", None) or getattr(node.exc.func, "attr", None)
            if name not in user_errors or not node.exc.args:
                continue
            first = node.exc.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                text = first.value
            elif isinstance(first, ast.JoinedStr):
                text = "".join(v.value for v in first.values if isinstance(v, ast.Constant))
            else:
                continue
            if foreign_words([text]) and not re.search("[\u4e00-\u9fff]", text):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {text!r}")
    assert found == []
