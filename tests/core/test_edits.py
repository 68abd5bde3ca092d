"""Every edit's inverse restores the plan exactly; touched keys name what changed."""

import copy
import random

import pytest

from planner_gui.core.edits import (Batch, EditError, InsertActivity, InsertSection, MoveActivity,
                                    MoveSection, RemoveActivity, SetBody, SetHeading, SetMeta,
                                    SetOptions, SetParagraphs, Touched, UpdateActivity, apply_edit,
                                    indent_edit, move_by_edit, new_section, outdent_edit,
                                    remove_section_edit)
from planner_gui.core.interchange import dumps
from planner_gui.core.period import Period
from planner_gui.core.plan import Activity


def _random_edit(plan, rng):
    ids = [s.id for s in plan.walk()]
    acts = [a.id for a in plan.schedule]
    choice = rng.randrange(12)
    if choice == 0 or not ids:
        parent = rng.choice([None] + ids)
        return InsertSection(parent, rng.randint(0, len(plan.children_of(parent))), new_section(plan, "新章节"))
    sid = rng.choice(ids)
    if choice == 1:
        return remove_section_edit(plan, sid)
    if choice == 2:
        return indent_edit(plan, sid)
    if choice == 3:
        return outdent_edit(plan, sid)
    if choice == 4:
        return move_by_edit(plan, sid, rng.choice([-1, 1]))
    if choice == 5:
        return SetHeading(sid, f"标题{rng.random():.3f}")
    if choice == 6:
        return SetBody(sid, ["段落一", f"段落{rng.random():.3f}"])
    if choice == 7:
        return SetMeta({"title": "新标题", "period": Period.for_kind("school_year", 2025)})
    if choice == 8 or not acts:
        return InsertActivity(rng.randint(0, len(plan.schedule)),
                              Activity(plan.new_activity_id(), ["2025-05"], "新活动", section=sid))
    aid = rng.choice(acts)
    if choice == 9:
        return RemoveActivity(aid)
    if choice == 10:
        return MoveActivity(aid, rng.randrange(len(plan.schedule)))
    return Batch([UpdateActivity(aid, {"done": True, "owner": "工会"}), SetParagraphs("closing", ["完"]),
                  SetOptions({"level3_style": "comma"})])


def test_random_edits_undo_to_the_original(sample_plan):
    rng = random.Random(7)
    original = dumps(sample_plan)
    plan = copy.deepcopy(sample_plan)
    inverses = []
    for _ in range(300):
        edit = _random_edit(plan, rng)
        if edit is None:
            continue
        before = dumps(plan)
        inverse, touched = apply_edit(plan, edit)
        assert touched
        inverses.append((inverse, before))
    for inverse, before in reversed(inverses):
        apply_edit(plan, inverse)
        assert dumps(plan) == before
    assert dumps(plan) == original


def test_move_into_own_subtree_is_refused(sample_plan):
    with pytest.raises(EditError):
        apply_edit(sample_plan, MoveSection("s1", "s1.1", 0))


def test_indent_and_outdent(sample_plan):
    apply_edit(sample_plan, indent_edit(sample_plan, "s2"))
    assert [c.id for c in sample_plan.sections[0].children] == ["s1.1", "s1.2", "s2"]
    apply_edit(sample_plan, outdent_edit(sample_plan, "s2"))
    assert [s.id for s in sample_plan.sections][:3] == ["s1", "s2", "s3"]
    assert indent_edit(sample_plan, "s1") is None
    assert outdent_edit(sample_plan, "s1") is None


def test_remove_section_unties_activities(sample_plan):
    edit = remove_section_edit(sample_plan, "s3")
    inverse, touched = apply_edit(sample_plan, edit)
    assert all(a.section != "s3" for a in sample_plan.schedule)
    assert "s3" in touched.deleted_sections
    apply_edit(sample_plan, inverse)
    assert sample_plan.find_activity("a1").section == "s3"


def test_failed_batch_leaves_plan_unchanged(sample_plan):
    before = dumps(sample_plan)
    with pytest.raises(EditError):
        apply_edit(sample_plan, Batch([SetHeading("s1", "改"), SetHeading("nope", "x")]))
    assert dumps(sample_plan) == before


def test_touched_names_what_each_edit_changed_and_merges(sample_plan):
    _, moved = apply_edit(sample_plan, MoveSection("s3", "s1", 0))
    assert moved == Touched(children_of={None, "s1"}, sections={"s3"})
    _, meta = apply_edit(sample_plan, SetMeta({"title": "新标题"}))
    assert meta == Touched(meta=True)
    merged = moved | meta
    assert merged == Touched(meta=True, children_of={None, "s1"}, sections={"s3"})
    assert moved == Touched(children_of={None, "s1"}, sections={"s3"})   # | makes a new one
    merged.clear()
    assert not merged and merged == Touched()
    assert Touched(deleted_activities={"a1"})
