"""Screenshots of the editor as a WPS user meets it (issue 15), for docs/:
the editor, the month table with the activity library open, the file dialog
and find/replace, on a given screen.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json [QT_SCALE_FACTOR=1.5] \\
        python scripts/wps_screenshots.py PREFIX

writes PREFIX-editor.png, PREFIX-schedule.png, PREFIX-dialog.png,
PREFIX-find.png (8-bit colour, to keep them small). Settings go to a
temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile

TMP = tempfile.mkdtemp()
os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(TMP, "config"))
os.environ.setdefault("XDG_DATA_HOME", os.path.join(TMP, "data"))

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog


def save(widget, path: str) -> None:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8)
    image.save(path, "PNG", 0)   # 0: the strongest compression
    print(path, os.path.getsize(path))


def settle(app, rounds: int = 20) -> None:
    import time
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def main(prefix: str) -> None:
    from planner_gui.app import build_window
    from planner_gui.gui import alerts
    from planner_gui.gui.launch import ensure_app
    from planner_gui.resources import sample_plan
    from planner_gui.store import PlanFile

    app = ensure_app()
    path = os.path.join(TMP, "阳光实验学校工会2025年工作计划.ghjh")
    PlanFile.create(path, sample_plan()).close()
    window = build_window(path)
    window.show()
    settle(app)
    plan = window.session.plan
    target = next((s for s in plan.sections if s.children and any(c.body for c in s.children)),
                  plan.sections[0])
    window.select_section(target.children[0].id if target.children else target.id)
    settle(app)
    save(window, prefix + "-editor.png")

    window.actions_.find.trigger()
    panel = window.find_panel
    panel.find_text.setText("教职工")
    settle(app)
    panel.find_next()
    panel.find_next()
    settle(app)
    save(window, prefix + "-find.png")
    window.find_dock.hide()

    view = window.schedule_view
    window.tabs.setCurrentWidget(view)
    settle(app)
    view.library_action.trigger()
    settle(app)
    save(window, prefix + "-schedule.png")

    def shoot_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, shoot_dialog)
            return
        settle(app, 30)
        save(dialog, prefix + "-dialog.png")
        dialog.reject()

    from planner_gui.gui import settings
    settings.set_last_folder(path)
    QTimer.singleShot(50, shoot_dialog)
    alerts.open_plan_path(window, settings.last_folder())
    window.session.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/wps")
