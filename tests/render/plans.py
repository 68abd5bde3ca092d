"""Plans for the render tests, written in our own words (no seed text)."""

from __future__ import annotations

import random

from planner_gui.core.period import Period
from planner_gui.core.plan import Activity, Meta, Plan, Section

_SUBJECTS = ["工会小组", "女工委员会", "经费审查委员会", "文体协会", "青年教职工", "退休教职工",
             "班组长", "工会委员", "职工代表", "新入职职工", "后勤班组", "宣传委员"]
_ACTIONS = ["组织开展", "认真落实", "定期检查", "及时总结", "广泛征集", "协调推进", "做好登记",
            "分批安排", "统一部署", "跟踪回访", "公开通报", "集中学习"]
_OBJECTS = ["技能比武活动", "健康体检工作", "困难帮扶台账", "合理化建议", "读书分享会",
            "安全生产培训", "送温暖走访", "文体比赛", "民主评议", "厂务公开事项", "劳动保护检查",
            "节日慰问品发放", "职工书屋建设", "心理健康讲座"]
_TAILS = ["，做到有计划、有检查、有总结", "，结果在全体会议上通报", "，所需经费按规定列支",
          "，每季度向工会委员会报告一次", "，参与人数力争达到 90% 以上", "，并把情况记入年度考核",
          "，确保在 2025 年底前完成", "；有关材料整理归档", "，接受职工监督"]


def _sentence(rng: random.Random) -> str:
    return (rng.choice(_SUBJECTS) + rng.choice(_ACTIONS) + rng.choice(_OBJECTS)
            + rng.choice(_TAILS) + "。")


def _paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(_sentence(rng) for _ in range(sentences))


def stress_plan(seed: int = 7, activities: int = 320) -> Plan:
    """About 30 printed pages: many sections, long paragraphs, a long month table."""
    rng = random.Random(seed)
    period = Period.for_kind("calendar_year", 2025)
    meta = Meta(title="东方机床厂工会2025年度工作计划", organization="东方机床厂工会",
                year=2025, period=period, signature="东方机床厂工会委员会", date="2025-01-20")
    sections = []
    counter = 0

    def new_id() -> str:
        nonlocal counter
        counter += 1
        return f"s{counter}"

    for _top in range(7):
        children = []
        for _child in range(rng.randint(2, 4)):
            grandchildren = [Section(new_id(), f"第{g + 1}项具体措施",
                                     [_paragraph(rng, rng.randint(1, 4))])
                             for g in range(rng.randint(0, 2))]
            children.append(Section(new_id(), rng.choice(_ACTIONS) + rng.choice(_OBJECTS),
                                    [_paragraph(rng, rng.randint(2, 7)) for _ in range(rng.randint(1, 3))],
                                    grandchildren))
        sections.append(Section(new_id(), rng.choice(_ACTIONS) + rng.choice(_OBJECTS) + "，提升工作水平",
                                [_paragraph(rng, rng.randint(2, 5))], children))
    sections.append(Section(new_id(), "具体月份工作安排", ["全年活动按月安排如下。"]))
    months = period.months()
    schedule = []
    for i in range(activities):
        start = rng.randrange(len(months))
        span = months[start:start + rng.choice([1, 1, 1, 2])]
        if rng.random() < 0.05:
            span = []
        text = rng.choice(_ACTIONS) + rng.choice(_OBJECTS) + ("，" + rng.choice(_OBJECTS)
                                                            if rng.random() < 0.4 else "")
        schedule.append(Activity(f"a{i + 1}", span, text, rng.choice(_SUBJECTS),
                                 rng.choice(["", "", "按季度", "全体参加", "另行通知"])))
    closing = [_paragraph(rng, 4), _paragraph(rng, 2)]
    preamble = [_paragraph(rng, 5), _paragraph(rng, 3)]
    return Plan(meta=meta, preamble=preamble, sections=sections, schedule=schedule, closing=closing)
