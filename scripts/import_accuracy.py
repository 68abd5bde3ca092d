#!/usr/bin/env python3
"""The text importer's accuracy on the seed plans in ../shared/seeds.

Each seed file holds several plans; tests/importers/expected/<seed>.json says
where each plan is (a line range) and what a careful reader finds in it: the
top-level headings and every month's activities. This prints, per plan,
headings found/expected and activities found/expected, and the totals, so a
change that lowers the accuracy is seen.

It also scores the generated corpus (tests/importers/plan_generator.py: plans
drawn from a grammar of the shapes real plans take, the answer known by
construction) in four forms — .txt, a one-paragraph-per-line Word file, a
Word file with the schedule as a table, a styled Word file with automatic
numbering — and prints, per form, the F1 of top-level headings, the F1 of
(month, activity) pairs, and the sections invented on plans without headings.

    python3 scripts/import_accuracy.py [--seeds DIR] [--verbose] [--generated N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "importers" / "expected"
SEEDS = next((p for p in (REPO.parent / "shared" / "seeds", REPO.parent.parent / "shared" / "seeds")
              if p.is_dir()), REPO.parent / "shared" / "seeds")

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


# --- the generated corpus ----------------------------------------------------------------

_TRAILING = "。；;，,.、 ：:"


def norm(text: str) -> str:
    """Compare texts without spaces and the punctuation at their end."""
    return "".join(text.split()).rstrip(_TRAILING)


@dataclass
class Counts:
    """True positives, found and expected, for F1."""
    right: int = 0
    found: int = 0
    expected: int = 0

    def add(self, found: list, expected: list) -> None:
        from collections import Counter

        common = Counter(found) & Counter(expected)
        self.right += sum(common.values())
        self.found += len(found)
        self.expected += len(expected)

    @property
    def f1(self) -> float:
        if not self.found and not self.expected:
            return 1.0
        precision = self.right / self.found if self.found else 0.0
        recall = self.right / self.expected if self.expected else 0.0
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass
class FormScore:
    headings: Counts = field(default_factory=Counts)
    pairs: Counts = field(default_factory=Counts)
    headless: int = 0
    invented: int = 0
    worst_invented: int = 0
    failures: int = 0
    misses: list = field(default_factory=list)


def plan_pairs(plan) -> list[tuple[tuple[int, ...], str]]:
    return [(tuple(sorted({int(m[5:7]) for m in a.months})), norm(a.text)) for a in plan.schedule]


def score_generated(gen, plan, result: FormScore) -> None:
    """Add one imported plan's counts against the generator's answer."""
    expected_headings = [norm(h) for h in gen.headings]
    found_headings = [norm(s.heading) for s in plan.sections]
    result.headings.add(found_headings, expected_headings)
    expected_pairs = [(tuple(sorted(m)), norm(t)) for m, t in gen.pairs]
    found = plan_pairs(plan)
    result.pairs.add(found, expected_pairs)
    if gen.headless:
        invented = sum(1 for _ in plan.walk())
        result.headless += 1
        result.invented += invented
        result.worst_invented = max(result.worst_invented, invented)
    if sorted(found) != sorted(expected_pairs) or sorted(found_headings) != sorted(expected_headings):
        result.misses.append(gen.seed)


def run_generated(count: int, first_seed: int = 1, forms=None, verbose: bool = False) -> dict[str, FormScore]:
    from planner_gui.importers import PlanImportError, import_bytes
    from tests.importers import plan_generator as gen_module

    scores: dict[str, FormScore] = {}
    for form in forms or gen_module.FORMS:
        result = scores.setdefault(form, FormScore())
        for seed in range(first_seed, first_seed + count):
            gen = gen_module.make_plan(seed)
            data, name = gen_module.render(gen, form)
            try:
                plan = import_bytes(data, name, year=gen.year).plan
            except PlanImportError as error:
                result.failures += 1
                result.headings.add([], [norm(h) for h in gen.headings])
                result.pairs.add([], [(tuple(sorted(m)), norm(t)) for m, t in gen.pairs])
                if verbose:
                    print(f"  {form} seed {seed}: {error}")
                continue
            score_generated(gen, plan, result)
    return scores


def print_generated(scores: dict[str, FormScore], count: int) -> None:
    print(f"generated corpus: {count} plans per form")
    print(f"{'form':<12} {'headings F1':>11} {'pairs F1':>9} {'invented/headless plan':>23} {'worst':>5} "
          f"{'failed':>6}  plans not fully right")
    for form, r in scores.items():
        invented = r.invented / r.headless if r.headless else 0.0
        print(f"{form:<12} {r.headings.f1:>11.3f} {r.pairs.f1:>9.3f} {invented:>23.2f} {r.worst_invented:>5} "
              f"{r.failures:>6}  {len(r.misses)}")


def run_pages(count: int, first_seed: int = 1) -> tuple[int, FormScore]:
    """Pages with several plans (篇一 …, banners): how many split into the right
    plans, and the headings/pairs of every plan imported from its part."""
    from planner_gui.importers import SeveralPlans, import_part, import_text, offer_choice
    from tests.importers import plan_generator as gen_module

    right = 0
    result = FormScore()
    for seed in range(first_seed, first_seed + count):
        page, plans = gen_module.make_page(seed)
        try:
            with offer_choice():
                import_text(page)
            parts = []
        except SeveralPlans as several:
            parts = several.parts
        if len(parts) == len(plans) and all(p.title == g.title for p, g in zip(parts, plans)):
            right += 1
            for part, gen in zip(parts, plans):
                score_generated(gen, import_part(part, year=gen.year).plan, result)
        else:
            result.misses.append(seed)
    return right, result


def print_seeds(seeds: Path, verbose: bool) -> None:
    rows = [score(case, seeds) for case in load_cases()]
    width = max(len(r.case.label) for r in rows)
    print(f"{'plan':<{width}}  headings right/expected (found)  activities right/expected (found)")
    totals = [0, 0, 0, 0]
    for r in rows:
        mark = "" if r.perfect else "  <--"
        print(f"{r.case.label:<{width}}  {r.headings_right:>3}/{len(r.case.headings):<3} ({r.headings_found:>3})"
              f"                 {r.activities_right:>3}/{r.activities_expected:<3} ({r.activities_found:>3}){mark}")
        if verbose:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every difference")
    parser.add_argument("--generated", type=int, default=300, help="plans per form from the generator (0: none)")
    parser.add_argument("--seed", type=int, default=1, help="first generator seed")
    parser.add_argument("--form", action="append", help="only these forms (txt, plain_docx, table_docx, styled_docx)")
    args = parser.parse_args(argv)
    if args.seeds.is_dir():
        print_seeds(args.seeds, args.verbose)
    else:
        print(f"seeds not found: {args.seeds} (skipped)")
    if args.generated:
        scores = run_generated(args.generated, args.seed, args.form, args.verbose)
        print()
        print_generated(scores, args.generated)
        pages = max(args.generated // 6, 10)
        right, page_score = run_pages(pages, args.seed)
        print(f"pages with several plans: {right}/{pages} split into the right plans; their plans: headings F1 "
              f"{page_score.headings.f1:.3f}, pairs F1 {page_score.pairs.f1:.3f}")
        if args.verbose:
            for form, r in scores.items():
                print(f"  {form}: seeds not fully right: {r.misses[:40]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
