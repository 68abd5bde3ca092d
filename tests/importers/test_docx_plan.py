"""Word documents: typed and automatic numbering, outline levels, month tables."""

from __future__ import annotations

import pytest

from planner_gui.importers import import_bytes
from planner_gui.importers.docx_numbering import NumberingResolver, format_number
from tests.importers import docx_factory as f


def imported(document, year=2025):
    return import_bytes(f.to_bytes(document), "计划.docx", year)


def outline_of(plan):
    def walk(sections, depth):
        for s in sections:
            yield depth, s.heading
            yield from walk(s.children, depth + 1)
    return list(walk(plan.sections, 1))


def months(plan):
    return [(a.months, a.text) for a in plan.schedule]


def test_typed_numbering_nests_by_kind():
    d = f.new_document()
    f.title(d, "2025年青松小学工会工作计划")
    d.add_paragraph("本年度工会工作围绕学校中心任务展开。")
    d.add_paragraph("一、建设教工之家")
    d.add_paragraph("（一）完善活动室")
    d.add_paragraph("1. 添置健身器材")
    d.add_paragraph("（1）跑步机两台")
    d.add_paragraph("2. 开放阅览角")
    d.add_paragraph("（二）办好读书会")
    d.add_paragraph("二、关心退休教师")
    plan = imported(d).plan
    assert plan.meta.title == "2025年青松小学工会工作计划"
    assert plan.meta.organization == "青松小学工会"
    assert plan.preamble == ["本年度工会工作围绕学校中心任务展开。"]
    assert outline_of(plan) == [(1, "建设教工之家"), (2, "完善活动室"), (3, "添置健身器材"), (4, "跑步机两台"),
                                (3, "开放阅览角"), (2, "办好读书会"), (1, "关心退休教师")]


def test_automatic_numbering_from_numbering_xml():
    d = f.new_document()
    num = f.add_list(d, 60, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    f.numbered(d, "强化思想引领", num, 0)
    f.numbered(d, "组织专题学习", num, 1)
    f.numbered(d, "每月集中学习一次", num, 2)
    f.numbered(d, "开展师德讲堂", num, 1)
    f.numbered(d, "维护合法权益", num, 0)
    d.add_paragraph("坚持教代会制度。")
    plan = imported(d).plan
    assert outline_of(plan) == [(1, "强化思想引领"), (2, "组织专题学习"), (3, "每月集中学习一次"),
                                (2, "开展师德讲堂"), (1, "维护合法权益")]
    assert plan.sections[1].body == ["坚持教代会制度。"]


def test_labels_follow_words_counters():
    d = f.new_document()
    num = f.add_list(d, 61, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"),
                             ("decimal", "%3."), ("decimal", "（%4）"), ("decimalEnclosedCircle", "%5")])
    restart = f.add_list(d, 62, [("decimal", "%1.%2"), ("decimal", "%1.%2")], num_id=90,
                         start_overrides={0: 3})
    paragraphs = [f.numbered(d, "甲", num, 0), f.numbered(d, "乙", num, 1), f.numbered(d, "丙", num, 1),
                  f.numbered(d, "丁", num, 0), f.numbered(d, "戊", num, 1), f.numbered(d, "己", num, 2),
                  f.numbered(d, "庚", num, 3), f.numbered(d, "辛", num, 4), f.numbered(d, "壬", restart, 0)]
    resolver = NumberingResolver(d.part.numbering_part.element, d.styles.element)
    assert [resolver.label(p._p) for p in paragraphs] == [
        "一、", "（一）", "（二）", "二、", "（一）", "1.", "（1）", "①", "3.1 "]


@pytest.mark.parametrize("fmt, value, text", [
    ("chineseCounting", 12, "十二"), ("chineseCountingThousand", 3, "三"), ("decimal", 7, "7"),
    ("ideographTraditional", 2, "乙"), ("decimalEnclosedCircleChinese", 4, "④"), ("upperRoman", 9, "IX"),
    ("lowerLetter", 27, "aa"), ("decimalFullWidth", 5, "５"), ("ideographDigital", 10, "一〇"),
])
def test_number_formats(fmt, value, text):
    assert format_number(value, fmt) == text


