"""Damaged files: truncated, bytes flipped, empty, another program's SQLite
database, a plan with a foreign trigger or view. Every one is refused with a
sentence or opened with a notice (or opened whole when the damage missed the
plan); none crashes the program; none is written to."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner_gui.core.edits import InsertActivity, InsertSection, apply_edit, new_section
from planner_gui.core.interchange import dumps
from planner_gui.core.plan import Activity
from planner_gui.store import PlanFile, StoreError

REPO = Path(__file__).resolve().parents[2]
SEED = 8
FLIPS = int(os.environ.get("PLANNER_DAMAGE_TRIALS", "150"))
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Outcome:
    kind: str          # refused | opened read-only | opened whole | opened, text changed | WRONG
    message: str = ""


@pytest.fixture(scope="module")
def good_plan(tmp_path_factory):
    """A plan of a few pages (several database pages), and its JSON."""
    from planner_gui.resources import sample_plan

    plan = sample_plan(2025)
    for i in range(12):
        apply_edit(plan, InsertSection(None, len(plan.sections),
                                       new_section(plan, f"第{i}部分", [f"第{i}部分的正文，" * 30] * 3)))
        apply_edit(plan, InsertActivity(len(plan.schedule), Activity(plan.new_activity_id(), [],
                                                                    f"活动{i}" * 10, "工会")))
    path = tmp_path_factory.mktemp("good") / "好计划.ghjh"
    PlanFile.create(path, plan).close()
    with PlanFile.open(path, read_only=True) as plan_file:
        text = dumps(plan_file.load())
    return path.read_bytes(), text


def try_open(path: Path, good_text: str) -> Outcome:
    """What the editor does on 打开: open, load, show a notice if any."""
    try:
        with PlanFile.open(path) as plan_file:
            plan = plan_file.load()
            read_only, notice = plan_file.read_only, plan_file.notice
    except StoreError as exc:
        message = str(exc)
        if not message or not CJK.search(message) or "Traceback" in message:
            return Outcome("WRONG", f"unclear message: {message!r}")
        return Outcome("refused", message)
    except BaseException as exc:  # noqa: BLE001 - anything else is the failure we look for
        return Outcome("WRONG", f"{type(exc).__name__}: {exc}")
    if read_only and notice:
        return Outcome("opened read-only", notice)
    if dumps(plan) == good_text:
        return Outcome("opened whole")
    return Outcome("WRONG", "opened without a notice, text changed")


def damage_and_try(path: Path, data: bytes, good_text: str) -> tuple[Outcome, bool]:
    """Write damaged bytes, try to open them; (outcome, the file was left alone)."""
    path.write_bytes(data)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    outcome = try_open(path, good_text)
    untouched = (path.read_bytes() == data and path.stat().st_mtime == 1_000_000_000
                 and sorted(os.listdir(path.parent)) == [path.name])
    return outcome, untouched


def summarize(outcomes: list[Outcome]) -> str:
    counts = Counter(o.kind for o in outcomes)
    return "; ".join(f"{kind} {n}" for kind, n in counts.most_common())


def run_cases(tmp_path, good_text, cases):
    results, written = [], []
    for i, data in enumerate(cases):
        target = tmp_path / f"case{i}" / "计划.ghjh"
        target.parent.mkdir()
        outcome, untouched = damage_and_try(target, data, good_text)
        results.append(outcome)
        if not untouched:
            written.append(i)
    return results, written


def check(figures, case, results, written):
    wrong = [o.message for o in results if o.kind == "WRONG"]
    messages = Counter(o.message for o in results if o.kind != "opened whole")
    example = messages.most_common(1)[0][0] if messages else ""
    figures("damaged files", case, len(results), f"{summarize(results)} — “{example}”" if example
            else summarize(results), failed=len(wrong) + len(written), written_to=len(written))
    assert not wrong, wrong[:5]
    assert not written, f"cases written to: {written[:10]}"


def test_truncated_at_random_lengths(tmp_path, good_plan, figures):
    data, text = good_plan
    rng = random.Random(SEED)
    lengths = sorted({0, 1, 99, 100, 101, 4096, len(data) - 1}
                     | {rng.randrange(len(data)) for _ in range(40)})
    results, written = run_cases(tmp_path, text, [data[:n] for n in lengths])
    check(figures, f"truncated at {len(lengths)} random lengths (file {len(data)} bytes)", results, written)
    assert all(o.kind == "refused" for o in results[:5])


def test_bytes_flipped_at_random_offsets(tmp_path, good_plan, figures):
    data, text = good_plan
    rng = random.Random(SEED + 1)
    cases = []
    for _ in range(FLIPS):
        damaged = bytearray(data)
        for _ in range(rng.choice((1, 1, 2, 4, 16))):
            damaged[rng.randrange(len(damaged))] ^= rng.randrange(1, 256)
        cases.append(bytes(damaged))
    results, written = run_cases(tmp_path, text, cases)
    check(figures, "1–16 bytes flipped at random offsets", results, written)
    # Most flips land in a text, a page structure or the header: not all may pass unseen.
    assert sum(o.kind != "opened whole" for o in results) > FLIPS // 4


def test_zeroed_regions(tmp_path, good_plan, figures):
    data, text = good_plan
    page = 4096
    cases = [b"", b"\x00" * len(data)]
    for start in range(0, len(data), page):
        cases.append(data[:start] + b"\x00" * page + data[start + page:])
    results, written = run_cases(tmp_path, text, cases)
    check(figures, "empty file, all zeros, each page zeroed", results, written)
    assert results[0].kind == results[1].kind == "refused"


def other_databases(folder: Path) -> list[bytes]:
    out = []

    def make(name, *statements, journal="delete"):
        path = folder / name
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA journal_mode = {journal}")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
        out.append(path.read_bytes())
    make("a.db", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)", "INSERT INTO notes VALUES (1, 'x')")
    make("b.db", "PRAGMA application_id = 1095976017", "CREATE TABLE t (x)")
    # Our table names under another application id, and our id with other tables.
    make("c.db", "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)", "CREATE TABLE sections (id)",
         "CREATE TABLE activities (id)")
    make("d.db", "PRAGMA application_id = 1212697160", "PRAGMA user_version = 1", "CREATE TABLE meta (k, v)")
    make("e.db", "PRAGMA application_id = 1212697160", "PRAGMA user_version = 1")
    make("f.db", "CREATE TABLE big (x)", *[f"INSERT INTO big VALUES (randomblob({n}))" for n in range(0, 9000, 900)],
         journal="wal")
    return out


def test_another_programs_sqlite_database(tmp_path, good_plan, figures):
    _, text = good_plan
    (tmp_path / "made").mkdir()
    cases = other_databases(tmp_path / "made")
    results, written = run_cases(tmp_path, text, cases)
    check(figures, "another program's SQLite database (6 kinds, one in WAL mode)", results, written)
    assert all(o.kind == "refused" for o in results)


FOREIGN = [
    "CREATE TRIGGER t1 AFTER UPDATE ON meta BEGIN DELETE FROM sections; END",
    "CREATE TRIGGER t2 BEFORE INSERT ON activities BEGIN SELECT RAISE(ABORT, 'no'); END",
    "CREATE TRIGGER t3 AFTER DELETE ON sections BEGIN INSERT INTO meta VALUES ('x', 'y'); END",
    "CREATE VIEW v1 AS SELECT * FROM sections",
    "CREATE VIEW meta_view AS SELECT key, value FROM meta",
    "CREATE TABLE extra (x)",
    "CREATE INDEX idx_extra ON sections (heading)",
]


def test_plan_with_a_foreign_trigger_or_view(tmp_path, good_plan, figures):
    data, text = good_plan
    cases = []
    for i, ddl in enumerate(FOREIGN):
        path = tmp_path / "made" / f"{i}.ghjh"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        with sqlite3.connect(path) as conn:
            conn.execute(ddl)
        cases.append(path.read_bytes())
    results, written = run_cases(tmp_path, text, cases)
    check(figures, "plan with a foreign trigger, view, table or index", results, written)
    assert all(o.kind == "refused" and "不认识" in o.message for o in results)


def test_damaged_files_through_the_command_line(tmp_path, good_plan, figures):
    """`planner-gui dump` on damaged files: exit 1, one line in Chinese, no traceback."""
    data, _ = good_plan
    rng = random.Random(SEED + 2)
    paths = []
    for i, damaged in enumerate([b"", data[:5000], data[:len(data) // 2],
                                 bytes(b ^ 0xFF if rng.random() < 0.01 else b for b in data)]):
        path = tmp_path / f"{i}.ghjh"
        path.write_bytes(damaged)
        paths.append(path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    answers = []
    for path in paths:
        before = path.read_bytes()
        result = subprocess.run([sys.executable, "-m", "planner_gui", "dump", str(path)], cwd=REPO,
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and CJK.search(result.stderr)
        assert result.stderr.count("\n") == 1 and result.stdout == ""
        assert path.read_bytes() == before
        answers.append(result.stderr.strip())
    figures("damaged files", "planner-gui dump on damaged files", len(paths), answers[1])


def test_damaged_files_in_the_editor(tmp_path, good_plan, qapp, quiet_editor, figures):
    """The editor, asked to open damaged files, says why and keeps running."""
    from planner_gui.app import build_window

    data, _ = good_plan
    told = []
    for i, damaged in enumerate([b"", data[:3000], data[:len(data) - 4096]]):
        path = tmp_path / f"{i}.ghjh"
        path.write_bytes(damaged)
        window = build_window(path)
        try:
            errors = [text for kind, text in quiet_editor if kind in ("error", "warning")]
            assert len(errors) == i + 1 and CJK.search(errors[-1])
            told.append(errors[-1])
        finally:
            if window.session is not None:
                window.session.close()
            window.close()
            window.deleteLater()
        assert path.read_bytes() == damaged
    figures("damaged files", "damaged files opened in the editor window", len(told), told[1])


def test_a_changed_text_opens_read_only_in_the_editor(plan_path, qapp, quiet_editor, figures):
    """A byte changed inside a text leaves a valid database; the checksum
    tells, and the editor shows the plan read-only with the reason."""
    from planner_gui.app import build_window

    with sqlite3.connect(plan_path) as conn:
        conn.execute("UPDATE sections SET heading = '被改动的标题' WHERE id = 's1'")
    before = plan_path.read_bytes()
    window = build_window(plan_path)
    try:
        assert window.session is not None and window.session.read_only
        notice = window.session.plan_file.notice
        assert "校验" in notice
        banner = getattr(window, "banner_label", None)
        if banner is not None:
            assert banner.text() == notice
    finally:
        if window.session is not None:
            window.session.close()
        window.close()
        window.deleteLater()
    assert plan_path.read_bytes() == before
    figures("damaged files", "a text changed on the disk (valid database, checksum differs), in the editor", 1,
            f"opened read-only: “{notice}”")
