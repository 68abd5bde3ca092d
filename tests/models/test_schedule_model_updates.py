"""What the month model announces after an edit or a new highlight: only the
rows that change (a plan may hold a thousand activities, and every announced
row is read again by the view), and the grouping is compared once per edit.
Counted with Qt's signals on a seeded plan; never timed."""

from __future__ import annotations

import random

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from planner_gui.core import schedule as sch
from planner_gui.core.edits import (Batch, MoveSection, SetBody, SetHeading, SetMeta,
                                    UpdateActivity)
from planner_gui.core.period import Period, add_months
from planner_gui.core.plan import Activity, Meta, Plan, Section
from planner_gui.models import schedule_model as schedule_model_module
from planner_gui.models.schedule_model import COLUMN_COUNT, ActivityIdRole, ScheduleModel
from planner_gui.gui.editor import Editor
from planner_gui.models.session import PlanSession
from PySide6.QtGui import QUndoStack

Mode = QAbstractItemModelTester.FailureReportingMode
Background = Qt.ItemDataRole.BackgroundRole



def seeded_plan(seed: int = 7, activities: int = 240) -> Plan:
    """Six top sections with children and grandchildren; activities spread
    over the school year, most tied to a section."""
    rng = random.Random(seed)
    period = Period.for_kind("school_year", 2025)
    sections = []
    for i in range(6):
        children = []
        for j in range(rng.randint(1, 4)):
            grandchildren = [Section(f"s{i}.{j}.{k}", f"小节{i}{j}{k}", ["正文"]) for k in range(rng.randint(0, 3))]
            children.append(Section(f"s{i}.{j}", f"分项{i}{j}", ["正文"], grandchildren))
        sections.append(Section(f"s{i}", f"部分{i}", ["正文"], children))
    plan = Plan(meta=Meta(title="计划", year=2025, period=period), sections=sections)
    ids = [s.id for s in plan.walk()]
    months = period.months()
    for n in range(activities):
        start = rng.randrange(len(months) + 1)
        span = [] if start == len(months) else [add_months(months[start], k) for k in range(rng.randint(1, 2))]
        tied = rng.choice(ids) if rng.random() < 0.8 else None
        plan.schedule.append(Activity(f"a{n}", span, f"活动{n}", section=tied))
    return plan


@pytest.fixture
def session(qapp):
    return PlanSession(seeded_plan())


@pytest.fixture
def model(session):
    model = ScheduleModel(session)
    QAbstractItemModelTester(model, Mode.Fatal)
    editor = Editor(QUndoStack(model), session, model)   # the window's one edit path, as the view wires it
    model.edit_requested.connect(editor.push)
    return model


class Announcements:
    """Every dataChanged (as the activity ids it covers and its roles), reset
    and row move of a model."""

    def __init__(self, model):
        self.model = model
        self.changed: list[tuple[list[str], list]] = []
        self.resets = 0
        self.structure = 0
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(self._reset)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved):
            signal.connect(self._structure)

    def _changed(self, top_left, bottom_right, roles):
        assert top_left.parent() == bottom_right.parent()
        assert (top_left.column(), bottom_right.column()) == (0, COLUMN_COUNT - 1)
        parent = top_left.parent()
        ids = [self.model.index(row, 0, parent).data(ActivityIdRole)
               for row in range(top_left.row(), bottom_right.row() + 1)]
        self.changed.append((ids, list(roles)))

    def _reset(self):
        self.resets += 1

    def _structure(self, *args):
        self.structure += 1

    def clear(self):
        self.changed.clear()
        self.resets = self.structure = 0

    def ids(self) -> set[str]:
        return {i for ids, _ in self.changed for i in ids if i is not None}


def tinted(plan, section_id) -> set[str]:
    family = sch.section_family(plan, section_id)
    return {a.id for a in plan.schedule if a.section in family}


def assert_tints_shown(model, plan, section_id):
    """Every activity row's background says whether it is highlighted."""
    expected = tinted(plan, section_id)
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            assert (index.data(Background) is not None) == (index.data(ActivityIdRole) in expected)


def test_a_new_highlight_announces_only_the_rows_whose_tint_changes(model, session):
    plan = session.plan
    heard = Announcements(model)
    rng = random.Random(11)
    ids = [s.id for s in plan.walk()] + [None]
    previous = None
    for _ in range(25):
        section_id = rng.choice(ids)
        heard.clear()
        model.set_highlight_section(section_id)
        expected = tinted(plan, previous) ^ tinted(plan, section_id)
        assert heard.ids() == expected
        continuing = sum(1 for ids in sch.continuing_ids(plan).values() for i in ids if i in expected)
        assert sum(len(ids) for ids, _ in heard.changed) == len(expected) + continuing   # each row once
        assert all(roles == [Background] for _, roles in heard.changed)
        assert heard.resets == heard.structure == 0
        assert_tints_shown(model, plan, section_id)
        previous = section_id
    assert len(expected) < len(plan.schedule)   # the test did not pass by announcing everything


