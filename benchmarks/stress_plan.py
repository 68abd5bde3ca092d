"""A stress plan: far larger than any real union plan, for the benchmarks.

    stress_plan() -> Plan     300 sections in 4 levels, 30,000 characters of
                              text, 1,000 activities over a school year
    write_stress_plan(path)   the same plan as a .ghjh plan file

The plan is the same on every call (a seeded generator), so figures from
different runs compare. "Text" means what a reader reads in the body of the
document: the opening and closing paragraphs, every heading and every body
paragraph (the title, signature and the month table are not counted;
text_length() says exactly what is). All words are our own.

Usable from the tests (tests/benchmarks) and as a script:
    python3 benchmarks/stress_plan.py OUT.ghjh
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner_gui.core.period import Period, add_months
from planner_gui.core.plan import Activity, Meta, Plan, Section

SECTIONS = 300
LEVELS = 4
TEXT_CHARS = 30_000
ACTIVITIES = 1_000
YEAR = 2025
SEED = 20250901

#: Sections per level: 6 top-level, 5 under each, 3 under each of those, the
#: remaining 174 spread over the 90 third-level sections (2 or 1 each).
_LEVEL_COUNTS = (6, 30, 90, 174)

_TOPICS = ("思想政治引领", "民主管理", "教职工权益维护", "师德师风建设", "教师专业成长",
           "文体活动", "困难帮扶", "女工工作", "职工之家建设", "工会组织建设", "离退休教职工服务",
           "安全生产监督", "劳动竞赛", "青年教师培养", "校务公开", "财务管理", "宣传工作",
           "心理健康关爱", "健康体检", "节日慰问")
_ACTIONS = ("扎实推进", "持续深化", "认真做好", "着力加强", "统筹安排", "切实抓好", "稳步开展",
            "不断完善", "精心组织", "积极探索")
_TAILS = ("工作", "制度建设", "长效机制", "专项行动", "品牌项目", "基础工作", "服务体系",
          "阵地建设", "队伍建设", "考核评价")

_OPENERS = ("本学年", "围绕学校中心工作", "按照上级工会部署", "结合本校实际", "在学校党组织领导下",
            "坚持以教职工为中心", "对照年初目标", "针对教职工反映集中的问题")
_MIDDLES = ("分管委员牵头制定方案", "各分会小组长负责组织落实", "每月召开一次碰头会交流进度",
            "广泛听取一线教职工的意见建议", "把任务分解到每个责任人", "建立工作台账逐项销号",
            "主动与学校行政沟通协调", "经费使用做到公开透明", "活动安排尽量不占用教学时间",
            "注意照顾年长和身体不适的教职工", "及时总结经验并做好资料归档", "定期向教代会报告落实情况")
_ENDS = ("确保各项工作落到实处", "让教职工切实感受到工会的温暖", "努力提升服务的针对性和实效性",
         "推动工作再上新台阶", "不断增强工会组织的凝聚力", "为学校发展凝聚合力")

_ACTIVITY_VERBS = ("召开", "组织", "开展", "举办", "走访", "慰问", "推荐", "评选", "检查", "筹备")
_ACTIVITY_OBJECTS = ("工会委员会议", "教职工趣味运动会", "青年教师读书沙龙", "困难教职工家访",
                     "退休教师座谈会", "三八妇女节系列活动", "教代会提案征集", "职工之家开放日",
                     "师德标兵评选", "教职工健康讲座", "心理减压团体辅导", "新教师入职关怀活动",
                     "工会经费审查", "暑期疗休养", "羽毛球比赛", "合唱排练", "书画摄影展",
                     "优秀工会积极分子推荐")
_OWNERS = ("工会主席", "工会委员会", "女工委员", "宣传委员", "文体委员", "组织委员", "经审委员",
           "各分会", "生活委员", "")
_NOTES = ("", "", "", "视天气调整", "与学校行政协商", "经费另行申请", "资料及时归档", "全体会员参加")


def _heading(rng: random.Random, depth: int) -> str:
    topic = rng.choice(_TOPICS)
    if depth == 1:
        return f"{rng.choice(_ACTIONS)}{topic}"
    if depth == 2:
        return f"{rng.choice(_ACTIONS)}{topic}{rng.choice(_TAILS)}"
    return f"{topic}{rng.choice(_TAILS)}"


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_OPENERS)}，{rng.choice(_MIDDLES)}，{rng.choice(_ENDS)}。"


def _paragraph(rng: random.Random, length: int) -> str:
    """Sentences until at least `length` characters, cut at `length`
    (the last character kept a full stop so the text still reads as prose)."""
    text = ""
    while len(text) < length:
        text += _sentence(rng)
    text = text[:length]
    return text[:-1] + "。" if length > 1 else text


def _tree(rng: random.Random) -> list[Section]:
    """The section tree with its headings; bodies are filled in afterwards."""
    counter = iter(range(1, SECTIONS + 1))

    def make(depth: int) -> Section:
        return Section(f"s{next(counter)}", _heading(rng, depth), [], [])

    tops = [make(1) for _ in range(_LEVEL_COUNTS[0])]
    seconds = []
    for top in tops:
        top.children = [make(2) for _ in range(_LEVEL_COUNTS[1] // _LEVEL_COUNTS[0])]
        seconds.extend(top.children)
    thirds = []
    for second in seconds:
        second.children = [make(3) for _ in range(_LEVEL_COUNTS[2] // _LEVEL_COUNTS[1])]
        thirds.extend(second.children)
    fourth_total = _LEVEL_COUNTS[3]
    for i, third in enumerate(thirds):
        share = fourth_total // len(thirds) + (1 if i < fourth_total % len(thirds) else 0)
        third.children = [make(4) for _ in range(share)]
    return tops


def _all(sections: list[Section]) -> list[Section]:
    return [s for top in sections for s in top.walk()]


def text_length(plan: Plan) -> int:
    """Characters of the document's text: preamble, headings, bodies, closing."""
    total = sum(len(p) for p in plan.preamble) + sum(len(p) for p in plan.closing)
    for section in plan.walk():
        total += len(section.heading) + sum(len(p) for p in section.body)
    return total


