"""Import: last year's 20-page Word plan to a plan file, against python-docx
merely opening the same file and reading every paragraph. In process, after
one warm-up of each, the median of several runs taking turns. Target: ≤ 3×.

The Word file is made here with python-docx, in the official-document look
(A4, 仿宋 三号 on a 28.95 pt line, 22 lines a page): a centred title, the
opening, headings with typed numbers (一、 （一） 1.), their paragraphs, and
a month-by-month section of lines such as "九月：……". All words are our own.

    python3 benchmarks/bench_import.py [--runs N] [--json OUT]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Result, alternate, main_for, median, workdir

#: About 20 pages (22 lines of 28 characters a page, headings and short last
#: lines leave room): checked once with LibreOffice, which made 20 pages.
TARGET_CHARS = 20 * 22 * 28 * 72 // 100

_MONTHS = ("九月", "十月", "十一月", "十二月", "次年元月", "二月", "三月", "四月", "五月", "六月", "七月",
           "八月")


def _number(level: int, n: int) -> str:
    from planner_gui.core.numbering import chinese_number

    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    return f"{n}."


def make_last_years_plan(path: Path, seed: int = 2024, styled: bool = False) -> dict:
    """Write the ~20-page .docx; returns {"paragraphs", "chars"}.

    styled: the way Word/WPS users write it — heading styles, and every number
    is Word's automatic numbering (numbering.xml: 一、 and （一） counted in
    Chinese, 1. under each month restarting), none typed."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    from benchmarks import stress_plan as words

    rng = random.Random(seed)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "仿宋_GB2312", Pt(16)
    normal.paragraph_format.line_spacing = Pt(28.95)
    normal.paragraph_format.first_line_indent = Pt(32)
    normal.paragraph_format.space_after = Pt(0)
    chars = 0

    lists = _StyledLists(document) if styled else None

    def add(text: str, center: bool = False, level: int = 0, number: int = 0):
        nonlocal chars
        if lists is not None and level:
            paragraph = lists.paragraph(text, level, number)
        else:
            paragraph = document.add_paragraph((_number(level, number) if level else "") + text)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.first_line_indent = Pt(0)
        chars += len(text)

    add("星河实验学校工会2024—2025学年度工作计划", center=True)
    add(words._paragraph(rng, 200))
    add(words._paragraph(rng, 160))
    top = 0
    while chars < TARGET_CHARS * 0.8:
        top += 1
        add(words._heading(rng, 1), level=1, number=top)
        for second in range(1, rng.randint(3, 5)):
            add(words._heading(rng, 2), level=2, number=second)
            add(words._paragraph(rng, rng.randint(90, 220)))
            for third in range(1, rng.randint(1, 4)):
                add(words._heading(rng, 3) + "。" + words._paragraph(rng, 70), level=3, number=third)
    top += 1
    add("具体月份工作安排", level=1, number=top)
    while chars < TARGET_CHARS:
        for month in _MONTHS:
            items = [f"{rng.choice(words._ACTIVITY_VERBS)}{rng.choice(words._ACTIVITY_OBJECTS)}"
                     for n in range(1, rng.randint(3, 5))]
            if lists is None:
                add(f"{month}：" + "；".join(f"{n}.{item}" for n, item in enumerate(items, 1)) + "。")
            else:
                add(f"{month}：")
                lists.restart_items()
                for item in items:
                    add(item + "。", level=4, number=1)
    add(words._paragraph(rng, 120))
    add("星河实验学校工会委员会")
    add("2024年9月6日")
    document.save(str(path))
    return {"paragraphs": len(document.paragraphs), "chars": chars}


class _StyledLists:
    """Word's automatic numbering for the styled variant: one list for the
    headings (Heading 1/2 and a third level), one w:num per month for the
    items so they restart at 1 as Word does."""

    def __init__(self, document):
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self.document = document
        self.parse, self.ns = parse_xml, nsdecls("w")
        numbering = document.part.numbering_part.element
        levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
        lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                       f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
        numbering.append(parse_xml(f'<w:abstractNum {self.ns} w:abstractNumId="90">{lvls}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:abstractNum {self.ns} w:abstractNumId="91"><w:lvl w:ilvl="0">'
                                   f'<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
                                   f'</w:lvl></w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {self.ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
        self.numbering = numbering
        self.item_num = 100

    def restart_items(self) -> None:
        self.item_num += 1
        self.numbering.append(self.parse(
            f'<w:num {self.ns} w:numId="{self.item_num}"><w:abstractNumId w:val="91"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))

    def paragraph(self, text: str, level: int, number: int):
        style = {1: "Heading 1", 2: "Heading 2"}.get(level)
        paragraph = self.document.add_paragraph(text, style=style)
        num_id, ilvl = (self.item_num, 0) if level == 4 else (90, level - 1)
        paragraph._p.get_or_add_pPr().append(self.parse(
            f'<w:numPr {self.ns}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        return paragraph


def import_to_plan_file(source: Path, target: Path) -> None:
    """Ours: the importer, then the plan file written as the 导入 command does."""
    from planner_gui.importers import import_file
    from planner_gui.store import PlanFile

    result = import_file(source)
    PlanFile.create(target, result.plan, overwrite=True).close()


def read_with_python_docx(source: Path) -> int:
    """The reference: open the file and read the text of every paragraph."""
    import docx

    return sum(len(p.text) for p in docx.Document(str(source)).paragraphs)


def _timed(function, *args):
    def measure():
        start = time.perf_counter()
        function(*args)
        return time.perf_counter() - start
    return measure


def run(runs: int = 7) -> list[Result]:
    return [_run_one(runs, styled=False), _run_one(runs, styled=True)]


def _run_one(runs: int, styled: bool) -> Result:
    with workdir("import") as folder:
        source = folder / "去年的计划.docx"
        made = make_last_years_plan(source, styled=styled)
        commands = {"ours": _timed(import_to_plan_file, source, folder / "imported.ghjh"),
                    "python-docx": _timed(read_with_python_docx, source)}
        for measure in commands.values():    # warm: imports, disk cache; not counted
            measure()
        times = alternate(runs, **commands)
        from planner_gui.store import PlanFile

        with PlanFile.open(folder / "imported.ghjh", read_only=True) as imported:
            plan = imported.load()
    sections = sum(1 for _ in plan.walk())
    name = ("Import a 20-page styled Word plan (automatic numbering) to a plan file" if styled
            else "Import a 20-page Word plan to a plan file")
    return Result(name, "ratio", median(times["ours"]), median(times["python-docx"]), 3.0,
                  reference_name="python-docx open + read",
                  note=f"in process, median of {runs} runs each, taking turns; "
                       f"{made['paragraphs']} paragraphs, {made['chars']} characters -> "
                       f"{sections} sections, {len(plan.schedule)} activities")


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__.splitlines()[0]))
