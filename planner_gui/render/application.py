"""The QGuiApplication the print layout needs (fonts), made when none runs.

Shared by the pdf command and the DOCX export's month-table page breaks:
without a display (a server, a CI job) Qt runs on its offscreen platform.
"""

from __future__ import annotations

import os
import sys


def gui_application():
    """The running Qt application, or a new one (offscreen when there is no display).

    A QApplication, not a bare QGuiApplication: the process may go on to make
    widgets (the editor, after an export called from a script or a test), and
    Qt aborts when a widget is made under a QGuiApplication."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    global _APP
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:
        _APP = QGuiApplication(["planner-gui"])
    else:
        _APP = QApplication(["planner-gui"])
    return _APP


_APP = None
