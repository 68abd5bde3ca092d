"""What the window does, and leaves undone, so an edit returns within a frame
and the window opens quickly: parts that are not shown wait until they are,
the status bar recounts only changed text, lists follow edits after a pause.
Checked by what is made, read and announced; never timed."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.core.edits import SetBody, SetHeading, UpdateActivity, move_by_edit
from planner_gui.core.locations import iter_texts
from planner_gui.core.wordcount import plan_words
from planner_gui.gui.status import WordCounter, plan_texts
from planner_gui.models.schedule_model import ActivityIdRole

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / ".." / "shared" / "seeds"


# --- the status bar's 字数 ------------------------------------------------------------------

def test_plan_texts_are_the_texts_the_core_counts(window):
    plan = window.session.plan
    assert plan_texts(plan) == [text for _, text in iter_texts(plan)]


def test_word_counter_agrees_with_the_core_through_edits(window):
    plan = window.session.plan
    counter = WordCounter()
    rng = random.Random(4)
    sections = list(plan.walk())
    assert counter.plan_words(plan) == plan_words(plan)
    for step in range(30):
        section = rng.choice(sections)
        if step % 3 == 0:
            window.push_edit(SetHeading(section.id, section.heading + "新"), "x")
        else:
            window.push_edit(SetBody(section.id, section.body + [f"第{step}段 abc 2025年。"]), "x")
        assert counter.plan_words(plan) == plan_words(plan)
    if plan.schedule:
        window.push_edit(UpdateActivity(plan.schedule[0].id, {"note": "备注 note"}), "x")
        assert counter.plan_words(plan) == plan_words(plan)


def test_word_counter_counts_only_changed_texts(window, monkeypatch):
    from planner_gui.gui import status

    plan = window.session.plan
    counter = WordCounter()
    counter.plan_words(plan)
    counted = []
    real = status.count_words
    monkeypatch.setattr(status, "count_words", lambda text: counted.append(text) or real(text))
    assert counter.plan_words(plan) == plan_words(plan) and counted == []
    section = plan.sections[0]
    window.push_edit(SetBody(section.id, section.body + ["只数这一段"]), "x")
    counted.clear()   # what the window's own status bar counted
    assert counter.plan_words(plan) == plan_words(plan)
    assert counted == ["只数这一段"]


def test_word_counter_on_the_real_plans():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    from planner_gui.importers import import_file

    counter = WordCounter()
    for seed in sorted(SEEDS.glob("*.txt"))[:6]:
        plan = import_file(str(seed)).plan
        assert counter.plan_words(plan) == plan_words(plan), seed.name


def test_selecting_another_section_does_not_recount_the_plan(window, monkeypatch):
    plan = window.session.plan
    counts = []
    real = window.status.counter.plan_words
    monkeypatch.setattr(window.status.counter, "plan_words", lambda p: counts.append(1) or real(p))
    for section in list(plan.walk())[:5]:
        window.outline_view.select_section(section.id)
    assert counts == []
    window.push_edit(SetBody(plan.sections[0].id, ["一段"]), "x")
    assert counts == [1]


# --- parts that wait until they are shown -----------------------------------------------------

def test_a_hidden_month_table_is_not_touched_by_outline_edits(window):
    view = window.schedule_view
    assert window.tabs.currentIndex() == 0
    plan = window.session.plan
    assert view._model.session is None and not view._ui_built   # nothing made or read yet
    for section in plan.sections[:3]:
        window.outline_view.select_section(section.id)
        window.push_edit(move_by_edit(plan, section.id, 1), "move")
    assert view._model.session is None and not view._ui_built
    window.tabs.setCurrentWidget(view)           # shown: follows the plan from now on
    assert view._model.session is window.session and view._ui_built
    assert view.tree.isVisible() and view.section_combo.count() == len(list(plan.walk())) + 1
    model = view.model
    shown = {model.index(r, 0, model.index(g, 0)).data(ActivityIdRole)
             for g in range(model.rowCount()) for r in range(model.rowCount(model.index(g, 0)))}
    assert shown == {a.id for a in plan.schedule}


def test_the_month_table_highlights_the_section_chosen_while_it_was_hidden(window):
    from PySide6.QtCore import Qt

    plan = window.session.plan
    tied = next(a for a in plan.schedule if a.section)
    window.outline_view.select_section(tied.section)
    window.tabs.setCurrentWidget(window.schedule_view)
    index = window.schedule_view.model.index_for_activity(tied.id)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_the_month_table_made_on_request_while_hidden(window):
    """Asking a hidden view for its parts (as the window and tests do) makes them."""
    view = window.schedule_view
    ident = window.session.plan.schedule[0].id
    assert view.select_activity(ident) and view.current_id() == ident
    assert view.tabs.currentIndex() == 0 and view._ui_built


def test_panels_are_made_when_first_used(window):
    assert window._find_panel is None and window._placeholder_panel is None
    assert window._properties_panel is None
    window.outline_view.select_kind("meta")
    assert window.editor_stack.currentWidget() is window.properties_panel
    assert window.properties_panel.title.text() == window.session.plan.meta.title
    window.show_find()
    assert window.find_dock.widget() is window.find_panel
    window.show_placeholders()
    assert window.placeholder_dock.widget() is window.placeholder_panel


def test_placeholder_list_follows_edits_after_a_pause(window, qtbot):
    window.show_placeholders()
    panel = window.placeholder_panel
    shown = panel.list.topLevelItemCount()
    section = window.session.plan.sections[0]
    window.push_edit(SetBody(section.id, ["请填写XX单位"]), "x")
    assert panel.list.topLevelItemCount() == shown          # not redrawn within the edit
    assert len(panel.found) == shown + 1                     # but asked, it is current
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == shown + 1, timeout=3000)


def test_find_results_follow_edits_after_a_pause(window, qtbot):
    window.show_find()
    panel = window.find_panel
    panel.find_text.setText("独一无二")
    assert panel.results.topLevelItemCount() == 0
    section = window.session.plan.sections[0]
    window.push_edit(SetBody(section.id, ["独一无二的一段"]), "x")
    window.push_edit(SetBody(section.id, ["独一无二的一段", "又一个独一无二"]), "x")
    assert panel.results.topLevelItemCount() == 0
    assert len(panel.matches) == 2
    qtbot.waitUntil(lambda: panel.results.topLevelItemCount() == 2, timeout=3000)


def test_hidden_lists_are_not_searched_after_edits(window, monkeypatch):
    from planner_gui.gui import placeholder_panel

    window.show_placeholders()
    window.placeholder_dock.hide()
    searched = []
    real = placeholder_panel.find_placeholders
    monkeypatch.setattr(placeholder_panel, "find_placeholders", lambda plan: searched.append(1) or real(plan))
    for n in range(5):
        window.push_edit(SetBody(window.session.plan.sections[0].id, [f"XX{n}"]), "x")
    assert searched == []
    window.show_placeholders()
    assert len(searched) == 1


# --- start-up ----------------------------------------------------------------------------------------

def test_opening_a_plan_leaves_rarely_used_modules_unloaded(plan_path, tmp_path):
    """The window is built without the rollover, import, print and dialog
    modules; they load when their action is first used. Each module a start-up
    imports costs it time (docs/performance.md, round three): the month
    parser and the month table's cell editors wait for the table, the store's
    writing for the first edit, the backup list for 从备份恢复."""
    code = (
        "import json, sys\n"
        "from planner_gui.app import build_window\n"
        "from PySide6.QtWidgets import QWidget\n"
        "window = build_window(sys.argv[1])\n"
        "names = {n: type(window.findChild(QWidget, n)).__name__ "
        "for n in ('outlineView', 'sectionEditor', 'scheduleView')}\n"
        "print(json.dumps({'modules': sorted(sys.modules), 'widgets': names}))\n"
        "window.session.close()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", code, str(plan_path)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["widgets"] == {"outlineView": "OutlineView", "sectionEditor": "ParagraphEdit",
                                 "scheduleView": "ScheduleView"}
    loaded = set(result["modules"])
    for name in ("planner_gui.core.rollover", "planner_gui.dialogs.rollover_review",
                 "planner_gui.dialogs.import_report", "planner_gui.dialogs.paste_plan",
                 "planner_gui.importers", "PySide6.QtPrintSupport", "planner_gui.core.paste",
                 "planner_gui.gui.find_replace", "planner_gui.gui.properties_panel",
                 "planner_gui.gui.schedule_library", "planner_gui.render.layout", "docx",
                 "planner_gui.core.months", "planner_gui.core.hanzi", "planner_gui.gui.schedule_delegates",
                 "planner_gui.dialogs.restore_backup", "planner_gui.export", "sqlite_utils",
                 "_strptime"):
        assert name not in loaded, name
    assert "planner_gui.gui.print_actions" in loaded and "planner_gui.gui.rollover_actions" in loaded
