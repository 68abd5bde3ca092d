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
        from planner_gui.store import RecoveryFolder

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
    from planner_gui.store.plan_file import hot_journal

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
    allowed = {"held_files.py", "store/plan_file.py", "safe_write.py", "store/backups.py",
               "core/activity_library.py", "importers/convert.py",
               "export/template.py"}   # a chosen .docx template: left to the export work (issue 16), see report
    found = []
    for path in package.rglob("*.py"):
        rel = path.relative_to(package).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel not in allowed and re.search(r"(?<![.\w])open\(|\.read_bytes\(\)", text):
            found.append(rel)
    assert not found, found
