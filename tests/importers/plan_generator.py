"""A seeded generator of plan documents, with the right answer known by construction.

Real plans come in shapes the importer must read whatever file they sit in
(issue 13): month labels in every spelling (三月份 / 3月 / 【三月】 / 七、八月份 /
元月至二月 / 次年元月 / 第一季度 / 全年), item numbers of every kind (1、 1. 1．
1， (1) （1） ① or none), activities a narrow column broke across lines, a
label glued to the end of the previous line, owners written inside items,
months written inside items, plans with no 一、 level, plans whose top level
is （一）, pages converted to traditional characters.

`make_plan(rng)` draws one plan from that grammar as a `GenPlan`: the title,
the top-level headings and the (months, activity) pairs a careful reader
finds, plus a list of `Element`s (title, paragraph, heading, month label,
item …) that the renderers turn into the four forms the issue measures:

- `render_text`   plain text, as pasted or saved as .txt;
- `render_plain_docx`  a Word file, one paragraph per line of that text;
- `render_table_docx`  a Word file with the month schedule as a table
  (月份 | 工作内容 | 负责人, sometimes 备注 and 时间 too);
- `render_styled_docx` a Word file the way Word/WPS users write: heading
  styles, and the numbers are Word's automatic numbering (numbering.xml:
  chineseCounting 一、 and （一）, decimal 1、 restarting under each month,
  numbering reached through a style, unusual start values).

`make_page(rng)` puts several plans on one page the way 范文 sites do
(篇一, 【篇2】, 第三篇, with banners), for the multi-plan splitter.

Every phrase here is written for this generator.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FORMS = ("txt", "plain_docx", "table_docx", "styled_docx")

_CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    return "十" + _CN[n - 11]


# --- words ----------------------------------------------------------------------

_VERBS = ["组织", "开展", "举办", "召开", "筹备", "落实", "做好", "安排", "启动", "完成"]
_OBJECTS = [
    "教职工趣味运动会", "职工代表大会年度会议", "新春联谊活动", "困难职工走访慰问", "女职工健康知识讲座",
    "读书分享沙龙", "会员信息核对登记", "工会经费年度预算编制", "岗位技能比武", "退休职工座谈会",
    "青年职工交友联谊", "职工疗休养", "法律知识竞赛", "安全生产宣传周活动", "工会小组长业务培训",
    "文体兴趣小组招募", "职工心理健康辅导", "年度先进个人评选", "夏季防暑降温慰问", "冬季送温暖活动",
    "厂务公开栏更新", "劳动模范事迹宣讲", "职工子女暑期托管", "会员生日慰问", "合理化建议征集",
    "登山健步走活动", "书法摄影作品展", "拔河比赛", "工会账目自查", "新入职职工入会仪式",
]
_TAILS = ["", "", "，做好记录和宣传", "，形成简报上报", "，扩大职工参与面", "并及时总结经验", "，确保活动安全有序",
          "，邀请家属共同参加", "，评出优秀组织奖"]
_OWNERS = ["工会主席", "办公室", "女工委员", "文体委员", "组织委员", "经审委员会", "各工会小组", "宣传委员"]

_TOP_HEADINGS = ["指导思想", "工作目标", "加强组织建设", "推进民主管理", "维护职工权益", "丰富职工文化生活",
                 "关心职工身心健康", "加强自身建设", "做好女职工工作", "抓好宣传教育", "强化经费管理",
                 "深化劳动竞赛", "主要工作任务", "工作要求"]
_SCHEDULE_HEADINGS = ["具体工作安排", "月份工作安排", "工作行事历", "主要活动安排", "具体时间安排", "逐月工作安排"]
_UNNUMBERED_SCHEDULE = ["具体时间安排", "工作安排", "行事历", "活动安排", "月份工作安排如下："]
_SUB_HEADINGS = ["强化思想引领", "健全工作制度", "畅通诉求渠道", "办好暖心实事", "打造活动品牌", "提升服务能力",
                 "规范会议流程", "落实帮扶措施", "加强队伍培训"]
_SENTENCE_PARTS = [
    "围绕学校中心工作", "紧扣单位发展目标", "坚持以职工为本", "把服务会员放在首位", "结合本单位实际情况",
    "按照上级工会的部署", "充分发挥桥梁纽带作用", "不断提高工作的针对性", "努力营造和谐的工作氛围",
    "切实把好事办好、实事办实", "让每一位会员都能感受到组织的关怀", "推动各项工作再上新台阶",
]


def _sentence(rng: random.Random, parts: int = 3) -> str:
    chosen = rng.sample(_SENTENCE_PARTS, parts)
    return "，".join(chosen) + "。"


def _activity(rng: random.Random, used: set) -> str:
    while True:
        text = rng.choice(_VERBS) + rng.choice(_OBJECTS) + rng.choice(_TAILS)
        if text not in used:
            used.add(text)
            return text


# --- traditional characters (only those our phrases use) ---------------------------

_S2T = dict(zip(
    "会动组织开员职劳节庆发学习计划调总结关爱为体赛岗业务训练读书妇个进长导纪闻园乐艺术听讲检报议审选举"
    "预财经费产单时间内负责备季东岁团欢迎欢联谊论坛访问题难视级标规范权益维护宣传强设队伍营现实满树"
    "积极态确认识领导层换环营场馆馈谢卫护类项献饰惯辅闲绩赛韩优秀奖评启义务级厂账录简扩确邀请属华",
    "會動組織開員職勞節慶發學習計劃調總結關愛為體賽崗業務訓練讀書婦個進長導紀聞園樂藝術聽講檢報議審選舉"
    "預財經費產單時間內負責備季東歲團歡迎歡聯誼論壇訪問題難視級標規範權益維護宣傳強設隊伍營現實滿樹"
    "積極態確認識領導層換環營場館饋謝衛護類項獻飾慣輔閒績賽韓優秀獎評啟義務級廠賬錄簡擴確邀請屬華"))
_S2T_TABLE = str.maketrans(_S2T)


def traditional(text: str) -> str:
    return text.translate(_S2T_TABLE)


# --- the plan ---------------------------------------------------------------------

@dataclass
class Element:
    """One thing on the page. kind: title | para | h1 | h2 | sched_head (an
    unnumbered heading over the schedule) | month | item | sentence (a
    numbered body sentence) | date | sign."""
    kind: str
    text: str = ""
    number: int = 0
    months: tuple = ()           # month: the months (1..12) of the label
    label: str = ""              # month: the label as written
    owner: str = ""              # item: the owner
    first: bool = False          # item: the first item under its month label
    single: bool = False         # month: a single unnumbered activity follows on the same line
    inner_month: str = ""        # item: a month written inside the item (its months are `months`)


@dataclass
class GenPlan:
    seed: int
    title: str
    top_kind: str                       # "cn" (一、) | "paren_cn" (（一）) | "none"
    headings: list[str]
    pairs: list[tuple[tuple[int, ...], str]]
    owners: list[str]
    elements: list[Element] = field(default_factory=list)
    style: dict = field(default_factory=dict)
    year: int = 2025

    @property
    def headless(self) -> bool:
        return self.top_kind == "none"


_ITEM_NUMBERS = ["{n}、", "{n}.", "{n}．", "{n}，", "({n})", "（{n}）", "circled", ""]
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def item_number(style: str, n: int) -> str:
    if style == "circled":
        return _CIRCLED[n - 1]
    return style.format(n=n)


def _month_label(rng: random.Random, months: tuple, kind: str, wrapped: bool, style: dict) -> str:
    digits = style["digits"]
    suffix = style["suffix"]

    def one(m: int, with_suffix: bool = True) -> str:
        name = str(m) if digits else ("元" if m == 1 and style["yuan"] else cn(m))
        return name + (suffix if with_suffix else "")

    if kind == "anytime":
        return rng.choice(["全年", "长期", "每月", "常年"])
    if kind == "quarter":
        return f"第{cn((months[0] - 1) // 3 + 1)}季度"
    if kind == "range":
        a, b = months[0], months[-1]
        if digits:
            return rng.choice([f"{a}-{b}月", f"{a}～{b}月份", f"{a}、{b}月"])
        forms = [f"{one(a, False)}、{one(b)}", f"{one(a, False)}至{one(b)}", f"{one(a, False)}——{one(b)}",
                 f"{one(a, False)}月至{one(b)}"]
        return rng.choice(forms)
    label = one(months[0])
    if wrapped and not digits and rng.random() < 0.6:
        label = rng.choice(["次年", "次年", "下一年度"]) + label
    return label


def _schedule_groups(rng: random.Random) -> tuple[list[tuple[tuple, str, bool]], str]:
    """[(months, kind, wrapped)] in the plan's order, and the order's name."""
    order = rng.choice(["calendar", "calendar", "school", "semester", "half", "quarters"])
    if order == "quarters":
        groups = [(tuple(range(q * 3 + 1, q * 3 + 4)), "quarter", False) for q in range(4)]
        return groups, order
    if order == "calendar":
        months = list(range(1, 13))
    elif order == "school":
        months = list(range(9, 13)) + list(range(1, 9))
    elif order == "semester":
        months = rng.choice([list(range(2, 8)), list(range(9, 13)) + [1]])
    else:
        months = rng.choice([list(range(1, 7)), list(range(7, 13))])
    groups = []
    i = 0
    while i < len(months):
        m = months[i]
        if i + 1 < len(months) and months[i + 1] == m + 1 and rng.random() < 0.18:
            groups.append(((m, m + 1), "range", False))
            i += 2
            continue
        wrapped = order in ("school", "semester") and m < months[0]
        if rng.random() < 0.12 and len(months) > 6:
            i += 1
            continue          # a month with nothing planned is left out
        groups.append(((m,), "single", wrapped))
        i += 1
    return groups, order


def make_plan(seed: int) -> GenPlan:
    rng = random.Random(seed)
    top_kind = rng.choices(["cn", "paren_cn", "none"], [6, 2, 2])[0]
    style = {
        "digits": rng.random() < 0.3,
        "suffix": rng.choice(["月份", "月"]),
        "yuan": rng.random() < 0.3,
        "month_punct": rng.choice(["", "：", ":", " ", "bracket"]),
        "item_number": rng.choice(_ITEM_NUMBERS),
        "wrap": rng.random() < 0.35,
        "glue": rng.random() < 0.2,
        "inline_first": rng.random() < 0.3,
        "owners_inside": rng.random() < 0.25,
        "inner_months": rng.random() < 0.12,
        "traditional": rng.random() < 0.12,
        "sched_heading": rng.choice(["numbered", "numbered", "unnumbered", "none"]),
        "extra_columns": rng.random() < 0.5,
        "cell_join": rng.choice(["paragraphs", "numbers"]),
        "heading_list_start": rng.choice([1, 1, 1, 3]),
        "item_list_start": rng.choice([1, 1, 5]),
        "numbering_via_style": rng.random() < 0.5,
        "run_in": rng.random() < 0.2,
    }
    if top_kind == "none":
        style["sched_heading"] = rng.choice(["unnumbered", "none"])
    year = rng.choice([2023, 2024, 2025])
    org = rng.choice(["星河中学", "清源机械厂", "城南卫生院", "青山镇", "实验小学", "东湖纺织公司"])
    used: set = set()
    groups, order = _schedule_groups(rng)
    title_period = {"school": f"{year}—{year + 1}学年度", "semester": f"{year}年第{rng.choice('一二')}学期",
                    "half": f"{year}年{rng.choice(['上', '下'])}半年"}.get(order, f"{year}年")
    title = f"{org}工会{title_period}工作计划"
    elements: list[Element] = [Element("title", title)]
    for _ in range(rng.randint(1, 2)):
        elements.append(Element("para", _sentence(rng, rng.randint(2, 4))))

    headings: list[str] = []
    h_kind = "h1" if top_kind != "none" else None
    schedule_elements = _schedule_elements(rng, groups, style, used)
    pairs = [(tuple(e.months), e.text) for e in schedule_elements if e.kind == "item"]
    owners = [e.owner for e in schedule_elements if e.kind == "item"]
    if top_kind == "none":
        for n in range(1, rng.randint(7, 14)):
            elements.append(Element("sentence", rng.choice(_VERBS) + _sentence(rng, rng.randint(2, 3)), n))
        if style["sched_heading"] == "unnumbered":
            elements.append(Element("sched_head", rng.choice(_UNNUMBERED_SCHEDULE)))
        elements.extend(schedule_elements)
    else:
        count = rng.randint(3, 7)
        names = rng.sample(_TOP_HEADINGS, count)
        at = rng.randint(min(2, count), count)          # where the schedule goes
        for index, name in enumerate(names):
            if index == at:
                _add_schedule(rng, elements, headings, schedule_elements, style, h_kind)
            headings.append(name)
            elements.append(Element(h_kind, name, len(headings)))
            if rng.random() < 0.5:
                for sub in range(1, rng.randint(2, 4)):
                    elements.append(Element("h2", rng.choice(_SUB_HEADINGS), sub))
                    elements.append(Element("para", _sentence(rng, 3)))
            else:
                for _ in range(rng.randint(1, 2)):
                    elements.append(Element("para", _sentence(rng, rng.randint(2, 4))))
                if rng.random() < 0.4:
                    for n in range(1, rng.randint(3, 5)):
                        elements.append(Element("sentence", rng.choice(_VERBS) + _sentence(rng, 2), n))
        if at >= count:
            _add_schedule(rng, elements, headings, schedule_elements, style, h_kind)
    elements.append(Element("sign", f"{org}工会委员会"))
    elements.append(Element("date", f"{year}年{rng.randint(1, 9)}月{rng.randint(1, 28)}日"))
    plan = GenPlan(seed, title, top_kind, headings, pairs, owners, elements, style, year)
    if style["traditional"]:
        plan = _to_traditional(plan)
    return plan


def _add_schedule(rng, elements, headings, schedule_elements, style, h_kind) -> None:
    if style["sched_heading"] == "numbered":
        name = rng.choice(_SCHEDULE_HEADINGS)
        headings.append(name)
        elements.append(Element(h_kind, name, len(headings)))
    elif style["sched_heading"] == "unnumbered":
        elements.append(Element("sched_head", rng.choice(_UNNUMBERED_SCHEDULE)))
    elements.extend(schedule_elements)


def _schedule_elements(rng, groups, style, used) -> list[Element]:
    out: list[Element] = []
    if style["inner_months"]:
        # no labels: each item names its month (1、三月份召开…; (2)4月左右组织…)
        n = 0
        for months, kind, _wrapped in groups:
            if kind != "single":
                continue
            for _ in range(rng.randint(1, 2)):
                n += 1
                m = months[0]
                spoken = str(m) if style["digits"] else cn(m)
                inner = spoken + rng.choice(["月份", "月", "月左右", "月中旬", "月底前"])
                text = inner + _activity(rng, used) + "。"
                out.append(Element("item", text, n, months, owner="", inner_month=inner))
        if style["item_number"] in ("", "circled"):
            style["item_number"] = "{n}、"    # a numbered item naming its month (① stops at ⑳)
        return out
    anytime_at = rng.choice(["start", "end", None, None])
    all_groups = list(groups)
    if anytime_at:
        entry = ((), "anytime", False)
        all_groups = [entry] + all_groups if anytime_at == "start" else all_groups + [entry]
    for months, kind, wrapped in all_groups:
        label = _month_label(rng, months, kind, wrapped, style)
        count = rng.choice([1, 2, 2, 3, 3, 4])
        single = count == 1 and rng.random() < 0.5
        out.append(Element("month", label=label, months=months, single=single))
        for n in range(1, count + 1):
            text = _activity(rng, used)
            owner = ""
            if style["owners_inside"] and rng.random() < 0.6:
                owner = rng.choice(_OWNERS)
            if single or style["item_number"] == "":
                text += "。"      # unnumbered and broken: only the end marks tell where an item ends
            else:
                text += rng.choice(["。", "。", "；", ""])
            out.append(Element("item", text, n, months, owner=owner, first=(n == 1)))
    return out


def _to_traditional(plan: GenPlan) -> GenPlan:
    for element in plan.elements:
        element.text = traditional(element.text)
        element.label = traditional(element.label)
        element.owner = traditional(element.owner)
        element.inner_month = traditional(element.inner_month)
    plan.title = traditional(plan.title)
    plan.headings = [traditional(h) for h in plan.headings]
    plan.pairs = [(m, traditional(t)) for m, t in plan.pairs]
    plan.owners = [traditional(o) for o in plan.owners]
    return plan


# --- text lines ---------------------------------------------------------------------

_NO_BREAK_BEFORE = set("一二三四五六七八九十元0123456789（(【①②③④⑤，。；、：")


def _wrap(rng: random.Random, text: str, width_hint: int, keep: int = 0) -> list[str]:
    """Break a long line the way a narrow column or a web page does (not
    within its first `keep` characters: a month label stays whole)."""
    if len(text) < 16 + keep:
        return [text]
    cut = keep + rng.randint(8, max(9, min(width_hint, len(text) - keep - 5)))
    for pos in range(cut, len(text) - 4):
        if text[pos] not in _NO_BREAK_BEFORE and text[pos - 1] not in "，。；、：":
            return [text[:pos], text[pos:]]
    return [text]


def _owner_clause(rng: random.Random, owner: str, traditional_text: bool) -> str:
    word = rng.choice(["负责人", "负责", "责任人", "牵头"])
    clause = f"（{word}：{owner}）"
    return traditional(clause) if traditional_text else clause


def month_label_text(element: Element, punct: str) -> str:
    if punct == "bracket":
        return f"【{element.label}】"
    return element.label + punct


def text_lines(plan: GenPlan, rng: random.Random | None = None, for_docx: bool = False) -> list[str]:
    """The plan as the lines of a plain text (or of a one-paragraph-per-line Word file)."""
    rng = rng or random.Random(plan.seed * 7 + 1)
    style = plan.style
    lines: list[str] = []
    pending_label: str | None = None
    punct = style["month_punct"]
    trad = style["traditional"]
    # a stream of its own, so the shapes added later leave the earlier ones as they were
    extras = random.Random(plan.seed * 13 + 5)
    for i, element in enumerate(plan.elements):
        kind = element.kind
        if kind == "title" or kind in ("para", "sched_head", "sign", "date"):
            text = element.text
            if kind == "para" and style["wrap"] and rng.random() < 0.5:
                lines.extend(_wrap(rng, text, 30))
            else:
                lines.append(text)
        elif kind == "h1":
            number = f"{cn(element.number)}、" if plan.top_kind == "cn" else f"（{cn(element.number)}）"
            text = number + element.text
            if style["run_in"] and plan.top_kind == "cn":
                text += "。" + _sentence(rng, 2)
            lines.append(text)
        elif kind == "h2":
            number = f"（{cn(element.number)}）" if plan.top_kind == "cn" else f"{element.number}．"
            lines.append(number + element.text)
        elif kind == "sentence":
            lines.append(f"{element.number}、{element.text}")
        elif kind == "month":
            label = month_label_text(element, punct)
            if element.single:
                pending_label = label + ("" if label.endswith(("：", ":", "】", " ")) else "：")
                continue
            glue = (style["glue"] and lines and lines[-1].endswith(("。", "；")) and punct in ("", " ")
                    and rng.random() < 0.5)
            if glue:
                lines[-1] += label.strip()
            elif style["inline_first"] and rng.random() < 0.6 and punct != "":
                pending_label = label if label.endswith(("：", ":", "】", " ")) else label + "："
            else:
                lines.extend(_label_lines(element, plan, i, punct, extras))
        elif kind == "item":
            number = "" if pending_label is not None and _single_before(plan.elements, i) \
                else item_number(style["item_number"], element.number)
            text = element.text
            if element.owner:
                clause = _owner_clause(rng, element.owner, trad)
                if text.endswith(("。", "；")) and rng.random() < 0.5:
                    text = text[:-1] + clause + text[-1]
                else:
                    text = text + clause
            body = number + text
            if number == "" and style["item_number"] == "" and element.first is False and pending_label is None:
                body = text
            keep = len(number)
            if pending_label is not None:
                body = pending_label + body
                keep += len(pending_label)
                pending_label = None
            if style["wrap"] and rng.random() < 0.5:
                lines.extend(_wrap(rng, body, 20, keep))
            else:
                lines.append(body)
    return lines


_PARTS = ["上旬", "中旬", "下旬", "月初", "月底"]


def _label_lines(element: Element, plan: GenPlan, index: int, punct: str, extras: random.Random) -> list[str]:
    """A month label on a line of its own, now and then with the count of its
    items after it (三月份（3项）) or a part of the month on the next line
    (上旬, 3月下旬): neither is an activity."""
    label = month_label_text(element, punct)
    roll = extras.random()
    if roll < 0.12 and punct != "bracket" and element.months:
        count = 0
        for later in plan.elements[index + 1:]:
            if later.kind != "item":
                break
            count += 1
        written = cn(count) if extras.random() < 0.3 else str(count)
        return [month_label_text(Element("month", label=f"{element.label}（{written}项）"), punct)]
    if roll < 0.22 and len(element.months) == 1 and not plan.style["traditional"]:
        part = extras.choice(_PARTS)
        if extras.random() < 0.5 and not part.startswith("月"):
            part = f"{element.months[0]}月{part}"
        return [label, part]
    return [label]


def _single_before(elements: list[Element], index: int) -> bool:
    back = index - 1
    while back >= 0 and elements[back].kind == "item":
        back -= 1
    return back >= 0 and elements[back].kind == "month" and elements[back].single


def render_text(plan: GenPlan) -> str:
    return "\n".join(text_lines(plan))


# --- Word files -------------------------------------------------------------------------

def render_plain_docx(plan: GenPlan) -> bytes:
    from tests.importers import docx_factory as f

    document = f.new_document()
    lines = text_lines(plan, for_docx=True)
    f.title(document, lines[0])
    for line in lines[1:]:
        document.add_paragraph(line)
    return f.to_bytes(document)


def render_table_docx(plan: GenPlan) -> bytes:
    """Everything as typed paragraphs except the month schedule, which is a table."""
    from tests.importers import docx_factory as f

    rng = random.Random(plan.seed * 11 + 3)
    document = f.new_document()
    style = plan.style
    body_plan = GenPlan(plan.seed, plan.title, plan.top_kind, plan.headings, [], [],
                        [e for e in plan.elements if e.kind not in ("month", "item")], dict(style, wrap=False))
    lines = text_lines(body_plan, for_docx=True)
    rows = _table_rows(plan, rng)
    # where the schedule goes: after the element before the first month/item
    first = next((i for i, e in enumerate(plan.elements) if e.kind in ("month", "item")), len(plan.elements))
    before = len(text_lines(GenPlan(plan.seed, plan.title, plan.top_kind, [], [], [],
                                    [e for e in plan.elements[:first] if e.kind not in ("month", "item")],
                                    dict(style, wrap=False))))
    f.title(document, lines[0])
    for line in lines[1:before]:
        document.add_paragraph(line)
    header = ["月份", "工作内容", "负责人"]
    if style["extra_columns"]:
        header = [rng.choice(["月份", "时间"]), rng.choice(["工作内容", "活动内容", "主要工作"]), "负责人", "备注",
                  "完成时间"]
        rows = [r + ("", "") for r in rows]
    if style["traditional"]:
        header = [traditional(h) for h in header]
    merge = rng.random() < 0.5
    if rows:      # a plan drawn without activities has no table (not an empty one after the date)
        f.month_table(document, rows, header=tuple(header), merge_months=merge)
    for line in lines[before:]:
        document.add_paragraph(line)
    return f.to_bytes(document)


def _table_rows(plan: GenPlan, rng: random.Random) -> list[tuple]:
    """(month cell, content cell, owner cell) rows; several activities of a
    month share one cell (one per paragraph, or 1、…2、… on one line)."""
    rows: list[tuple] = []
    groups: list[tuple[str, list[Element]]] = []
    for element in plan.elements:
        if element.kind == "month":
            groups.append((element.label, []))
        elif element.kind == "item":
            if element.inner_month:
                groups.append((element.inner_month.split("月")[0] + "月", []))
            if not groups:
                groups.append(("", []))
            groups[-1][1].append(element)
    for label, items in groups:
        if not items:
            continue
        texts = [e.text for e in items]
        owners = "、".join(dict.fromkeys(e.owner for e in items if e.owner))
        if rng.random() < 0.3 and len(items) > 1:
            for index, item in enumerate(items):    # one row per activity, the month written once
                rows.append((label if index == 0 else None, item.text, item.owner))
            continue
        if plan.style["cell_join"] == "numbers" and len(texts) > 1:
            content = "".join(f"{n}、{t if t.endswith(('。', '；')) else t + '。'}" for n, t in enumerate(texts, 1))
        else:
            content = "\n".join(texts)
        rows.append((label, content, owners))
    return rows


def render_styled_docx(plan: GenPlan) -> bytes:
    """Heading styles and Word's automatic numbering; no number is typed."""
    from tests.importers import docx_factory as f

    rng = random.Random(plan.seed * 13 + 5)
    style = plan.style
    document = f.new_document()
    heading_start = style["heading_list_start"]
    headings_num = f.add_list(document, 10, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")],
                              start_overrides={0: 1} if heading_start != 1 else None)
    if heading_start != 1:
        _set_abstract_start(document, 10, heading_start)
    if plan.top_kind == "paren_cn":
        headings_num = f.add_list(document, 11, [("chineseCounting", "（%1）"), ("decimal", "%2．")])
    via_style = style["numbering_via_style"]
    if via_style:
        f.list_style(document, "计划一级", headings_num, 0, based_on="Heading 1")
        f.list_style(document, "计划二级", headings_num, 1, based_on="Heading 2")
    item_abstract = 20
    f.add_list(document, item_abstract, [("decimal", "%1、")], num_id=200)
    if style["item_list_start"] != 1:
        _set_abstract_start(document, item_abstract, style["item_list_start"])
    sentence_num = f.add_list(document, 30, [("decimal", "%1、")], num_id=300)
    next_num = [400]
    current_items: list[int | None] = [None]
    for element in plan.elements:
        kind = element.kind
        if kind == "title":
            f.title(document, element.text)
        elif kind in ("para", "sign", "date"):
            document.add_paragraph(element.text)
        elif kind == "sched_head":
            # an unnumbered line over the schedule, set in bold (a heading style would make it a heading)
            document.add_paragraph().add_run(element.text).bold = True
        elif kind in ("h1", "h2"):
            ilvl = 0 if kind == "h1" else 1
            if via_style:
                document.add_paragraph(element.text, style="计划一级" if ilvl == 0 else "计划二级")
            else:
                f.numbered(document, element.text, headings_num, ilvl,
                           style="Heading 1" if ilvl == 0 else "Heading 2")
        elif kind == "sentence":
            f.numbered(document, element.text, sentence_num, 0)
        elif kind == "month":
            paragraph = document.add_paragraph()
            paragraph.add_run(month_label_text(element, style["month_punct"] if style["month_punct"] != " "
                                               else "")).bold = True
            current_items[0] = None
        elif kind == "item":
            if current_items[0] is None:
                num = next_num[0]
                next_num[0] += 1
                _restart_num(document, item_abstract, num)    # 1、 again under each month
                current_items[0] = num
            text = element.text
            if element.owner:
                text = text + _owner_clause(rng, element.owner, style["traditional"])
            f.numbered(document, text, current_items[0], 0)
    return f.to_bytes(document)


