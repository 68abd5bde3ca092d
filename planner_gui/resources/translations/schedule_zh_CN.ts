<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityLibraryPanel</name>
    <message>
        <location filename="../../gui/schedule_library.py" line="55" />
        <source>Activity library</source>
        <translation>活动库</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="60" />
        <source>Every kind of union</source>
        <translation>所有单位类型</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="60" />
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="61" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="61" />
        <source>Township / street</source>
        <translation>乡镇、街道</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="62" />
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="62" />
        <source>Government office</source>
        <translation>机关事业单位</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="74" />
        <source>Double-click to add to its month, or drag onto a month.</source>
        <translation>双击加入对应月份，或拖到某个月份。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="79" />
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="82" />
        <source>Add Selected Activity</source>
        <translation>加入选中的活动</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="84" />
        <source>Keep the selected activity of the plan in your library</source>
        <translation>把计划中选中的活动存入自己的活动库</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="86" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="88" />
        <source>Remove one of your own entries from the library</source>
        <translation>从活动库中移除自己添加的条目</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="112" />
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="123" />
        <source> (mine)</source>
        <translation>（自定义）</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="128" />
        <source>Usual owner: %1</source>
        <translation>常见负责人：%1</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="131" />
        <source>Not in this plan's period</source>
        <translation>不在本计划期间内</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_library.py" line="177" />
        <source>Could not save your activity library %1: %2</source>
        <translation>无法保存自定义活动库 %1：%2</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <location filename="../../gui/schedule_month_dialog.py" line="17" />
        <source>Choose Months</source>
        <translation>选择月份</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_month_dialog.py" line="21" />
        <source>Months the activity covers (tick several for a span):</source>
        <translation>活动所在的月份（跨月活动可勾选多个）：</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_month_dialog.py" line="31" />
        <source>No fixed month (全年 / 长期)</source>
        <translation>不定月份（全年 / 长期）</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_month_dialog.py" line="35" />
        <source>Or type the months, e.g. 七至八月, 一、二月, 次年元月:</source>
        <translation>或直接输入，如 七至八月、一、二月、次年元月：</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_month_dialog.py" line="96" />
        <source>Not a month this plan can read.</source>
        <translation>无法识别为本计划的月份。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_month_dialog.py" line="103" />
        <source> (outside the plan's period)</source>
        <translation>（不在计划期间内）</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_month_dialog.py" line="104" />
        <source>Shown as: %1</source>
        <translation>显示为：%1</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <location filename="../../models/schedule_model.py" line="324" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="324" />
        <source>Work</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="324" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="324" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="324" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="345" />
        <source>%1 (outside the period)</source>
        <translation>%1（不在计划期间内）</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="348" />
        <source>No activity</source>
        <translation>无安排</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="361" />
        <source>These activities fall outside the plan's period. Move them to a month of the period or delete them.</source>
        <translation>这些活动不在计划期间内。请把它们移到期间内的月份，或者删除。</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="364" />
        <source>No activity planned for this month</source>
        <translation>本月尚无活动安排</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="411" />
        <source>Months: %1</source>
        <translation>月份：%1</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="415" />
        <source>Carries out: %1</source>
        <translation>落实章节：%1</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="425" />
        <source>Pasted without a month: check the text and choose its month.</source>
        <translation>粘贴时没有找到月份：请核对文字并选择月份。</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="426" />
        <source>The pasted month could not be read (kept in the note): choose its month.</source>
        <translation>粘贴的月份无法识别（原文保留在备注中）：请选择月份。</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="427" />
        <source>The pasted month is outside the plan's period.</source>
        <translation>粘贴的月份不在计划期间内。</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="452" />
        <source>Mark activity done</source>
        <translation>标记活动已完成</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="452" />
        <source>Mark activity not done</source>
        <translation>取消活动完成标记</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="460" />
        <source>Change months</source>
        <translation>更改月份</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="467" />
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="467" />
        <source>Edit owner</source>
        <translation>编辑负责人</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="467" />
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="525" />
        <source>Move activity</source>
        <translation>移动活动</translation>
    </message>
    <message>
        <location filename="../../models/schedule_model.py" line="525" />
        <source>Move activities</source>
        <translation>移动活动</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <location filename="../../gui/schedule_view.py" line="109" />
        <source>&amp;Add Activity</source>
        <translation>新增活动(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="110" />
        <source>Add an activity to the selected month</source>
        <translation>在选中的月份中新增一项活动</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="111" />
        <source>&amp;Delete Activity</source>
        <translation>删除活动(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="112" />
        <source>Delete the selected activities</source>
        <translation>删除选中的活动</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="114" />
        <source>Copy the selected activity under it</source>
        <translation>在选中的活动下面复制一份</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="115" />
        <source>Move &amp;Up in Month</source>
        <translation>月内上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="117" />
        <source>Move Do&amp;wn in Month</source>
        <translation>月内下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="119" />
        <source>&amp;Move to Months…</source>
        <translation>移到月份(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="120" />
        <source>Choose the month or months of the selected activities</source>
        <translation>为选中的活动选择月份（可跨月）</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="121" />
        <source>&amp;Paste Activities</source>
        <translation>粘贴活动(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="123" />
        <source>Add rows copied from Word or Excel, recognising their months</source>
        <translation>加入从 Word 或 Excel 复制的内容，自动识别月份</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="124" />
        <source>&amp;Go to Section</source>
        <translation>跳转到章节(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="125" />
        <source>Show the section this activity carries out</source>
        <translation>显示这项活动所落实的章节</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="126" />
        <source>Activity &amp;Library</source>
        <translation>活动库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="113" />
        <source>Dupli&amp;cate Activity</source>
        <translation>复制活动(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="128" />
        <source>&amp;Save to Library</source>
        <translation>存入活动库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="129" />
        <source>Keep the selected activity in your activity library</source>
        <translation>把选中的活动存入自己的活动库</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="130" />
        <source>&amp;Year at a Glance</source>
        <translation>全年一览(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="131" />
        <source>Activities by month for the whole period</source>
        <translation>按月查看整个计划期间的活动</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="179" />
        <source>“%1” is not a month this plan can read; try 三月, 七至八月 or 全年.</source>
        <translation>“%1”无法识别为月份；可以输入 三月、七至八月 或 全年。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="197" />
        <source>Carries out section:</source>
        <translation>落实章节：</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="200" />
        <source>The section of the plan this activity carries out</source>
        <translation>这项活动所落实的计划章节</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="203" />
        <source>Go to Section</source>
        <translation>跳转到章节</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="214" />
        <source>By Month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="215" />
        <source>Year at a Glance</source>
        <translation>全年一览</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="296" />
        <source>This plan is open read-only; changes are not possible.</source>
        <translation>该计划以只读方式打开，不能修改。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="365" />
        <source>Add activity</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="380" />
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/schedule_view.py" line="380" />
        <source>Delete %n activities</source>
        <translation><numerusform>删除 %n 项活动</numerusform></translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="382" />
        <source>Deleted; Undo brings it back.</source>
        <translation>已删除；撤销可以恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/schedule_view.py" line="383" />
        <source>Deleted %n activities; Undo brings them back.</source>
        <translation><numerusform>已删除 %n 项活动；撤销可以恢复。</numerusform></translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="410" />
        <source>Duplicate activity</source>
        <translation>复制活动</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="420" />
        <source>Already the first activity of its month.</source>
        <translation>已经是本月第一项活动。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="421" />
        <source>Already the last activity of its month.</source>
        <translation>已经是本月最后一项活动。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="423" />
        <source>Move activity</source>
        <translation>移动活动</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="434" />
        <source>Change months</source>
        <translation>更改月份</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="443" />
        <location filename="../../gui/schedule_view.py" line="518" />
        <source>Select an activity first.</source>
        <translation>请先选中一项活动。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="459" />
        <source>The clipboard holds no text to paste.</source>
        <translation>剪贴板中没有可粘贴的文字。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="463" />
        <source>Nothing to add: the pasted text holds no activities.</source>
        <translation>没有可加入的内容：粘贴的文字中没有活动。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="466" />
        <source>Paste activities</source>
        <translation>粘贴活动</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/schedule_view.py" line="473" />
        <source>Pasted %n activities.</source>
        <translation><numerusform>已粘贴 %n 项活动。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/schedule_view.py" line="475" />
        <source>%n of them need checking (tinted): their month was not recognised or lies outside the period.</source>
        <translation><numerusform>其中 %n 项需要核对（已用底色标出）：月份未能识别或不在计划期间内。</numerusform></translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="478" />
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="487" />
        <location filename="../../gui/schedule_view.py" line="665" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="513" />
        <source>Tie activity to section</source>
        <translation>关联章节</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="521" />
        <source>This activity is not tied to a section; choose one below.</source>
        <translation>这项活动尚未关联章节，请在下方选择。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="555" />
        <source>“%1” falls outside this plan's period.</source>
        <translation>“%1”不在本计划期间内。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="560" />
        <source>Insert from library</source>
        <translation>从活动库插入</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="563" />
        <source>Added “%1” under %2.</source>
        <translation>已把“%1”加入%2。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="574" />
        <source>Select an activity with some text first.</source>
        <translation>请先选中一项有内容的活动。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="586" />
        <source>“%1” is now in your activity library.</source>
        <translation>“%1”已存入活动库。</translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="621" />
        <source>(no text)</source>
        <translation>（无内容）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/schedule_view.py" line="622" />
        <source>%n activities fall outside the new period and are listed at the end: %1. Move them to a month of the period or delete them.</source>
        <translation><numerusform>有 %n 项活动不在新的计划期间内，已列在最后：%1。请把它们移到期间内的月份，或者删除。</numerusform></translation>
    </message>
    <message>
        <location filename="../../gui/schedule_view.py" line="662" />
        <source>Carries Out Section</source>
        <translation>关联章节</translation>
    </message>
</context>
<context>
    <name>YearGridModel</name>
    <message>
        <location filename="../../models/year_grid_model.py" line="90" />
        <location filename="../../models/year_grid_model.py" line="136" />
        <source>none</source>
        <translation>无安排</translation>
    </message>
    <message>
        <location filename="../../models/year_grid_model.py" line="122" />
        <source>%1: no activity planned</source>
        <translation>%1：尚无活动安排</translation>
    </message>
    <message>
        <location filename="../../models/year_grid_model.py" line="124" />
        <source>%1: %2 activities, a crowded month</source>
        <translation>%1：%2 项活动，安排较多</translation>
    </message>
    <message>
        <location filename="../../models/year_grid_model.py" line="126" />
        <source>%1: %2 activities</source>
        <translation>%1：%2 项活动</translation>
    </message>
    <message>
        <location filename="../../models/year_grid_model.py" line="147" />
        <source>Activities in the month</source>
        <translation>本月活动数</translation>
    </message>
</context>
<context>
    <name>YearGridView</name>
    <message>
        <location filename="../../gui/year_grid.py" line="38" />
        <source>● the activity takes place that month · red: a month with no activity · orange: a crowded month</source>
        <translation>● 表示该月有这项活动 · 红色：没有活动的月份 · 橙色：活动较多的月份</translation>
    </message>
    <message>
        <location filename="../../gui/year_grid.py" line="63" />
        <source>No activity in: %1.</source>
        <translation>没有活动的月份：%1。</translation>
    </message>
    <message>
        <location filename="../../gui/year_grid.py" line="65" />
        <source>Every month has at least one activity.</source>
        <translation>每个月都有活动安排。</translation>
    </message>
    <message>
        <location filename="../../gui/year_grid.py" line="67" />
        <source>Crowded: %1.</source>
        <translation>活动较多：%1。</translation>
    </message>
    <message>
        <location filename="../../gui/year_grid.py" line="71" />
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
</context>
</TS>