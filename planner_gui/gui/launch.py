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
        qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
        files.append(Path(qt_dir) / "qtbase_zh_CN.qm")
        for qm in files:
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                translators.append(translator)
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    app._planner_translators = translators
    return translators


def uninstall_translations(app: QApplication) -> None:
    """Undo install_translations (tests that check the English source strings)."""
    for translator in getattr(app, "_planner_translators", None) or []:
        app.removeTranslator(translator)
    app._planner_translators = None


def ensure_app(argv: list[str] | None = None) -> QApplication:
    from ..models.pyside_fixes import protect_singletons

    protect_singletons()
    app = QApplication.instance()
    if app is None:
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
