"""Export: `planner-gui export` of the typical plan, whole process, against
pandoc converting the same content as Markdown to DOCX in the same run; and
the in-process export of the stress plan (an absolute figure: under 1 s).

The Markdown is made from the plan: the title, the opening paragraphs, every
heading with its number and its paragraphs, the month table as a pipe table,
the closing, signature and date.

    python3 benchmarks/bench_export.py [--runs N] [--json OUT]
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (Result, alternate, child_env, main_for, median, numpy_installed,
                               planner_command, time_process, typical_plan, workdir, write_plan)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|") or " "


def plan_to_markdown(plan) -> str:
    """The plan's content as Markdown: what pandoc gets to convert."""
    from planner_gui.core.numbering import format_date, number_for_path
    from planner_gui.core.schedule import months_label

    style = plan.option("level3_style")
    lines = [f"# {plan.meta.title}", ""]
    for paragraph in plan.preamble:
        lines += [paragraph, ""]

    def visit(items, prefix):
        for index, section in enumerate(items):
            path = prefix + [index]
            lines.extend([f"{'#' * min(len(path) + 1, 6)} {number_for_path(path, style)}{section.heading}",
                          ""])
            for paragraph in section.body:
                lines.extend([paragraph, ""])
            visit(section.children, path)

    visit(plan.sections, [])
    if plan.schedule:
        lines += ["## 工作安排", "", "| 月份 | 工作内容 | 负责人 | 备注 |", "|---|---|---|---|"]
        period = plan.meta.period
        for activity in plan.schedule:
            lines.append(f"| {_cell(months_label(activity.months, period))} | {_cell(activity.text)} "
                         f"| {_cell(activity.owner)} | {_cell(activity.note)} |")
        lines.append("")
    for paragraph in plan.closing:
        lines += [paragraph, ""]
    lines += [plan.meta.signature, "", format_date(plan.meta.date, plan.option("date_style")), ""]
    return "\n".join(lines)


def measure_whole_process(runs: int, folder: Path) -> dict[str, list[float]]:
    """Ours (`planner-gui export`) and pandoc, in turns, on the typical plan."""
    plan = typical_plan()
    plan_path = write_plan(folder / "typical.ghjh", plan)
    markdown = folder / "typical.md"
    markdown.write_text(plan_to_markdown(plan), encoding="utf-8")
    env = child_env(folder)
    arguments = ["export", str(plan_path), "-o", str(folder / "ours.docx"), "--allow-placeholders"]
    pandoc = [shutil.which("pandoc") or "pandoc", "-f", "markdown", "-t", "docx", str(markdown),
              "-o", str(folder / "pandoc.docx")]
    commands = {"ours": lambda: time_process(planner_command() + arguments, env)[0],
                "pandoc": lambda: time_process(pandoc, env)[0]}
    if numpy_installed():
        commands["ours, numpy hidden"] = lambda: time_process(planner_command(True) + arguments, env)[0]
    for measure in commands.values():   # warm: disk cache, .pyc files; not counted
        measure()
    return alternate(runs, **commands)


def measure_stress_in_process(runs: int, folder: Path) -> tuple[float, float]:
    """(first call, median of the following calls) of export_docx on the stress plan."""
    from benchmarks.stress_plan import stress_plan
    from planner_gui.export.docx_writer import export_docx

    plan = stress_plan()
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        export_docx(plan, folder / f"stress-{i % 2}.docx")
        times.append(time.perf_counter() - start)
    return times[0], median(times[1:])


def run(runs: int = 7) -> list[Result]:
    with workdir("export") as folder:
        return _run(runs, folder)


def _run(runs: int, folder: Path) -> list[Result]:
    results = []
    if shutil.which("pandoc"):
        times = measure_whole_process(runs, folder)
        results.append(Result("Export DOCX, typical plan (whole process)", "ratio",
                              median(times["ours"]), median(times["pandoc"]), 1.0,
                              reference_name="pandoc md→docx",
                              note=f"median of {runs} runs each, taking turns"))
        if "ours, numpy hidden" in times:
            results.append(Result("Export DOCX, typical plan, numpy hidden", "ratio",
                                  median(times["ours, numpy hidden"]), median(times["pandoc"]), 1.0,
                                  reference_name="pandoc md→docx"))
    else:
        results.append(Result("Export DOCX, typical plan (whole process)", "skipped",
                              note="pandoc is not installed"))
    first, warm = measure_stress_in_process(max(3, runs // 2), folder)
    results.append(Result("Export DOCX, stress plan (in process)", "absolute", warm, target=1.0,
                          note=f"median of {max(3, runs // 2)} calls after the first; the first "
                               f"call (imports python-docx) took {first:.3f} s"))
    return results


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__.splitlines()[0]))
