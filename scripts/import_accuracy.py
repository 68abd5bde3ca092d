#!/usr/bin/env python3
"""The text importer's accuracy on the seed plans in ../shared/seeds.

Each seed file holds several plans; tests/importers/expected/<seed>.json says
where each plan is (a line range) and what a careful reader finds in it: the
top-level headings and every month's activities. This prints, per plan,
headings found/expected and activities found/expected, and the totals, so a
change that lowers the accuracy is seen.

    python3 scripts/import_accuracy.py [--seeds DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "importers" / "expected"
SEEDS = REPO.parent / "shared" / "seeds"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


@dataclass
class Case:
    seed: str
    name: str
    lines: tuple[int, int]
    year: int
    headings: list[str]
    schedule: list[dict]
    extra: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.seed[:3]} {self.name}"

    def text(self, seeds: Path) -> str:
        lines = (seeds / self.seed).read_text(encoding="utf-8").split("\n")
        first, last = self.lines
        return "\n".join(lines[first - 1:last])


def load_cases(expected: Path = EXPECTED) -> list[Case]:
    cases = []
    for path in sorted(expected.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for plan in data["plans"]:
            known = {"name", "lines", "year", "headings", "schedule"}
            cases.append(Case(data["seed"], plan["name"], tuple(plan["lines"]), plan["year"],
                              plan["headings"], plan["schedule"],
                              {k: v for k, v in plan.items() if k not in known}))
    return cases


def text_matches(found: str, expected: str) -> bool:
    """Exact, or "start…" (only the start is checked: the source runs heading
    and body together), or "start…end" (a long text kept by its two ends)."""
    if expected.endswith("…"):
        return found.startswith(expected[:-1])
    if "…" in expected:
        head, tail = expected.split("…", 1)
        return found.startswith(head) and found.endswith(tail) and len(found) > len(head) + len(tail)
    return found == expected


heading_matches = text_matches


def schedule_matches(found: list[dict], expected: list[dict]) -> bool:
    return len(found) == len(expected) and all(
        f["months"] == e["months"] and len(f["items"]) == len(e["items"])
        and all(text_matches(a, b) for a, b in zip(f["items"], e["items"]))
        for f, e in zip(found, expected))


def found_schedule(plan) -> list[dict]:
    """The plan's activities as month groups in order (consecutive activities
    with the same months form one group)."""
    groups: list[dict] = []
    for activity in plan.schedule:
        if groups and groups[-1]["months"] == activity.months:
            groups[-1]["items"].append(activity.text)
        else:
            groups.append({"months": list(activity.months), "items": [activity.text]})
    return groups


@dataclass
class Score:
    case: Case
    headings_found: int
    headings_right: int
    activities_found: int
    activities_right: int
    period_right: bool = True
    problems: list[str] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        return (self.headings_right == len(self.case.headings) == self.headings_found
                and self.activities_right == self.activities_expected == self.activities_found
                and self.period_right and not self.problems)

    @property
    def activities_expected(self) -> int:
        return sum(len(g["items"]) for g in self.case.schedule)


def score(case: Case, seeds: Path = SEEDS) -> Score:
    from planner_gui.importers import import_text

    plan = import_text(case.text(seeds), year=case.year).plan
    headings = [s.heading for s in plan.sections]
    right = sum(1 for f, e in zip(headings, case.headings) if heading_matches(f, e))
    problems = [f"标题 {i + 1}: 得到 {f!r}，应为 {e!r}"
                for i, (f, e) in enumerate(zip(headings, case.headings)) if not heading_matches(f, e)]
    if len(headings) != len(case.headings):
        problems.append(f"一级标题 {len(headings)} 个，应为 {len(case.headings)} 个")
    # activities: right when in the right month group at the right place
    expected = [(tuple(g["months"]), text) for g in case.schedule for text in g["items"]]
    found = [(tuple(a.months), a.text) for a in plan.schedule]
    same = [f[0] == e[0] and text_matches(f[1], e[1]) for f, e in zip(found, expected)]
    act_right = sum(same)
    problems += [f"活动 {i + 1}: 得到 {f}，应为 {e}" for i, (f, e, ok) in enumerate(zip(found, expected, same)) if not ok]
    if len(found) != len(expected):
        problems.append(f"活动 {len(found)} 项，应为 {len(expected)} 项")
    period_right = True
    if "period" in case.extra and plan.meta.period.kind != case.extra["period"]:
        period_right = False
        problems.append(f"期间 {plan.meta.period.kind}，应为 {case.extra['period']}")
    if "closing_starts" in case.extra:
        if not plan.closing or not plan.closing[0].startswith(case.extra["closing_starts"]):
            problems.append(f"结束语应以“{case.extra['closing_starts']}”开头，得到 {plan.closing[:1]}")
    if "date" in case.extra and plan.meta.date != case.extra["date"]:
        problems.append(f"成文日期 {plan.meta.date}，应为 {case.extra['date']}")
    return Score(case, len(headings), right, len(found), act_right, period_right, problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every difference")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"seeds not found: {args.seeds}", file=sys.stderr)
        return 2
    rows = [score(case, args.seeds) for case in load_cases()]
    width = max(len(r.case.label) for r in rows)
    print(f"{'plan':<{width}}  headings right/expected (found)  activities right/expected (found)")
    totals = [0, 0, 0, 0]
    for r in rows:
        mark = "" if r.perfect else "  <--"
        print(f"{r.case.label:<{width}}  {r.headings_right:>3}/{len(r.case.headings):<3} ({r.headings_found:>3})"
              f"                 {r.activities_right:>3}/{r.activities_expected:<3} ({r.activities_found:>3}){mark}")
        if args.verbose:
            for problem in r.problems:
                print(f"    {problem}")
        totals[0] += r.headings_right
        totals[1] += len(r.case.headings)
        totals[2] += r.activities_right
        totals[3] += r.activities_expected
    perfect = sum(r.perfect for r in rows)
    print(f"{'TOTAL':<{width}}  {totals[0]:>3}/{totals[1]:<3}                       {totals[2]:>3}/{totals[3]:<3}")
    print(f"plans fully right: {perfect}/{len(rows)}; headings {100 * totals[0] / max(totals[1], 1):.1f}%, "
          f"activities {100 * totals[2] / max(totals[3], 1):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
