"""The real editor window, typing steadily, for the kill trials of
test_editor_kills.py.

`python -m tests.reliability.editor_typist serve` imports Qt and the program
once (no QApplication) and becomes a fork server: for each line of JSON on
stdin it forks a child that builds the real main window on the plan, selects
section s1 and types into the heading box with real key events
(QTest.keyClick), one key every `gap` seconds of event loop (qWait, so the
save timers run as they would for a user), never pausing long enough for the
0.8 s save delay alone to fire. Each keystroke is logged with the child's
monotonic clock; the test kills the child at a random moment and checks what
reached the file.

Protocol: stdin {"plan", "log", "seed", "data"} -> stdout "pid N", later
"exit STATUS". Log lines: "start <heading>", "typed <count> <time>".
"""

from __future__ import annotations

import json
import os
import random
import sys
import time

from tests.reliability.fork_server import serve_jobs

#: What the typist types, one character per key (ASCII: one key, one char).
KEYS = "abcdefghijklmnopqrstuvwxyz"


def _quiet_dialogs() -> None:
    """Every dialog answered 'no' / cancelled, as tests/reliability's quiet_editor."""
    from planner_gui.gui import alerts

    for kind in ("error", "warning", "info", "confirm", "choose", "open_plan_path",
                 "save_plan_path", "save_path"):
        if hasattr(alerts, kind):
            setattr(alerts, kind, (lambda k: lambda *a, **kw: False if k == "confirm" else None)(kind))


def run_trial(plan: str, log_path: str, seed: int, data: str) -> None:
    os.environ["XDG_DATA_HOME"] = data
    os.environ["XDG_CONFIG_HOME"] = os.path.join(data, "config")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication.instance() or QApplication(["typist"])
    _quiet_dialogs()
    from planner_gui.app import build_window

    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    window = build_window(plan)
    window.show()
    app.processEvents()
    window.select_section("s1")
    app.processEvents()
    heading = window.findChild(QLineEdit, "headingEdit")
    heading.setFocus()
    QTest.keyClick(heading, Qt.Key_End)
    os.write(log, ("start " + json.dumps(heading.text(), ensure_ascii=False) + "\n").encode())
    rng = random.Random(seed)
    gap_ms = rng.choice((120, 300, 500, 700))    # steady: always below 0.8 s
    count = 0
    while True:
        QTest.keyClick(heading, KEYS[count % len(KEYS)])
        count += 1
        os.write(log, f"typed {count} {time.monotonic():.3f}\n".encode())
        QTest.qWait(gap_ms)


def serve() -> None:
    import PySide6.QtWidgets
    import PySide6.QtTest  # noqa: F401
    from planner_gui.app import build_window  # noqa: F401
    from planner_gui.gui import launch  # noqa: F401
    from planner_gui.store import prepare_writing

    prepare_writing()
    serve_jobs(lambda job: run_trial(job["plan"], job["log"], job["seed"], job["data"]))


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
