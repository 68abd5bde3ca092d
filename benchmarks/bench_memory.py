"""Memory: peak resident memory (ru_maxrss) of the program with the stress
plan open in its window, shown and idle, against the empty window with a
tree and a table started the same way (see bench_startup). Target: ≤ +60 MB.

    python3 benchmarks/bench_memory.py [--runs N] [--json OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_startup import EMPTY_WINDOW, PLANNER_WINDOW, start
from benchmarks.common import (HIDE_NUMPY, Result, child_env, main_for, median, numpy_installed,
                               stress_plan_file, workdir)


def run(runs: int = 7) -> list[Result]:
    runs = max(3, min(runs, 5))   # peak memory hardly varies between runs
    with workdir("memory") as folder:
        env = child_env(folder)
        stress = stress_plan_file(folder)
        start(EMPTY_WINDOW, env)              # warm: .pyc files, disk cache
        hide = numpy_installed()
        empty, ours, hidden = [], [], []
        for _ in range(runs):
            empty.append(start(EMPTY_WINDOW, env)[1])
            ours.append(start(PLANNER_WINDOW, env, stress)[1])
            if hide:
                hidden.append(start(HIDE_NUMPY + PLANNER_WINDOW, env, stress)[1])
    results = [Result("Peak memory, stress plan open", "delta", median(ours), median(empty), 60.0,
                      unit="MB", reference_name="empty window",
                      note=f"ru_maxrss when shown and idle, median of {runs} runs each")]
    if hidden:
        results.append(Result("Peak memory, stress plan open, numpy hidden", "delta", median(hidden),
                              median(empty), 60.0, unit="MB", reference_name="empty window"))
    return results


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__.splitlines()[0]))
