"""Chinese everywhere (issue 15): Qt's own file dialog, the locale, the
window's size on small screens, the side panels' width."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QFileDialog, QLabel,
                               QTreeView)

from planner_gui.gui import alerts as alerts_module
from planner_gui.gui.launch import chinese_locale_environment

REAL_OPEN = alerts_module.open_plan_path
REAL_SAVE = alerts_module.save_plan_path
LATIN = re.compile("[A-Za-z]{2,}")
#: Latin words a Chinese file dialog may show: the file type pattern, units, the shortcut letters.
ALLOWED = {"ghjh", "KiB", "KB", "MiB", "bytes", "Word", "docx"}


def _visible_strings(dialog: QFileDialog) -> list[str]:
    strings = [dialog.windowTitle()]
    for label in dialog.findChildren(QLabel):
        if label.isVisible():
            strings.append(label.text())
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible():
            strings += [button.text(), button.toolTip()]
    for combo in dialog.findChildren(QComboBox):
        if combo.isVisible() and not combo.isEditable():
            strings += [combo.itemText(i) for i in range(combo.count())]
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    strings += [str(model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal))
                for c in range(model.columnCount())]
    root = view.rootIndex()
    for row in range(model.rowCount(root)):
        for column in (1, 2):   # size, type (the name is the user's, the date is numbers)
            strings.append(str(model.index(row, column, root).data() or ""))
    return strings


def _english(strings: list[str]) -> list[str]:
    out = []
    for text in strings:
        if text.startswith(("/", "~")) or re.match("^[A-Za-z]:[\\\\/]", text):
            continue   # a folder's path is the user's, not the program's
        for word in LATIN.findall(text.replace("&", "")):
            if word not in ALLOWED:
                out.append(f"{word} in {text!r}")
    return out


def _run_dialog(window, qtbot, monkeypatch, action, real, name):
    """Trigger `action` with the real picker; look at the dialog once its
    folder is listed, then cancel it."""
    seen = {}
    tries = {"left": 100}

    def inspect():
        dialog = QApplication.activeModalWidget()
        tries["left"] -= 1
        if not isinstance(dialog, QFileDialog):
            if tries["left"] > 0:
                QTimer.singleShot(50, inspect)
            return
        view = dialog.findChild(QTreeView, "treeView")
        model, root = view.model(), view.rootIndex()
        if model.rowCount(root) == 0 and tries["left"] > 0:
            QTimer.singleShot(50, inspect)
            return
        try:
            seen["strings"] = _visible_strings(dialog)
            seen["size"] = dialog.size()
            seen["filters"] = dialog.nameFilters()
            seen["rows"] = [[model.index(r, c, root).data() for c in range(4)]
                            for r in range(model.rowCount(root))]
            seen["size_column"] = view.header().sectionSize(1)
            seen["size_text"] = max((view.fontMetrics().horizontalAdvance(str(row[1] or ""))
                                     for row in seen["rows"]), default=0)
            if os.environ.get("PLANNER_SHOT_DIALOG"):
                dialog.grab().save(os.environ["PLANNER_SHOT_DIALOG"])
        finally:
            dialog.reject()

    monkeypatch.setattr(alerts_module, name, real)
    QTimer.singleShot(50, inspect)
    action.trigger()
    return seen


def test_the_open_dialog_is_chinese_and_names_the_plan_type(window, qtbot, monkeypatch, plan_path):
    from planner_gui.gui import settings
    settings.set_last_folder(str(plan_path))
    seen = _run_dialog(window, qtbot, monkeypatch, window.actions_.open, REAL_OPEN, "open_plan_path")
    assert seen, "the file dialog did not open"
    assert _english(seen["strings"]) == []
    assert "查找范围(I)：" in [s.replace("&", "") for s in seen["strings"]]
    assert "文件类型(T)：" in [s.replace("&", "") for s in seen["strings"]]
    assert seen["filters"][0] == "工会工作计划 (*.ghjh)"
    plan_row = next(row for row in seen["rows"] if row[0].endswith(".ghjh"))
    assert plan_row[2] == "工会工作计划"
    assert seen["size_column"] >= seen["size_text"]   # the size is not cut ("36....KiB")
    assert seen["size"].width() <= 1366 and seen["size"].height() <= 768


def test_the_save_as_dialog_is_chinese(make_window, qtbot, monkeypatch):
    window = make_window()
    seen = _run_dialog(window, qtbot, monkeypatch, window.actions_.save_as, REAL_SAVE, "save_plan_path")
    assert seen and _english(seen["strings"]) == []


def test_chinese_locale_even_with_lang_unset():
    environ = {}
    assert chinese_locale_environment(environ) and environ["LANG"] == "zh_CN.UTF-8"
    environ = {"LANG": "C.UTF-8", "LC_ALL": "C"}
    assert chinese_locale_environment(environ) and "LC_ALL" not in environ
    environ = {"LANG": "de_DE.UTF-8"}
    assert not chinese_locale_environment(environ) and environ["LANG"] == "de_DE.UTF-8"
    # the real program, started with no LANG at all
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_TIME", "LANGUAGE")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    code = ("from planner_gui.gui.launch import ensure_app\n"
            "from PySide6.QtCore import QLocale, QDate\n"
            "ensure_app()\n"
            "print(QLocale.system().name(), QLocale.system().toString(QDate(2026, 12, 7), QLocale.ShortFormat))\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "zh_CN" and "2026/12/7" in out.stdout


# --- the window on small screens ------------------------------------------------------------

SCREEN_CHECK = """
import json, sys
from planner_gui.app import build_window
from planner_gui.gui.launch import ensure_app
app = ensure_app()
window = build_window(None)
window.show()
app.processEvents()
available = window.screen().availableGeometry()
status = window.statusBar().geometry()
print(json.dumps({"available": [available.x(), available.y(), available.width(), available.height()],
                  "frame": [window.frameGeometry().x(), window.frameGeometry().y(),
                            window.frameGeometry().width(), window.frameGeometry().height()],
                  "status_bottom": window.mapTo(window, status.bottomLeft()).y(),
                  "height": window.height(), "min": [window.minimumSizeHint().width(),
                                                     window.minimumSizeHint().height()]}))
