"""Issue 14: the holes an outside adversarial run found, one trial each.

Each test here failed before its fix; the printed table's areas:
"stale journal", "second descriptor", "journal mode", "tampered schema",
"menu actions", "background backups", "cli checks", "windows".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner_gui.core.interchange import dumps
from planner_gui.store import NotAPlanError, PlanFile, StoreError
from tests.reliability.round_two import plan_with_hot_journal


def _refusal(action, done: str) -> tuple[str, bool]:
    """(the store's sentence, True) when `action` is refused with a
    StoreError, else (`done`, False): what a trial reports either way."""
    try:
        action()
    except StoreError as exc:
        return str(exc), True
    return done, False


def _open_and_load(path: Path) -> None:
    with PlanFile.open(path) as plan_file:
        plan_file.load()


def _headings(plan) -> list[str]:
    return [s.heading for s in plan.walk()]


def _other_plan(sample_plan):
    from planner_gui.core.edits import SetHeading, apply_edit

    plan = sample_plan
    for n, section in enumerate(list(plan.walk())):
        apply_edit(plan, SetHeading(section.id, f"新计划标题{n}"))
    return plan


# --- 1. a stale hot journal meets a new file -----------------------------------

def _journal_left_behind(plan_path, tmp_path) -> tuple[Path, Path]:
    """A plan killed mid-write, then moved away by a file manager without its
    journal: returns (the folder's plan name, now free; the moved plan)."""
    folder = tmp_path / "folder"
    folder.mkdir()
    mid, journal = plan_with_hot_journal(plan_path, tmp_path / "made")
    target = folder / "计划.ghjh"
    shutil.move(str(journal), str(folder / "计划.ghjh-journal"))
    moved = tmp_path / "moved.ghjh"
    shutil.move(str(mid), str(moved))
    return target, moved


@pytest.mark.parametrize("how", ["new", "save as onto a damaged file", "recovery copy"])
def test_a_stale_journal_never_meets_a_new_plan(how, plan_path, tmp_path, sample_plan, figures):
    target, _ = _journal_left_behind(plan_path, tmp_path)
    new = _other_plan(sample_plan)
    if how == "save as onto a damaged file":
        target.write_bytes(b"not a plan at all" * 10)
    if how == "recovery copy":
        from planner_gui.store.recovery import RecoveryFolder

        folder = RecoveryFolder(target.parent)
        target = folder.path_for(None)
        shutil.move(str(tmp_path / "folder" / "计划.ghjh-journal"), str(target.with_name(target.name + "-journal")))
        folder.write(new, None)
    else:
        PlanFile.create(target, new, overwrite=True).close()
    with PlanFile.open(target) as plan_file:
        whole = plan_file.integrity_ok()
        text = dumps(plan_file.load())
        damaged = plan_file.damaged
    wrong = int(text != dumps(new) or not whole or damaged)
    orphans = list(target.parent.glob(f".{target.name}-journal.*.orphan"))
    figures("stale journal", f"old plan's hot journal beside a new file ({how})", 1,
            f"new file whole, journal kept aside as {len(orphans)} hidden .orphan file",
            damaged=int(not whole or damaged), failed=wrong, group="stale hot journal beside a new file")
    assert whole and not damaged and text == dumps(new)
    from planner_gui.store.files import hot_journal

    assert not hot_journal(target)
    assert len(orphans) == 1 or how == "save as onto a damaged file"  # there SQLite rolled it into the old file


def test_a_foreign_journal_is_not_played_silently(plan_path, tmp_path, sample_plan, figures):
    """A journal beside a file that someone else put there: the file is
    checked in full after the rollback; mixed rows are never opened for
    writing as if whole."""
    target, _ = _journal_left_behind(plan_path, tmp_path)
    other = tmp_path / "other.ghjh"
    PlanFile.create(other, _other_plan(sample_plan)).close()
    shutil.copyfile(other, target)          # copied in by hand: our create never ran
    try:
        with PlanFile.open(target) as plan_file:
            mixed = plan_file.load()
            answer = plan_file.notice or "opened"
            silent = not plan_file.read_only and not plan_file.damaged \
                and any("写到一半" in h for h in _headings(mixed))
    except NotAPlanError as exc:
        answer, silent = str(exc), False
    figures("stale journal", "a foreign hot journal beside a file copied in by hand", 1, answer,
            failed=int(silent), group="stale hot journal beside a new file")
    assert not silent


# --- 2. a second descriptor on the open plan -----------------------------------

def _dump_elsewhere(path: Path):
    from tests.reliability.test_two_openers import run_cli

    return run_cli("dump", path)


def test_importing_the_open_plan_keeps_its_lock(plan_path, tmp_path, figures):
    """importers.import_file on the plan this process holds: refused with a
    sentence before any descriptor is opened; another process is still told
    the plan is open elsewhere."""
    from planner_gui.importers import import_file
    from planner_gui.importers.base import PlanImportError

    link = tmp_path / "去年的计划.docx"
    link.symlink_to(plan_path)
    answers, unlocked = [], 0
    with PlanFile.open(plan_path) as held:
        for name in (plan_path, link):
            with pytest.raises(PlanImportError) as caught:
                import_file(name)
            answers.append(str(caught.value))
            result = _dump_elsewhere(plan_path)
            unlocked += result.returncode == 0
        held.load()
    figures("second descriptor", "import the open plan (its name, a link to it)", len(answers), answers[0],
            failed=unlocked + sum("正在编辑" not in a for a in answers))
    assert unlocked == 0 and all("正在编辑的计划文件本身" in a for a in answers)


def test_importing_the_open_plan_in_the_editor(plan_path, qapp, quiet_editor, monkeypatch, figures):
    """导入 Word/文本计划 → the open plan itself, through the real window."""
    from PySide6.QtGui import QAction

    from planner_gui.app import build_window
    from planner_gui.gui import alerts

    monkeypatch.setattr(alerts, "open_path", lambda *args, **kwargs: str(plan_path))
    from PySide6.QtCore import QObject

    window = build_window(plan_path)
    window.show()
    try:
        action = window.findChild(QAction, "actionImportPlan")
        action.trigger()
        rollover = window.findChild(QObject, "rolloverActions")
        import time

        deadline = time.monotonic() + 60
        while getattr(rollover, "job", None) is not None and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.01)
        qapp.processEvents()
        told = [text for kind, text in quiet_editor if kind == "error"]
        result = _dump_elsewhere(plan_path)
    finally:
        window.session.close()
        window.close()
        window.deleteLater()
    wrong = int(not told or "正在编辑的计划文件本身" not in told[-1]) + int(result.returncode == 0)
    figures("second descriptor", "editor: 导入 Word/文本计划 → the open plan", 1,
            told[-1] if told else "nothing said", failed=wrong)
    assert wrong == 0, (told, result.returncode)


def test_no_plain_open_of_a_plan_in_the_program():
    """No module but held_files opens files by name for reading bytes; the
    store's own reads (header, journal, fsync) are guarded by is_held."""
    import re

    package = Path(__file__).resolve().parents[2] / "planner_gui"
    allowed = {"held_files.py", "store/plan_file.py", "store/files.py", "safe_write.py", "store/backups.py",
               "importers/convert.py"}
    found = []
    for path in package.rglob("*.py"):
        rel = path.relative_to(package).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel not in allowed and re.search(r"(?<![.\w])open\(|\.read_bytes\(\)", text):
            found.append(rel)
    assert not found, found


# --- 3. a plan switched to WAL by another tool ------------------------------------

def test_a_plan_in_wal_mode_is_written_back_to_the_rollback_journal(plan_path, tmp_path, figures):
    import sqlite3
    import subprocess

    from planner_gui.core.edits import SetHeading, apply_edit

    conn = sqlite3.connect(str(plan_path))
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    with PlanFile.open(plan_path) as plan_file:
        notice = plan_file.notice
        plan = plan_file.load()
        _, touched = apply_edit(plan, SetHeading("s1", "写进主文件的标题"))
        plan_file.sync(plan, touched)
        wal_left = plan_path.with_name(plan_path.name + "-wal").exists()
        # What a user copying the .ghjh alone to a USB stick gets, while it is open
        # (another process copies: reading it here would drop our lock).
        stick = tmp_path / "U盘.ghjh"
        subprocess.run(["cp", str(plan_path), str(stick)], check=True)
    with PlanFile.open(stick, read_only=True) as copy:
        heading = copy.load().find_section("s1").heading
    mode = sqlite3.connect(str(plan_path)).execute("PRAGMA journal_mode").fetchone()[0]
    wrong = int(heading != "写进主文件的标题") + int(wal_left) + int(mode != "delete") + int(notice is not None)
    figures("journal mode", "plan switched to WAL by another tool, copied while open", 1,
            f"rollback journal set again silently; the copy of the .ghjh alone holds the edit ({heading})",
            lost=int(heading != "写进主文件的标题"), failed=wrong)
    assert wrong == 0, (heading, wal_left, mode, notice)


# --- 4. a tampered schema -------------------------------------------------------------

TAMPERINGS = {
    "UNIQUE index on headings under our migrations index's name": [
        "DROP INDEX idx__sqlite_migrations_migration_set_name",
        'CREATE UNIQUE INDEX idx__sqlite_migrations_migration_set_name ON sections (heading)'],
    "our migrations index made non-unique on one column": [
        "DROP INDEX idx__sqlite_migrations_migration_set_name",
        'CREATE INDEX idx__sqlite_migrations_migration_set_name ON _sqlite_migrations (name)'],
    "a partial index under our index's name": [
        "DROP INDEX idx__sqlite_migrations_migration_set_name",
        'CREATE UNIQUE INDEX idx__sqlite_migrations_migration_set_name ON _sqlite_migrations '
        '(migration_set, name) WHERE name IS NOT NULL'],
    "a descending index under our index's name": [
        "DROP INDEX idx__sqlite_migrations_migration_set_name",
        'CREATE UNIQUE INDEX idx__sqlite_migrations_migration_set_name ON _sqlite_migrations '
        '(migration_set DESC, name)'],
}


@pytest.mark.parametrize("case", list(TAMPERINGS))
def test_a_tampered_index_definition_is_refused(case, plan_path, figures):
    import sqlite3

    conn = sqlite3.connect(str(plan_path), isolation_level=None)
    for statement in TAMPERINGS[case]:
        conn.execute(statement)
    conn.close()
    before = plan_path.read_bytes()
    answer, refused = _refusal(lambda: _open_and_load(plan_path), "opened for writing")
    figures("tampered schema", case, 1, answer, failed=int(not refused) + int(plan_path.read_bytes() != before),
            group="index with one of our names but another definition")
    assert refused and plan_path.read_bytes() == before


def test_writes_never_rely_on_replace_deleting_rows(plan_path, monkeypatch, figures):
    """Even past the schema check (switched off here), a write meeting a
    foreign UNIQUE index fails the transaction; it never deletes a row."""
    import sqlite3

    from planner_gui.core.edits import SetHeading, apply_edit
    from planner_gui.store import plan_file as module

    conn = sqlite3.connect(str(plan_path), isolation_level=None)
    conn.execute("CREATE UNIQUE INDEX idx_headings ON sections (heading)")
    conn.close()
    monkeypatch.setattr(module, "check_schema", lambda conn, version: None)
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        count = sum(1 for _ in plan.walk())
        first, second = plan.sections[0], plan.sections[1]
        # The second section given the first one's heading: the foreign index
        # finds the first row in the way.
        _, touched = apply_edit(plan, SetHeading(second.id, first.heading))
        try:
            plan_file.sync(plan, touched)
            answer = "written"
        except StoreError as exc:
            answer = str(exc)
    with PlanFile.open(plan_path, read_only=True) as again:
        rows = again.conn.execute("SELECT count(*) FROM sections").fetchone()[0]
    lost = max(0, count - rows)
    figures("tampered schema", "write meets a foreign UNIQUE index (check bypassed)", 1,
            answer, lost=lost, failed=int(lost > 0))
    assert lost == 0


# --- 6. backups while working --------------------------------------------------------

def test_backups_are_made_while_editing_off_the_window_thread(plan_path, qapp, quiet_editor, monkeypatch,
                                                               figures):
    """Three rounds of edits in the real window, each followed by a due
    backup: each round's state is backed up, on a worker thread, with the
    window's plan still locked; the rotation keeps its rules."""
    import threading
    import time

    from planner_gui.app import build_window
    from planner_gui.core.edits import SetHeading
    from planner_gui.gui import recovery
    from planner_gui.store.backups import BackupFolder

    threads = []
    real_backup = BackupFolder.backup

    def watched(self, plan_file, force=False):
        threads.append(threading.current_thread().name)
        return real_backup(self, plan_file, force=True)   # "due" is what the tick asks; here always
    monkeypatch.setattr(BackupFolder, "backup", watched)
    monkeypatch.setattr(BackupFolder, "due", lambda self, path, now=None: True)
    window = build_window(plan_path)
    window.show()
    made = []
    try:
        backups = window.background_backups
        for n in range(3):
            assert window.editor.push(SetHeading("s1", f"第{n}轮的标题"), "改标题")
            started = backups.tick()
            deadline = time.monotonic() + 60
            while started and backups.busy() and time.monotonic() < deadline:
                qapp.processEvents()
                time.sleep(0.01)
            made.append(started)
        folder = BackupFolder(recovery.backup_dir())
        headings = [recovery.load_copy(info.path).find_section("s1").heading
                    for info in folder.list_backups(plan_path)]
        locked = _dump_elsewhere(plan_path).returncode != 0
    finally:
        window.session.close()
        window.close()
        window.deleteLater()
    missing = [f"第{n}轮的标题" for n in range(3) if f"第{n}轮的标题" not in headings]
    on_window_thread = [name for name in threads[1:] if name == threading.main_thread().name]
    wrong = len(missing) + len(on_window_thread) + int(not locked)
    figures("background backups", "backups while editing (3 rounds of edits)", 3,
            f"{len(headings)} verified backups, each round's state present, made on the "
            f"{'worker' if not on_window_thread else 'window'} thread; the plan stayed locked",
            lost=len(missing), failed=wrong)
    assert wrong == 0, (missing, threads, locked)


# --- 8, 12. the command line on damaged plans and impossible names ----------------------

def _damage(plan_path: Path) -> None:
    """A heading changed behind the program's back: a valid SQLite file whose
    checksum no longer matches (what a flipped byte on a USB stick gives)."""
    import sqlite3

    conn = sqlite3.connect(str(plan_path), isolation_level=None)
    conn.execute("UPDATE sections SET heading = heading || '（被改动）' WHERE id = 's1'")
    conn.close()


@pytest.mark.parametrize("command", ["dump", "export", "pdf", "check", "rollover"])
def test_commands_refuse_a_damaged_plan(command, plan_path, tmp_path, figures):
    from tests.reliability.test_two_openers import run_cli

    _damage(plan_path)
    output = tmp_path / ("新计划.ghjh" if command == "rollover" else "out.docx" if command == "export"
                         else "out.pdf")
    args = {"dump": [plan_path], "check": [plan_path], "export": [plan_path, "-o", output],
            "pdf": [plan_path, "-o", output], "rollover": [plan_path, "-o", output]}[command]
    result = run_cli(command, *args)
    said = result.stderr.strip().removeprefix("planner-gui: ")
    wrong = int(result.returncode == 0) + int("校验值不符" not in said) + int(output.exists()) \
        + int("Traceback" in result.stderr)
    figures("cli checks", f"`{command}` on a plan whose checksum does not match", 1, said,
            failed=wrong, group="dump/export/pdf/check/rollover on a damaged plan: refused")
    assert wrong == 0, result.stderr


def test_dump_can_still_salvage_a_damaged_plan_with_a_warning(plan_path, figures):
    from tests.reliability.test_two_openers import run_cli

    _damage(plan_path)
    result = run_cli("dump", plan_path, "--allow-damaged")
    wrong = int(result.returncode != 0 or "被改动" not in result.stdout or "警告" not in result.stderr)
    figures("cli checks", "`dump --allow-damaged`: what is readable, with a warning", 1,
            result.stderr.strip().removeprefix("planner-gui: "), failed=wrong)
    assert wrong == 0


@pytest.mark.parametrize("command", ["new", "load", "dump", "export"])
def test_a_name_too_long_is_a_sentence(command, plan_path, tmp_path, figures):
    from tests.reliability.test_two_openers import run_cli

    long_name = tmp_path / ("计" * 120 + ".ghjh")       # 360 bytes: over every file system's limit
    json_path = tmp_path / "plan.json"
    json_path.write_text(run_cli("dump", plan_path).stdout, encoding="utf-8")
    args = {"new": [long_name], "load": [json_path, long_name], "dump": [long_name],
            "export": [plan_path, "-o", tmp_path / ("计" * 120 + ".docx")]}[command]
    result = run_cli(command, *args)
    said = result.stderr.strip()
    wrong = int(result.returncode != 1) + int("Traceback" in said) + int(said.count("\n") > 0 and command != "export") \
        + int(not any("\u4e00" <= ch <= "\u9fff" for ch in said))
    figures("cli checks", f"`{command}` with a file name too long for the file system", 1,
            said.removeprefix("planner-gui: "), failed=wrong, group="file name too long: one sentence")
    assert wrong == 0, said


def test_save_as_a_name_too_long_is_told(window_for_save_as, figures):
    window, alerts_seen, target = window_for_save_as
    window.findChild(__import__("PySide6.QtGui", fromlist=["QAction"]).QAction, "actionSaveAs").trigger()
    told = [text for kind, text in alerts_seen if kind == "error"]
    wrong = int(not told or "过长" not in told[-1])
    figures("cli checks", "另存为 with a file name too long", 1, told[-1] if told else "nothing said",
            failed=wrong)
    assert wrong == 0, alerts_seen


@pytest.fixture
def window_for_save_as(plan_path, tmp_path, qapp, quiet_editor, monkeypatch):
    from planner_gui.app import build_window
    from planner_gui.gui import alerts

    target = tmp_path / ("计" * 120 + ".ghjh")
    monkeypatch.setattr(alerts, "save_plan_path", lambda *args, **kwargs: str(target))
    window = build_window(plan_path)
    window.show()
    yield window, quiet_editor, target
    window.session.close()
    window.close()
    window.deleteLater()


# --- Windows semantics, simulated -----------------------------------------------------------

@pytest.mark.parametrize("name", ["CON.ghjh", "nul.ghjh", "AUX", "COM1.ghjh", "LPT9.txt.ghjh", "计划.ghjh.",
                                  "计划:二.ghjh"])
def test_windows_reserved_names_are_refused(name, tmp_path, sample_plan, figures):
    answer, refused = _refusal(lambda: PlanFile.create(tmp_path / name, sample_plan).close(), "created")
    figures("windows", f"plan named {name!r}", 1, answer, failed=int(not refused),
            group="reserved names and characters refused with a sentence")
    assert refused and not (tmp_path / name).exists()


def test_windows_long_paths_are_refused(tmp_path, sample_plan, figures):
    from planner_gui.safe_write import WriteError, write_atomically

    deep = tmp_path
    while len(str(deep)) < 250:
        deep = deep / "很深的文件夹"
    deep.mkdir(parents=True)
    answers = []
    for attempt in (lambda: PlanFile.create(deep / "工会工作计划.ghjh", sample_plan),
                    lambda: write_atomically(deep / "工会工作计划.docx", lambda handle: handle.write(b"x"))):
        try:
            attempt()
            answers.append(None)
        except (StoreError, WriteError) as exc:
            answers.append(str(exc))
    wrong = sum(a is None or "259" not in a for a in answers)
    figures("windows", "paths over 260 characters (plan, export)", 2, answers[0] or "created", failed=wrong)
    assert wrong == 0


def test_windows_file_in_use_cannot_be_replaced(plan_path, sample_plan, monkeypatch, figures):
    """os.replace raising PermissionError, as Windows does when WPS or a
    virus scanner has the file open: told as "in use", nothing changed, no
    temporary file left; and on Windows our own guard is closed first."""
    from planner_gui.store import files
    from planner_gui.store import plan_file as module

    before = plan_path.read_bytes()
    guard_open_at_replace = []
    real_lock = module.lock_existing

    def tracked_lock(path):
        conn = real_lock(path)
        guard_open_at_replace.append(conn)
        return conn

    def refuse(src, dst):
        closed = True
        for conn in guard_open_at_replace:
            try:
                conn.execute("SELECT 1")
                closed = False
            except Exception:  # noqa: BLE001 - a closed connection raises ProgrammingError
                pass
        guard_open_at_replace.append(("closed before replace", closed))
        raise PermissionError(13, "The process cannot access the file because it is being used")
    monkeypatch.setattr(module, "lock_existing", tracked_lock)
    monkeypatch.setattr(files.os, "replace", refuse)
    monkeypatch.setattr(files, "WINDOWS", True)
    try:
        with pytest.raises(StoreError) as caught:
            PlanFile.create(plan_path, sample_plan, overwrite=True)
    finally:
        monkeypatch.undo()
    leftovers = [p.name for p in plan_path.parent.iterdir() if p.name.endswith(".tmp")]
    closed = [flag for item, flag in [x for x in guard_open_at_replace if isinstance(x, tuple)]]
    wrong = int("正被其他程序" not in str(caught.value)) + int(plan_path.read_bytes() != before) \
        + len(leftovers) + int(closed != [True])
    figures("windows", "target open in another program (os.replace PermissionError)", 1, str(caught.value),
            failed=wrong)
    assert wrong == 0, (str(caught.value), leftovers, closed)


def test_windows_no_directory_fsync(tmp_path, sample_plan, monkeypatch, figures):
    """Windows has no directory fsync (os.open of a folder fails there)."""
    from planner_gui.store import files as module

    opened = []
    real_open = module.os.open
    monkeypatch.setattr(module.os, "open", lambda path, *a, **k: opened.append(path) or real_open(path, *a, **k))
    monkeypatch.setattr(module, "WINDOWS", True)
    try:
        module.fsync_dir(tmp_path)
    finally:
        monkeypatch.undo()
    figures("windows", "no directory fsync", 1, "skipped on Windows", failed=len(opened))
    assert not opened


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_windows_chinese_text_files_import(encoding, tmp_path, figures):
    from planner_gui.importers import import_file

    text = "2025年工会工作计划\n一、指导思想\n坚持以职工为中心。\n二、主要工作\n（一）加强组织建设\n做好会员发展工作。\n"
    path = tmp_path / "计划.txt"
    path.write_bytes(text.encode(encoding))
    result = import_file(path)
    headings = [s.heading for s in result.plan.walk()]
    wrong = int(headings != ["指导思想", "主要工作", "加强组织建设"])
    figures("windows", f"text plan in {encoding.upper()}", 1, "、".join(headings), failed=wrong,
            group="GBK / GB18030 text files import")
    assert wrong == 0


# --- 9. a full disk that refuses the recovery copy as well ------------------------------

def test_the_alert_never_claims_a_recovery_copy_that_failed(plan_path, qapp, quiet_editor, figures):
    from planner_gui.app import build_window
    from planner_gui.core.edits import SetHeading
    from planner_gui.store import StoreWriteError

    window = build_window(plan_path)
    window.show()
    try:
        session = window.session

        def full(*args, **kwargs):
            raise StoreWriteError("磁盘已满，无法保存。您的修改仍保留在程序中，请腾出空间或用“另存为”保存到其他位置。")

        def no_room(plan):
            raise OSError(28, "No space left on device")
        session.plan_file.sync = full
        session.plan_file.write_all = full
        session.recovery = no_room
        window.editor.push(SetHeading("s1", "磁盘满时输入的标题"), "改标题")
        qapp.processEvents()
        told = [text for kind, text in quiet_editor if kind == "error"]
        kept = session.plan.find_section("s1").heading == "磁盘满时输入的标题"
    finally:
        window.session.plan_file = None
        window.close()
        window.deleteLater()
    claims = bool(told) and "并已另外写了一份恢复副本" in told[-1]
    wrong = int(not told) + int(claims) + int(not kept)
    figures("messages", "full disk refuses the recovery copy too", 1,
            told[-1].split("\n")[-1] if told else "nothing said", lost=int(not kept), failed=wrong)
    assert wrong == 0, told


# --- 10. an interrupted save on a read-only medium ---------------------------------------

def test_an_interrupted_save_on_a_read_only_medium_opens_a_recovered_copy(plan_path, tmp_path, qapp, quiet_editor,
                                                                          monkeypatch, figures):
    import os
    import stat

    from planner_gui.app import build_window
    from planner_gui.gui import alerts

    expected = None
    with PlanFile.open(plan_path, read_only=True) as before:
        expected = dumps(before.load())
    mid, journal = plan_with_hot_journal(plan_path, tmp_path / "stick")
    mid.chmod(0o444)
    journal.chmod(0o444)
    (tmp_path / "stick").chmod(0o555)
    original = (mid.read_bytes(), journal.read_bytes())
    monkeypatch.setattr(alerts, "confirm", lambda *args, **kwargs: True)
    monkeypatch.setattr(alerts, "open_plan_path", lambda *args, **kwargs: str(mid))
    window = build_window(None)
    window.show()
    try:
        from PySide6.QtGui import QAction

        window.findChild(QAction, "actionOpen").trigger()
        qapp.processEvents()
        opened = window.session.path
        text = dumps(window.session.plan) if opened else None
        writable = opened is not None and not window.session.read_only
    finally:
        (tmp_path / "stick").chmod(0o755)
        if window.session is not None:
            window.session.close()
        window.close()
        window.deleteLater()
    told = [text for kind, text in quiet_editor if kind in ("error", "warning")]
    untouched = (mid.read_bytes(), journal.read_bytes()) == original
    wrong = int(opened is None or Path(opened) == mid) + int(text != expected) + int(not writable) \
        + int(not untouched) + int(any("另存为" in t and "只读" in t for t in told))
    figures("messages", "save interrupted on a read-only medium", 1,
            "told it was an interrupted save; a recovered copy opened for editing from the data folder",
            lost=int(text != expected), failed=wrong)
    assert wrong == 0, (opened, told, writable, untouched)
    assert os.access(tmp_path, os.W_OK) and stat.S_IMODE(mid.stat().st_mode) == 0o444


# --- 14. two editors at the same moment ---------------------------------------------------

OPENER = r"""
import sys, time
from planner_gui.store import PlanFile, PlanLockedError
path, start = sys.argv[1], float(sys.argv[2])
while time.time() < start:
    pass
try:
    plan_file = PlanFile.open(path)
except PlanLockedError:
    print("refused", flush=True)
    sys.exit(0)
print("opened", flush=True)
time.sleep(3.0)
plan_file.close()
"""


#: The other opener caught mid-open: it holds the shared lock its own
#: BEGIN EXCLUSIVE took while it waits (0.3 s busy timeout and a little more),
#: which keeps us from the exclusive lock; then it is refused and lets go.
MID_OPEN = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("holding", flush=True)
time.sleep(0.6)
conn.close()
print("refused", flush=True)
"""


def test_two_openers_at_the_same_moment_exactly_one_opens(plan_path, figures):
    """The way both were refused: each opener's shared lock keeps the other
    from the exclusive one until both time out. Here the other opener is
    caught mid-open (holding its shared lock, then refused): this opener must
    get the plan once the other lets go, not be refused as well. Then real
    simultaneous starts of two processes: exactly one opens."""
    import os
    import subprocess
    import sys
    import time

    other = subprocess.Popen([sys.executable, "-c", MID_OPEN, str(plan_path)], stdout=subprocess.PIPE, text=True)
    assert other.stdout.readline().strip() == "holding"
    try:
        with PlanFile.open(plan_path):
            ours = "opened"
    except StoreError as exc:
        ours = f"refused: {exc}"
    theirs = other.communicate(timeout=30)[0].strip()
    bad = [] if (ours, theirs) == ("opened", "refused") else [(ours, theirs)]

    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(repo))
    rounds = 3
    for _ in range(rounds):
        start = time.time() + 1.5
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(plan_path), str(start)], env=env,
                                  stdout=subprocess.PIPE, text=True) for _ in range(2)]
        answers = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
        if answers != ["opened", "refused"]:
            bad.append(answers)
    figures("two openers", "two editors opening one plan at the same moment (1 caught mid-open, "
            f"{rounds} simultaneous starts)", rounds + 1, "exactly one opens, the other is told", failed=len(bad))
    assert not bad, bad


# --- 15. a plan deleted or replaced while open ---------------------------------------------

@pytest.mark.parametrize("how", ["deleted", "replaced by another file"])
def test_a_plan_deleted_or_replaced_while_open_is_told_so(how, plan_path, tmp_path, sample_plan, figures):
    import os

    from planner_gui.core.edits import SetHeading, apply_edit
    from planner_gui.store import StoreWriteError
    from planner_gui.store.recovery import RecoveryFolder

    recovery = RecoveryFolder(tmp_path / "recovery")
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        if how == "deleted":
            os.unlink(plan_path)
        else:
            other = tmp_path / "other.ghjh"
            PlanFile.create(other, sample_plan).close()
            os.replace(other, plan_path)
        _, touched = apply_edit(plan, SetHeading("s1", "打开期间文件被动过"))
        try:
            plan_file.sync(plan, touched)
            answer = "saved"
        except StoreWriteError as exc:
            answer = str(exc)
            recovery.write(plan, plan_path)       # what the session does on a failed save
    copy = recovery.find(plan_path)
    kept = copy is not None and PlanFile.open(copy.path, read_only=True).load().find_section("s1").heading \
        == "打开期间文件被动过"
    wrong = int("被删除、移走或被别的文件替换" not in answer) + int(not kept)
    figures("messages", f"plan {how} while open", 1, answer, lost=int(not kept), failed=wrong,
            group="plan deleted or replaced while open: said so, edits kept")
    assert wrong == 0, answer


# --- smaller ones ----------------------------------------------------------------------------

def test_killed_exports_leave_no_hidden_temporaries_for_ever(tmp_path, figures):
    """A killed export leaves .<stem>.out-<pid>-XXXX.tmp; the next export of
    that name removes those of processes that are gone."""
    import subprocess
    import sys

    from planner_gui.safe_write import write_atomically

    target = tmp_path / "工作计划.docx"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    left = tmp_path / f".工作计划.out-{dead}-abcd1234.tmp"
    left.write_bytes(b"half a document")
    alive = tmp_path / f".工作计划.out-{__import__('os').getpid()}-zzzz.tmp"   # ours: kept
    alive.write_bytes(b"x")
    write_atomically(target, lambda handle: handle.write(b"PK whole"))
    hidden = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    wrong = int(left.exists()) + int(not alive.exists()) + int(target.read_bytes() != b"PK whole")
    figures("cli checks", "hidden temporary file of a killed export", 1,
            f"removed by the next export of that name; left: {hidden}", failed=wrong)
    assert wrong == 0


def test_load_force_onto_a_symlink_replaces_its_target(plan_path, tmp_path, figures):
    """Decided: the link is kept and the file it points to is replaced
    (atomically), as Word and WPS do when saving through a link."""
    from tests.reliability.test_two_openers import run_cli

    real = tmp_path / "real" / "计划.ghjh"
    real.parent.mkdir()
    (tmp_path / "plan.json").write_text(run_cli("dump", plan_path).stdout, encoding="utf-8")
    run_cli("new", real)
    link = tmp_path / "桌面快捷.ghjh"
    link.symlink_to(real)
    result = run_cli("load", tmp_path / "plan.json", link, "--force")
    dumped = run_cli("dump", real).stdout
    wrong = int(result.returncode != 0) + int(not link.is_symlink()) + int(dumped != (tmp_path / "plan.json").read_text(encoding="utf-8"))
    figures("cli checks", "`load --force` onto a symbolic link", 1,
            "the link is kept, the file it points to is replaced", failed=wrong)
    assert wrong == 0, result.stderr


def test_a_huge_cell_is_refused_without_building_it(plan_path, figures):
    import sqlite3

    from planner_gui.store.plan_file import MAX_CELL_BYTES

    conn = sqlite3.connect(str(plan_path), isolation_level=None)
    conn.execute("UPDATE sections SET heading = ? WHERE id = 's1'", ["大" * (MAX_CELL_BYTES // 3 + 1000)])
    conn.close()
    answer, refused = _refusal(lambda: _open_and_load(plan_path), "opened")
    figures("cli checks", f"a cell over {MAX_CELL_BYTES >> 20} MB", 1, answer,
            failed=int(not refused or "16 MB" not in answer))
    assert refused and "16 MB" in answer


# --- 7. 文件 → 从备份恢复 through the menu --------------------------------------------------

def test_restore_from_backup_through_the_menu_finds_the_plans_backups(plan_path, qapp, quiet_editor, monkeypatch,
                                                                      figures):
    from PySide6.QtGui import QAction

    from planner_gui.app import build_window
    from planner_gui.dialogs import restore_backup

    offered = []
    monkeypatch.setattr(restore_backup, "get_backup",
                        lambda parent, backups: (offered.append(list(backups)), (None, False))[1])
    window = build_window(plan_path)
    window.show()
    try:
        window.findChild(QAction, "actionRestoreBackup").trigger()   # triggered(bool): checked=False
        qapp.processEvents()
    finally:
        window.session.close()
        window.close()
        window.deleteLater()
    found = len(offered[0]) if offered else 0
    figures("menu actions", "文件 → 从备份恢复 through QAction.trigger()", 1,
            f"the dialog lists {found} backup(s) of the open plan (tests/gui/test_every_action.py "
            "triggers every menu and tool bar action the same way)", failed=int(found == 0))
    assert found > 0


# --- 11. raw English from a damaged schema ----------------------------------------------------

def test_an_undecodable_schema_is_a_chinese_sentence(plan_path, figures):
    import re
    import sqlite3

    conn = sqlite3.connect(str(plan_path), isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET tbl_name = CAST(X'E8FFFE' AS TEXT) WHERE name = 'sqlite_autoindex_meta_1'")
    conn.close()
    answer, _ = _refusal(lambda: _open_and_load(plan_path), "opened")
    english = re.findall(r"[A-Za-z]{4,}", answer)
    figures("messages", "schema text that is not UTF-8 (\"Could not decode to UTF-8 column …\")", 1, answer,
            failed=int(answer == "opened" or bool(english)))
    assert answer != "opened" and not english, answer


# --- 13. only regular files, every read bounded ----------------------------------------------

def test_a_fifo_and_dev_zero_are_refused_without_reading(tmp_path, figures):
    import os
    import threading

    from planner_gui.importers import import_file
    from planner_gui.importers.base import PlanImportError
    from tests.reliability.test_two_openers import run_cli

    fifo = tmp_path / "计划.txt"
    os.mkfifo(fifo)
    answers = []

    def attempt():
        try:
            import_file(fifo)
            answers.append("imported")
        except PlanImportError as exc:
            answers.append(str(exc))
    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(20)
    hung = worker.is_alive()
    if hung:                                    # let the blocked open() go
        with open(fifo, "wb"):
            pass
    results = [run_cli("load", "/dev/zero", tmp_path / "zero.ghjh"), run_cli("import", fifo, "-o", tmp_path / "f.ghjh")]
    wrong = int(hung) + int(not answers or "不是普通文件" not in answers[0]) \
        + sum(r.returncode != 1 or "Traceback" in r.stderr for r in results) + int((tmp_path / "zero.ghjh").exists())
    figures("cli checks", "import a FIFO; `load /dev/zero`; `import` of a FIFO", 3,
            answers[0] if answers else "hung", failed=wrong)
    assert wrong == 0, (answers, [r.stderr for r in results])


def test_load_of_json_with_a_huge_cell_makes_no_file(tmp_path, sample_plan, figures):
    import json

    from planner_gui.core.interchange import plan_to_dict
    from planner_gui.store.plan_file import MAX_CELL_BYTES
    from tests.reliability.test_two_openers import run_cli

    data = plan_to_dict(sample_plan)
    data["sections"][0]["heading"] = "大" * (MAX_CELL_BYTES // 3 + 1000)
    source = tmp_path / "huge.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "huge.ghjh"
    result = run_cli("load", source, target)
    wrong = int(result.returncode != 1) + int(target.exists()) + int("Traceback" in result.stderr)
    figures("cli checks", f"`load` of JSON with a cell over {MAX_CELL_BYTES >> 20} MB", 1,
            result.stderr.strip().removeprefix("planner-gui: "), failed=wrong)
    assert wrong == 0, result.stderr
