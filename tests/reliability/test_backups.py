"""Backups in the user data folder: made as the user works, valid plans, and
a damaged plan brought back from one, through the 从备份恢复 dialog and the
editor window."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest

from planner_gui.core.edits import SetBody
from planner_gui.core.interchange import dumps
from planner_gui.store import PlanFile, StoreError
from planner_gui.store.backups import BackupFolder, list_backups, restore_backup



class Clock:
    def __init__(self):
        self.now = datetime(2025, 3, 3, 8, 30)

    def __call__(self):
        return self.now


def test_a_week_of_work_leaves_valid_rotating_backups(plan_path, tmp_path_factory, qapp, figures):
    """Edits through PlanSession for a week of office days, a backup attempted
    after every edit as the editor does: the rotation keeps the newest ten and
    one a day, each a whole plan."""
    from planner_gui.models.session import PlanSession

    folder = tmp_path_factory.mktemp("appdata") / "backups"
    clock = Clock()
    backups = BackupFolder(folder, keep=10, min_interval=timedelta(minutes=10), keep_days=14, clock=clock)
    plan_file = PlanFile.open(plan_path)
    session = PlanSession(plan_file.load(), plan_file)
    made = attempts = 0
    for day in range(5):
        backups.backup(plan_file, force=True)              # on opening the plan
        for minute in range(0, 8 * 60, 7):                  # an edit every 7 minutes
            clock.now = datetime(2025, 3, 3 + day, 8, 30) + timedelta(minutes=minute)
            session.apply(SetBody("s1", [f"第{day}天第{minute}分钟的修改"]))
            attempts += 1
            made += backups.backup(plan_file) is not None
    expected = dumps(session.plan)
    session.close()
    listed = list_backups(plan_path, folder)
    for info in listed:
        with PlanFile.open(info.path, read_only=True) as copy:
            assert copy.integrity_ok() and not copy.damaged
    days = {info.created.date() for info in listed}
    assert len(listed) == 10 + 4 and len(days) == 5
    with PlanFile.open(listed[0].path, read_only=True) as newest:
        assert dumps(newest.load()) == expected              # the last edit is in the newest backup
    assert not [p for p in plan_path.parent.iterdir() if p.name != plan_path.name]
    figures("backups", "a week of edits (one every 7 minutes), backup tried after each", attempts,
            f"{made} made (at most one per 10 minutes), {len(listed)} kept: newest 10 + one per day; "
            "all whole; none beside the document", backups_made=made, kept=len(listed))


def test_a_damaged_plan_is_restored_from_a_backup(plan_path, tmp_path_factory, figures):
    folder = tmp_path_factory.mktemp("appdata") / "backups"
    backups = BackupFolder(folder)
    with PlanFile.open(plan_path) as plan_file:
        backups.backup(plan_file)
        expected = dumps(plan_file.load())
    data = plan_path.read_bytes()
    damages = {"truncated": data[:len(data) // 3], "zeroed": b"\0" * len(data), "emptied": b""}
    restored = 0
    for damaged in damages.values():
        plan_path.write_bytes(damaged)
        with pytest.raises(StoreError):
            PlanFile.open(plan_path).load()
        [info] = backups.list_backups(plan_path)
        kept = backups.restore(info, plan_path)
        assert kept is not None and kept.read_bytes() == damaged
        with PlanFile.open(plan_path) as plan_file:
            assert plan_file.integrity_ok() and dumps(plan_file.load()) == expected
        restored += 1
    figures("backups", "damaged plan (truncated, zeroed, emptied) restored from its backup",
            len(damages), f"restored {restored}, damaged file kept in the backup folder")


# --- the 从备份恢复 dialog -------------------------------------------------------------

@pytest.fixture
def three_backups(plan_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("appdata") / "backups"
    clock = Clock()
    backups = BackupFolder(folder, clock=clock)
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        from planner_gui.core.edits import InsertSection, apply_edit, new_section

        for step in range(3):
            _, touched = apply_edit(plan, InsertSection(None, len(plan.sections),
                                                        new_section(plan, f"新增第{step}部分")))
            plan_file.sync(plan, touched)
            backups.backup(plan_file)
            clock.now += timedelta(hours=1)
    return backups.list_backups(plan_path)


def test_dialog_lists_time_and_counts_newest_first(qtbot, three_backups):
    from planner_gui.dialogs.restore_backup import RestoreBackupDialog

    dialog = RestoreBackupDialog(three_backups)
    qtbot.addWidget(dialog)
    rows = [[dialog.list.topLevelItem(r).text(c) for c in range(4)] for r in range(dialog.list.topLevelItemCount())]
    assert [r[0] for r in rows] == ["2025-03-03 10:30:00", "2025-03-03 09:30:00", "2025-03-03 08:30:00"]
    sections = [int(r[2]) for r in rows]
    assert sections == sorted(sections, reverse=True) and sections[0] == sections[2] + 2
    assert all(r[1] == three_backups[0].title for r in rows) and all(int(r[3]) > 0 for r in rows)
    assert dialog.selected_path() == str(three_backups[0].path)     # newest chosen by default
    dialog.list.setCurrentItem(dialog.list.topLevelItem(2))
    assert dialog.selected_path() == str(three_backups[2].path)


def test_dialog_without_backups_cannot_be_confirmed(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from planner_gui.dialogs.restore_backup import RestoreBackupDialog

    dialog = RestoreBackupDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    assert dialog.selected_path() is None


def _answer_dialog(qtbot, action):
    """Close the modal dialog once it is up: action(dialog)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from planner_gui.dialogs.restore_backup import RestoreBackupDialog

    def act():
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, RestoreBackupDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, act)
            return
        action(dialogs[0])
    QTimer.singleShot(0, act)


