"""The shapes real plans take (issue 13), each in the forms it can take: plain
text, a Word file with one paragraph per line, Word's automatic numbering, a
month table. All texts are our own. The generated corpus (plan_generator)
is scored here too, on seeds the importer was not developed against."""

from __future__ import annotations

import pytest

from planner_gui.importers import import_bytes, import_text
from scripts.import_accuracy import run_generated
from tests.importers import docx_factory as f
from tests.importers import plan_generator as gen

TITLE = "红枫街道工会2025年工作计划"


def _lines_docx(lines: list[str]) -> bytes:
    document = f.new_document()
    for line in lines:
        document.add_paragraph(line)
    return f.to_bytes(document)


def import_as(form: str, lines: list[str], year: int = 2025):
    if form == "txt":
        return import_text("\n".join(lines), year=year)
    return import_bytes(_lines_docx(lines), "计划.docx", year=year)


FORMS = ["txt", "plain_docx"]


def months_of(plan) -> list[tuple[list[int], str]]:
    return [([int(m[5:]) for m in a.months], a.text) for a in plan.schedule]


# --- the generated corpus ---------------------------------------------------------

@pytest.mark.parametrize("form", gen.FORMS)
def test_generated_corpus(form):
    """Plans the grammar draws, seeds 5000+ (the importer was tuned on 1–300)."""
    pytest.importorskip("docx")
    score = run_generated(24, first_seed=5000, forms=[form])[form]
    assert score.failures == 0
    assert score.headings.f1 >= 0.97, score.misses
    assert score.pairs.f1 >= 0.97, score.misses
    assert score.worst_invented <= 1


def test_generator_is_deterministic_and_covers_the_shapes():
    plans = [gen.make_plan(seed) for seed in range(1, 201)]
    assert gen.render_text(gen.make_plan(7)) == gen.render_text(gen.make_plan(7))
    styles = [p.style for p in plans]
    for key in ("wrap", "glue", "inline_first", "owners_inside", "inner_months", "traditional", "run_in"):
        assert any(s[key] for s in styles), key
    assert {p.top_kind for p in plans} == {"cn", "paren_cn", "none"}
    assert {s["item_number"] for s in styles} >= {"{n}、", "{n}.", "{n}．", "{n}，", "({n})", "（{n}）", "circled", ""}
    texts = "\n".join(gen.render_text(p) for p in plans[:80])
    assert "项）" in texts and any(part in texts for part in ("上旬", "中旬", "下旬"))   # counts, parts of months
    labels = {e.label for p in plans for e in p.elements if e.kind == "month"}
    assert any("季度" in x for x in labels) and any(x.startswith("次年") for x in labels)
    assert any(x in labels for x in ("全年", "长期", "每月", "常年"))


# --- month labels -------------------------------------------------------------------

