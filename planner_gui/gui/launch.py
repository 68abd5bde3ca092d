"""Starting the editor: the application object, Qt's Chinese words, the window.

The one place (with app.py) where long-lived objects are made; nothing is
created at import time.

Our own user-facing text needs no translation: every layer writes it in
Chinese where it is composed (docs/architecture.md, "User-facing text"). What
is translated here is Qt's own wording: the buttons of QMessageBox, the file
dialog, the context menu of a QLineEdit.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from .. import resources
from .settings import APPLICATION, ORGANIZATION

#: Qt's own words that qtbase_zh_CN.qm lacks (the file dialog's "Look in:",
#: "Files of type:"); only Qt's contexts, never text of ours.
QT_SUPPLEMENT = resources.path("translations", "wps_zh_CN.qm")


class QtWordings(QTranslator):
    """A few of Qt's own words as a Chinese office user reads them. Installed
    after qtbase's translation, so it is asked first; everything else falls
    through to qtbase (and what qtbase lacks, such as the file dialog's
    "Look in:", to wps_zh_CN.ts).

    - arrow keys in shortcut labels: qtbase spells Alt+Up "Alt+上方向"; Alt+↑;
    - the file dialog's size column: qtbase says 体积 (volume); Windows says 大小.
    """

    WORDS = {("QShortcut", "Up"): "↑", ("QShortcut", "Down"): "↓",
             ("QShortcut", "Left"): "←", ("QShortcut", "Right"): "→",
             ("QFileSystemModel", "Size"): "大小", ("QFileDialog", "Size"): "大小"}

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.WORDS.get((context, source_text))   # None: the next translator answers

    def isEmpty(self) -> bool:
        return False


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own words in Chinese: our supplement of what qtbase lacks,
    qtbase_zh_CN.qm, and QtWordings (Qt asks the last installed first); and
    zh_CN as the default locale (dates, numbers). The translators are
    installed once per application; later calls return the same list."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    existing = getattr(app, "_planner_translators", None)
    if existing is not None:
        return existing
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translators: list[QTranslator] = []
    for qm in (str(QT_SUPPLEMENT), os.path.join(qt_dir, "qtbase_zh_CN.qm")):
        translator = QTranslator(app)
        if translator.load(qm):
            app.installTranslator(translator)
            translators.append(translator)
    wordings = QtWordings(app)
    app.installTranslator(wordings)
    translators.append(wordings)
    app._planner_translators = translators  # type: ignore[attr-defined]  # kept with the app it is installed in
    return translators


def chinese_locale_environment(environ=os.environ) -> bool:
    """With no language set (LANG unset, C or POSIX, as on a bare Linux or a
    service account), Qt's system locale would be C and its dialogs would
    show dates as "7 12 2026". Set LANG to zh_CN.UTF-8 before the
    application starts; True when set. (Windows takes its locale from the
    system, not from LANG.)"""
    current = environ.get("LC_ALL") or environ.get("LC_TIME") or environ.get("LANG") or ""
    if current and current.split(".")[0] not in ("C", "POSIX"):
        return False
    environ["LANG"] = "zh_CN.UTF-8"
    for name in ("LC_ALL", "LC_TIME"):
        if environ.get(name, "").split(".")[0] in ("C", "POSIX"):
            environ.pop(name, None)
    return True


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app: QApplication | None = QApplication.instance()  # type: ignore[assignment]  # the program makes only QApplications
    if app is None:
        chinese_locale_environment()
        app = QApplication([sys.argv[0] if sys.argv else "planner-gui"] + list(argv or []))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    install_translations(app)
    return app


def build_window(path=None):
    """The real main window on the plan at `path` (the built-in sample plan
    when None), not shown and without an event loop: for tests and scripts."""
    ensure_app()
    from .main_window import MainWindow

    return MainWindow(path)


def split_arguments(argv: list[str]) -> tuple[str | None, list[str]]:
    """(the plan file to open or None, Qt's own options such as -style)."""
    paths = [a for a in argv if not a.startswith("-")]
    return (paths[0] if paths else None), [a for a in argv if a.startswith("-")]


def run_editor(argv: list[str]) -> int:
    """planner-gui [FILE]: open the file (e.g. double-clicked), else the sample."""
    from .. import logs
    from . import alerts
    from .recovery import data_dir

    logs.setup_logging(data_dir())
    path, qt_options = split_arguments(argv)
    app = ensure_app(qt_options)
    window = build_window(path)
    logs.install_excepthook(lambda text: alerts.error(window, text))
    window.show()
    try:
        return app.exec()
    finally:
        logs.shutdown_logging()
