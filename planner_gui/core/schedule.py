"""The month schedule as the editor shows it, and the edits that keep it tidy.

Rules (the same ones the exported month table follows):
- the period's months come in period order (九月 … 次年八月), each one a
  group, also when it has no activity, so gaps show;
- an activity is filed under its first month and shows its span (七至八月);
- activities with no month (全年, 长期) form a group after the months;
- an activity whose first month lies outside the period (after the period
  changed) gets a group of its own at the end, so it is seen, not lost;
- inside a group, activities keep plan.schedule order, numbered 1、2、3、.

plan.schedule itself is kept sorted by first month (no month last) when the
editor inserts or moves, so the interchange JSON reads in calendar order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .edits import Batch, Edit, InsertActivity, MoveActivity, RemoveActivity, SetMeta, UpdateActivity
from .numbering import number_for_path
from .period import Period, add_months, month_span, parse_ym, span_label
from .plan import Activity, Plan, Section

NO_MONTH = ""            # group key of the activities without a month
NO_MONTH_LABEL = "全年"

MONTH, ANYTIME, OUTSIDE = "month", "anytime", "outside"


@dataclass(frozen=True)
class Group:
    key: str                       # YYYY-MM of the first month, or NO_MONTH
    kind: str                      # MONTH | ANYTIME | OUTSIDE
    label: str                     # 三月 / 次年元月 / 全年 / 2024年12月
    activity_ids: tuple[str, ...]


def group_key(activity: Activity) -> str:
    return activity.months[0] if activity.months else NO_MONTH


def group_activities(plan: Plan) -> list[Group]:
    """The groups the schedule view shows, in display order."""
    period = plan.meta.period
    by_key: dict[str, list[str]] = {}
    for activity in plan.schedule:
        by_key.setdefault(group_key(activity), []).append(activity.id)
    groups = [Group(ym, MONTH, period.label(ym), tuple(by_key.get(ym, ()))) for ym in period.months()]
    groups.append(Group(NO_MONTH, ANYTIME, NO_MONTH_LABEL, tuple(by_key.get(NO_MONTH, ()))))
    outside = sorted(k for k in by_key if k and not period.contains(k))
    groups.extend(Group(k, OUTSIDE, period.label(k), tuple(by_key[k])) for k in outside)
    return groups


def continuing_ids(plan: Plan) -> dict[str, tuple[str, ...]]:
    """Month key -> the activities filed under an earlier month that also
    cover this one (七至八月 continues under 八月), in plan.schedule order.
    The editor shows them there too, marked as continuing, so a month
    never reads 无安排 while something is planned in it."""
    period = plan.meta.period
    out: dict[str, list[str]] = {}
    for activity in plan.schedule:
        if not activity.months or not period.contains(activity.months[0]):
            continue
        for ym in dict.fromkeys(activity.months[1:]):
            if ym != activity.months[0] and period.contains(ym):
                out.setdefault(ym, []).append(activity.id)
    return {key: tuple(ids) for key, ids in out.items()}


def item_number(position: int) -> str:
    """The number of the position-th (0-based) activity in its month: 1、"""
    return f"{position + 1}、"


def months_label(months: list[str], period: Period) -> str:
    """三月 / 七至八月 / 次年元月 / 全年, as the months column shows it."""
    return span_label(list(months), period.start_year)


def parse_months_text(text: str, period: Period) -> list[str] | None:
    """What a user typed in the month column -> calendar months, or None.

    Accepts 三月, 三月份, 七至八月, 一、二月, 次年元月, 2025-03, and 全年 / 长期 /
    an empty cell for no month.
    """
    text = (text or "").strip()
    if not text:
        return []
    yms = _iso_months(text)
    if yms is not None:
        return yms
    # Imported here: the month table's module is imported at the editor's
    # start-up, month expressions are read only when a cell is typed in.
    from .months import match_month_head, resolve

    head = match_month_head(text)
    if head is None or head.rest.strip(" ：:"):
        return None
    if head.anytime:
        return []
    return sorted(resolve(head.months, period))


def _iso_months(text: str) -> list[str] | None:
    """'2025-03' or '2025-07至2025-08' / '2025-07,2025-09'."""
    parts = re.split(r"\s*(至|到|~|～|,|，|、)\s*", text)
    values, joins = parts[::2], parts[1::2]
    try:
        for value in values:
            parse_ym(value)
    except ValueError:
        return None
    out: list[str] = [values[0]]
    for join, value in zip(joins, values[1:]):
        if join in ("至", "到", "~", "～") and value >= out[-1]:
            out.extend(month_span(out[-1], value)[1:])
        elif value not in out:
            out.append(value)
    return sorted(set(out))


def shift_span(months: list[str], first: str) -> list[str]:
    """The same span (七至八月 stays two months) starting at `first`."""
    if not months:
        return [first]
    y0, m0 = parse_ym(months[0])
    y1, m1 = parse_ym(first)
    delta = (y1 * 12 + m1) - (y0 * 12 + m0)
    return [add_months(m, delta) for m in months]


# --- where an activity goes in plan.schedule ------------------------------------

def _sort_key(months: list[str]) -> tuple[int, str]:
    return (0, months[0]) if months else (1, "")


def _insert_index(schedule: list[Activity], months: list[str], position: int | None) -> int:
    """Index in `schedule` that puts an activity with these months at
    `position` among its group (None or too large: at the group's end)."""
    key = months[0] if months else NO_MONTH
    members = [i for i, a in enumerate(schedule) if group_key(a) == key]
    if position is not None and 0 <= position < len(members):
        return members[position]
    if members:
        return members[-1] + 1
    wanted = _sort_key(months)
    for i, activity in enumerate(schedule):
        if _sort_key(activity.months) > wanted:
            return i
    return len(schedule)


def insert_index(plan: Plan, months: list[str], position: int | None = None) -> int:
    return _insert_index(plan.schedule, months, position)


def group_members(plan: Plan, key: str) -> list[Activity]:
    return [a for a in plan.schedule if group_key(a) == key]


def position_in_group(plan: Plan, activity_id: str) -> int:
    activity = plan.find_activity(activity_id)
    if activity is None:
        raise KeyError(activity_id)
    return [a.id for a in group_members(plan, group_key(activity))].index(activity_id)


def _fresh_ids(plan: Plan, count: int) -> list[str]:
    probe = Plan(schedule=list(plan.schedule))
    ids = []
    for _ in range(count):
        ident = probe.new_activity_id()
        ids.append(ident)
        probe.schedule.append(Activity(ident))
    return ids


# --- edits -----------------------------------------------------------------------

def insert_activities_edit(plan: Plan, drafts: list[Activity],
                           position: int | None = None) -> tuple[Edit, list[str]]:
    """Insert drafts (their ids are replaced by fresh ones) each at the end of
    its month, or the first at `position` in its month and the rest after it.
    Returns the edit (one undo step) and the new ids, in order."""
    ids = _fresh_ids(plan, len(drafts))
    schedule = list(plan.schedule)
    edits: list[Edit] = []
    previous: Activity | None = None
    for ident, draft in zip(ids, drafts):
        activity = replace(draft, id=ident, months=list(draft.months))
        if previous is not None and group_key(previous) == group_key(activity):
            index = schedule.index(previous) + 1
        else:
            index = _insert_index(schedule, activity.months, position if previous is None else None)
        schedule.insert(index, activity)
        edits.append(InsertActivity(index, activity))
        previous = activity
    edit = edits[0] if len(edits) == 1 else Batch(edits)
    return edit, ids


def new_activity_edit(plan: Plan, months: list[str], position: int | None = None,
                      text: str = "", owner: str = "", section: str | None = None) -> tuple[Edit, str]:
    edit, ids = insert_activities_edit(plan, [Activity("", list(months), text, owner, "", section)], position)
    return edit, ids[0]


def duplicate_edit(plan: Plan, activity_id: str) -> tuple[Edit, str]:
    """A copy right after the original, in the same month, not marked done."""
    source = plan.find_activity(activity_id)
    if source is None:
        raise KeyError(activity_id)
    ident = _fresh_ids(plan, 1)[0]
    copy = replace(source, id=ident, months=list(source.months), done=False)
    return InsertActivity(plan.activity_index(activity_id) + 1, copy), ident


def remove_activities_edit(plan: Plan, activity_ids: list[str]) -> Edit | None:
    edits: list[Edit] = [RemoveActivity(i) for i in activity_ids if plan.find_activity(i) is not None]
    if not edits:
        return None
    return edits[0] if len(edits) == 1 else Batch(edits)


def set_months_edit(plan: Plan, activity_id: str, months: list[str],
                    position: int | None = None) -> Edit | None:
    """Give an activity other months; it moves to the new month's group (at
    `position`, or its end) and plan.schedule stays in month order."""
    activity = plan.find_activity(activity_id)
    if activity is None:
        raise KeyError(activity_id)
    months = list(months)
    same_group = group_key(activity) == (months[0] if months else NO_MONTH)
    edits: list[Edit] = []
    if months != activity.months:
        edits.append(UpdateActivity(activity_id, {"months": months}))
    if not same_group or position is not None:
        old_index = plan.activity_index(activity_id)
        rest = [a for a in plan.schedule if a.id != activity_id]
        index = _insert_index(rest, months, position)
        if index != old_index:
            edits.append(MoveActivity(activity_id, index))
    if not edits:
        return None
    return edits[0] if len(edits) == 1 else Batch(edits)


def move_to_group_edit(plan: Plan, activity_id: str, key: str,
                       position: int | None = None) -> Edit | None:
    """Move to the group `key` (a month or NO_MONTH), keeping a span's length."""
    activity = plan.find_activity(activity_id)
    if activity is None:
        raise KeyError(activity_id)
    months = [] if key == NO_MONTH else shift_span(activity.months, key)
    if key != NO_MONTH and group_key(activity) == key:
        months = list(activity.months)
    return set_months_edit(plan, activity_id, months, position)


def move_within_group_edit(plan: Plan, activity_id: str, delta: int) -> Edit | None:
    """Up (-1) or down (+1) among the activities of the same month."""
    activity = plan.find_activity(activity_id)
    if activity is None:
        raise KeyError(activity_id)
    members = [a.id for a in group_members(plan, group_key(activity))]
    position = members.index(activity_id) + delta
    if not 0 <= position < len(members):
        return None
    return MoveActivity(activity_id, plan.activity_index(members[position]))


# --- several activities in one step -------------------------------------------------
#
# Each edit of such a step must see the ones before it (the second activity
# moved lands after the first). The placing builders read nothing but ids,
# months and order, so they are chained over a skeleton of the schedule (ids
# and months), never over a copy of the plan.

def _skeleton(plan: Plan) -> Plan:
    """The schedule as ids and months only, in order."""
    return Plan(schedule=[Activity(a.id, list(a.months)) for a in plan.schedule])


def _advance(skeleton: Plan, edit: Edit) -> None:
    for primitive in edit.primitives():
        primitive.apply(skeleton)


def _one_step(edits: list[Edit]) -> Edit | None:
    if not edits:
        return None
    return edits[0] if len(edits) == 1 else Batch(edits)


def duplicate_activities_edit(plan: Plan, activity_ids: list[str]) -> tuple[Edit | None, list[str]]:
    """A copy of each activity right after its original (not marked done),
    as one step; returns the edit and the copies' ids, in order."""
    order = [a.id for a in plan.schedule]
    new_ids = _fresh_ids(plan, len(activity_ids))
    edits: list[Edit] = []
    for ident, new_id in zip(activity_ids, new_ids):
        source = plan.find_activity(ident)
        if source is None:
            raise KeyError(ident)
        index = order.index(ident) + 1
        order.insert(index, new_id)
        edits.append(InsertActivity(index, replace(source, id=new_id, months=list(source.months),
                                                   done=False)))
    return _one_step(edits), new_ids if edits else []


def set_months_of_edit(plan: Plan, activity_ids: list[str], months: list[str]) -> Edit | None:
    """Give these activities the same months, as one step (None: nothing changes)."""
    skeleton = _skeleton(plan)
    edits: list[Edit] = []
    for ident in activity_ids:
        edit = set_months_edit(skeleton, ident, months)
        if edit is not None:
            _advance(skeleton, edit)
            edits.append(edit)
    return _one_step(edits)


def move_activities_edit(plan: Plan, activity_ids: list[str], key: str,
                         position: int | None = -1) -> Edit | None:
    """Move activities (in this order) into group `key` at `position` among
    its activities (None or negative: at its end), as one step; ids not in
    the plan are skipped. None when nothing moves."""
    skeleton = _skeleton(plan)
    edits: list[Edit] = []
    pos = None if position is None or position < 0 else position
    for ident in activity_ids:
        activity = skeleton.find_activity(ident)
        if activity is None:
            continue
        if pos is not None and group_key(activity) == key:
            # moving down within the same month: the row itself is taken out first
            if position_in_group(skeleton, ident) < pos:
                pos -= 1
        edit = move_to_group_edit(skeleton, ident, key, pos)
        if edit is not None:
            _advance(skeleton, edit)
            edits.append(edit)
        if pos is not None:
            pos = position_in_group(skeleton, ident) + 1
    return _one_step(edits)


# --- the period changes ------------------------------------------------------------

def _refile_month(ym: str, period: Period) -> str:
    """The month with the same calendar month inside `period` nearest to ym,
    or ym itself when the period has no such month."""
    year, month = parse_ym(ym)
    candidates = [m for m in period.months() if parse_ym(m)[1] == month]
    if not candidates:
        return ym

    def distance(candidate: str) -> int:
        cy, cm = parse_ym(candidate)
        return abs((cy * 12 + cm) - (year * 12 + month))

    return min(candidates, key=distance)


def refile_for_period(plan: Plan, new_period: Period,
                      extra_meta: dict[str, Any] | None = None) -> tuple[Edit, list[Activity]]:
    """The one edit that changes the plan's period and re-files activities.

    Each activity month is mapped to the month with the same calendar month
    in the new period (三月 stays 三月: 2025-03 becomes 2026-03 in the
    2025—2026 school year). A month the new period does not have is kept as
    it is, and its activity is returned in `outside` (as it will be after the
    edit) so the caller can tell the user; nothing is deleted. The edit is a
    Batch: SetMeta(period, plus extra_meta such as the year), the month
    updates, then moves that keep plan.schedule in month order.
    """
    changes = dict(extra_meta or {})
    changes["period"] = new_period
    edits: list[Edit] = [SetMeta(changes)]
    after: list[Activity] = []
    outside: list[Activity] = []
    for activity in plan.schedule:
        months = sorted({_refile_month(m, new_period) for m in activity.months})
        if months != activity.months:
            edits.append(UpdateActivity(activity.id, {"months": months}))
        moved = replace(activity, months=months)
        after.append(moved)
        if any(not new_period.contains(m) for m in months):
            outside.append(moved)
    edits.extend(_sort_moves(after))
    return Batch(edits), outside


def _sort_moves(schedule: list[Activity]) -> list[Edit]:
    """MoveActivity edits that bring `schedule` into stable month order."""
    target = [a.id for a in sorted(schedule, key=lambda a: _sort_key(a.months))]
    current = [a.id for a in schedule]
    moves: list[Edit] = []
    for index, ident in enumerate(target):
        if current[index] != ident:
            current.remove(ident)
            current.insert(index, ident)
            moves.append(MoveActivity(ident, index))
    return moves


def year_change_edit(plan: Plan, year: int) -> Edit:
    """The one edit that moves the plan to another year: the year, the period
    shifted by as many years, every activity's months likewise, and the old
    year in the title (when it is there) rewritten to the new one."""
    old = plan.meta.year
    shift = year - old
    changes: dict[str, Any] = {"year": year, "period": plan.meta.period.shifted(shift)}
    if str(old) in plan.meta.title:
        changes["title"] = plan.meta.title.replace(str(old), str(year))
    edits: list[Edit] = [SetMeta(changes)]
    edits += [UpdateActivity(a.id, {"months": [add_months(m, 12 * shift) for m in a.months]})
              for a in plan.schedule if a.months]
    return Batch(edits)


def outside_activities(plan: Plan) -> list[Activity]:
    """Activities with a month outside the plan's period."""
    period = plan.meta.period
    return [a for a in plan.schedule if any(not period.contains(m) for m in a.months)]


# --- the year at a glance ------------------------------------------------------------

EMPTY, NORMAL, CROWDED = "empty", "normal", "crowded"


@dataclass(frozen=True)
class MonthLoad:
    key: str
    label: str
    count: int      # activities covering the month (a span counts in each month)
    state: str      # EMPTY | NORMAL | CROWDED


def crowded_threshold(counts: list[int]) -> int:
    """A month is crowded from this many activities: at least 5, and at least
    half again the average of the months that have any."""
    busy = [c for c in counts if c]
    if not busy:
        return 5
    average = sum(busy) / len(busy)
    return max(5, int(average * 1.5 + 0.999))


def month_load(plan: Plan) -> list[MonthLoad]:
    period = plan.meta.period
    months = period.months()
    counts = dict.fromkeys(months, 0)
    for activity in plan.schedule:
        for m in set(activity.months):
            if m in counts:
                counts[m] += 1
    threshold = crowded_threshold(list(counts.values()))
    out = []
    for m in months:
        count = counts[m]
        state = EMPTY if count == 0 else CROWDED if count >= threshold else NORMAL
        out.append(MonthLoad(m, period.label(m), count, state))
    return out


# --- sections an activity can be tied to ------------------------------------------------

def section_choices(plan: Plan) -> list[tuple[str, str, int]]:
    """(section id, "（一）加强学习", depth) for every section, in reading order."""
    style = str(plan.option("level3_style"))
    out: list[tuple[str, str, int]] = []

    def walk(sections: list[Section], path: list[int]) -> None:
        for index, section in enumerate(sections):
            here = path + [index]
            out.append((section.id, number_for_path(here, style) + section.heading, len(here)))
            walk(section.children, here)

    walk(plan.sections, [])
    return out


def section_family(plan: Plan, section_id: str | None) -> set[str]:
    """The section and everything below it (an activity tied to （一） belongs
    to 一、 too when 一、 is selected)."""
    if section_id is None:
        return set()
    section = plan.find_section(section_id)
    return {s.id for s in section.walk()} if section is not None else set()
