"""Every action of the real main window's menus and tool bars, triggered the
way a user does (QAction.trigger(): the triggered(bool) signal, `checked`
and all), with every dialog answered by the test fakes.

A slot that takes an optional first argument receives `checked=False` from a
menu; 文件 → 从备份恢复 once took that False for the plan's path and never
found a backup (issue 14, item 7). Here an exception in any slot fails the
test (pytest-qt captures exceptions raised in Qt callbacks), and the restore
dialog must be offered the open plan's own backups.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

#: Triggered last, in this order: they close or replace the open plan.
LAST = ("actionNew", "actionOpen", "actionClosePlan", "actionQuit")


def menu_and_toolbar_actions(window) -> list[QAction]:
    found: list[QAction] = []

    def walk(actions):
        for action in actions:
            if action.isSeparator() or action in found:
                continue
            if action.menu() is not None:
                walk(action.menu().actions())
                continue
            found.append(action)
    walk(window.menuBar().actions())
    for bar in window.findChildren(QToolBar):
        walk(bar.actions())
    for menu in window.findChildren(QMenu):
        walk(menu.actions())
    return sorted(found, key=lambda a: LAST.index(a.objectName()) + 1 if a.objectName() in LAST else 0)


def test_every_menu_and_toolbar_action_triggers_cleanly(window, alerts, monkeypatch, qtbot, plan_path):
    from planner_gui.dialogs import new_plan, paste_plan, restore_backup
    from planner_gui.gui import print_actions, recovery, schedule_month_dialog

    assert recovery.backup(window.session.plan_file) is not None or \
        recovery.backup_folder().list_backups(plan_path)
    offered: list = []
    monkeypatch.setattr(restore_backup, "get_backup",
                        lambda parent, backups: (offered.append(list(backups)), (None, False))[1])
    monkeypatch.setattr(new_plan, "get_new_plan", lambda parent=None: (None, False))
    monkeypatch.setattr(paste_plan, "get_plan_text", lambda parent: None)
    monkeypatch.setattr(schedule_month_dialog, "get_months", lambda *args: ([], False))
    monkeypatch.setattr(print_actions, "exec_print_dialog", lambda dialog: False)
    monkeypatch.setattr(print_actions, "show_preview", lambda dialog: None)
    alerts.answers["confirm"] = [False] * 100     # "are you sure?" -> no

    actions = menu_and_toolbar_actions(window)
    names = [a.objectName() or a.text() for a in actions]
    assert "actionRestoreBackup" in names and len(actions) >= 20
    triggered = []
    for action in actions:
        if not action.isEnabled():
            continue
        action.trigger()
        qtbot.wait(1)
        triggered.append(action.objectName() or action.text())
    assert "actionRestoreBackup" in triggered
    # The restore dialog was shown the open plan's backups, not those of "False".
    assert offered and offered[0], "从备份恢复 offered no backup of the open plan"
    assert all(Path(info.path).parent.name.startswith(plan_path.stem) for info in offered[0])
