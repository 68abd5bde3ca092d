"""Untrusted input: interchange JSON with wrong types, missing and unknown keys,
a future version, deep nesting and huge numbers; files to import made of
random bytes, zips that are not Word files, zip bombs, XML with external
entities, 50 MB of text. Each gets a clear answer, in bounded memory (a child
process with a 2 GB ceiling), with the network blocked and watched, and no
file half-made."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from planner_gui.core.interchange import PlanFormatError, dumps, loads
from tests.reliability import hostile
from tests.reliability.conftest import available

REPO = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
ENV = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
IMPORTERS = pytest.mark.skipif(not available("planner_gui.importers"),
                               reason="planner_gui.importers is not there yet")


def run_cli(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "planner_gui", *map(str, args)], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=600)


# --- interchange JSON -----------------------------------------------------------

def _good() -> dict:
    from planner_gui.resources import sample_plan

    return json.loads(dumps(sample_plan(2025)))


def _mutate(change):
    data = _good()
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _deep_sections(depth: int) -> str:
    nested = '{"id": "x%d", "heading": "h", "body": [], "children": [' * depth % tuple(range(depth))
    text = json.dumps(_good(), ensure_ascii=False)
    return text.replace('"sections": [', '"sections": [' + nested + "]}" * depth + ",", 1)


def _set(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


BAD_JSON = {
    "not JSON": "一、这不是 JSON",
    "empty": "",
    "top level is a list": "[]",
    "top level is null": "null",
    "wrong type: sections is an object": _mutate(_set(["sections"], {})),
    "wrong type: year is a string": _mutate(_set(["meta", "year"], "2025")),
    "wrong type: year is a float": _mutate(_set(["meta", "year"], 2025.5)),
    "wrong type: done is a string": _mutate(lambda d: d["schedule"][0].__setitem__("done", "是")),
    "wrong type: body holds numbers": _mutate(lambda d: d["sections"][0].__setitem__("body", [1, 2])),
    "missing key: meta": _mutate(lambda d: d.pop("meta")),
    "missing key: section heading": _mutate(lambda d: d["sections"][0].pop("heading")),
    "missing key: activity months": _mutate(lambda d: d["schedule"][0].pop("months")),
    "unknown key at the top": _mutate(_set(["macro"], "run()")),
    "unknown key in an activity": _mutate(lambda d: d["schedule"][0].__setitem__("script", "x")),
    "unknown option": _mutate(_set(["options"], {"evil": True})),
    "future version": _mutate(_set(["version"], 2)),
    "version true": _mutate(_set(["version"], True)),
    "wrong format name": _mutate(_set(["format"], "other")),
    "duplicate section ids": _mutate(lambda d: d["sections"].append(dict(d["sections"][0]))),
    "activity tied to a missing section": _mutate(lambda d: d["schedule"][0].__setitem__("section", "s999")),
    "month 13": _mutate(lambda d: d["schedule"][0].__setitem__("months", ["2025-13"])),
    "impossible date": _mutate(_set(["meta", "date"], "2025-02-30")),
    "period of 9999 years": _mutate(_set(["meta", "period"], {"kind": "custom", "start": "0001-01",
                                                              "end": "9999-12"})),
    "deep nesting: 100 000 brackets": "[" * 100_000 + "]" * 100_000,
    "deep nesting: 900 levels of sections": _deep_sections(900),
    "deep nesting: 13 levels of sections": _deep_sections(13),
    "huge number: year 1e999": json.dumps(_good()).replace('"year": 2025', '"year": 1e999', 1),
    "huge number: year NaN": json.dumps(_good()).replace('"year": 2025', '"year": NaN', 1),
    "huge number: year with 4000 digits": json.dumps(_good()).replace('"year": 2025', '"year": ' + "9" * 4000, 1),
    "huge number: year with 5000 digits": json.dumps(_good()).replace('"year": 2025', '"year": ' + "9" * 5000, 1),
}


JSON_GROUP = (f"interchange JSON: {len(BAD_JSON)} kinds (wrong types, missing/unknown keys, "
              "future version, deep nesting, huge numbers …)")
#: Known failures, reported to the lead (core/ is not this suite's to change),
#: marked strict xfail so the mark must go once fixed. The integer of 5000
#: digits was one (json's ValueError escaped loads); fixed in a6aaf96.
KNOWN: dict[str, str] = {}     # case -> why (none at present)


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN[c]))
                                  if c in KNOWN else c for c in sorted(BAD_JSON)])
def test_bad_json_is_refused_with_a_sentence(case, figures):
    text = BAD_JSON[case]
    try:
        loads(text)
    except PlanFormatError as exc:
        message = str(exc)
    except BaseException as exc:  # noqa: BLE001 - anything else is what we look for
        figures("untrusted input", f"JSON: {case}", 1, f"{type(exc).__name__}: {exc}", failed=1,
                group=JSON_GROUP, kind=f"{type(exc).__name__} (wrong)", known=KNOWN.get(case))
        raise AssertionError(f"{case}: {type(exc).__name__} escaped: {exc}") from None
    else:
        figures("untrusted input", f"JSON: {case}", 1, "accepted", failed=1, group=JSON_GROUP,
                kind="accepted (wrong)")
        raise AssertionError(f"{case}: accepted")
    assert CJK.search(message) and "Traceback" not in message
    figures("untrusted input", f"JSON: {case}", 1, f"PlanFormatError “{message}”", group=JSON_GROUP,
            kind="refused with a sentence (PlanFormatError)")


def test_planner_gui_load_leaves_no_file(tmp_path, figures):
    """`planner-gui load` on bad JSON: one line on stderr, exit 1, no file made,
    nothing half-made beside it."""
    cases = ["future version", "unknown key at the top", "deep nesting: 900 levels of sections",
             "not JSON", "huge number: year 1e999"]
    answers = []
    for i, case in enumerate(cases):
        source = tmp_path / f"in{i}.json"
        source.write_text(BAD_JSON[case], encoding="utf-8")
        out = tmp_path / "out" / f"plan{i}.ghjh"
        out.parent.mkdir(exist_ok=True)
        result = run_cli("load", source, out)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
        assert os.listdir(out.parent) == []
        answers.append(result.stderr.strip())
    figures("untrusted input", "planner-gui load on bad JSON (5 kinds)", len(cases),
            f"exit 1, no file: {answers[0]}")


def test_large_json_loads_in_bounded_memory(tmp_path, figures):
    """A 20 MB interchange file (many sections) loads, in a child process with
    a memory ceiling; its peak is reported."""
    data = _good()
    data["sections"] = [{"id": f"q{i}", "heading": f"第{i}节", "body": ["正文" * 100], "children": []}
                        for i in range(40_000)]
    data["schedule"] = []
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    [report] = run_bounded("load", tmp_path, [path])
    size = path.stat().st_size / 1e6
    assert report["outcome"] in ("ok", "refused"), report
    figures("untrusted input", f"JSON of {size:.0f} MB (40 000 sections)", 1,
            f"{report['outcome']}, peak {report['rss_mb']} MB", peak_mb=report["rss_mb"])


# --- files to import ----------------------------------------------------------------

class Listener:
    """A local TCP port that counts who connects: a URL in an attack points
    here, so a connection made from C code (libxml2) is seen too."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.sock.close()


