<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportReportPanel</name>
    <message>
        <location filename="../../dialogs/import_report.py" line="36"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="36"/>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="36"/>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="37"/>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="43"/>
        <source>Go to Place</source>
        <translation>跳转到位置</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="60"/>
        <source>Guess</source>
        <translation>推测</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="60"/>
        <source>Unplaced</source>
        <translation>未归类</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="61"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="69"/>
        <source>From %1 (%2).</source>
        <translation>来自 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="70"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="72"/>
        <source>Nothing had to be guessed.</source>
        <translation>没有需要推测的内容。</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="71"/>
        <source>Click a row to see the place in the plan.</source>
        <translation>单击一行可跳转到计划中的相应位置。</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="79"/>
        <source>(no place)</source>
        <translation>（无法定位）</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="93"/>
        <source>This report belongs to a plan that is no longer open.</source>
        <translation>这份报告所属的计划已经关闭。</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="98"/>
        <source>Choose a row first.</source>
        <translation>请先选择一行。</translation>
    </message>
    <message>
        <location filename="../../dialogs/import_report.py" line="107"/>
        <source>This item has no place in the plan.</source>
        <translation>这一项在计划中没有对应的位置。</translation>
    </message>
</context>
<context>
    <name>PastePlanDialog</name>
    <message>
        <location filename="../../dialogs/paste_plan.py" line="15"/>
        <source>New Plan from Pasted Text</source>
        <translation>从粘贴的文本新建计划</translation>
    </message>
    <message>
        <location filename="../../dialogs/paste_plan.py" line="16"/>
        <source>Paste last year&apos;s plan below (Ctrl+V), all of it: the title, the numbered sections and the month schedule. The headings, paragraphs and activities are found from the numbering.</source>
        <translation>请把去年的计划全文粘贴到下面（Ctrl+V），包括标题、带序号的各部分和月份安排。程序会根据序号识别标题、段落和各月活动。</translation>
    </message>
    <message>
        <location filename="../../dialogs/paste_plan.py" line="22"/>
        <source>Paste the text of the plan here</source>
        <translation>在此粘贴计划的文字</translation>
    </message>
    <message>
        <location filename="../../dialogs/paste_plan.py" line="31"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../dialogs/paste_plan.py" line="50"/>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
