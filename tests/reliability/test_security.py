"""Security: plan files are checked before any statement reads a plan table,
under trusted_schema=OFF; no SQL text from a file is ever run; no trigger of a
file ever fires; the program makes no network connection."""

from __future__ import annotations

import ast
import json
import socket
import sqlite3
import sys
from pathlib import Path

import pytest

from planner_gui.core.edits import SetHeading
from planner_gui.core.interchange import dumps
from planner_gui.store import NotAPlanError, PlanFile
from planner_gui.store.backups import BackupFolder, list_backups, restore_backup
from planner_gui.store.recovery import RecoveryFolder
from tests.reliability.conftest import available

PACKAGE = Path(__file__).resolve().parents[2] / "planner_gui"
PLAN_TABLES = ("meta", "sections", "activities")


# --- every statement the store runs, recorded --------------------------------

class Recorder:
    """Wraps sqlite3.connect: every connection's statements, in order,
    including '-- TRIGGER name' lines SQLite reports when a trigger runs."""

    def __init__(self, monkeypatch):
        self.connections: list[tuple[str, list[str]]] = []
        real = sqlite3.connect

        def connect(database, *args, **kwargs):
            conn = real(database, *args, **kwargs)
            statements: list[str] = []
            self.connections.append((str(database), statements))
            conn.set_trace_callback(statements.append)
            return conn
        monkeypatch.setattr(sqlite3, "connect", connect)

    def statements(self):
        return [s for _, statements in self.connections for s in statements]


def touches_plan_tables(statement: str) -> bool:
    text = statement.lower()
    return any(f" {table}" in text or f'"{table}"' in text or f"[{table}]" in text
               for table in PLAN_TABLES) and "sqlite_master" not in text


def evil_plan(plan_path: Path) -> Path:
    """A plan with a trigger that would empty the plan and a view, added by
    another program; returns the path."""
    with sqlite3.connect(plan_path) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS stolen (x)")
        conn.execute("CREATE TRIGGER evil AFTER UPDATE ON meta BEGIN "
                      "DELETE FROM sections; INSERT INTO activities (id, position, months, text, owner, note, done) "
                      "VALUES ('pwned', 0, '[]', 'x', '', '', 0); END")
        conn.execute("CREATE TRIGGER evil2 AFTER INSERT ON meta BEGIN DELETE FROM sections; END")
        conn.execute("CREATE VIEW spy AS SELECT key, value FROM meta")
    return plan_path


def counts(path: Path) -> tuple:
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PLAN_TABLES)


