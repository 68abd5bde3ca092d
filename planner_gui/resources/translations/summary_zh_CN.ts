<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PropertiesPanel</name>
    <message>
        <source>End with the appendix 全年活动完成情况 (summaries)</source>
        <translation>文末附“全年活动完成情况”表（工作总结）</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>Done on</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 项逾期未完成</translation>
    </message>
    <message>
        <source>%1 of %2 activities done</source>
        <translation>%2 项活动已完成 %1 项</translation>
    </message>
    <message>
        <source>%1 not done although their month has passed</source>
        <translation>%1 项已过计划月份仍未标记完成</translation>
    </message>
    <message>
        <source>Its month has passed and it is not marked done.</source>
        <translation>计划月份已过，尚未标记完成。</translation>
    </message>
    <message>
        <source>Edit done date</source>
        <translation>修改完成时间</translation>
    </message>
    <message>
        <source>Edit outcome</source>
        <translation>修改完成情况</translation>
    </message>
</context>
<context>
    <name>SummaryActions</name>
    <message>
        <source>Year-End &amp;Summary from This Plan…</source>
        <translation>生成年度工作总结(&amp;S)…</translation>
    </message>
    <message>
        <source>Draft the year's 工作总结 from this plan's activities, done marks and outcomes, in a new file</source>
        <translation>根据本计划的活动、完成标记和完成情况，在新文件中起草本年度工作总结</translation>
    </message>
    <message>
        <source>Year-End Summary</source>
        <translation>年度工作总结</translation>
    </message>
    <message>
        <source>This document is already a year-end summary; open the year's plan to draft one.</source>
        <translation>当前文档已经是年度工作总结。请打开本年度的工作计划再生成总结。</translation>
    </message>
    <message>
        <source>Where should the year-end summary be saved?</source>
        <translation>年度工作总结保存到哪里？</translation>
    </message>
    <message>
        <source>The summary cannot be saved over the plan; please choose another name.</source>
        <translation>工作总结不能覆盖计划文件，请换一个文件名。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Last year's summary “%1” says what the union means to do this year. Put its %2 paragraphs under 下一年工作打算 at the start of the new plan's opening?</source>
        <translation>去年的工作总结“%1”写有今年的工作打算。是否把其中“下一年工作打算”的 %2 段文字放到新计划开头的最前面？</translation>
    </message>
    <message>
        <source>New Plan from Last Year's</source>
        <translation>以去年的计划为基础新建</translation>
    </message>
    <message>
        <source>Use Them</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>Opening from last year's summary</source>
        <translation>采用去年总结中的工作打算</translation>
    </message>
</context>
<context>
    <name>YearGridModel</name>
    <message>
        <source>%1 of %2 activities done</source>
        <translation>%2 项活动已完成 %1 项</translation>
    </message>
    <message>
        <source>%1 not done although their month has passed</source>
        <translation>%1 项已过计划月份仍未标记完成</translation>
    </message>
    <message>
        <source>Done / planned</source>
        <translation>完成 / 计划</translation>
    </message>
</context>
<context>
    <name>YearGridView</name>
    <message>
        <source>✓ done · a mark on red: its month has passed and it is not marked done · last row: done / planned</source>
        <translation>✓ 已完成 · 红底：计划月份已过仍未标记完成 · 最后一行：完成数 / 计划数</translation>
    </message>
    <message>
        <source>Done: %1 of %2 activities.</source>
        <translation>全年计划活动 %2 项，已完成 %1 项。</translation>
    </message>
    <message>
        <source>%1 not done although their month has passed.</source>
        <translation>其中 %1 项已过计划月份仍未标记完成。</translation>
    </message>
</context>
</TS>
