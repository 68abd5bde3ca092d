"""The plan as plain data: Meta, Period, Section tree, Activity.

The shape follows the interchange JSON (shared/plan-format.md); numbering is
never stored, it is computed from a section's position (core.numbering).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any
from collections.abc import Iterator

from .period import Period


@dataclass
class Meta:
    title: str = ""
    organization: str = ""
    year: int = 2025
    period: Period = field(default_factory=lambda: Period.for_kind("calendar_year", 2025))
    signature: str = ""
    date: str | None = None  # 成文日期, ISO YYYY-MM-DD, None while unset
    #: What the document is: "plan" (工作计划) or "summary" (年度工作总结, made
    #: by core.summary from a plan). Kept in the file and in interchange meta.
    kind: str = "plan"


#: The document kinds Meta.kind may hold.
DOCUMENT_KINDS = ("plan", "summary")
#: The fields of Meta as named in the interchange "meta" object and in the
#: plan file's meta rows, in the order written: the one list of them (the
#: interchange reader, SetMeta and the store all use it).
META_KEYS = ("title", "organization", "year", "period", "signature", "date")
#: Meta keys written only when they differ from the default (plan_to_dict).
OPTIONAL_META_KEYS = ("kind",)


@dataclass
class Section:
    id: str
    heading: str = ""
    body: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section and all below it, depth first, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Activity:
    id: str
    months: list[str] = field(default_factory=list)  # YYYY-MM, in order; [] = 全年
    text: str = ""
    owner: str = ""
    note: str = ""
    section: str | None = None
    done: bool = False
    #: When it actually took place ("YYYY-MM" or "YYYY-MM-DD", "" = not
    #: recorded); may differ from the planned months.
    done_on: str = ""
    #: 完成情况: a short account of what happened (participants, result, a figure).
    outcome: str = ""


#: Export and display options kept with the plan; only non-default values
#: are written to the interchange JSON (as the optional "options" key).
DEFAULT_OPTIONS: dict[str, object] = {
    "font_profile": "standard",      # "standard" | "windows"
    "level3_style": "dot",           # "dot" -> 1.  | "comma" -> 1、
    "date_style": "arabic",          # "arabic" -> 2025年2月28日 | "chinese" -> 二〇二五年二月二十八日
    "bold_headings": False,          # bold level-2/3 headings (a local custom)
    "hide_empty_columns": True,      # leave out empty 负责人/备注 columns in the table
    "completion_appendix": True,     # a summary's export ends with 附件 全年活动完成情况
}


@dataclass
class Plan:
    meta: Meta = field(default_factory=Meta)
    preamble: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    schedule: list[Activity] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    options: dict[str, object] = field(default_factory=dict)

    # --- lookups -----------------------------------------------------------
    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in reading order."""
        for top in self.sections:
            yield from top.walk()

    def find_section(self, section_id: str) -> Section | None:
        path = self._section_path(section_id)
        return self._follow(path) if path is not None else None

    def locate(self, section_id: str) -> tuple[Section | None, int]:
        """(parent or None for top level, index among its siblings)."""
        path = self._section_path(section_id)
        if path is None:
            raise KeyError(section_id)
        return (self._follow(path[:-1]) if len(path) > 1 else None), path[-1]

    def children_of(self, parent_id: str | None) -> list[Section]:
        if parent_id is None:
            return self.sections
        parent = self.find_section(parent_id)
        if parent is None:
            raise KeyError(parent_id)
        return parent.children

    def path_of(self, section_id: str) -> list[int]:
        """Zero-based index path from the top, e.g. [0, 2] for （三） under 一、."""
        path = self._section_path(section_id)
        if path is None:
            raise KeyError(section_id)
        return list(path)

    def _follow(self, path: tuple[int, ...]) -> Section | None:
        items, section = self.sections, None
        for index in path:
            if index >= len(items):
                return None
            section = items[index]
            items = section.children
        return section

    def _section_path(self, section_id: str) -> tuple[int, ...] | None:
        """Where a section is in the tree, or None.

        Item models ask for sections by id for every row they show, and a walk
        per question made a 300-section outline quadratic. The id -> index
        path map is kept outside the dataclass fields (not compared, not
        serialized); a hit counts only when following the path from the top
        leads to a section with that id, so a tree changed in place by edits
        (or by any caller) is never misread: a stale or missing entry
        rebuilds the map. Ids are unique (the interchange JSON and
        InsertSection refuse repeats); on a repeat the first in reading
        order wins, as in a walk.
        """
        paths: dict[str, tuple[int, ...]] | None = self.__dict__.get("_section_paths")
        if paths is not None:
            path = paths.get(section_id)
            if path is not None:
                found = self._follow(path)
                if found is not None and found.id == section_id:
                    return path
        paths = {}

        def visit(items: list[Section], prefix: tuple[int, ...]) -> None:
            for index, section in enumerate(items):
                path = prefix + (index,)
                paths.setdefault(section.id, path)
                visit(section.children, path)

        visit(self.sections, ())
        self.__dict__["_section_paths"] = paths
        return paths.get(section_id)

    def find_activity(self, activity_id: str) -> Activity | None:
        index = self._activity_position(activity_id)
        return self.schedule[index] if index is not None else None

    def activity_index(self, activity_id: str) -> int:
        index = self._activity_position(activity_id)
        if index is None:
            raise KeyError(activity_id)
        return index

    def _activity_position(self, activity_id: str) -> int | None:
        """Where an activity is in the schedule, or None.

        Models ask this for every cell they paint, so a linear scan made a
        1,000-activity month table quadratic. The id -> position map is kept
        outside the dataclass fields (not compared, not serialized) and every
        hit is checked against the list, because edits and callers change
        `schedule` in place; a stale or missing entry rebuilds the map. Ids
        are unique (the interchange JSON and InsertActivity refuse repeats).
        """
        schedule = self.schedule
        positions: dict[str, int] | None = self.__dict__.get("_positions")
        if positions is not None:
            index = positions.get(activity_id)
            if index is not None and index < len(schedule) and schedule[index].id == activity_id:
                return index
        positions = {}
        for index, activity in enumerate(schedule):
            positions.setdefault(activity.id, index)
        self.__dict__["_positions"] = positions
        return positions.get(activity_id)

    def option(self, name: str) -> Any:
        return self.options.get(name, DEFAULT_OPTIONS.get(name))

    # --- ids ---------------------------------------------------------------
    def new_section_id(self) -> str:
        return _next_id("s", (s.id for s in self.walk()))

    def new_activity_id(self) -> str:
        return _next_id("a", (a.id for a in self.schedule))


def _next_id(prefix: str, existing: Iterator[str]) -> str:
    """A fresh id like s12: one past the largest numeric id with that prefix."""
    taken = set(existing)
    highest = 0
    for ident in taken:
        head = ident[len(prefix):].split(".")[0]
        if ident.startswith(prefix) and head.isdigit():
            highest = max(highest, int(head))
    for n in itertools.count(highest + 1):
        candidate = f"{prefix}{n}"
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")
