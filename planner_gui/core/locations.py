"""Every piece of text in a plan, each with a stable place.

Find/replace, the placeholder check and rollover all walk the same list, and
a place can be turned back into the edit that rewrites its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterator

from .edits import Edit, SetBody, SetHeading, SetMeta, SetParagraphs, UpdateActivity
from .plan import Plan, Section


@dataclass(frozen=True)
class Location:
    kind: str            # "meta" | "preamble" | "closing" | "section" | "activity"
    field: str           # meta field, "heading"/"body", activity field, or "text"
    id: str | None = None
    index: int | None = None  # paragraph index where the field is a list

    def describe(self, plan: Plan) -> str:
        """A short Chinese description of the place for lists the user reads."""
        from .numbering import number_for_path
        names = {"title": "标题", "organization": "单位", "signature": "落款", "date": "成文日期"}
        if self.kind == "meta":
            return f"计划属性·{names.get(self.field, self.field)}"
        if self.kind in ("preamble", "closing"):
            return f"{'开头' if self.kind == 'preamble' else '结尾'}第{(self.index or 0) + 1}段"
        if self.kind == "section":
            section = plan.find_section(self.id) if self.id is not None else None
            if section is None:
                return "（已删除的章节）"
            label = number_for_path(plan.path_of(section.id), plan.option("level3_style")) + section.heading
            return label if self.field == "heading" else f"{label} 第{(self.index or 0) + 1}段"
        fields = {"text": "工作内容", "owner": "负责人", "note": "备注", "outcome": "完成情况"}
        return f"月份安排·{fields.get(self.field, self.field)}"


TEXT_META_FIELDS = ("title", "organization", "signature")
TEXT_ACTIVITY_FIELDS = ("text", "owner", "note", "outcome")


def iter_texts(plan: Plan) -> Iterator[tuple[Location, str]]:
    """All user text in reading order: properties, preamble, sections, schedule, closing."""
    for name in TEXT_META_FIELDS:
        yield Location("meta", name), getattr(plan.meta, name)
    for i, text in enumerate(plan.preamble):
        yield Location("preamble", "text", None, i), text
    for section in plan.walk():
        yield Location("section", "heading", section.id), section.heading
        for i, text in enumerate(section.body):
            yield Location("section", "body", section.id, i), text
    for activity in plan.schedule:
        for name in TEXT_ACTIVITY_FIELDS:
            yield Location("activity", name, activity.id), getattr(activity, name)
    for i, text in enumerate(plan.closing):
        yield Location("closing", "text", None, i), text


def text_at(plan: Plan, loc: Location) -> str:
    text: str
    if loc.kind == "meta":
        text = getattr(plan.meta, loc.field)
    elif loc.kind in ("preamble", "closing"):
        text = getattr(plan, loc.kind)[loc.index]
    elif loc.kind == "section":
        section = _section_of(plan, loc)
        text = section.heading if loc.field == "heading" else section.body[_index(loc)]
    else:
        text = getattr(plan.find_activity(_required(loc.id)), loc.field)
    return text


def set_texts_edits(plan: Plan, changes: dict[Location, str]) -> list[Edit]:
    """Edits that write new text at many places; paragraphs of one list are
    grouped into one edit so indexes stay valid."""
    meta: dict[str, str] = {}
    lists: dict[tuple[str, str | None], list[str]] = {}
    headings: dict[str, str] = {}
    activities: dict[str, dict[str, str]] = {}
    for loc, text in changes.items():
        if loc.kind == "meta":
            meta[loc.field] = text
        elif loc.kind in ("preamble", "closing") or loc.field == "body":
            key = (loc.kind, loc.id)
            if key not in lists:
                lists[key] = (list(getattr(plan, loc.kind)) if loc.kind != "section"
                              else list(_section_of(plan, loc).body))
            lists[key][_index(loc)] = text
        elif loc.kind == "section":
            headings[_required(loc.id)] = text
        else:
            activities.setdefault(_required(loc.id), {})[loc.field] = text
    edits: list[Edit] = []
    if meta:
        edits.append(SetMeta(meta))
    for (kind, ident), paragraphs in lists.items():
        edits.append(SetParagraphs(kind, paragraphs) if kind != "section"
                     else SetBody(_required(ident), paragraphs))
    edits.extend(SetHeading(i, t) for i, t in headings.items())
    edits.extend(UpdateActivity(i, c) for i, c in activities.items())
    return edits


def _required(ident: str | None) -> str:
    """A section or activity location always carries its id."""
    if ident is None:
        raise ValueError("a section or activity location needs an id")
    return ident


def _index(loc: Location) -> int:
    """A paragraph location always carries its index."""
    if loc.index is None:
        raise ValueError("a paragraph location needs an index")
    return loc.index


def _section_of(plan: Plan, loc: Location) -> Section:
    section = plan.find_section(_required(loc.id))
    if section is None:
        raise KeyError(loc.id)
    return section
