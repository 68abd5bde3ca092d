"""Every change to a plan, as a small reversible operation.

`edit.apply(plan)` changes the plan and returns the edit that undoes it;
`edit.touched(plan)` names what the store must write afterwards. The GUI
wraps edits in QUndoCommands, the store persists what they touched, and
scripted tests drive the very same objects, so there is one mutation path.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import Any
from collections.abc import Sequence

from .period import Period
from .plan import META_KEYS, Activity, Plan, Section
from .sanitize import clean_paragraphs, clean_text

#: The meta fields SetMeta may change: every one (core.plan.META_KEYS).
META_FIELDS = META_KEYS
ACTIVITY_FIELDS = ("months", "text", "owner", "note", "section", "done", "done_on", "outcome")
SINGLE_LINE = {"title", "organization", "signature", "owner", "heading", "done_on"}



@dataclass(slots=True)
class Touched:
    """What edits changed, named for the store that writes it afterwards.

    Core owns this so that the store reads named fields instead of decoding
    strings by position. Edits run per keystroke, so it is a plain slotted
    object: four flags and five small sets, merged with ``|=``.
    """

    #: The plan's meta fields (core.plan.META_KEYS).
    meta: bool = False
    #: The plan's options (font profile and the like).
    options: bool = False
    #: The preamble and the closing paragraphs.
    texts: bool = False
    #: The month table's order changed: every activity row is rewritten.
    schedule_order: bool = False
    #: Sections whose own row (heading, body, place) is rewritten.
    sections: set[str] = field(default_factory=set)
    #: Parents (None: the top level) whose children's rows are rewritten.
    children_of: set[str | None] = field(default_factory=set)
    #: Sections removed from the plan: their rows are deleted.
    deleted_sections: set[str] = field(default_factory=set)
    #: Activities whose row is rewritten.
    activities: set[str] = field(default_factory=set)
    #: Activities removed from the plan: their rows are deleted.
    deleted_activities: set[str] = field(default_factory=set)

    def __ior__(self, other: Touched) -> Touched:
        self.meta |= other.meta
        self.options |= other.options
        self.texts |= other.texts
        self.schedule_order |= other.schedule_order
        self.sections |= other.sections
        self.children_of |= other.children_of
        self.deleted_sections |= other.deleted_sections
        self.activities |= other.activities
        self.deleted_activities |= other.deleted_activities
        return self

    def __or__(self, other: Touched) -> Touched:
        merged = Touched()
        merged |= self
        merged |= other
        return merged

    def __bool__(self) -> bool:
        return bool(self.meta or self.options or self.texts or self.schedule_order
                    or self.sections or self.children_of or self.deleted_sections
                    or self.activities or self.deleted_activities)

    def clear(self) -> None:
        """Forget everything (after the store has written it)."""
        self.meta = self.options = self.texts = self.schedule_order = False
        self.sections.clear()
        self.children_of.clear()
        self.deleted_sections.clear()
        self.activities.clear()
        self.deleted_activities.clear()


class EditError(ValueError):
    """An edit that cannot apply to this plan (stale id, cycle); message for the user."""


class Edit:
    """Base class: apply() returns the inverse edit."""

    def apply(self, plan: Plan) -> Edit:
        raise NotImplementedError

    def touched(self, plan: Plan) -> Touched:
        raise NotImplementedError

    def primitives(self) -> list[Edit]:
        return [self]


def _clean_value(name: str, value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value, single_line=name in SINGLE_LINE)
    return value


@dataclass
class SetMeta(Edit):
    changes: dict[str, Any]

    def __post_init__(self) -> None:
        unknown = set(self.changes) - set(META_FIELDS)
        if unknown:
            raise EditError(f"未知的计划属性：{'、'.join(sorted(unknown))}")
        if "period" in self.changes and not isinstance(self.changes["period"], Period):
            raise EditError("计划期间的值无效")
        self.changes = {k: _clean_value(k, v) for k, v in self.changes.items()}

    def apply(self, plan: Plan) -> Edit:
        old = {k: getattr(plan.meta, k) for k in self.changes}
        for key, value in self.changes.items():
            setattr(plan.meta, key, value)
        return SetMeta(old)

    def touched(self, plan: Plan) -> Touched:
        return Touched(meta=True)


@dataclass
class SetOptions(Edit):
    changes: dict[str, Any]

    def apply(self, plan: Plan) -> Edit:
        old = {k: plan.option(k) for k in self.changes}
        plan.options.update(self.changes)
        return SetOptions(old)

    def touched(self, plan: Plan) -> Touched:
        return Touched(options=True)


@dataclass
class SetParagraphs(Edit):
    """The preamble or closing paragraphs, replaced as a whole."""
    target: str  # "preamble" | "closing"
    paragraphs: list[str]

    def __post_init__(self) -> None:
        if self.target not in ("preamble", "closing"):
            raise EditError(f"未知的正文部分：{self.target}")
        self.paragraphs = clean_paragraphs(list(self.paragraphs))

    def apply(self, plan: Plan) -> Edit:
        old = list(getattr(plan, self.target))
        setattr(plan, self.target, list(self.paragraphs))
        return SetParagraphs(self.target, old)

    def touched(self, plan: Plan) -> Touched:
        return Touched(texts=True)


def _section(plan: Plan, section_id: str) -> Section:
    section = plan.find_section(section_id)
    if section is None:
        raise EditError(f"章节不存在：{section_id}")
    return section


@dataclass
class SetHeading(Edit):
    section_id: str
    heading: str

    def __post_init__(self) -> None:
        self.heading = clean_text(self.heading, single_line=True)

    def apply(self, plan: Plan) -> Edit:
        section = _section(plan, self.section_id)
        old = section.heading
        section.heading = self.heading
        return SetHeading(self.section_id, old)

    def touched(self, plan: Plan) -> Touched:
        return Touched(sections={self.section_id})


@dataclass
class SetBody(Edit):
    section_id: str
    body: list[str]

    def __post_init__(self) -> None:
        self.body = clean_paragraphs(list(self.body))

    def apply(self, plan: Plan) -> Edit:
        section = _section(plan, self.section_id)
        old = list(section.body)
        section.body = list(self.body)
        return SetBody(self.section_id, old)

    def touched(self, plan: Plan) -> Touched:
        return Touched(sections={self.section_id})


def _clean_section(section: Section) -> Section:
    section.heading = clean_text(section.heading, single_line=True)
    section.body = clean_paragraphs(section.body)
    for child in section.children:
        _clean_section(child)
    return section


@dataclass
class InsertSection(Edit):
    """Insert a section (with its subtree) at index under parent_id (None = top)."""
    parent_id: str | None
    index: int
    section: Section

    def __post_init__(self) -> None:
        self.section = _clean_section(copy.deepcopy(self.section))

    def apply(self, plan: Plan) -> Edit:
        siblings = plan.children_of(self.parent_id)
        if not 0 <= self.index <= len(siblings):
            raise EditError(f"位置超出范围：{self.index}")
        existing = {s.id for s in plan.walk()}
        if any(s.id in existing for s in self.section.walk()):
            raise EditError(f"章节 id 已存在：{self.section.id}")
        siblings.insert(self.index, copy.deepcopy(self.section))
        return RemoveSection(self.section.id)

    def touched(self, plan: Plan) -> Touched:
        keys = Touched(children_of={self.parent_id})
        for s in self.section.walk():
            keys.sections.add(s.id)
            keys.children_of.add(s.id)
        return keys


@dataclass
class RemoveSection(Edit):
    """Remove a section and its subtree. Use remove_section_edit() to also
    untie the activities that point at it."""
    section_id: str

    def apply(self, plan: Plan) -> Edit:
        parent, index = _locate(plan, self.section_id)
        siblings = plan.sections if parent is None else parent.children
        section = siblings.pop(index)
        return InsertSection(parent.id if parent else None, index, section)

    def touched(self, plan: Plan) -> Touched:
        # Called before apply: the subtree is still in the plan.
        parent, _ = _locate(plan, self.section_id)
        return Touched(children_of={parent.id if parent else None},
                       deleted_sections={s.id for s in _section(plan, self.section_id).walk()})


def _locate(plan: Plan, section_id: str) -> tuple[Section | None, int]:
    try:
        return plan.locate(section_id)
    except KeyError:
        raise EditError(f"章节不存在：{section_id}") from None


@dataclass
class MoveSection(Edit):
    """Move a section to index under new_parent_id; index counts the new
    siblings after the section has been taken out of its old place."""
    section_id: str
    new_parent_id: str | None
    index: int

    def apply(self, plan: Plan) -> Edit:
        section = _section(plan, self.section_id)
        if self.new_parent_id is not None:
            if any(s.id == self.new_parent_id for s in section.walk()):
                raise EditError("不能把章节移到它自己的下级")
        parent, old_index = _locate(plan, self.section_id)
        old_parent_id = parent.id if parent else None
        old_siblings = plan.sections if parent is None else parent.children
        new_siblings = plan.children_of(self.new_parent_id)
        limit = len(new_siblings) - (1 if new_siblings is old_siblings else 0)
        if not 0 <= self.index <= limit:
            raise EditError(f"位置超出范围：{self.index}")
        old_siblings.pop(old_index)
        new_siblings.insert(self.index, section)
        return MoveSection(self.section_id, old_parent_id, old_index)

    def touched(self, plan: Plan) -> Touched:
        parent, _ = _locate(plan, self.section_id)
        return Touched(children_of={parent.id if parent else None, self.new_parent_id},
                       sections={self.section_id})


def _activity(plan: Plan, activity_id: str) -> Activity:
    activity = plan.find_activity(activity_id)
    if activity is None:
        raise EditError(f"活动不存在：{activity_id}")
    return activity


def _clean_activity(activity: Activity) -> Activity:
    activity.text = clean_text(activity.text)
    activity.owner = clean_text(activity.owner, single_line=True)
    activity.note = clean_text(activity.note)
    activity.outcome = clean_text(activity.outcome)
    activity.done_on = _done_on(activity.done_on)
    activity.months = list(activity.months)
    return activity


def _done_on(value: str | None) -> str:
    """The 完成时间 normalized (core.progress); a bad one is an EditError."""
    from .progress import DoneOnError, normalize_done_on
    try:
        return normalize_done_on(value or "")
    except DoneOnError as exc:
        raise EditError(str(exc)) from None


@dataclass
class InsertActivity(Edit):
    index: int
    activity: Activity

    def __post_init__(self) -> None:
        self.activity = _clean_activity(replace(self.activity))

    def apply(self, plan: Plan) -> Edit:
        if not 0 <= self.index <= len(plan.schedule):
            raise EditError(f"位置超出范围：{self.index}")
        if plan.find_activity(self.activity.id) is not None:
            raise EditError(f"活动 id 已存在：{self.activity.id}")
        plan.schedule.insert(self.index, replace(self.activity, months=list(self.activity.months)))
        return RemoveActivity(self.activity.id)

    def touched(self, plan: Plan) -> Touched:
        return Touched(activities={self.activity.id}, schedule_order=True)


@dataclass
class RemoveActivity(Edit):
    activity_id: str

    def apply(self, plan: Plan) -> Edit:
        index = _activity_index(plan, self.activity_id)
        activity = plan.schedule.pop(index)
        return InsertActivity(index, activity)

    def touched(self, plan: Plan) -> Touched:
        return Touched(deleted_activities={self.activity_id}, schedule_order=True)


def _activity_index(plan: Plan, activity_id: str) -> int:
    try:
        return plan.activity_index(activity_id)
    except KeyError:
        raise EditError(f"活动不存在：{activity_id}") from None


@dataclass
class UpdateActivity(Edit):
    activity_id: str
    changes: dict[str, Any]

    def __post_init__(self) -> None:
        unknown = set(self.changes) - set(ACTIVITY_FIELDS)
        if unknown:
            raise EditError(f"未知的活动字段：{'、'.join(sorted(unknown))}")
        self.changes = {k: (list(v) if k == "months" else _done_on(v) if k == "done_on"
                            else _clean_value(k, v))
                        for k, v in self.changes.items()}

    def apply(self, plan: Plan) -> Edit:
        activity = _activity(plan, self.activity_id)
        old = {k: copy.copy(getattr(activity, k)) for k in self.changes}
        for key, value in self.changes.items():
            setattr(activity, key, list(value) if key == "months" else value)
        return UpdateActivity(self.activity_id, old)

    def touched(self, plan: Plan) -> Touched:
        return Touched(activities={self.activity_id})


@dataclass
class MoveActivity(Edit):
    """Move an activity to index in the schedule (counted after taking it out)."""
    activity_id: str
    index: int

    def apply(self, plan: Plan) -> Edit:
        old_index = _activity_index(plan, self.activity_id)
        if not 0 <= self.index < len(plan.schedule):
            raise EditError(f"位置超出范围：{self.index}")
        activity = plan.schedule.pop(old_index)
        plan.schedule.insert(self.index, activity)
        return MoveActivity(self.activity_id, old_index)

    def touched(self, plan: Plan) -> Touched:
        return Touched(schedule_order=True, activities={self.activity_id})


@dataclass
class Batch(Edit):
    """Several edits as one step (replace all, accept rollover, period change)."""
    edits: Sequence[Edit] = field(default_factory=list)

    def apply(self, plan: Plan) -> Edit:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(plan))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(plan)
            raise
        return Batch(list(reversed(inverses)))

    def touched(self, plan: Plan) -> Touched:
        raise EditError("批量编辑的影响范围在应用时才能算出（请用 apply_edit()）")

    def primitives(self) -> list[Edit]:
        return [p for e in self.edits for p in e.primitives()]


def apply_edit(plan: Plan, edit: Edit) -> tuple[Edit, Touched]:
    """Apply an edit (a Batch one primitive at a time) and return its inverse
    and everything it touched, as the store needs it."""
    touched = Touched()
    inverses: list[Edit] = []
    try:
        for primitive in edit.primitives():
            keys = primitive.touched(plan)
            inverses.append(primitive.apply(plan))
            touched |= keys
    except Exception:
        for inverse in reversed(inverses):
            inverse.apply(plan)
        raise
    inverse = inverses[0] if len(inverses) == 1 and not isinstance(edit, Batch) else Batch(list(reversed(inverses)))
    return inverse, touched


# --- builders for common compound edits -------------------------------------

def remove_section_edit(plan: Plan, section_id: str) -> Edit:
    """Remove a section and untie the activities that carry it out."""
    ids = {s.id for s in _section(plan, section_id).walk()}
    untie = [UpdateActivity(a.id, {"section": None}) for a in plan.schedule if a.section in ids]
    return Batch(untie + [RemoveSection(section_id)])


def new_section(plan: Plan, heading: str = "", body: list[str] | None = None) -> Section:
    return Section(plan.new_section_id(), heading, list(body or []), [])


def indent_edit(plan: Plan, section_id: str) -> Edit | None:
    """Make a section the last child of the sibling above it (Tab)."""
    parent, index = _locate(plan, section_id)
    if index == 0:
        return None
    siblings = plan.sections if parent is None else parent.children
    new_parent = siblings[index - 1]
    return MoveSection(section_id, new_parent.id, len(new_parent.children))


def outdent_edit(plan: Plan, section_id: str) -> Edit | None:
    """Make a section the next sibling of its parent (Shift+Tab)."""
    parent, _ = _locate(plan, section_id)
    if parent is None:
        return None
    grandparent, parent_index = _locate(plan, parent.id)
    return MoveSection(section_id, grandparent.id if grandparent else None, parent_index + 1)


def move_by_edit(plan: Plan, section_id: str, delta: int) -> Edit | None:
    """Move a section up (-1) or down (+1) among its siblings."""
    parent, index = _locate(plan, section_id)
    siblings = plan.sections if parent is None else parent.children
    target = index + delta
    if not 0 <= target < len(siblings):
        return None
    return MoveSection(section_id, parent.id if parent else None, target)