LABELS = [
    ("三月份", [3]), ("三月", [3]), ("三月：", [3]), ("3月份", [3]), ("3月", [3]), ("三月份:", [3]),
    ("【三月】", [3]), ("一、二月", [1, 2]), ("元月至二月", [1, 2]), ("七至八月份", [7, 8]),
    ("七——八月份", [7, 8]), ("七、八月", [7, 8]), ("7-8月", [7, 8]), ("元月", [1]), ("第二季度", [4, 5, 6]),
    ("全年", []), ("长期", []), ("每月", []), ("長期", []), ("3 月", [3]), ("三 月 份", [3]),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("label, months", LABELS, ids=[x for x, _ in LABELS])
def test_month_label_spellings(form, label, months):
    lines = [TITLE, "一、指导思想", "围绕中心，服务大局。", "二、具体工作安排", "十一月份：", "1、做好年终准备工作。",
             label, "1、召开一次工会委员会议。", "2、走访慰问困难会员。", "三、工作要求", "抓好落实。"]
    plan = import_as(form, lines).plan
    assert [s.heading for s in plan.sections] == ["指导思想", "具体工作安排", "工作要求"]
    assert months_of(plan)[1:] == [(months, "召开一次工会委员会议。"), (months, "走访慰问困难会员。")]


@pytest.mark.parametrize("label", ["次年一月", "次年元月份", "下一年度一月"])
def test_next_year_months_in_a_school_year(label):
    lines = ["青禾小学工会2025—2026学年度工作计划", "一、月份安排", "九月份：", "1、庆祝教师节。", label + "：",
             "1、做好学期总结。"]
    plan = import_text("\n".join(lines)).plan
    assert [a.months for a in plan.schedule] == [["2025-09"], ["2026-01"]]


@pytest.mark.parametrize("form", FORMS)
def test_label_placements(form):
    lines = [TITLE, "一、具体工作安排",
             "一月份:1、召开工会全委会。2、布置全年工作。",        # the first activity on the label's line
             "七、八月份:暑期职工疗休养。",                        # a single unnumbered activity
             "九月", "1、庆祝教师节，表彰先进。明确工作目标。十月",    # a label glued to the previous line
             "1、组织秋季登高活动。", "二、工作要求", "抓好落实。"]
    plan = import_as(form, lines).plan
    assert months_of(plan) == [([1], "召开工会全委会。"), ([1], "布置全年工作。"), ([7, 8], "暑期职工疗休养。"),
                               ([9], "庆祝教师节，表彰先进。明确工作目标。"), ([10], "组织秋季登高活动。")]
    result = import_as(form, lines)
    assert any(i.kind == "guess" and "粘在上一行" in i.message for i in result.report.items)


@pytest.mark.parametrize("form", FORMS)
def test_part_of_month_lines_are_notes_not_activities(form):
    """"3月上旬" or "下旬" on a line of its own labels what follows (kept as
    the activities' note); "（4项）" after a month is a count, not an activity."""
    lines = [TITLE, "一、具体工作安排", "三月份（2项）", "3月上旬", "1、开展庆祝三八节活动。",
             "下旬", "2、召开工会委员会议。", "九月（开学季）", "1、慰问新入职教师。", "二、工作要求", "抓好落实。"]
    plan = import_as(form, lines).plan
    assert [(a.months, a.text, a.note) for a in plan.schedule] == [
        (["2025-03"], "开展庆祝三八节活动。", "上旬"),
        (["2025-03"], "召开工会委员会议。", "下旬"),
        (["2025-09"], "慰问新入职教师。", "开学季")]
    assert [s.heading for s in plan.sections] == ["具体工作安排", "工作要求"]
    messages = [item.message for item in import_as(form, lines).report.items]
    assert any("条目数" in m for m in messages)                 # nothing dropped without a word
    assert sum("备注" in m for m in messages) == 3


@pytest.mark.parametrize("form", FORMS)
def test_first_item_with_a_comma_before_a_month_is_an_item(form):
    """"1，2月左右……" as a month's first item is item 1 in February; a real
    month pair on its own line ("1、2月份：") stays January and February."""
    lines = [TITLE, "一、具体工作安排", "一月份", "1，2月左右完成会员信息核对。", "2、召开职工代表大会。",
             "3、4月份：", "1、组织春季健步走。", "二、工作要求", "抓好落实。"]
    plan = import_as(form, lines).plan
    assert months_of(plan) == [([2], "2月左右完成会员信息核对。"), ([1], "召开职工代表大会。"),
                               ([3, 4], "组织春季健步走。")]


@pytest.mark.parametrize("form", FORMS)
def test_items_numbered_like_the_headings_above_stay_in_the_schedule(form):
    """A schedule announced by a paragraph ("月份工作安排如下：") inside a
    section whose subheadings are 1．2．3．: its items 3． and 4． are activities,
    whatever an earlier heading with 安排 in it announced."""
    lines = [TITLE, "一、组织建设", "1、安排专人负责，做好会员发展。", "2、完善制度。",
             "二、服务职工", "1．打造活动品牌", "坚持以职工为本。", "2．落实帮扶措施", "把服务放在首位。",
             "月份工作安排如下：", "三月:", "1．召开教代会。", "2．开展植树活动。", "3．组织女职工健康讲座。",
             "4．举办合理化建议征集；", "四月:", "1．举办春季运动会。", "三、工作要求", "抓好落实。"]
    plan = import_as(form, lines).plan
    assert months_of(plan) == [([3], "召开教代会。"), ([3], "开展植树活动。"), ([3], "组织女职工健康讲座。"),
                               ([3], "举办合理化建议征集；"), ([4], "举办春季运动会。")]
    assert [s.heading for s in plan.sections[1].children] == ["打造活动品牌", "落实帮扶措施"]


@pytest.mark.parametrize("form", FORMS)
def test_anytime_label_glued_before_unnumbered_items(form):
    lines = [TITLE, "一、具体工作安排", "十二月", "组织年终总结。", "开展送温暖活动。长期",
             "做好会员信息核对。", "落实会员生日慰问。", "二、工作要求", "抓好落实。"]
    plan = import_as(form, lines).plan
    assert months_of(plan) == [([12], "组织年终总结。"), ([12], "开展送温暖活动。"), ([], "做好会员信息核对。"),
                               ([], "落实会员生日慰问。")]


NUMBERINGS = ["1、{}", "1.{}", "1．{}", "1，{}", "(1){}", "（1）{}", "①{}", "{}"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("numbering", NUMBERINGS)
def test_activity_numberings_and_broken_lines(form, numbering):
    second = numbering.replace("1", "2").replace("①", "②")
    lines = [TITLE, "一、工作安排", "三月份：", numbering.format("组织女职工参加健康讲座，"),
             "邀请医院专家授课。", second.format("开展植树活动。"), "四月份：",
             numbering.format("举办春季职工运动会。"), "二、工作要求", "抓好落实。"]
    if numbering == "{}":      # unnumbered: only a broken sentence (ending in a comma) is joined
        pass
    plan = import_as(form, lines).plan
    assert months_of(plan) == [([3], "组织女职工参加健康讲座，邀请医院专家授课。"), ([3], "开展植树活动。"),
                               ([4], "举办春季职工运动会。")]


@pytest.mark.parametrize("form", FORMS)
def test_owner_inside_items_and_months_inside_items(form):
    lines = [TITLE, "一、具体工作安排", "1、一月份召开职工代表大会（负责人：工会主席）。",
             "2、一月底前完成会员统计。", "(3)4月左右组织春游活动（牵头：文体委员）",
             "二、工作要求", "抓好落实。"]
    plan = import_as(form, lines).plan
    assert [(a.months, a.text, a.owner) for a in plan.schedule] == [
        (["2025-01"], "一月份召开职工代表大会。", "工会主席"),
        (["2025-01"], "一月底前完成会员统计。", ""),
        (["2025-04"], "4月左右组织春游活动", "文体委员")]


@pytest.mark.parametrize("form", FORMS)
def test_schedule_without_any_heading(form):
    lines = [TITLE, "今年工会工作要围绕中心、服务大局。", "全年：坚持每月走访困难会员。",
             "三月份", "1、开展三八节活动。", "五月份", "1、组织职工运动会。", "某某街道工会委员会", "2025年2月1日"]
    plan = import_as(form, lines).plan
    assert plan.sections == []
    assert months_of(plan) == [([], "坚持每月走访困难会员。"), ([3], "开展三八节活动。"), ([5], "组织职工运动会。")]


@pytest.mark.parametrize("form", FORMS)
def test_web_table_header_lines_are_not_activities(form):
    lines = [TITLE, "一、具体工作安排", "月份", "工作内容", "负责人", "一月", "召开职代会。", "慰问困难职工。",
             "工会主席", "二月", "开展春节慰问。", "办公室", "二、工作要求", "抓好落实。"]
    plan = import_as(form, lines).plan
    assert [(a.months, a.text, a.owner) for a in plan.schedule] == [
        (["2025-01"], "召开职代会。", "工会主席"), (["2025-01"], "慰问困难职工。", "工会主席"),
        (["2025-02"], "开展春节慰问。", "办公室")]
    every = [p for s in plan.walk() for p in [s.heading, *s.body]] + plan.preamble
    assert "月份" not in every and "负责人" not in every


# --- headings and body -----------------------------------------------------------------

SENTENCES = ["1、认真组织学习，不断提高会员的思想认识。", "2、坚持民主管理，按时召开职工代表大会。",
             "3、关心职工生活，把实事办到职工心坎上。", "4、加强自身建设，提高工会干部的服务能力。",
             "5、丰富文体活动，增强队伍的凝聚力。", "6、做好女职工工作，维护女职工的合法权益。",
             "7、管好用好工会经费，做到账目公开。"]


@pytest.mark.parametrize("form", FORMS)
def test_plan_without_headings_keeps_numbered_sentences_as_paragraphs(form):
    lines = [TITLE, "新的一年，工会工作要紧扣中心。", *SENTENCES, "三月份", "1、开展三八节活动。", "四月份",
             "1、组织春季健步走。"]
    result = import_as(form, lines)
    assert sum(1 for _ in result.plan.walk()) == 0
    assert result.plan.preamble[1:] == SENTENCES
    assert any("读作正文" in i.message for i in result.report.guesses)


def test_word_automatic_numbered_sentences_are_body_and_items_under_months_are_activities():
    """The issue's case: items "1.召开第五届职工代表大会第三次会议，审议企业年度工作报告。" under
    months, numbered by Word, came in as level-3 sections."""
    document = f.new_document()
    f.title(document, "远航机械厂工会2025年工作计划")
    heads = f.add_list(document, 1, [("chineseCounting", "%1、")])
    f.numbered(document, "具体工作安排", heads, 0, style="Heading 1")
    for n, (month, items) in enumerate([("一月", ["召开第五届职工代表大会第三次会议，审议企业年度工作报告。",
                                                   "开展春节前困难职工走访，把慰问金送到家中。"]),
                                         ("二月", ["组织职工元宵游园活动，丰富节日文化生活。"])]):
        document.add_paragraph(month)
        items_num = f.add_list(document, 10 + n, [("decimal", "%1.")])     # restarts under each month
        for item in items:
            f.numbered(document, item, items_num, 0)
    plan = import_bytes(f.to_bytes(document), "计划.docx", 2025).plan
    assert [s.heading for s in plan.sections] == ["具体工作安排"]
    assert plan.sections[0].children == []
    assert [(a.months, a.text) for a in plan.schedule] == [
        (["2025-01"], "召开第五届职工代表大会第三次会议，审议企业年度工作报告。"),
        (["2025-01"], "开展春节前困难职工走访，把慰问金送到家中。"),
        (["2025-02"], "组织职工元宵游园活动，丰富节日文化生活。")]


@pytest.mark.parametrize("form", FORMS)
def test_top_level_paren_cn(form):
    lines = [TITLE, "（一）指导思想", "围绕中心。", "1．强化引领", "加强学习。", "（二）主要任务", "服务职工。",
             "（三）月份安排", "三月：", "1、开展三八节活动。"]
    plan = import_as(form, lines).plan
    assert [s.heading for s in plan.sections] == ["指导思想", "主要任务", "月份安排"]
    assert [c.heading for c in plan.sections[0].children] == ["强化引领"]


@pytest.mark.parametrize("form", FORMS)
def test_traditional_characters_read_alike_and_kept(form):
    lines = ["紅楓街道工會2025年工作計劃", "一、指導思想", "圍繞中心。", "二、具體工作安排", "三月份：",
             "1、開展婦女節慶祝活動（負責人：女工委員）。", "長期：", "1、走訪慰問困難會員。", "三、工作要求", "抓好落實。"]
    plan = import_as(form, lines).plan
    assert plan.meta.title == "紅楓街道工會2025年工作計劃"
    assert [s.heading for s in plan.sections] == ["指導思想", "具體工作安排", "工作要求"]
    assert [(a.months, a.text, a.owner) for a in plan.schedule] == [
        (["2025-03"], "開展婦女節慶祝活動。", "女工委員"), ([], "走訪慰問困難會員。", "")]


# --- tables -------------------------------------------------------------------------------

def test_table_with_more_columns_and_several_activities_per_cell():
    document = f.new_document()
    f.title(document, TITLE)
    document.add_paragraph("一、具体工作安排")
    f.month_table(document, [("三月", "1、开展三八节活动。2、组织植树。", "女工委员", "全体女职工", "3月8日前"),
                             ("四月", "举办读书会\n开展安全月宣传", "宣传委员", "", "")],
                  header=("月份", "工作内容", "负责人", "备注", "时间"))
    plan = import_bytes(f.to_bytes(document), "计划.docx", 2025).plan
    assert [(a.months, a.text, a.owner, a.note) for a in plan.schedule] == [
        (["2025-03"], "开展三八节活动。", "女工委员", "全体女职工"),
        (["2025-03"], "组织植树。", "女工委员", "全体女职工"),
        (["2025-04"], "举办读书会", "宣传委员", ""), (["2025-04"], "开展安全月宣传", "宣传委员", "")]


# --- several plans on a page ------------------------------------------------------------

@pytest.mark.parametrize("seed", range(1, 9))
def test_page_with_several_plans_splits(seed):
    from planner_gui.importers import SeveralPlans, import_part, offer_choice

    page, plans = gen.make_page(seed)
    with pytest.raises(SeveralPlans) as caught:
        with offer_choice():
            import_text(page)
    parts = caught.value.parts
    assert len(parts) == len(plans)
    for part, plan in zip(parts, plans):
        assert part.title == plan.title
        result = import_part(part, year=plan.year)
        assert result.plan.meta.title == plan.title
        assert len(result.plan.schedule) == len(plan.pairs)
    # without the offer (not in the editor) the whole page is read and the report says so
    whole = import_text(page)
    assert any("篇计划" in i.message for i in whole.report.items)


def test_banners_are_left_out_and_listed():
    lines = ["以下是小编整理的工作计划，仅供参考，欢迎阅读。", TITLE, "一、工作安排", "三月份：", "1、开展三八节活动。",
             "------------------------------", "相关推荐：更多范文请点击下方"]
    result = import_text("\n".join(lines), year=2025)
    every = "\n".join([*result.plan.preamble, *result.plan.closing,
                       *(p for s in result.plan.walk() for p in [s.heading, *s.body])])
    assert "小编" not in every and "相关推荐" not in every and "----" not in every
    notes = [i.text for i in result.report.items if "网站附加" in i.message]
    assert len(notes) == 3


def test_cancelled_import_stops():
    from planner_gui.importers.cancel import CancelToken, ImportCancelled, cancellable

    token = CancelToken()
    token.cancel()
    with pytest.raises(ImportCancelled), cancellable(token):
        import_text(gen.render_text(gen.make_plan(3)))
    import_text(gen.render_text(gen.make_plan(3)))       # outside the block nothing is checked


# --- Word's own structure -------------------------------------------------------------

@pytest.mark.parametrize("via_style", [False, True], ids=["numPr", "numbering-via-style"])
@pytest.mark.parametrize("heading_start, item_start", [(1, 1), (3, 5)], ids=["starts-1", "unusual-starts"])
@pytest.mark.parametrize("seed", [11, 23, 40])
def test_styled_word_with_automatic_numbering(seed, via_style, heading_start, item_start):
    """Heading 1/2 with chineseCounting 一、 （一）, items 1、 restarting under each
    month (a new w:num with startOverride), numbering reached through a style,
    lists whose w:start is unusual: the visible numbers are read, not typed ones."""
    pytest.importorskip("docx")
    plan = gen.make_plan(seed)
    plan.style.update(numbering_via_style=via_style, heading_list_start=heading_start, item_list_start=item_start)
    data, name = gen.render(plan, "styled_docx")
    result = import_bytes(data, name, year=plan.year).plan
    assert [s.heading.rstrip("。") for s in result.sections] == plan.headings
    assert [(tuple(int(m[5:]) for m in a.months), a.text.rstrip("。；")) for a in result.schedule] == \
        [(tuple(m), t.rstrip("。；")) for m, t in plan.pairs]


def test_web_table_copied_with_spaces_between_cells():
    lines = [TITLE, "一、工作安排", "月份  工作内容  负责人", "三月  召开教代会  工会主席", "四月  组织春游活动  文体委员",
             "二、工作要求", "抓好落实。"]
    plan = import_text("\n".join(lines), year=2025).plan
    assert [(a.months, a.text, a.owner) for a in plan.schedule] == [
        (["2025-03"], "召开教代会", "工会主席"), (["2025-04"], "组织春游活动", "文体委员")]