def depth_counts(plan: Plan) -> list[int]:
    """Number of sections at depth 1, 2, … (the deepest level last)."""
    counts: list[int] = []

    def visit(items, depth):
        for section in items:
            if len(counts) < depth:
                counts.append(0)
            counts[depth - 1] += 1
            visit(section.children, depth + 1)

    visit(plan.sections, 1)
    return counts


def _activities(rng: random.Random, period: Period, section_ids: list[str]) -> list[Activity]:
    months = period.months()
    result = []
    for n in range(1, ACTIVITIES + 1):
        roll = rng.random()
        if roll < 0.08:
            span: list[str] = []                      # 全年
        elif roll < 0.28:
            first = rng.randrange(len(months) - 1)
            span = [months[first], add_months(months[first], 1)]
        else:
            span = [rng.choice(months)]
        text = f"{rng.choice(_ACTIVITY_VERBS)}{rng.choice(_ACTIVITY_OBJECTS)}"
        if rng.random() < 0.4:
            text += f"，{rng.choice(_MIDDLES)}"
        section = rng.choice(section_ids) if rng.random() < 0.8 else None
        result.append(Activity(f"a{n}", span, text, rng.choice(_OWNERS), rng.choice(_NOTES),
                               section, False))
    # a month table reads in calendar order, 全年 first
    result.sort(key=lambda a: (a.months[:1] or [""])[0])
    return result


def stress_plan() -> Plan:
    """300 sections in 4 levels, exactly 30,000 characters of text, 1,000
    activities over the 2025—2026 school year. The same plan on every call."""
    rng = random.Random(SEED)
    period = Period.for_kind("school_year", YEAR)
    organization = "星河实验学校工会"
    plan = Plan(
        meta=Meta(title=f"{organization}{YEAR}—{YEAR + 1}学年度工作计划", organization=organization,
                  year=YEAR, period=period, signature="星河实验学校工会委员会",
                  date=f"{YEAR}-09-05"),
        preamble=[_paragraph(rng, 180), _paragraph(rng, 140)],
        sections=_tree(rng),
        closing=[_paragraph(rng, 120)],
    )
    sections = _all(plan.sections)
    budget = TEXT_CHARS - text_length(plan)        # what the bodies must hold
    # Bodies: one or two paragraphs per section, lengths varying around the
    # mean; the last paragraph absorbs the rounding so the total is exact.
    weights = [rng.uniform(0.5, 1.5) for _ in sections]
    scale = budget / sum(weights)
    remaining = budget
    for i, (section, weight) in enumerate(zip(sections, weights)):
        share = remaining if i == len(sections) - 1 else max(int(weight * scale), 2)
        remaining -= share
        if share >= 120 and rng.random() < 0.6:
            first = share // 2
            section.body = [_paragraph(rng, first), _paragraph(rng, share - first)]
        else:
            section.body = [_paragraph(rng, share)]
    plan.schedule = _activities(rng, period, [s.id for s in sections])
    return plan


def write_stress_plan(path, plan: Plan | None = None) -> Path:
    """The stress plan as a plan file at `path` (replaced when it exists)."""
    from planner_gui.store import PlanFile

    path = Path(path)
    PlanFile.create(path, plan or stress_plan(), overwrite=True).close()
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python3 benchmarks/stress_plan.py OUT.ghjh", file=sys.stderr)
        return 2
    plan = stress_plan()
    path = write_stress_plan(argv[0], plan)
    print(f"{path}: {sum(depth_counts(plan))} sections {depth_counts(plan)}, "
          f"{text_length(plan)} characters, {len(plan.schedule)} activities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
