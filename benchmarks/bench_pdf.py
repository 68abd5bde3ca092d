"""PDF: `planner-gui pdf` of the typical plan, whole process, against
LibreOffice converting our own DOCX of the same plan to PDF in the same run
(`soffice --headless --convert-to pdf` with a private profile, warmed once).

    python3 benchmarks/bench_pdf.py [--runs N] [--json OUT]
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (Result, alternate, child_env, main_for, median, numpy_installed,
                               planner_command, time_process, typical_plan, workdir, write_plan)

NAME = "PDF, typical plan (whole process)"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_command_available() -> bool:
    from planner_gui.cli import _load

    return _load("pdf") is not None


def measure(runs: int, folder: Path) -> dict[str, list[float]]:
    from planner_gui.export.docx_writer import export_docx

    plan = typical_plan()
    plan_path = write_plan(folder / "typical.ghjh", plan)
    docx_path = folder / "typical.docx"
    export_docx(plan, docx_path)
    env = child_env(folder)
    arguments = ["pdf", str(plan_path), "-o", str(folder / "ours.pdf"), "--allow-placeholders"]
    out_dir = folder / "lo"
    out_dir.mkdir()
    libreoffice = [soffice(), f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
                   "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir),
                   str(docx_path)]

    def run_libreoffice():
        elapsed, _ = time_process(libreoffice, env)
        if not (out_dir / "typical.pdf").is_file():
            raise RuntimeError("LibreOffice wrote no PDF")
        (out_dir / "typical.pdf").unlink()
        return elapsed

    commands = {"ours": lambda: time_process(planner_command() + arguments, env)[0],
                "libreoffice": run_libreoffice}
    if numpy_installed():
        commands["ours, numpy hidden"] = lambda: time_process(planner_command(True) + arguments, env)[0]
    for measure_once in commands.values():  # warm: LibreOffice's first start builds its profile
        measure_once()
    return alternate(runs, **commands)


def run(runs: int = 7) -> list[Result]:
    if not pdf_command_available():
        return [Result(NAME, "skipped", note="`planner-gui pdf` is not there yet")]
    if soffice() is None:
        return [Result(NAME, "skipped", note="LibreOffice (soffice) is not installed")]
    with workdir("pdf") as folder:
        times = measure(runs, folder)
    results = [Result(NAME, "ratio", median(times["ours"]), median(times["libreoffice"]), 0.3,
                      reference_name="LibreOffice docx→pdf",
                      note=f"median of {runs} runs each, taking turns; LibreOffice warmed once")]
    if "ours, numpy hidden" in times:
        results.append(Result("PDF, typical plan, numpy hidden", "ratio",
                              median(times["ours, numpy hidden"]), median(times["libreoffice"]), 0.3,
                              reference_name="LibreOffice docx→pdf"))
    return results


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__.splitlines()[0]))
