"""Going through the changes a new year's plan needs: the rows and their states.

Every proposed change (core.rollover.Change) is a row. A row is pending,
accepted (applied by an undo step), rejected (the user keeps the text) or
stale (the text at its place was edited since, so it is never applied).

The review never changes the plan and knows nothing of Qt: the window applies
the accepted rows as one undo step and reports it with `mark_accepted`; a
callable answers whether that step is still applied, undone (redo would bring
it back) or gone from the undo stack. `refresh(plan)` then recomputes every
row from the plan as it is now: an accepted row goes back to pending when its
step is undone (and is accepted again with redo); a row whose text was edited
is re-found in a fresh proposal (its offsets may have moved) or becomes stale.
The panel (dialogs/rollover_review.py) shows the rows and forwards the user's
actions here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .locations import Location
from .plan import Plan
from .rollover import AUTO, Change, propose, still_applies
from .sanitize import clean_text

PENDING, ACCEPTED, REJECTED, STALE = "pending", "accepted", "rejected", "stale"
# what command_state(token) answers about the undo step that accepted a row
APPLIED, UNDONE, GONE = "applied", "undone", "gone"

CommandState = Callable[[object], str]


def _always_gone(_token: object) -> str:
    return GONE


@dataclass
class ReviewRow:
    change: Change               # anchored at the text as it is now
    state: str = PENDING
    typed: str | None = None     # the user's own replacement text
    token: object = None         # the undo step that accepted the row
    was_checked: bool = False    # ticked when accepted: ticked again when that step is undone

    @property
    def replacement(self) -> str | None:
        return self.typed if self.typed is not None else self.change.after

    def to_apply(self) -> Change:
        return replace(self.change, after=self.replacement)


@dataclass(frozen=True)
class Acceptable:
    """What accepting some rows would do: the rows that can be applied, and
    how many are left out for lack of a replacement or for being stale."""
    numbers: list[int]
    empty: int
    stale: int


class RolloverReview:
    """The proposed changes of one rollover (last year = old_year) and their states."""

    def __init__(self, changes: Iterable[Change], old_year: int, new_year: int,
                 command_state: CommandState | None = None) -> None:
        self.rows: list[ReviewRow] = [ReviewRow(change) for change in changes]
        self.old_year = old_year
        self.new_year = new_year
        self.command_state: CommandState = command_state or _always_gone

    # ------------------------------------------------------------ following the plan
    def refresh(self, plan: Plan) -> list[int]:
        """Recompute every row's state from `plan` and the undo stack.

        Returns the rows whose accepting step was undone and that were ticked
        when accepted: after undo their boxes are as the user left them."""
        fresh: list[Change] | None = None
        claimed: set[int] = set()
        restore_tick: list[int] = []   # accepted rows whose step was undone
        for number, row in enumerate(self.rows):
            if row.token is not None:
                state = self.command_state(row.token)
                if state == APPLIED:
                    row.state = ACCEPTED
                    continue
                if state == GONE:
                    row.token = None
                if row.state == ACCEPTED:
                    row.state = PENDING
                    restore_tick.append(number)
            if still_applies(plan, row.change):
                if row.state == STALE:
                    row.state = PENDING
                continue
            if fresh is None:
                fresh = propose(plan, self.new_year, from_year=self.old_year)
            match = find_again(row.change, fresh, claimed)
            if match is not None:
                claimed.add(id(match))
                row.change = match
                if row.state == STALE:
                    row.state = PENDING
            elif row.state != REJECTED:
                row.state = STALE
        return [n for n in restore_tick if self.rows[n].was_checked and self.rows[n].state == PENDING]

    def mark_accepted(self, numbers: Iterable[int], token: object,
                      checked: Iterable[int] = ()) -> None:
        """The window applied these rows as the undo step `token`; `checked`
        are the rows that were ticked (ticked again if the step is undone).
        Call refresh(plan) afterwards."""
        ticked = set(checked)
        for number in numbers:
            row = self.rows[number]
            row.state = ACCEPTED
            row.token = token
            row.was_checked = number in ticked

    # -------------------------------------------------------------- user's actions
    def acceptable(self, numbers: Iterable[int]) -> Acceptable:
        """Of these rows, the ones that can be applied (accepted rows are skipped)."""
        good: list[int] = []
        empty = stale = 0
        for number in numbers:
            row = self.rows[number]
            if row.state == ACCEPTED:
                continue
            if row.state == STALE:
                stale += 1
            elif row.replacement is None:
                empty += 1
            else:
                good.append(number)
        return Acceptable(good, empty, stale)

    def accept_all(self) -> list[int]:
        """The pending rows that can be applied (rejected rows are left alone)."""
        return self.acceptable(n for n, row in enumerate(self.rows) if row.state == PENDING).numbers

    def changes_to_apply(self, numbers: Iterable[int]) -> list[Change]:
        """The changes of these rows with the user's replacement text."""
        return [self.rows[n].to_apply() for n in numbers]

    def reject(self, numbers: Iterable[int]) -> list[int]:
        """Reject the pending or stale rows among these; returns the rejected ones."""
        rejected = [n for n in numbers if self.rows[n].state in (PENDING, STALE)]
        for number in rejected:
            self.rows[number].state = REJECTED
        return rejected

    def reopen(self, number: int) -> bool:
        """A rejected row is put back in play (its box was ticked by hand)."""
        row = self.rows[number]
        if row.state != REJECTED:
            return False
        row.state = PENDING
        return True

    def set_replacement(self, number: int, text: str) -> bool:
        """The user typed the text that should replace a row's original; an
        empty text or the suggestion itself goes back to the suggestion. A
        rejected row is back in play. False when the row is accepted already."""
        row = self.rows[number]
        if row.state == ACCEPTED:
            return False
        text = clean_text(text, single_line=True)
        row.typed = None if not text or text == row.change.after else text
        if row.state == REJECTED:
            row.state = PENDING
        return True

    def place(self, number: int) -> tuple[Location, int, int]:
        """Where to show a row: its span, the replacement once accepted, the
        start of its text when stale (the offsets no longer hold)."""
        row = self.rows[number]
        change = row.change
        if row.state == STALE:
            return change.location, 0, 0
        if row.state == ACCEPTED:
            return change.location, change.start, change.start + len(row.replacement or "")
        return change.location, change.start, change.end

    # ------------------------------------------------------------------ figures
    def counts(self) -> dict[str, int]:
        result = {PENDING: 0, ACCEPTED: 0, REJECTED: 0, STALE: 0}
        for row in self.rows:
            result[row.state] += 1
        return result

    def automatic_count(self) -> int:
        return sum(1 for row in self.rows if row.change.kind == AUTO)


def find_again(change: Change, fresh: list[Change], claimed: set[int]) -> Change | None:
    """The same proposal in a newer list: same place, rule and text, nearest
    offset, not one already claimed by another row (ids in `claimed`)."""
    candidates = [c for c in fresh if id(c) not in claimed and c.location == change.location
                  and c.rule == change.rule and c.before == change.before
                  and c.kind == change.kind]
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c.start - change.start))