def test_numbering_on_a_style_and_numid_zero():
    d = f.new_document()
    num = f.add_list(d, 63, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    f.list_style(d, "计划一级", num, 0)
    f.list_style(d, "计划二级", num, 1)
    f.list_style(d, "计划一级加粗", num, None, based_on="计划一级")   # numPr inherited through basedOn
    d.add_paragraph("加强组织建设", style="计划一级")
    d.add_paragraph("发展新会员", style="计划二级")
    off = d.add_paragraph("这一段用了标题样式，但关掉了编号。", style="计划一级")
    f.set_num(off, 0)
    d.add_paragraph("丰富文体生活", style="计划一级加粗")
    plan = imported(d).plan
    assert outline_of(plan) == [(1, "加强组织建设"), (2, "发展新会员"), (1, "丰富文体生活")]
    assert plan.sections[0].children[0].body == ["这一段用了标题样式，但关掉了编号。"]


def test_style_tied_to_a_level_by_pstyle():
    d = f.new_document()
    second = f.list_style(d, "计划第二层", 0, None)   # numId filled in below
    num = f.add_list(d, 64, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")],
                     styles={1: second.style_id})
    second.element.pPr.numPr.numId.val = num
    f.numbered(d, "第一件大事", num, 0)
    d.add_paragraph("其中的小事", style="计划第二层")
    assert outline_of(imported(d).plan) == [(1, "第一件大事"), (2, "其中的小事")]


def test_outline_levels_and_heading_styles():
    d = f.new_document()
    d.add_paragraph("总体目标", style="Heading 1")
    d.add_paragraph("全年办好十件实事。")
    d.add_paragraph("重点任务", style="Heading 1")
    d.add_paragraph("职工素质提升", style="Heading 2")
    f.outline(d.add_paragraph("技能比武"), 2)
    d.add_paragraph("每季度一次。")
    plan = imported(d).plan
    assert outline_of(plan) == [(1, "总体目标"), (1, "重点任务"), (2, "职工素质提升"), (3, "技能比武")]
    assert plan.sections[0].body == ["全年办好十件实事。"]


def test_bold_run_in_heading_is_split_at_the_bold_run():
    d = f.new_document()
    f.run_in(d, "一、加强学习，提高素质", "组织教职工每月学习一次。学习情况纳入考核。")
    plan = imported(d).plan
    assert plan.sections[0].heading == "加强学习，提高素质"
    assert plan.sections[0].body == ["组织教职工每月学习一次。学习情况纳入考核。"]


def test_month_table_with_merged_cells():
    d = f.new_document()
    d.add_paragraph("一、主要工作")
    d.add_paragraph("二、月份工作安排")
    f.month_table(d, [
        ("三月", "1、庆“三八”趣味活动\n2、组织植树", "女工委员会", ""),
        (None, "召开教代会", "工会主席", "上旬"),
        ("四月", "春季健步走", "", ""),
        ("七至八月", "夏季送清凉", "", ""),
        ("全年", "困难职工帮扶", "", ""),
    ])
    d.add_paragraph("三、保障措施")
    plan = imported(d).plan
    assert months(plan) == [
        (["2025-03"], "庆“三八”趣味活动"), (["2025-03"], "组织植树"), (["2025-03"], "召开教代会"),
        (["2025-04"], "春季健步走"), (["2025-07", "2025-08"], "夏季送清凉"), ([], "困难职工帮扶")]
    assert [a.owner for a in plan.schedule[:3]] == ["女工委员会", "女工委员会", "工会主席"]
    assert plan.schedule[2].note == "上旬"
    assert [s.heading for s in plan.sections] == ["主要工作", "月份工作安排", "保障措施"]


def test_empty_month_cells_and_a_content_cell_merged_over_two_months():
    d = f.new_document()
    table = f.month_table(d, [("九月", "教师节表彰", "", ""), (None, "迎新教师座谈", "", ""),
                              ("十月", "秋季运动会", "", ""), ("十一月", None, "", "")],
                          merge_months=False)
    table.cell(3, 1).merge(table.cell(4, 1))
    plan = imported(d).plan
    assert months(plan) == [(["2025-09"], "教师节表彰"), (["2025-09"], "迎新教师座谈"),
                            (["2025-10", "2025-11"], "秋季运动会")]


def test_table_without_header_found_by_its_month_column():
    d = f.new_document()
    table = d.add_table(rows=3, cols=2)
    for r, (month, text) in enumerate([("一月份", "走访慰问"), ("二月份", "制定计划"), ("三月份", "庆三八")]):
        table.cell(r, 0).text = month
        table.cell(r, 1).text = text
    assert months(imported(d).plan) == [(["2025-01"], "走访慰问"), (["2025-02"], "制定计划"),
                                        (["2025-03"], "庆三八")]


def test_other_tables_become_body_rows_and_are_reported():
    d = f.new_document()
    d.add_paragraph("一、经费预算")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([("项目", "金额"), ("慰问", "三千元")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    result = imported(d)
    assert result.plan.sections[0].body == ["项目｜金额", "慰问｜三千元"]
    assert result.report.unplaced and result.report.unplaced[0].location is not None


def test_signature_and_chinese_date():
    d = f.new_document()
    d.add_paragraph("一、做好帮扶")
    d.add_paragraph("青松小学工会委员会")
    d.add_paragraph("二〇二五年二月二十八日")
    plan = imported(d).plan
    assert plan.meta.signature == "青松小学工会委员会"
    assert plan.meta.organization == "青松小学工会"
    assert plan.meta.date == "2025-02-28"


def test_content_controls_text_boxes_and_tracked_changes_are_read():
    d = f.new_document()
    d.add_paragraph("一、开头的标题")
    data = f.body_xml(f.to_bytes(d), (
        '<w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件里的一段。</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        '<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删去的</w:delText></w:r>'
        '</w:del><w:ins w:id="2" w:author="a"><w:r><w:t>插入的</w:t></w:r></w:ins></w:p>'))
    plan = import_bytes(data, "x.docx", 2025).plan
    assert plan.sections[0].body == ["内容控件里的一段。", "保留插入的"]


def test_line_breaks_inside_a_paragraph_are_separate_lines():
    d = f.new_document()
    d.add_paragraph("二、活动安排")
    d.add_paragraph("三月份：\n1、庆三八\n2、学雷锋")
    assert months(imported(d).plan) == [(["2025-03"], "庆三八"), (["2025-03"], "学雷锋")]


def test_automatic_numbers_inside_a_table_cell():
    d = f.new_document()
    num = f.add_list(d, 65, [("decimal", "%1、")])
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "月份", "工作内容"
    table.cell(1, 0).text = "五月"
    cell = table.cell(1, 1)
    cell.paragraphs[0].text = "庆五一"
    f.set_num(cell.paragraphs[0], num)
    f.set_num(cell.add_paragraph("青年读书会"), num)
    assert months(imported(d).plan) == [(["2025-05"], "庆五一"), (["2025-05"], "青年读书会")]


def test_centred_title_over_two_lines_but_not_its_note():
    d = f.new_document()
    f.title(d, "青松小学工会")
    f.title(d, "2025年工作计划")
    f.title(d, "（2025年2月20日教代会通过）")
    d.add_paragraph("一、主要工作")
    plan = imported(d).plan
    assert plan.meta.title == "青松小学工会2025年工作计划"
    assert plan.preamble == ["（2025年2月20日教代会通过）"]


def test_legal_style_numbering_nests():
    d = f.new_document()
    num = f.add_list(d, 66, [("decimal", "%1."), ("decimal", "%1.%2")])
    f.numbered(d, "组织建设", num, 0)
    f.numbered(d, "发展会员", num, 1)
    f.numbered(d, "规范选举", num, 1)
    f.numbered(d, "民主管理", num, 0)
    assert outline_of(imported(d).plan) == [(1, "组织建设"), (2, "发展会员"), (2, "规范选举"), (1, "民主管理")]


def test_outline_level_on_every_paragraph_is_ignored():
    d = f.new_document()
    for text in ["一、主要工作", "做好服务。", "开展活动。", "二、保障措施", "落实经费。"] * 4:
        f.outline(d.add_paragraph(text), 0)
    result = imported(d)
    assert [s.heading for s in result.plan.sections] == ["主要工作", "保障措施"] * 4
    assert any("大纲级别" in item.message for item in result.report.items)