def test_the_trigger_in_the_evil_plan_is_live(plan_path, tmp_path):
    """Sanity: the trigger really would do damage if anything wrote to meta."""
    copy = tmp_path / "copy.ghjh"
    copy.write_bytes(evil_plan(plan_path).read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = value WHERE key = 'title'")
    assert counts(copy)[1] == 0


def test_a_plan_with_triggers_and_views_is_refused_before_anything_runs(plan_path, monkeypatch, figures):
    evil = evil_plan(plan_path)
    before_bytes, before_counts = evil.read_bytes(), counts(evil)
    recorder = Recorder(monkeypatch)
    for read_only in (False, True):
        with pytest.raises(NotAPlanError, match="不认识"):
            PlanFile.open(evil, read_only=read_only)
    monkeypatch.undo()
    statements = recorder.statements()
    assert statements, "the recorder saw nothing: the test would prove nothing"
    for _, run in recorder.connections:
        assert run[0] == "PRAGMA trusted_schema = OFF"
    assert not [s for s in statements if s.startswith("-- TRIGGER") or touches_plan_tables(s)]
    assert evil.read_bytes() == before_bytes and counts(evil) == before_counts
    figures("security", "plan with a live trigger and a view: refused before a plan table is read", 2,
            "NotAPlanError; statements before refusal: "
            + ", ".join(sorted({s.split()[0] + (" " + s.split()[1] if s.startswith("PRAGMA") else "")
                                for s in statements})))


def test_every_store_connection_starts_untrusted_and_no_trigger_ever_fires(plan_path, tmp_path_factory,
                                                                          monkeypatch, sample_plan, figures):
    """A day's work through the store (open, edit, back up, list, restore,
    recovery copy, save as): every connection to an existing file turns
    trusted_schema off before anything else, and no trigger runs."""
    appdata = tmp_path_factory.mktemp("appdata")
    recorder = Recorder(monkeypatch)
    backups = BackupFolder(appdata / "backups")
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        from planner_gui.core.edits import apply_edit

        _, touched = apply_edit(plan, SetHeading("s1", "安全检查"))
        plan_file.sync(plan, touched)
        made = backups.backup(plan_file)
        RecoveryFolder(appdata / "recovery").write(plan, plan_path)
    list_backups(plan_path, appdata / "backups")
    restore_backup(made, plan_path)
    PlanFile.create(plan_path.with_name("另存.ghjh"), plan).close()
    with PlanFile.open(plan_path, read_only=True) as again:
        again.load()
    monkeypatch.undo()
    untrusted_first = 0
    for database, run in recorder.connections:
        created_here = database.endswith(".tmp") or database == ":memory:"
        if not created_here:
            assert run and run[0] == "PRAGMA trusted_schema = OFF", (database, run[:3])
            untrusted_first += 1
    assert untrusted_first >= 6
    assert not [s for s in recorder.statements() if s.startswith("-- TRIGGER")]
    figures("security", "store connections to existing files open with trusted_schema=OFF first",
            untrusted_first, f"all {untrusted_first}; {len(recorder.statements())} statements, no trigger fired")


# --- no SQL text from a file ------------------------------------------------------

SQL_CALLS = {"execute", "executemany", "executescript", "query", "delete_where", "execute_returning_dicts"}
#: Pieces allowed inside an f-string of SQL: constants of ours, and placeholders.
ALLOWED_FORMATTED = {"APPLICATION_ID", "FORMAT_VERSION", "','.join('?' * len(deleted))",
                     "','.join('?' * len(gone))"}


def sql_problems(source: str, name: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in SQL_CALLS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                continue
            if isinstance(first, ast.JoinedStr) and all(
                    isinstance(v, ast.Constant) or ast.unparse(v.value) in ALLOWED_FORMATTED
                    for v in first.values):
                continue
            problems.append(f"{name}:{node.lineno}: {ast.unparse(node)[:100]}")
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                and node.value.attr == "db" and not isinstance(node.slice, ast.Constant):
            problems.append(f"{name}:{node.lineno}: table name not a literal: {ast.unparse(node)[:80]}")
    return problems


def test_the_sql_scan_catches_sql_from_data():
    bad = ("def f(conn, row, db, name):\n"
           "    conn.execute(row[0])\n"
           "    conn.execute(f'SELECT * FROM {name}')\n"
           "    db.execute('SELECT ' + name)\n"
           "    self.db[name].insert({})\n")
    assert len(sql_problems(bad, "bad.py")) == 4


def test_store_runs_only_sql_written_in_its_own_source(figures):
    problems, calls = [], 0
    for path in sorted((PACKAGE / "store").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        problems += sql_problems(source, path.name)
        calls += sum(1 for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
                     and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS)
    assert not problems, "\n".join(problems)
    figures("security", "SQL calls in store/ whose text is not a literal of ours", calls,
            "none: every statement is a literal or a placeholder list")


def test_no_code_runs_text_from_data(figures):
    """No eval/exec of data, no pickle, no shell: across the whole package."""
    found, files = [], 0
    for path in sorted(PACKAGE.rglob("*.py")):
        files += 1
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("eval", "exec", "compile", "__import__"):
                found.append(f"{path.name}:{node.lineno} {node.func.id}")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                if any(n.split(".")[0] in ("pickle", "marshal", "shelve", "yaml") for n in names):
                    found.append(f"{path.name}:{node.lineno} imports {names}")
            if isinstance(node, ast.keyword) and node.arg == "shell" and \
                    not (isinstance(node.value, ast.Constant) and node.value.value is False):
                found.append(f"{path.name}:{node.lineno} shell=")
            if isinstance(node, ast.Attribute) and node.attr in ("system", "popen") and \
                    isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append(f"{path.name}:{node.lineno} os.{node.attr}")
    assert not found, found
    figures("security", "eval/exec/pickle/shell anywhere in the program", files,
            f"none in {files} modules")


# --- no network ------------------------------------------------------------------------

_NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                   "socket.gethostbyname_ex", "socket.sendto", "urllib.Request", "http.client.connect"}
_WATCH = {"on": False, "seen": []}


def _audit(event, args):
    if _WATCH["on"] and event in _NETWORK_EVENTS:
        _WATCH["seen"].append(f"{event} {args!r}"[:200])
        raise ConnectionRefusedError("network blocked by the reliability suite")


_HOOKED = False


@pytest.fixture
def no_network(monkeypatch):
    """Sockets blocked (monkeypatched) and every Python network call recorded
    (audit hook); yields the list of attempts."""
    global _HOOKED
    if not _HOOKED:
        sys.addaudithook(_audit)
        _HOOKED = True
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:2]!r}")
            raise ConnectionRefusedError("network blocked by the reliability suite")
        return blocked
    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    _WATCH.update(on=True, seen=attempts)
    yield attempts
    _WATCH.update(on=False, seen=[])


def test_the_network_guard_notices_an_attempt(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    with pytest.raises(OSError):
        socket.socket().connect(("192.0.2.1", 80))
    assert len(no_network) == 2


def test_no_network_while_working(no_network, plan_path, tmp_path, capsysbinary, qapp, figures):
    from planner_gui.cli import main as cli

    done = []
    json_path = tmp_path / "plan.json"
    assert cli(["dump", str(plan_path)]) == 0
    json_path.write_bytes(capsysbinary.readouterr().out)
    done.append("dump")
    assert cli(["load", str(json_path), str(tmp_path / "loaded.ghjh")]) == 0
    done.append("load")
    plan = json.loads(json_path.read_text(encoding="utf-8"))
    assert plan["sections"]
    if available("planner_gui.export"):
        from planner_gui.core.interchange import loads
        from planner_gui.export.docx_writer import export_docx

        export_docx(loads(json_path.read_text(encoding="utf-8")), tmp_path / "plan.docx")
        done.append("export")
        if available("planner_gui.importers"):
            from planner_gui.importers import import_file

            assert import_file(tmp_path / "plan.docx").plan.sections
            done.append("import")
    if available("planner_gui.gui.launch"):
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
        QSettings.setDefaultFormat(QSettings.IniFormat)
        from planner_gui.app import build_window

        window = build_window(tmp_path / "loaded.ghjh")
        window.show()
        qapp.processEvents()
        section = window.session.plan.sections[0]
        window.editor.push(SetHeading(section.id, "无网络"), "改标题")
        qapp.processEvents()
        window.session.close()
        window.close()
        window.deleteLater()
        qapp.processEvents()
        done.append("editor window")
    assert no_network == [], no_network
    figures("security", "sockets blocked and watched during " + ", ".join(done), len(done),
            "no connection attempted")


def test_dumped_json_is_what_was_stored(plan_path, capsysbinary):
    """dump prints the stored plan, not text from anywhere else."""
    from planner_gui.cli import main as cli

    assert cli(["dump", str(plan_path)]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    with PlanFile.open(plan_path, read_only=True) as plan_file:
        assert out == dumps(plan_file.load())