def run_bounded(kind: str, folder: Path, paths: list[Path], marker: str = "") -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "tests.reliability.bounded", kind, marker,
                             *map(str, paths)], cwd=REPO, env=ENV, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(reports) == len(paths), result.stderr[-2000:]
    return reports


def check_import_reports(reports, figures, area_case, listener=None, before=None, folder=None):
    wrong = []
    for report in reports:
        fine = (report["outcome"] == "ok" or (report["outcome"] == "refused" and CJK.search(report["message"])))
        if not fine or report["network"] or report["marker_seen"]:
            wrong.append(report)
    if listener is not None and listener.connections:
        wrong.append({"file": "*", "network": f"{listener.connections} connections to the listener"})
    if folder is not None and sorted(os.listdir(folder)) != before:
        wrong.append({"file": "*", "files": "the import wrote beside its input"})
    peak = max(r["rss_mb"] for r in reports)
    counts = Counter(r["outcome"] for r in reports)
    messages = Counter(r["message"] for r in reports if r["message"])
    example = messages.most_common(1)[0][0] if messages else ""
    figures("untrusted input", area_case, len(reports),
            ", ".join(f"{k} {v}" for k, v in counts.items()) + (f" — “{example}”" if example else "")
            + f"; peak {peak} MB", failed=len(wrong), peak_mb=peak,
            answers={r["file"]: r["message"] or r["outcome"] for r in reports})
    assert not wrong, json.dumps(wrong, ensure_ascii=False, indent=1)[:3000]


