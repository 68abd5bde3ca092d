"""Start-up: the program on a plan until its window is shown and idle,
against an empty PySide6 window with a tree and a table started the same way.

Both are `python -c` children on Qt's offscreen platform: build the window,
show it, and on the first pass of the event loop (QTimer.singleShot(0) after
show) print a marker with the peak resident memory, then quit. The time is
from spawning the child to reading the marker.

    python3 benchmarks/bench_startup.py [--runs N] [--json OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (HIDE_NUMPY, Result, alternate, child_env, main_for, median,
                               numpy_installed, stress_plan_file, time_process, typical_plan_file,
                               workdir)

MARKER = "IDLE"

_IDLE = f"""
import resource
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def _idle():
    print("{MARKER}", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    QApplication.instance().quit()

QTimer.singleShot(0, _idle)
QApplication.instance().exec()
"""

#: The reference: an empty main window with a tree and a table.
EMPTY_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView, QTreeView
app = QApplication(sys.argv[:1])
window = QMainWindow()
splitter = QSplitter()
splitter.addWidget(QTreeView())
splitter.addWidget(QTableView())
window.setCentralWidget(splitter)
window.resize(1200, 800)
window.show()
""" + _IDLE

#: Ours: the real main window on the plan file given as argv[1].
PLANNER_WINDOW = """
import sys
from planner_gui.app import build_window
window = build_window(sys.argv[1])
window.show()
""" + _IDLE


def start(code: str, env: dict, *args) -> tuple[float, float]:
    """(seconds until idle, peak RSS in MB) of one child."""
    elapsed, out = time_process([sys.executable, "-c", code, *map(str, args)], env, marker=MARKER)
    line = next(line for line in out.splitlines() if line.startswith(MARKER))
    return elapsed, int(line.split()[1]) / 1024  # ru_maxrss is in KiB on Linux


def measure(runs: int, folder: Path, hide_numpy: bool | None = None) -> dict:
    """{name: {"times": [...], "rss": [...]}} for the empty window, the
    typical and the stress plan (and both again with numpy hidden when it is
    installed), taking turns."""
    env = child_env(folder)
    plans = {"typical": typical_plan_file(folder), "stress": stress_plan_file(folder)}
    children = {"empty": (EMPTY_WINDOW, ())}
    for name, path in plans.items():
        children[name] = (PLANNER_WINDOW, (path,))
    if numpy_installed() if hide_numpy is None else hide_numpy:
        for name, path in plans.items():
            children[f"{name}, numpy hidden"] = (HIDE_NUMPY + PLANNER_WINDOW, (path,))
    samples = {name: {"times": [], "rss": []} for name in children}

    def runner(name):
        code, args = children[name]

        def run_once():
            elapsed, rss = start(code, env, *args)
            samples[name]["times"].append(elapsed)
            samples[name]["rss"].append(rss)
            return elapsed
        return run_once

    for name in children:           # warm the disk cache and .pyc files; not counted
        runner(name)()
        samples[name] = {"times": [], "rss": []}
    alternate(runs, **{name: runner(name) for name in children})
    return samples


def run(runs: int = 7) -> list[Result]:
    with workdir("startup") as folder:
        samples = measure(runs, folder)
    empty = median(samples["empty"]["times"])
    results = []
    for name, label, target in (("typical", "Start-up, typical plan", 1.5),
                                ("stress", "Start-up, stress plan", 2.0),
                                ("typical, numpy hidden", "Start-up, typical plan, numpy hidden", 1.5),
                                ("stress, numpy hidden", "Start-up, stress plan, numpy hidden", 2.0)):
        if name in samples:
            results.append(Result(label, "ratio", median(samples[name]["times"]), empty, target,
                                  reference_name="empty window"))
    results[0].note = f"median of {runs} runs each, taking turns; offscreen, until shown and idle"
    return results


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__.splitlines()[0]))