"""


def _window_on_screen(tmp_path, width, height, scale=None):
    import json

    config = tmp_path / f"screen{width}.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), HOME=str(tmp_path))
    if scale:
        env["QT_SCALE_FACTOR"] = str(scale)
    out = subprocess.run([sys.executable, "-c", SCREEN_CHECK], env=env, capture_output=True, text=True,
                         timeout=180)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_default_window_fits_a_1366x768_laptop_and_150_percent(tmp_path):
    for width, height, scale in ((1366, 768, None), (1920, 1080, 1.5), (1366, 768, 1.5)):
        seen = _window_on_screen(tmp_path, width, height, scale)
        ax, ay, aw, ah = seen["available"]
        x, y, w, h = seen["frame"]
        assert x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah, (width, scale, seen)
        assert seen["status_bottom"] <= seen["height"]


def test_a_restored_geometry_is_used_only_when_it_fits(make_window):
    from PySide6.QtCore import QRect

    from planner_gui.gui import settings

    window = make_window()
    window.setGeometry(QRect(0, 0, 1800, 1000))
    settings.save_window(window)
    small = QRect(0, 0, 1366, 728)
    assert not settings.restore_window(window, small)
    assert settings.fits(window.geometry(), small)
    window.setGeometry(QRect(20, 40, 700, 500))   # (fits the test screen, 800×800, too)
    settings.save_window(window)
    assert settings.restore_window(window, small)
    assert window.geometry().size().width() == 700


# --- side panels ------------------------------------------------------------------------------

def _outline_tools_all_shown(window) -> bool:
    from PySide6.QtWidgets import QToolButton

    extension = window.outline_tools.findChild(QToolButton, "qt_toolbar_ext_button")
    return extension is None or not extension.isVisible()


def test_side_panels_take_a_sensible_width_and_the_outline_keeps_room(window, qtbot):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    for action, dock in ((window.actions_.find, window.find_dock),
                         (window.actions_.placeholders, window.placeholder_dock)):
        action.trigger()
        qtbot.waitUntil(dock.isVisible)
        QApplication.processEvents()
        assert dock.width() <= 0.4 * window.width(), dock.objectName()
        assert _outline_tools_all_shown(window)
        assert window.outline_pane.width() >= window.outline_tools.sizeHint().width() - 2
