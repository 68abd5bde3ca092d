"""The outline model under Qt's own model checker through a random (seeded)
sequence of edits, undos and redos; the rows always mirror the plan."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QAbstractItemModelTester

from planner_gui.core.edits import (InsertSection, MoveSection, RemoveSection, SetHeading,
                                    SetOptions, new_section)
from planner_gui.core.numbering import number_for_path
from planner_gui.gui.undo import EditCommand
from planner_gui.models.outline_model import (CLOSING, META, PREAMBLE, SECTION, OutlineModel,
                                              SectionIdRole)
from planner_gui.models.session import PlanSession


def tree_of(model, parent=QModelIndex()):
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        assert model.parent(index) == parent
        out.append((model.section_id(index), model.data(index), tree_of(model, index)))
    return out


def plan_tree(plan, items=None, prefix=()):
    items = plan.sections if items is None else items
    out = []
    for i, s in enumerate(items):
        path = list(prefix) + [i]
        label = number_for_path(path, plan.option("level3_style")) + (s.heading or "（无标题）")
        out.append((s.id, label, plan_tree(plan, s.children, path)))
    return out


def assert_mirrors(model, plan, with_texts=True):
    rows = tree_of(model)
    if with_texts:
        assert [r[0] for r in rows[:2]] == [None, None] and rows[-1][0] is None
        rows = rows[2:-1]
    assert rows == plan_tree(plan)


def random_edit(rng, plan):
    sections = list(plan.walk())
    choice = rng.random()
    if not sections or choice < 0.3:
        parent = rng.choice([None] + [s.id for s in sections])
        siblings = plan.children_of(parent)
        sec = new_section(plan, f"节{rng.randint(1, 999)}")
        if rng.random() < 0.3:
            sec.children.append(new_section(plan, "子"))
            sec.children[0].id = sec.id + ".c"
        return InsertSection(parent, rng.randint(0, len(siblings)), sec)
    section = rng.choice(sections)
    if choice < 0.45:
        return RemoveSection(section.id)
    if choice < 0.85:
        below = {s.id for s in section.walk()}
        parent = rng.choice([None] + [s.id for s in sections if s.id not in below])
        siblings = plan.children_of(parent)
        same = section in siblings
        return MoveSection(section.id, parent, rng.randint(0, len(siblings) - (1 if same else 0)))
    if choice < 0.95:
        return SetHeading(section.id, f"改{rng.randint(1, 99)}")
    return SetOptions({"level3_style": rng.choice(["dot", "comma"])})


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("with_texts", [True, False])
def test_model_tester_through_random_edits(qtbot, qtlog, sample_plan, seed, with_texts):
    session = PlanSession(sample_plan)
    model = OutlineModel(session, with_texts=with_texts)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    stack = QUndoStack()
    rng = random.Random(seed)
    for step in range(120):
        roll = rng.random()
        if roll < 0.15 and stack.canUndo():
            stack.undo()
        elif roll < 0.2 and stack.canRedo():
            stack.redo()
        else:
            command = EditCommand(session, random_edit(rng, session.plan), "step")
            stack.push(command)
            assert command.error is None, (step, command.error)
        assert_mirrors(model, session.plan, with_texts)
    while stack.canUndo():
        stack.undo()
    assert_mirrors(model, session.plan, with_texts)
    failures = [r.message for r in qtlog.records if "FAIL" in r.message or "Tester" in r.message]
    assert failures == []
    del tester


def test_an_edit_that_fails_leaves_the_model_consistent(qtbot, qtlog, sample_plan):
    session = PlanSession(sample_plan)
    model = OutlineModel(session)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    top = sample_plan.sections[0]
    stack = QUndoStack()
    bad = EditCommand(session, MoveSection(top.id, top.children[0].id, 0), "bad")
    stack.push(bad)
    assert bad.error is not None and stack.count() == 0
    assert_mirrors(model, session.plan)
    assert [r.message for r in qtlog.records if "FAIL" in r.message] == []
    del tester


def test_roles_flags_and_pseudo_rows(sample_plan):
    session = PlanSession(sample_plan)
    model = OutlineModel(session)
    meta = model.index(0, 0)
    assert model.kind(meta) == META and model.kind(model.index(1, 0)) == PREAMBLE
    last = model.index(model.rowCount() - 1, 0)
    assert model.kind(last) == CLOSING
    first = model.index(2, 0)
    assert model.kind(first) == SECTION
    assert model.data(first, SectionIdRole) == sample_plan.sections[0].id
    assert model.data(first, Qt.EditRole) == sample_plan.sections[0].heading
    assert model.flags(first) & Qt.ItemIsDragEnabled and model.flags(first) & Qt.ItemIsEditable
    assert not model.flags(meta) & Qt.ItemIsDragEnabled
    assert not model.flags(meta) & Qt.ItemIsDropEnabled
    assert model.index_for_kind(CLOSING) == last
    model.read_only = True
    assert not model.flags(first) & Qt.ItemIsEditable


def test_numbering_follows_level3_style(sample_plan):
    session = PlanSession(sample_plan)
    model = OutlineModel(session)
    deep = next(s for s in sample_plan.walk() if len(sample_plan.path_of(s.id)) == 3) \
        if any(len(sample_plan.path_of(s.id)) == 3 for s in sample_plan.walk()) else None
    if deep is None:
        parent = sample_plan.sections[0].children[0]
        session.apply(InsertSection(parent.id, 0, new_section(sample_plan, "三级")))
        deep = parent.children[0]
    index = model.index_for_section(deep.id)
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append(a))
    assert model.data(index).startswith("1.")
    session.apply(SetOptions({"level3_style": "comma"}))
    assert model.data(index).startswith("1、")
    assert changed