def test_the_same_highlight_again_announces_nothing(model, session):
    model.set_highlight_section("s1")
    heard = Announcements(model)
    model.set_highlight_section("s1")
    assert heard.changed == []


def test_text_edits_leave_the_rows_alone(model, session):
    model.set_highlight_section("s2")
    heard = Announcements(model)
    session.apply(SetBody("s2", ["新的正文"]))
    session.apply(SetHeading("s2.0", "新的标题"))
    session.apply(SetMeta({"title": "新计划"}))
    assert heard.changed == [] and heard.resets == heard.structure == 0


def test_a_section_moved_under_the_highlighted_one_tints_exactly_its_activities(model, session):
    plan = session.plan
    model.set_highlight_section("s0")
    mover = next(s.id for s in plan.sections[3].walk() if tinted(plan, s.id))
    newly = tinted(plan, mover)
    heard = Announcements(model)
    session.apply(MoveSection(mover, "s0", 0))
    assert heard.ids() == newly and heard.structure == 0
    assert_tints_shown(model, plan, "s0")
    heard.clear()
    session.apply(MoveSection(mover, None, len(plan.sections)))   # and out again
    assert heard.ids() == newly
    assert_tints_shown(model, plan, "s0")


def test_an_edit_of_one_activity_announces_its_row_only(model, session):
    heard = Announcements(model)
    session.apply(UpdateActivity("a5", {"text": "改过的活动", "done": True}))
    assert heard.ids() == {"a5"} and heard.resets == heard.structure == 0


def _counting_grouping(monkeypatch):
    calls = []
    real = schedule_model_module.sch.group_activities

    def counted(plan):
        calls.append(1)
        return real(plan)

    monkeypatch.setattr(schedule_model_module.sch, "group_activities", counted)
    return calls


def test_edits_that_cannot_regroup_do_not_compare_the_grouping(model, session, monkeypatch):
    calls = _counting_grouping(monkeypatch)
    session.apply(UpdateActivity("a3", {"owner": "工会主席", "note": "备注"}))
    session.apply(UpdateActivity("a4", {"section": "s1"}))
    session.apply(SetBody("s1", ["正文"]))
    session.apply(SetMeta({"organization": "某工会"}))
    assert calls == []


def test_a_batch_of_activity_edits_regroups_once(model, session, monkeypatch):
    plan = session.plan
    group_activities = sch.group_activities
    calls = _counting_grouping(monkeypatch)
    months = plan.meta.period.months()
    rng = random.Random(5)
    edits = [UpdateActivity(a.id, {"months": [rng.choice(months)]}) for a in plan.schedule[:60]]
    inverse = session.apply(Batch(edits))
    assert len(calls) == 1
    assert [(model.group_key(model.index(r, 0)),
             [model.index(k, 0, model.index(r, 0)).data(ActivityIdRole)
              for k in range(model.rowCount(model.index(r, 0)))]) for r in range(model.rowCount())] == \
        [(g.key, list(g.activity_ids) + list(sch.continuing_ids(plan).get(g.key, ())))
         for g in group_activities(plan)]
    session.apply(inverse)
    assert len(calls) == 2


def test_activity_rows_never_have_children(model):
    group = model.index(0, 0)
    assert not model.flags(group) & Qt.ItemFlag.ItemNeverHasChildren
    assert model.flags(model.index(0, 1, group)) & Qt.ItemFlag.ItemNeverHasChildren


def test_year_grid_waits_while_inactive(session):
    from planner_gui.models.year_grid_model import YearGridModel

    grid = YearGridModel(session)
    grid.set_active(False)
    resets = []
    grid.modelReset.connect(lambda: resets.append(1))
    rows = grid.rowCount()
    session.apply(sch.remove_activities_edit(session.plan, ["a1", "a2"]))
    session.apply(sch.remove_activities_edit(session.plan, ["a3"]))
    assert resets == [] and grid.rowCount() == rows       # nothing read while hidden
    grid.set_active(True)
    assert resets == [1] and grid.rowCount() == rows - 3   # caught up once when shown
    grid.set_active(True)
    assert resets == [1]
