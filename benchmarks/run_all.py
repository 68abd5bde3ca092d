"""Run every benchmark and print one table: each ratio, its target, met/missed.

    python3 benchmarks/run_all.py [--runs N] [--only startup,export,...] [--json OUT]

Each benchmark module runs in a process of its own (so one's imports and
memory do not colour another's) and hands its results back as JSON. Ratios
are against references measured in the same run (design.md §5). None of this
is a unit test: nothing here fails a build; the table is the evidence.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import DEFAULT_RUNS, REPO, Result, numpy_installed, table

#: In the order of the issue.
MODULES = ("startup", "export", "pdf", "edit", "import", "memory")


def machine() -> str:
    """One line: CPU, cores, memory, OS, Python, Qt, load."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    try:
        import PySide6

        qt = f", PySide6 {PySide6.__version__}"
    except ImportError:
        qt = ""
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load {:.1f}/{:.1f}/{:.1f}".format(*os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}{qt}{load}")


def run_module(name: str, runs: int) -> list[Result]:
    script = Path(__file__).resolve().parent / f"bench_{name}.py"
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        out = Path(folder) / f"{name}.json"
        command = [sys.executable, str(script), "--runs", str(runs), "--json", str(out)]
        completed = subprocess.run(command, cwd=REPO, capture_output=True,
                                   text=True, encoding="utf-8", errors="replace")
        if completed.returncode != 0 or not out.is_file():
            log = Path(tempfile.gettempdir()) / f"planner-bench-{name}-failed.log"
            log.write_text(completed.stdout + "\n" + completed.stderr, encoding="utf-8")
            tail = (completed.stderr or completed.stdout).strip().splitlines()[-1:] or ["?"]
            return [Result(f"{name}", "skipped", note=f"benchmark failed: {tail[0]} (output in {log})")]
        return [Result.from_dict(item) for item in json.loads(out.read_text(encoding="utf-8"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help=f"runs per whole-process timing, median taken (default {DEFAULT_RUNS})")
    parser.add_argument("--only", default="", help="comma-separated subset of: " + ", ".join(MODULES))
    parser.add_argument("--json", default=None, help="also write all results to this JSON file")
    args = parser.parse_args(argv)
    wanted = [m.strip() for m in args.only.split(",") if m.strip()] or list(MODULES)
    unknown = [m for m in wanted if m not in MODULES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")

    started = time.perf_counter()
    header = [f"Date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
              f"Machine: {machine()}",
              f"Runs: median of {args.runs} for whole-process timings"]
    if numpy_installed():
        header.append("numpy is installed here: sqlite-utils imports it; the \"numpy hidden\" rows run "
                      "the same program as a clean install of its dependencies would")
    print("\n".join(header), flush=True)
    results: list[Result] = []
    for name in wanted:
        print(f"… {name}", file=sys.stderr, flush=True)
        results.extend(run_module(name, args.runs))
    print()
    print(table(results))
    missed = [r.name for r in results if r.met is False]
    print(f"\n{sum(r.met is True for r in results)} met, {len(missed)} missed, "
          f"{sum(r.kind == 'skipped' for r in results)} skipped "
          f"({time.perf_counter() - started:.0f} s; load now "
          f"{os.getloadavg()[0]:.1f})" if hasattr(os, "getloadavg") else "")
    if args.json:
        Path(args.json).write_text(json.dumps({"header": header,
                                               "results": [r.to_dict() for r in results]},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
