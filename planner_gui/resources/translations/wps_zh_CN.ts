<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindReplacePanel</name>
    <message>
        <source>No match.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <source>Match %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrences.</source>
        <translation>
            <numerusform>已替换 %n 处。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>The Word document</source>
        <translation>Word 文档</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>User Guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>From %1 to %2.</source>
        <translation>即 %1 至 %2。</translation>
    </message>
    <message>
        <source>The %1—%2 school year.</source>
        <translation>%1—%2 学年，</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;I)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Confirm Save As</source>
        <translation>确认另存为</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
</context>
<context>
    <name>RolloverActions</name>
    <message>
        <source>Last year's plan is for the %1—%2 school year. For which school year is the new plan? Enter the year it starts in (%2 for %2—%3).</source>
        <translation>去年的计划是 %1—%2 学年的。新计划是哪个学年的？请输入学年开始的年份（%2—%3 学年填 %2）。</translation>
    </message>
</context>
<context>
    <name>RolloverReviewPanel</name>
    <message>
        <source>Accept Checked Changes</source>
        <translation>接受勾选的修改</translation>
    </message>
    <message>
        <source>Reject Checked Changes</source>
        <translation>拒绝勾选的修改</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>(continued) %1</source>
        <translation>（续）%1</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Every change is saved as it is made; this writes any typing still waiting at once (the sample plan: save it as a file)</source>
        <translation>每处修改都会随时保存；此命令立即写入尚未写入的输入（示例计划则另存为文件）</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>How to start from last year's plan, the month table, export and print</source>
        <translation>如何从去年的计划开始、填写月份安排、导出和打印</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Union work plan</source>
        <translation>工会工作计划</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
</context>
<context>
    <name>exported</name>
    <message>
        <source>%1 was written:
%2</source>
        <translation>%1已导出：
%2</translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>No program could open %1.</source>
        <translation>没有能打开 %1 的程序。</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>The PDF file</source>
        <translation>PDF 文件</translation>
    </message>
</context>
</TS>
