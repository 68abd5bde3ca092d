"""What every importer shares: the error, the blocks they read, the report."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.locations import Location, iter_texts
from ..core.plan import Plan


class PlanImportError(Exception):
    """The input cannot be imported; str() is a sentence for the user, in Chinese.

    Raised before anything is created, so there is never a half-made plan.
    """


@dataclass
class Table:
    """A table as a grid of cell texts, merged cells already filled in.

    `rows[r][c]` is the text of the cell covering grid column c of row r (a
    vertically merged cell repeats its text, flagged in `continued`), each
    cell's paragraphs joined with newlines.
    """
    rows: list[list[str]]
    continued: list[list[bool]] = field(default_factory=list)

    def is_continued(self, r: int, c: int) -> bool:
        return bool(self.continued) and r < len(self.continued) and c < len(self.continued[r]) \
            and self.continued[r][c]


@dataclass
class Block:
    """One paragraph (or table) of the source, in reading order.

    Plain text gives only `text`; Word adds what it knows: the automatic
    number Word would show (`label`), the outline level (0 = top), whether it
    looks like a title, and how many leading characters are bold (a run-in
    heading such as "一、加强学习。" followed by ordinary text).
    """
    text: str = ""
    label: str = ""
    outline: float | None = None
    title_hint: bool = False
    bold_prefix: int = 0
    table: Table | None = None
    numbered: int = 0          # the text starts with Word's automatic number, this many characters


@dataclass
class ReportItem:
    kind: str                       # "guess" | "unplaced" | "note"
    message: str                    # a sentence for the user
    text: str = ""                  # an excerpt of the text concerned
    location: Location | None = None

    def line(self) -> str:
        label = {"guess": "推测", "unplaced": "未归类", "note": "说明"}.get(self.kind, self.kind)
        excerpt = f"：“{self.text}”" if self.text else ""
        return f"[{label}] {self.message}{excerpt}"


@dataclass
class ImportReport:
    items: list[ReportItem] = field(default_factory=list)
    source: str = ""                # "文本" / "Word 文档" / "旧版 Word 文档（已转换）"

    def add(self, kind: str, message: str, text: str = "") -> None:
        self.items.append(ReportItem(kind, message, excerpt(text)))

    @property
    def guesses(self) -> list[ReportItem]:
        return [i for i in self.items if i.kind == "guess"]

    @property
    def unplaced(self) -> list[ReportItem]:
        return [i for i in self.items if i.kind == "unplaced"]

    def lines(self) -> list[str]:
        return [item.line() for item in self.items]

    def locate(self, plan: Plan) -> None:
        """Point each item at the first place in the plan holding its excerpt,
        so the GUI can jump there."""
        places = list(iter_texts(plan))
        for item in self.items:
            if item.location is not None or not item.text:
                continue
            needle = item.text.rstrip("…")
            for loc, text in places:
                if needle and needle in text:
                    item.location = loc
                    break


@dataclass
class ImportResult:
    plan: Plan
    report: ImportReport

    def summary(self) -> str:
        """One sentence: what was found."""
        plan = self.plan
        sections = sum(1 for _ in plan.walk())
        top = len(plan.sections)
        text = f"已导入：{top} 个一级标题（共 {sections} 个标题），{len(plan.schedule)} 项月份安排"
        guesses, unplaced = len(self.report.guesses), len(self.report.unplaced)
        if guesses or unplaced:
            text += f"；{guesses} 处推测、{unplaced} 处未归类，请核对"
        return text + "。"


def excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