def _write_all(folder: Path, cases: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in cases.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


@IMPORTERS
def test_import_random_bytes_and_zips_that_are_not_word(tmp_path, figures):
    folder = tmp_path / "in"
    paths = _write_all(folder, hostile.random_and_zip_cases(seed=3))
    before = sorted(os.listdir(folder))
    reports = run_bounded("import", folder, paths)
    check_import_reports(reports, figures, "import: random bytes, non-Word zips, truncated docx",
                         before=before, folder=folder)
    # A real Word file carrying stray members ("../../evil.txt") imports: nothing is extracted.
    assert all(r["outcome"] == "refused" for r in reports
               if r["file"].endswith((".docx", ".doc")) and r["file"] != "path_traversal.docx")


@IMPORTERS
def test_import_zip_bombs(tmp_path, figures):
    folder = tmp_path / "in"
    paths = _write_all(folder, {
        "bomb_300mb.docx": hostile.honest_bomb(300),
        "bomb_lying_headers.docx": hostile.lying_bomb(200),
        "bomb_2000_members.docx": hostile.many_members(2000, 100 * 1024),
    })
    before = sorted(os.listdir(folder))
    reports = run_bounded("import", folder, paths)
    check_import_reports(reports, figures, "import: DOCX zip bombs (300 MB inflated, lying headers, "
                         "2000 members)", before=before, folder=folder)
    assert all(r["outcome"] == "refused" for r in reports)


@IMPORTERS
def test_import_xml_with_external_entities(tmp_path, figures):
    marker = "MARKER-" + os.urandom(8).hex()
    secret = tmp_path / "secret.txt"
    secret.write_text(marker, encoding="utf-8")
    listener = Listener()
    try:
        folder = tmp_path / "in"
        paths = _write_all(folder, hostile.xxe_docx(secret, listener.port))
        before = sorted(os.listdir(folder))
        reports = run_bounded("import", folder, paths, marker)
    finally:
        listener.close()
    check_import_reports(reports, figures, "import: XML with external entities, external DTD, "
                         "entity expansion (file, http, UTF-16, styles, HTML)",
                         listener=listener, before=before, folder=folder)


@IMPORTERS
def test_import_50_mb_of_text(tmp_path, figures):
    folder = tmp_path / "in"
    paths = _write_all(folder, {"plan_50mb.txt": hostile.big_text(50), "plan_8mb.txt": hostile.big_text(8)})
    before = sorted(os.listdir(folder))
    reports = run_bounded("import", folder, paths)
    check_import_reports(reports, figures, "import: 50 MB and 8 MB of plan-like text",
                         before=before, folder=folder)


@IMPORTERS
def test_planner_gui_import_leaves_no_file(tmp_path, figures):
    folder = tmp_path / "in"
    paths = _write_all(folder, {"bomb.docx": hostile.lying_bomb(50),
                                "noise.docx": os.urandom(3000),
                                "xxe.docx": hostile.xxe_docx(tmp_path / "none.txt", 9)["xxe_file.docx"]})
    out = tmp_path / "out"
    out.mkdir()
    answers = []
    for path in paths:
        result = run_cli("import", path, "-o", out / "计划.ghjh")
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and CJK.search(result.stderr)
        assert os.listdir(out) == []
        answers.append(result.stderr.strip())
    figures("untrusted input", "planner-gui import of hostile files: no plan file made", len(paths),
            f"exit 1: {answers[0]}")
