"""What every benchmark shares: results, medians, child processes, the table.

A benchmark reports a ratio against a reference measured in the same run
(design.md §5), never a bare time: machines differ, ratios travel. Whole
processes are timed as the median of several runs, ours and the reference
taking turns so that a busy moment on a shared machine hits both.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_RUNS = 7


@dataclass
class Result:
    """One line of the table.

    kind: "ratio" (ours / reference, met when <= target), "delta" (ours -
    reference, met when <= target), "absolute" (ours alone, met when <=
    target), "skipped" (not measured; note says why).
    unit: "s", "ms" or "MB" for ours and reference.
    """

    name: str
    kind: str
    ours: float | None = None
    reference: float | None = None
    target: float | None = None
    unit: str = "s"
    reference_name: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def value(self) -> float | None:
        if self.ours is None:
            return None
        if self.kind == "ratio":
            return self.ours / self.reference if self.reference else None
        if self.kind == "delta":
            return self.ours - self.reference
        return self.ours

    @property
    def met(self) -> bool | None:
        value = self.value
        if value is None or self.target is None:
            return None
        return value <= self.target

    def target_text(self) -> str:
        if self.target is None:
            return ""
        if self.kind == "ratio":
            return f"≤ {self.target:g}×"
        if self.kind == "delta":
            return f"≤ +{self.target:g} {self.unit}"
        if self.kind == "absolute":
            return f"< {self.target:g} {self.unit}"
        return ""

    def value_text(self) -> str:
        value = self.value
        if value is None:
            return "—"
        if self.kind == "ratio":
            return f"{value:.2f}×"
        if self.kind == "delta":
            return f"{value:+.1f} {self.unit}"
        return _amount(value, self.unit)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.update(value=self.value, met=self.met)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Result:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in names})


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.2f} ms"
    return f"{value:.1f} {unit}"


def status_text(result: Result) -> str:
    if result.kind == "skipped":
        return "skipped"
    return {True: "met", False: "MISSED", None: "—"}[result.met]


def table(results: list[Result]) -> str:
    """A Markdown table: readable in a terminal and pasteable into docs."""
    rows = [("Benchmark", "Ours", "Reference", "Ratio / figure", "Target", "Result")]
    for r in results:
        reference = ""
        if r.reference is not None:
            reference = f"{_amount(r.reference, r.unit)} ({r.reference_name})" if r.reference_name \
                else _amount(r.reference, r.unit)
        elif r.reference_name:
            reference = r.reference_name
        rows.append((r.name, _amount(r.ours, r.unit), reference, r.value_text(),
                     r.target_text(), status_text(r)))
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("| " + " | ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"- {r.name}: {r.note}" for r in results if r.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


# --- statistics -------------------------------------------------------------------------------

def median(values) -> float:
    return statistics.median(values)


def percentile(values, fraction: float) -> float:
    """The nearest-rank percentile (fraction 0.99 -> p99)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered) - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


# --- child processes ----------------------------------------------------------------------------

def child_env(workdir: Path) -> dict:
    """The environment for child processes: this checkout first on the path,
    Qt offscreen, settings in a private folder (no trace in the user's own)."""
    env = dict(os.environ)
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + paths)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(workdir / "config")
    env["XDG_CACHE_HOME"] = str(workdir / "cache")
    # An installed program runs from compiled .pyc files; this environment
    # may forbid writing them (PYTHONDONTWRITEBYTECODE), which would make
    # every child compile the whole package again. Keep them in the
    # benchmark's own folder instead of the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


#: Prepended to a child's code to run it as if numpy and pandas were not
#: installed. sqlite-utils (the store's library) imports both at import time
#: when they are there; none of the program's dependencies needs them, so a
#: clean install (the .venv scripts/setup.sh makes, the bundle if it excludes
#: them) has neither. This machine has numpy (for scipy), which costs every
#: process ~0.1-0.25 s and ~15 MB: the "numpy hidden" rows show the program
#: without that.
HIDE_NUMPY = "import sys; sys.modules['numpy'] = None; sys.modules['pandas'] = None\n"


def numpy_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("numpy") is not None


def planner_command(hide_numpy: bool = False) -> list[str]:
    """How `planner-gui` is started: the installed script when there is one,
    else the same entry point through the interpreter. hide_numpy: through
    `python -c` with HIDE_NUMPY first, same entry point (app.main)."""
    if hide_numpy:
        return [sys.executable, "-c", HIDE_NUMPY + "from planner_gui.app import main\n"
                "raise SystemExit(main(sys.argv[1:]))"]
    script = shutil.which("planner-gui")
    if script:
        return [script]
    return [sys.executable, "-m", "planner_gui"]


def time_process(command: list[str], env: dict, marker: str | None = None,
                 cwd: Path | None = None) -> tuple[float, str]:
    """Wall time of one child process and its stdout.

    With `marker`, the time runs until the child prints a line starting with
    it (e.g. the window is idle), not until the interpreter has torn down."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8")
    if marker is None:
        out, err = process.communicate()
        elapsed = time.perf_counter() - start
    else:
        line = ""
        lines = []
        for line in process.stdout:
            if line.startswith(marker):
                break
            lines.append(line)
        elapsed = time.perf_counter() - start
        rest, err = process.communicate()
        out = "".join(lines) + line + rest
        if not line.startswith(marker):
            raise BenchmarkError(f"{command[0]}… never printed {marker!r}:\n{err[-2000:]}")
    if process.returncode != 0:
        raise BenchmarkError(f"{' '.join(map(str, command))} failed ({process.returncode}):\n{err[-2000:]}")
    return elapsed, out


def alternate(runs: int, **commands) -> dict[str, list[float]]:
    """Time several callables in turns, `runs` rounds: {name: [seconds…]}.
    Each callable returns its own elapsed seconds."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, measure in commands.items():
            times[name].append(measure())
    return times


class BenchmarkError(RuntimeError):
    pass


# --- plans on disk ------------------------------------------------------------------------------

@contextlib.contextmanager
def workdir(prefix: str):
    """A private temporary folder for one benchmark, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=f"planner-bench-{prefix}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def typical_plan():
    from planner_gui.resources import sample_plan

    return sample_plan()


def write_plan(path: Path, plan) -> Path:
    from planner_gui.store import PlanFile

    PlanFile.create(path, plan, overwrite=True).close()
    return path


def typical_plan_file(workdir: Path) -> Path:
    return write_plan(workdir / "typical.ghjh", typical_plan())


def stress_plan_file(workdir: Path) -> Path:
    from benchmarks.stress_plan import write_stress_plan

    return write_stress_plan(workdir / "stress.ghjh")


# --- a module's command line ----------------------------------------------------------------------

def main_for(run, description: str, argv: list[str] | None = None) -> int:
    """The shared command line of a bench_*.py module: print its table, or
    write its results as JSON for run_all (--json PATH)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help=f"runs per whole-process timing (median; default {DEFAULT_RUNS})")
    parser.add_argument("--json", default=None, help="write the results to this JSON file")
    args = parser.parse_args(argv)
    results = run(runs=args.runs)
    if args.json:
        Path(args.json).write_text(json.dumps([r.to_dict() for r in results], ensure_ascii=False,
                                              indent=1), encoding="utf-8")
    print(table(results))
    return 0
