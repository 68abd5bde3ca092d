"""Plan lookups (find_section, locate, path_of, find_activity, activity_index)
answer from a remembered map; they must stay right however the plan changes:
through edits, undo, or callers changing the lists in place."""

from __future__ import annotations

import copy
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from planner_gui.core.edits import (InsertActivity, MoveActivity, RemoveActivity, apply_edit,
                                    indent_edit, move_by_edit, new_section, outdent_edit,
                                    remove_section_edit, InsertSection)
from planner_gui.core.plan import Activity, Plan, Section

from ..strategies import plans


def naive_locate(plan: Plan, section_id: str):
    def search(parent, items, prefix):
        for i, s in enumerate(items):
            if s.id == section_id:
                return parent, i, prefix + [i], s
            found = search(s, s.children, prefix + [i])
            if found:
                return found
        return None

    return search(None, plan.sections, [])


def assert_lookups_right(plan: Plan, extra_ids=("nope",)) -> None:
    for section_id in [s.id for s in plan.walk()] + list(extra_ids):
        expected = naive_locate(plan, section_id)
        if expected is None:
            assert plan.find_section(section_id) is None
            for lookup in (plan.locate, plan.path_of):
                try:
                    lookup(section_id)
                except KeyError:
                    pass
                else:
                    raise AssertionError(f"{lookup.__name__}({section_id}) found a ghost")
            continue
        parent, index, path, section = expected
        assert plan.find_section(section_id) is section
        found_parent, found_index = plan.locate(section_id)
        assert found_parent is parent and found_index == index
        assert plan.path_of(section_id) == path
    for i, activity in enumerate(plan.schedule):
        assert plan.find_activity(activity.id) is activity
        assert plan.activity_index(activity.id) == i
    assert plan.find_activity("a-none") is None


def test_in_place_changes_are_seen(sample_plan):
    plan = sample_plan
    assert_lookups_right(plan)                 # builds the maps
    first = plan.sections[0]
    removed = plan.sections.pop(0)             # a caller changes the list itself
    assert plan.find_section(removed.id) is None
    assert_lookups_right(plan, extra_ids=[removed.id])
    plan.sections.append(first)
    assert_lookups_right(plan)
    plan.sections[1].children.insert(0, Section("s-new", "新增"))
    assert plan.path_of("s-new") == [1, 0]
    assert_lookups_right(plan)
    plan.sections = list(reversed(plan.sections))   # the list replaced
    assert_lookups_right(plan)
    plan.sections[0].id = "s-renamed"
    assert_lookups_right(plan)
    activity = plan.schedule.pop(0)
    assert plan.find_activity(activity.id) is None
    plan.schedule.append(activity)
    assert plan.activity_index(activity.id) == len(plan.schedule) - 1
    plan.schedule[0].id = "a-renamed"
    assert_lookups_right(plan)


def test_copies_keep_their_own_answers(sample_plan):
    plan = sample_plan
    assert_lookups_right(plan)
    shallow = copy.copy(plan)
    deep = copy.deepcopy(plan)
    shallow.sections = plan.sections[1:]
    deep.sections[0].children.clear()
    assert_lookups_right(plan)
    assert_lookups_right(shallow)
    assert_lookups_right(deep)


def test_maps_are_not_part_of_the_plan(sample_plan):
    fresh = copy.deepcopy(sample_plan)
    sample_plan.find_section(sample_plan.sections[-1].id)
    sample_plan.find_activity(sample_plan.schedule[-1].id)
    assert sample_plan == fresh
    assert "_section_paths" not in repr(sample_plan)


@settings(max_examples=40, deadline=None)
@given(plan=plans(), seed=st.integers(0, 2**32 - 1))
def test_random_edits_and_undo_keep_lookups_right(plan, seed):
    rng = random.Random(seed)
    undo = []
    for _ in range(25):
        ids = [s.id for s in plan.walk()]
        roll = rng.random()
        edit = None
        if ids and roll < 0.2:
            edit = move_by_edit(plan, rng.choice(ids), rng.choice((-1, 1)))
        elif ids and roll < 0.35:
            edit = indent_edit(plan, rng.choice(ids))
        elif ids and roll < 0.5:
            edit = outdent_edit(plan, rng.choice(ids))
        elif ids and roll < 0.6:
            edit = remove_section_edit(plan, rng.choice(ids))
        elif roll < 0.7:
            edit = InsertSection(None, rng.randrange(len(plan.sections) + 1), new_section(plan, "新"))
        elif roll < 0.8:
            edit = InsertActivity(rng.randrange(len(plan.schedule) + 1),
                                  Activity(plan.new_activity_id(), [], "活动"))
        elif plan.schedule and roll < 0.9:
            edit = RemoveActivity(rng.choice(plan.schedule).id)
        elif len(plan.schedule) > 1:
            edit = MoveActivity(rng.choice(plan.schedule).id, rng.randrange(len(plan.schedule)))
        elif undo:
            apply_edit(plan, undo.pop())
        if edit is not None:
            undo.append(apply_edit(plan, edit)[0])
        assert_lookups_right(plan)
    while undo:
        apply_edit(plan, undo.pop())
        assert_lookups_right(plan)