</context>
<context>
    <name>RolloverActions</name>
    <message>
        <location filename="../../gui/rollover_actions.py" line="95"/>
        <source>New from &amp;Last Year&apos;s Plan…</source>
        <translation>以去年的计划为基础新建(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="98"/>
        <source>Start this year&apos;s plan from last year&apos;s plan file or Word file; the changes the new year needs are listed for you to accept</source>
        <translation>以去年的计划文件或 Word 文件为基础开始今年的计划；新年度需要的修改会逐条列出，由您确认</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="101"/>
        <source>&amp;Import Word or Text Plan…</source>
        <translation>导入 Word/文本计划(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="104"/>
        <source>Make a new plan file from a plan typed in Word (.docx, .doc, .wps) or a text file</source>
        <translation>把用 Word（.docx、.doc、.wps）或文本文件写的计划导入为新的计划文件</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="106"/>
        <source>New from Pas&amp;ted Text…</source>
        <translation>从粘贴的文本新建(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="108"/>
        <source>Make a new plan from text copied out of last year&apos;s plan</source>
        <translation>用从去年计划中复制的文字新建计划</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="119"/>
        <source>Last year&apos;s plan (*%1 %2)</source>
        <translation>去年的计划 (*%1 %2)</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="122"/>
        <location filename="../../gui/rollover_actions.py" line="141"/>
        <source>Word or text files (%1)</source>
        <translation>Word 或文本文件 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="123"/>
        <location filename="../../gui/rollover_actions.py" line="144"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="125"/>
        <source>Choose last year&apos;s plan</source>
        <translation>选择去年的计划</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="142"/>
        <source>Word documents (*.docx *.doc *.wps)</source>
        <translation>Word 文档 (*.docx *.doc *.wps)</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="143"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="146"/>
        <source>Import last year&apos;s Word or text plan</source>
        <translation>导入去年的 Word 或文本计划</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="161"/>
        <source>There is no text to import.</source>
        <translation>没有可以导入的文字。</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="161"/>
        <location filename="../../gui/rollover_actions.py" line="221"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="165"/>
        <location filename="../../gui/rollover_actions.py" line="236"/>
        <source>the pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="173"/>
        <source>Another file is still being read; please wait.</source>
        <translation>还有一个文件正在读取，请稍候。</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="177"/>
        <source>Reading %1…
A Word file may take a while when it has to be converted.</source>
        <translation>正在读取 %1…
如果 Word 文件需要转换，可能要稍等一会儿。</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="179"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="181"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="220"/>
        <source>The file could not be read as a plan. If it is a Word document, open it in Word, save it again as .docx and import that file.</source>
        <translation>无法把这个文件读作一份计划。如果它是 Word 文档，请用 Word 打开，另存为 .docx 后再导入。</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="251"/>
        <location filename="../../gui/rollover_actions.py" line="256"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="265"/>
        <source>Last year&apos;s plan is for %1. Which year is the new plan for?</source>
        <translation>去年的计划是 %1 年的。新计划是哪一年的？</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="267"/>
        <location filename="../../gui/rollover_actions.py" line="273"/>
        <source>New Plan from Last Year&apos;s</source>
        <translation>以去年的计划为基础新建</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="271"/>
        <source>The new plan must be for another year than last year&apos;s plan (%1).</source>
        <translation>新计划的年度不能与去年的计划相同（%1 年）。</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="297"/>
        <source>Where should the new plan be saved?</source>
        <translation>新计划保存在哪里？</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="303"/>
        <source>The new plan cannot be saved over last year&apos;s file; please choose another name.</source>
        <translation>新计划不能覆盖去年的计划文件，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="304"/>
        <location filename="../../gui/rollover_actions.py" line="308"/>
        <location filename="../../gui/rollover_actions.py" line="321"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="307"/>
        <source>This plan is open now; choose another file name.</source>
        <translation>这份计划正在打开，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="350"/>
        <source>Changes for the New Year</source>
        <translation>新年度修改</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="368"/>
        <source>Import Report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="413"/>
        <location filename="../../gui/rollover_actions.py" line="419"/>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="416"/>
        <source>Accept new-year changes</source>
        <translation>接受新年度修改</translation>
    </message>
    <message>
        <location filename="../../gui/rollover_actions.py" line="419"/>
        <source>The changes could not be made.</source>
        <translation>无法进行这些修改。</translation>
    </message>
</context>
<context>
    <name>RolloverReviewPanel</name>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="115"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="115"/>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="115"/>
        <source>Before</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="116"/>
        <source>After</source>
        <translation>改为</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="116"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="135"/>
        <source>Hide accepted and rejected</source>
        <translation>隐藏已接受和已拒绝的</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="138"/>
        <source>Accept All</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="141"/>
        <source>Accept every change that has a replacement (rejected rows are left alone)</source>
        <translation>接受所有已有修改文字的项（已拒绝的不动）</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="142"/>
        <source>Accept Selected</source>
        <translation>接受所选</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="144"/>
        <source>Accept the checked rows (or the highlighted rows when none is checked)</source>
        <translation>接受勾选的行（没有勾选时为选中的行）</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="146"/>
        <source>Reject Selected</source>
        <translation>拒绝所选</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="148"/>
        <source>Leave the text of the checked rows as it is</source>
        <translation>勾选行的文字保持原样</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="149"/>
        <source>Go to Place</source>
        <translation>跳转到位置</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="210"/>
        <source>This list belongs to a plan that is no longer open.</source>
        <translation>这份清单所属的计划已经关闭。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="294"/>
        <source>There is nothing left to accept.</source>
        <translation>没有可以接受的修改了。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="312"/>
        <source>%1 rows have no replacement yet: double-click “After” to type one.</source>
        <translation>有 %1 行还没有修改后的文字：双击“改为”一栏填写。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="315"/>
        <source>%1 rows were not applied because their text was edited since.</source>
        <translation>有 %1 行的文字后来改动过，未作修改。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="318"/>
        <source>Check the rows to accept first.</source>
        <translation>请先勾选要接受的行。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="326"/>
        <source>Check the rows to reject first.</source>
        <translation>请先勾选要拒绝的行。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="354"/>
        <source>Choose a row first.</source>
        <translation>请先选择一行。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="408"/>
        <source>(type here)</source>
        <translation>（请填写）</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="444"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="446"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="448"/>
        <source>Edited since</source>
        <translation>已改动</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="449"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="449"/>
        <source>Check</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="459"/>
        <source>The plan has been moved from %1 to %2: the period and the months of the schedule follow, done marks and the date of issue are cleared. %3 changes to the text are proposed (%4 automatic, %5 to check).</source>
        <translation>计划已从 %1 年顺延到 %2 年：期间和月份安排随之顺延，完成标记和成文日期已清空。正文共有 %3 处修改建议（自动 %4 处，待核对 %5 处）。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="465"/>
        <source>Open: %1 · accepted: %2 · rejected: %3 · edited since: %4</source>
        <translation>未处理 %1 · 已接受 %2 · 已拒绝 %3 · 已改动 %4</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="476"/>
        <source>In context: %1</source>
        <translation>上下文：%1</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="478"/>
        <source>Changed: “%1” → “%2”</source>
        <translation>已修改：“%1” → “%2”</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="481"/>
        <source>The text here was edited after the change was proposed, so it is not applied. Go to the place and check it yourself.</source>
        <translation>这里的文字在提出修改之后又改动过，因此没有应用这条修改。请跳转到该处自行核对。</translation>
    </message>
    <message>
        <location filename="../../dialogs/rollover_review.py" line="486"/>
        <source>No suggestion: double-click “After” and type the new text.</source>
        <translation>没有建议：请双击“改为”一栏，填写新的文字。</translation>
    </message>
</context>
</TS>
