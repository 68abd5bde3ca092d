"""Starting the editor: the application object, translations, the window.

The one place (with app.py) where long-lived objects are made; nothing is
created at import time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from .. import resources
from .settings import APPLICATION, ORGANIZATION

TRANSLATIONS = resources.path("translations")


def interface_language() -> str:
    """"zh_CN" (the default: the program is made for Chinese offices) or "en".

    PLANNER_LANG=en (or any value not starting with "zh") gives the English
    source strings; PLANNER_LANG=system follows the system locale."""
    wanted = os.environ.get("PLANNER_LANG", "").strip()
    if wanted.lower() == "system":
        wanted = QLocale.system().name()
    if not wanted or wanted.lower().startswith("zh"):
        return "zh_CN"
    return "en"


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


def install_translations(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Load every <area>_zh_CN.qm of ours plus Qt's qtbase_zh_CN.qm (Qt's own
    buttons). Done once per application; later calls return the same list."""
    existing = getattr(app, "_planner_translators", None)
    if existing is not None:
        return existing
    language = language or interface_language()
    translators: list[QTranslator] = []
    if language == "zh_CN":
        files = sorted(Path(TRANSLATIONS).glob("*_zh_CN.qm"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files.append(Path(qt_dir) / "qtbase_zh_CN.qm")
        for qm in files:
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                translators.append(translator)
        wordings = QtWordings(app)
        app.installTranslator(wordings)
        translators.append(wordings)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app._planner_translators = translators  # type: ignore[attr-defined]  # kept with the app it is installed in
    return translators


def uninstall_translations(app: QApplication) -> None:
    """Undo install_translations (tests that check the English source strings)."""
    for translator in getattr(app, "_planner_translators", None) or []:
        app.removeTranslator(translator)
    app._planner_translators = None  # type: ignore[attr-defined]  # see install_translations


def chinese_locale_environment(environ=os.environ) -> bool:
    """With no language set (LANG unset, C or POSIX, as on a bare Linux or a
    service account), Qt's system locale would be C and its dialogs would
    show dates as "7 12 2026". Set LANG to zh_CN.UTF-8 before the
    application starts, for the Chinese interface only; True when set.
    (Windows takes its locale from the system, not from LANG.)"""
    if interface_language() != "zh_CN":
        return False
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
