"""The rollover review's rows and states, without Qt: what accepting, undo,
redo, a new edit after undo, and edits to the text do to each row."""

from __future__ import annotations

import pytest

from planner_gui.core.edits import Edit, SetMeta, SetParagraphs, apply_edit
from planner_gui.core.locations import Location
from planner_gui.core.plan import Plan
from planner_gui.core.rollover import AUTO, REVIEW, Change, changes_to_edit, rollover
from planner_gui.core.rollover_review import (ACCEPTED, APPLIED, GONE, PENDING, REJECTED, STALE,
                                              UNDONE, RolloverReview, find_again)

from .test_rollover import make_plan

FIRST_PARAGRAPH = "2025年是关键的一年，2025年要办好第12届运动会。"


class Stack:
    """An undo stack as the window has one: steps up to `index` are applied."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.steps: list[tuple[object, Edit, Edit]] = []   # (token, edit, inverse)
        self.index = 0

    def push(self, edit: Edit) -> object:
        del self.steps[self.index:]
        inverse, _ = apply_edit(self.plan, edit)
        token = object()
        self.steps.append((token, edit, inverse))
        self.index += 1
        return token

    def undo(self) -> None:
        self.index -= 1
        token, edit, inverse = self.steps[self.index]
        redo, _ = apply_edit(self.plan, inverse)
        self.steps[self.index] = (token, redo, inverse)

    def redo(self) -> None:
        token, edit, _ = self.steps[self.index]
        inverse, _ = apply_edit(self.plan, edit)
        self.steps[self.index] = (token, edit, inverse)
        self.index += 1

    def state(self, token: object) -> str:
        for index, (step, _, _) in enumerate(self.steps):
            if step is token:
                return APPLIED if index < self.index else UNDONE
        return GONE


def setup(**kwargs: object) -> tuple[Plan, Stack, RolloverReview]:
    old = make_plan(preamble=[FIRST_PARAGRAPH, "请于4月8日前报送。"],
                    activities=[(["2025-03"], "2025年春季工会会员大会")], **kwargs)
    plan, changes = rollover(old, 2026)
    stack = Stack(plan)
    review = RolloverReview(changes, 2025, 2026, stack.state)
    assert review.refresh(plan) == []
    return plan, stack, review


def number_of(review: RolloverReview, before: str, kind: str = "") -> int:
    for number, row in enumerate(review.rows):
        if row.change.before == before and (not kind or row.change.location.kind == kind):
            return number
    raise AssertionError(before)


def accept(stack: Stack, review: RolloverReview, numbers: list[int],
           checked: tuple[int, ...] = ()) -> object:
    token = stack.push(changes_to_edit(stack.plan, review.changes_to_apply(numbers)))
    review.mark_accepted(numbers, token, checked)
    review.refresh(stack.plan)
    return token


def states(review: RolloverReview) -> list[str]:
    return [row.state for row in review.rows]


def test_a_new_review_is_all_pending_and_counts_its_rows():
    _plan, _stack, review = setup()
    assert states(review) == [PENDING] * len(review.rows)
    assert len(review.rows) == 6
    assert review.counts() == {PENDING: 6, ACCEPTED: 0, REJECTED: 0, STALE: 0}
    assert review.automatic_count() == 4    # the years; 届次 and the date are to check
    assert (review.old_year, review.new_year) == (2025, 2026)


def test_accept_all_leaves_out_rows_without_a_replacement_and_rejected_rows():
    _plan, _stack, review = setup()
    date = number_of(review, "4月8日")
    session = number_of(review, "第12届")
    review.reject([session])
    assert date not in review.accept_all() and session not in review.accept_all()
    assert len(review.accept_all()) == 4


def test_accepting_changes_the_rows_and_undo_redo_follow_the_stack():
    plan, stack, review = setup()
    numbers = review.accept_all()
    accept(stack, review, numbers, checked=tuple(numbers[:2]))
    assert plan.meta.title.startswith("2026")
    assert {n for n, s in enumerate(states(review)) if s == ACCEPTED} == set(numbers)
    assert review.acceptable(numbers).numbers == []        # accepted rows are skipped

    stack.undo()
    restored = review.refresh(plan)
    assert plan.meta.title.startswith("2025")
    assert states(review) == [PENDING] * len(review.rows)
    assert restored == numbers[:2]                          # the boxes ticked before accepting

    stack.redo()
    assert review.refresh(plan) == []
    assert {n for n, s in enumerate(states(review)) if s == ACCEPTED} == set(numbers)


def test_a_new_edit_after_undo_drops_the_accepting_step():
    plan, stack, review = setup()
    title = number_of(review, "2025", kind="meta")
    token = accept(stack, review, [title], checked=(title,))
    stack.undo()
    review.refresh(plan)
    stack.push(SetMeta({"organization": "另一个工会"}))     # redo is no longer possible
    assert stack.state(token) == GONE
    assert review.refresh(plan) == []
    assert review.rows[title].state == PENDING and review.rows[title].token is None
    stack.undo()                                           # and undoing further never re-accepts it
    review.refresh(plan)
    assert review.rows[title].state == PENDING


def test_an_edit_before_the_change_moves_it_and_it_stays_pending():
    plan, stack, review = setup()
    second = [n for n, row in enumerate(review.rows)
              if row.change.location.kind == "preamble" and row.change.start == 12]
    assert len(second) == 1
    stack.push(SetParagraphs("preamble", ["今年，" + FIRST_PARAGRAPH, plan.preamble[1]]))
    review.refresh(plan)
    row = review.rows[second[0]]
    assert row.state == PENDING and row.change.start == 15
    assert plan.preamble[0][row.change.start:row.change.end] == "2025"
    # the two "2025" of the paragraph were each found again, not both on the same one
    starts = sorted(r.change.start for r in review.rows
                    if r.change.location.kind == "preamble" and r.change.before == "2025")
    assert starts == [3, 15]
    accept(stack, review, [second[0]])
    assert plan.preamble[0] == "今年，2025年是关键的一年，2026年要办好第12届运动会。"


def test_an_edited_text_makes_its_row_stale_and_undo_brings_it_back():
    plan, stack, review = setup()
    date = number_of(review, "4月8日")
    review.set_replacement(date, "4月9日")
    stack.push(SetParagraphs("preamble", [plan.preamble[0], "请按时报送。"]))
    review.refresh(plan)
    assert review.rows[date].state == STALE
    assert review.place(date) == (Location("preamble", "text", None, 1), 0, 0)
    verdict = review.acceptable([date])
    assert (verdict.numbers, verdict.empty, verdict.stale) == ([], 0, 1)
    stack.undo()
    review.refresh(plan)
    assert review.rows[date].state == PENDING
    assert review.rows[date].replacement == "4月9日"


def test_a_rejected_row_stays_rejected_when_its_text_changes():
    plan, stack, review = setup()
    date = number_of(review, "4月8日")
    assert review.reject([date]) == [date]
    assert review.reject([date]) == []                     # only pending or stale rows
    stack.push(SetParagraphs("preamble", [plan.preamble[0], "请按时报送。"]))
    review.refresh(plan)
    assert review.rows[date].state == REJECTED
    assert review.reopen(date) and review.rows[date].state == PENDING
    assert not review.reopen(date)
    review.refresh(plan)
    assert review.rows[date].state == STALE
    assert review.reject([date]) == [date]


def test_typed_replacements():
    _plan, stack, review = setup()
    date = number_of(review, "4月8日")
    session = number_of(review, "第12届")
    verdict = review.acceptable([date, session])
    assert (verdict.numbers, verdict.empty, verdict.stale) == ([session], 1, 0)
    assert review.set_replacement(date, " 4月\n9日 ")
    assert review.rows[date].typed == "4月 9日"            # one line, trimmed
    assert review.acceptable([date]).numbers == [date]
    assert review.set_replacement(date, "")
    assert review.rows[date].typed is None and review.rows[date].replacement is None
    review.set_replacement(session, "第13届")              # the suggestion itself
    assert review.rows[session].typed is None
    review.reject([session])
    review.set_replacement(session, "第14届")              # typing puts a rejected row back
    assert review.rows[session].state == PENDING
    assert review.changes_to_apply([session])[0].after == "第14届"
    accept(stack, review, [session])
    assert "第14届" in stack.plan.preamble[0]
    assert not review.set_replacement(session, "第15届")   # accepted: no longer typed into
    assert review.rows[session].replacement == "第14届"


def test_where_a_row_is_shown():
    _plan, stack, review = setup()
    session = number_of(review, "第12届")
    change = review.rows[session].change
    assert review.place(session) == (change.location, change.start, change.end)
    review.set_replacement(session, "第十三届")
    accept(stack, review, [session])
    assert review.place(session) == (change.location, change.start, change.start + len("第十三届"))


def test_without_a_command_state_an_accepting_step_counts_as_gone():
    plan, stack, _ = setup()
    review = RolloverReview(rollover(make_plan(), 2026)[1], 2025, 2026)
    review.mark_accepted([0], object(), [0])
    assert review.refresh(plan) == [0]     # back to pending, its box ticked again
    assert review.rows[0].state == PENDING and review.rows[0].token is None


def test_find_again_takes_the_nearest_unclaimed_match():
    where = Location("preamble", "text", None, 0)
    old = Change(where, 10, 14, "2025", "2026", "年份", AUTO)
    near = Change(where, 12, 16, "2025", "2026", "年份", AUTO)
    far = Change(where, 30, 34, "2025", "2026", "年份", AUTO)
    other_rule = Change(where, 10, 14, "2025", None, "具体日期", REVIEW)
    elsewhere = Change(Location("closing", "text", None, 0), 10, 14, "2025", "2026", "年份", AUTO)
    fresh = [far, other_rule, elsewhere, near]
    assert find_again(old, fresh, set()) is near
    assert find_again(old, fresh, {id(near)}) is far
    assert find_again(old, fresh, {id(near), id(far)}) is None


def test_rows_are_addressed_by_number():
    _plan, _stack, review = setup()
    with pytest.raises(IndexError):
        review.reject([len(review.rows)])
