"""qt_fixes: the reserve of references that keeps PySide6's emit() reference
bug (6.12.0; a slower loss seen in 6.11.3) from aborting CPython < 3.12."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.qt_fixes import RESERVE, protect_singletons

REPO = Path(__file__).resolve().parents[1]

EMITS = r"""
import sys
from planner_gui.qt_fixes import protect_singletons
protect_singletons()
from PySide6.QtCore import QCoreApplication, QObject, Signal
class Emitter(QObject):
    ping = Signal(bool)
app = QCoreApplication([])
emitter = Emitter()
seen = []
emitter.ping.connect(seen.append)
before = sys.getrefcount(True)
for _ in range(int(sys.argv[1])):
    emitter.ping.emit(True)
print(len(seen), before - sys.getrefcount(True))
"""


def test_many_emits_after_the_program_start_leave_the_process_alive():
    """What the reserve protects: a long run of emits (typing a page makes
    thousands) ends normally, and True keeps its references."""
    result = subprocess.run([sys.executable, "-c", EMITS, "50000"], cwd=REPO, capture_output=True,
                            text=True, timeout=300, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                                          "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr[-2000:]
    delivered, lost = map(int, result.stdout.split())
    assert delivered == 50000
    assert lost < RESERVE // 2


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal on CPython 3.12+")
def test_true_false_and_none_get_a_reserve():
    protect_singletons()   # tests/conftest.py already applied it: a second call does nothing
    assert protect_singletons() is False
    assert sys.getrefcount(True) > RESERVE // 2
    assert sys.getrefcount(None) > RESERVE // 2


def test_nothing_else_applies_it():
    """Called at program start (app.main) and in tests/conftest.py only."""
    callers = sorted(str(p.relative_to(REPO)) for p in (REPO / "planner_gui").rglob("*.py")
                     if "protect_singletons()" in p.read_text(encoding="utf-8") and p.name != "qt_fixes.py")
    assert callers == ["planner_gui/app.py"]