def _set_abstract_start(document, abstract_id: int, start: int) -> None:
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    for abstract in numbering.iterchildren(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == str(abstract_id):
            for lvl in abstract.iterchildren(qn("w:lvl")):
                lvl.find(qn("w:start")).set(qn("w:val"), str(start))


def _restart_num(document, abstract_id: int, num_id: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


RENDERERS = {
    "txt": lambda plan: render_text(plan).encode("utf-8"),
    "plain_docx": render_plain_docx,
    "table_docx": render_table_docx,
    "styled_docx": render_styled_docx,
}


def render(plan: GenPlan, form: str) -> tuple[bytes, str]:
    """(file bytes, file name) of the plan in one of FORMS."""
    suffix = ".txt" if form == "txt" else ".docx"
    return RENDERERS[form](plan), f"plan{plan.seed}{suffix}"


# --- several plans on one page ----------------------------------------------------------

_BANNERS = ["以下是小编整理的工会工作计划范文，仅供参考，欢迎阅读。", "仅供参考", "欢迎阅读与收藏",
            "相关推荐：更多工作计划范文请点击下方链接", "小编为大家精心准备了以下内容，希望对您有所帮助。",
            "【相关推荐】", "------------------------------", "更多精彩内容，敬请关注本站"]


def make_page(seed: int, count: int | None = None) -> tuple[str, list[GenPlan]]:
    """A 范文 page: several plans, each behind a marker (篇一 / 【篇2】 / 第三篇),
    with site banners around them. Returns (page text, the plans in order)."""
    rng = random.Random(seed)
    count = count or rng.randint(2, 5)
    marker = rng.choice(["篇{cn}", "【篇{n}】", "第{cn}篇", "篇{n}：", "{title}（篇{cn}）"])
    parts = [rng.choice(_BANNERS[:1] + _BANNERS[4:5])]
    plans = []
    for index in range(1, count + 1):
        plan = make_plan(seed * 100 + index)
        plans.append(plan)
        if rng.random() < 0.4:
            parts.append(rng.choice(_BANNERS))
        if "{title}" in marker:
            parts.append(marker.format(title=plan.title, cn=cn(index), n=index))
            parts.extend(text_lines(plan)[1:])
        else:
            parts.append(marker.format(cn=cn(index), n=index))
            parts.extend(text_lines(plan))
    parts.append(rng.choice(_BANNERS[3:]))
    return "\n".join(parts), plans