def test_get_backup_returns_the_choice_or_nothing(qtbot, three_backups):
    from planner_gui.dialogs.restore_backup import get_backup

    def choose_second(dialog):
        dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
        dialog.accept()
    _answer_dialog(qtbot, choose_second)
    assert get_backup(None, three_backups) == (three_backups[1].path, True)
    _answer_dialog(qtbot, lambda dialog: dialog.reject())
    assert get_backup(None, three_backups) == (None, False)


def test_the_editor_opens_the_restored_plan(plan_path, qtbot, quiet_editor, figures):
    """Open in the editor (which backs the plan up), damage the file, be told
    when opening it, choose the backup in the dialog, restore, open again."""
    from planner_gui.app import build_window
    from planner_gui.dialogs.restore_backup import get_backup

    window = build_window(plan_path)
    expected = dumps(window.session.plan)
    window.session.close()
    window.close()
    window.deleteLater()
    from planner_gui.gui import recovery

    folder = recovery.backup_dir()
    assert list_backups(plan_path, folder), "the editor made no backup on opening the plan"
    plan_path.write_bytes(plan_path.read_bytes()[:2048])
    broken = build_window(plan_path)
    # Damaged with backups at hand: the reason, and an offer to restore one.
    told = [text for kind, text in quiet_editor if kind in ("error", "confirm")]
    assert told, "opening the damaged plan said nothing"
    assert "备份" in told[-1]
    broken.close()
    broken.deleteLater()
    _answer_dialog(qtbot, lambda dialog: dialog.accept())
    chosen, ok = get_backup(None, list_backups(plan_path, folder))
    assert ok
    restore_backup(chosen, plan_path, keep_replaced_in=folder / "replaced")
    window = build_window(plan_path)
    try:
        assert window.session is not None and dumps(window.session.plan) == expected
    finally:
        window.session.close()
        window.close()
        window.deleteLater()
    assert os.listdir(plan_path.parent) == [plan_path.name]
    figures("backups", "editor: backup on open, plan damaged, restored through the dialog, reopened", 1,
            f"told “{told[-1]}”; restored plan opens whole")
