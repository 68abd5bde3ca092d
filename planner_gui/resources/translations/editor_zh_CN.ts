<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindReplacePanel</name>
    <message>
        <source>Match case (for Latin letters)</source>
        <translation>区分大小写（英文字母）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Replace Checked</source>
        <translation>替换勾选项</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <source>Type the text to find.</source>
        <translation>请输入要查找的文字。</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>找到 %1 处</translation>
    </message>
    <message>
        <source>Replace “%1” with “%2”</source>
        <translation>将“%1”替换为“%2”</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outline and Text</source>
        <translation>大纲与正文</translation>
    </message>
    <message>
        <source>Monthly Schedule</source>
        <translation>月份安排</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>New Plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <source>Unfilled Placeholders</source>
        <translation>未填写的占位内容</translation>
    </message>
    <message>
        <source>The monthly schedule is not available in this version.</source>
        <translation>此版本中月份安排不可用。</translation>
    </message>
    <message>
        <source>The change could not be made.</source>
        <translation>无法进行此修改。</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>输入文字</translation>
    </message>
    <message>
        <source>Edit heading</source>
        <translation>修改标题</translation>
    </message>
    <message>
        <source>Change plan properties</source>
        <translation>修改计划属性</translation>
    </message>
    <message>
        <source>Change plan period</source>
        <translation>更改计划期间</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform>等 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activities fall outside the new period (kept): </source>
        <translation>
            <numerusform>%n 项活动不在新的计划期间内（已保留）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Change layout options</source>
        <translation>修改格式选项</translation>
    </message>
    <message>
        <source>Change year</source>
        <translation>更改年度</translation>
    </message>
    <message>
        <source>Nothing you typed is lost: it stays in the program, and a recovery copy was written. Use “Save As” to save the plan somewhere else.</source>
        <translation>您输入的内容没有丢失：它仍保留在程序中，并已另外写了一份恢复副本。可以用“另存为”把计划保存到其他位置。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Sample plan</source>
        <translation>示例计划</translation>
    </message>
    <message>
        <source>Untitled plan</source>
        <translation>未命名计划</translation>
    </message>
    <message>
        <source>%1 — %2[*] - Union Work Plan</source>
        <translation>%1 — %2[*] - 工会工作计划</translation>
    </message>
    <message>
        <source>Sample plan: look around and try things out; use “Save As” to keep your own copy, or start a new plan.</source>
        <translation>示例计划：可以随意查看和试改；要保留修改请“另存为”，或新建自己的计划。</translation>
    </message>
    <message>
        <source>sample plan</source>
        <translation>示例计划</translation>
    </message>
    <message>
        <source>The file is read-only.</source>
        <translation>文件是只读的。</translation>
    </message>
    <message>
        <source>read-only file</source>
        <translation>文件只读</translation>
    </message>
    <message>
        <source>write failed</source>
        <translation>写入失败</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Sample plan, not a file yet</source>
        <translation>示例计划，尚未存为文件</translation>
    </message>
    <message>
        <source>Union Work Plan editor, version %1.
Writes the yearly work plan of a trade union and exports it as an official document.</source>
        <translation>工会工作计划编辑器，版本 %1。
用于编写工会年度工作计划，并按公文格式导出。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>New Plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>An empty plan</source>
        <translation>空白计划</translation>
    </message>
    <message>
        <source>Start from a template:</source>
        <translation>从模板开始：</translation>
    </message>
    <message>
        <source>e.g. 某某中学工会</source>
        <translation>如：某某中学工会</translation>
    </message>
    <message>
        <source>Calendar year</source>
        <translation>全年（一至十二月）</translation>
    </message>
    <message>
        <source>First half-year</source>
        <translation>上半年</translation>
    </message>
    <message>
        <source>Second half-year</source>
        <translation>下半年</translation>
    </message>
    <message>
        <source>School year (September to August)</source>
        <translation>学年（九月至次年八月）</translation>
    </message>
    <message>
        <source>Semester (September to January)</source>
        <translation>学期（九月至次年元月）</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>计划期间：</translation>
    </message>
    <message>
        <source>Next you choose where the plan file is saved; every change is saved there as you work.</source>
        <translation>接下来选择计划文件的保存位置；以后的每一处修改都会随时自动保存到这个文件。</translation>
    </message>
</context>
<context>
    <name>OutlineActionsMixin</name>
    <message>
        <source>New section</source>
        <translation>新章节</translation>
    </message>
    <message>
        <source>Add subsection</source>
        <translation>添加下级章节</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加章节</translation>
    </message>
    <message>
        <source>Delete “%1” with its %2 subsections and their text?</source>
        <translation>删除“%1”及其下的 %2 个下级章节和全部正文吗？</translation>
    </message>
    <message>
        <source>Delete “%1” and its text?</source>
        <translation>删除“%1”及其正文吗？</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>删除后可以按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>删除章节</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Demote section</source>
        <translation>降级章节</translation>
    </message>
    <message>
        <source>Promote section</source>
        <translation>升级章节</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>移动章节</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Plan properties</source>
        <extracomment>Kinds of rows (KindRole). (edit, undo text): a rename or a drop the user made in the view.</extracomment>
        <translation>计划属性</translation>
    </message>
    <message>
        <source>Opening (guiding thought)</source>
        <translation>开头（指导思想）</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>重命名章节</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>移动章节</translation>
    </message>
</context>
<context>
    <name>PlaceholderPanel</name>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>占位内容</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>%1 places still to fill in. Click one to go there.</source>
        <translation>还有 %1 处需要填写。单击一项即可转到该处。</translation>
    </message>
    <message>
        <source>No unfilled placeholders.</source>
        <translation>没有未填写的占位内容。</translation>
    </message>
</context>
<context>
    <name>PlanFilesMixin</name>
    <message>
        <source>The file does not exist (any more): %1</source>
        <translation>文件不存在（可能已被移动或删除）：%1</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Restore this plan from one of its backups now?</source>
        <translation>现在从它的备份中恢复这份计划吗？</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Open the plan first: backups are kept for plan files.</source>
        <translation>请先打开计划文件：备份是按计划文件保存的。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Changes to this plan could not be saved last time; a recovery copy was kept. Restore those changes now?</source>
        <translation>上次对此计划的修改未能保存，程序保留了一份恢复副本。现在恢复这些修改吗？</translation>
    </message>
    <message>
        <source>Recovery copy</source>
        <translation>恢复副本</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The recovery copy cannot be read; the plan opens as it was last saved.</source>
        <translation>恢复副本无法读取，计划按最后一次保存的内容打开。</translation>
    </message>
    <message>
        <source>You changed the sample plan. Save your changes as a new plan file?</source>
        <translation>您修改了示例计划。要把修改保存为新的计划文件吗？</translation>
    </message>
    <message>
        <source>The file is read-only, so your changes are not saved in it. Save them to another file?</source>
        <translation>文件是只读的，修改没有保存到文件中。要保存到另一个文件吗？</translation>
    </message>
    <message>
        <source>Your latest changes could not be saved:
%1

Save the plan to another place?</source>
        <translation>最近的修改未能保存：
%1

要把计划保存到其他位置吗？</translation>
    </message>
    <message>
        <source>Save to Another Place…</source>
        <translation>保存到其他位置…</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save plan as</source>
        <translation>计划另存为</translation>
    </message>
    <message>
        <source>The plan cannot be saved over its own file here; please choose another name or folder.</source>
        <translation>不能覆盖正在使用的计划文件，请换一个文件名或文件夹。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已另存为 %1</translation>
    </message>
    <message>
        <source>Where should the new plan be saved?</source>
        <translation>新计划保存到哪里？</translation>
    </message>
    <message>
        <source>This plan is open now; choose another file name.</source>
        <translation>这个计划正在打开，请换一个文件名。</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>export to Word</source>
        <translation>导出 Word 文档</translation>
    </message>
    <message>
        <source>Export Word document</source>
        <translation>导出 Word 文档</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The Word document could not be written: %1</source>
        <translation>无法写入 Word 文档：%1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>PlanStatusBar</name>
    <message>
        <source>Plan: %1 characters</source>
        <translation>全文 %1 字</translation>
    </message>
    <message>
        <source>Section: %1 characters</source>
        <translation>本节 %1 字</translation>
    </message>
    <message>
        <source>All saved</source>
        <translation>全部已保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Filled in</source>
        <translation>已填写</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>计划期间：</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>落款：</translation>
    </message>
    <message>
        <source>Date written:</source>
        <translation>成文日期：</translation>
    </message>
    <message>
        <source>1. (dot)</source>
        <translation>1.（点）</translation>
    </message>
    <message>
        <source>1、 (comma)</source>
        <translation>1、（顿号）</translation>
    </message>
    <message>
        <source>Arabic numerals (2025年2月28日)</source>
        <translation>阿拉伯数字（2025年2月28日）</translation>
    </message>
    <message>
        <source>Chinese numerals (二〇二五年二月二十八日)</source>
        <translation>汉字数字（二〇二五年二月二十八日）</translation>
    </message>
    <message>
        <source>Official-document fonts (方正小标宋, 仿宋_GB2312)</source>
        <translation>公文字体（方正小标宋、仿宋_GB2312）</translation>
    </message>
    <message>
        <source>Windows fonts (宋体, 黑体, 楷体, 仿宋)</source>
        <translation>Windows 自带字体（宋体、黑体、楷体、仿宋）</translation>
    </message>
    <message>
        <source>Bold level-2 and level-3 headings</source>
        <translation>二、三级标题加粗</translation>
    </message>
    <message>
        <source>Leave out empty columns of the month table</source>
        <translation>月份安排表中不显示空白的列</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Level-3 numbering:</source>
        <translation>三级序号：</translation>
    </message>
    <message>
        <source>Date style:</source>
        <translation>日期写法：</translation>
    </message>
    <message>
        <source>Fonts:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <source>Calendar year</source>
        <translation>全年（一至十二月）</translation>
    </message>
    <message>
        <source>First half-year</source>
        <translation>上半年</translation>
    </message>
    <message>
        <source>Second half-year</source>
        <translation>下半年</translation>
    </message>
    <message>
        <source>School year (September to August)</source>
        <translation>学年（九月至次年八月）</translation>
    </message>
    <message>
        <source>Semester (September to January)</source>
        <translation>学期（九月至次年元月）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation>尚未填写</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Section heading</source>
        <translation>章节标题</translation>
    </message>
    <message>
        <source>Type the paragraphs here; press Enter to start a new paragraph.</source>
        <translation>在这里输入正文；按回车键另起一段。</translation>
    </message>
    <message>
        <source>Choose a section in the outline on the left.</source>
        <translation>请在左侧大纲中选择一个章节。</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>章节 %1</translation>
    </message>
    <message>
        <source>Numbering is added automatically from the section&apos;s place in the outline.</source>
        <translation>序号根据章节在大纲中的位置自动生成，无需输入。</translation>
    </message>
    <message>
        <source>Opening (guiding thought)</source>
        <translation>开头（指导思想）</translation>
    </message>
    <message>
        <source>The paragraphs before the first numbered section.</source>
        <translation>第一个带序号的章节之前的段落。</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <source>The paragraphs after the last section, before the signature.</source>
        <translation>最后一个章节之后、落款之前的段落。</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Undo “%1”</source>
        <translation>撤销“%1”</translation>
    </message>
    <message>
        <source>Redo “%1”</source>
        <translation>重做“%1”</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Start a new plan, empty or from a starter template</source>
        <translation>新建空白计划或从模板开始</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a plan file</source>
        <translation>打开计划文件</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the plan to another file and go on editing that file</source>
        <translation>把计划保存为另一个文件，并继续编辑那个文件</translation>
    </message>
    <message>
        <source>Restore from &amp;Backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>Go back to a copy of this plan saved earlier</source>
        <translation>回到这份计划早先保存的一个副本</translation>
    </message>
    <message>
        <source>Export &amp;Word…</source>
        <translation>导出 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>Write the plan as a Word document (.docx)</source>
        <translation>把计划导出为 Word 文档（.docx）</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close this plan</source>
        <translation>关闭此计划</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Find and Replace…</source>
        <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
        <source>Find and replace text in the whole plan</source>
        <translation>在整个计划中查找和替换文字</translation>
    </message>
    <message>
        <source>Add Section &amp;After</source>
        <translation>在后面添加章节(&amp;A)</translation>
    </message>
    <message>
        <source>Add a section after the selected one, at the same level</source>
        <translation>在所选章节之后添加一个同级章节</translation>
    </message>
    <message>
        <source>Add &amp;Subsection</source>
        <translation>添加下级章节(&amp;S)</translation>
    </message>
    <message>
        <source>Add a section inside the selected one</source>
        <translation>在所选章节下添加一个下级章节</translation>
    </message>
    <message>
        <source>&amp;Delete Section</source>
        <translation>删除章节(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected section with its subsections</source>
        <translation>删除所选章节及其下级章节</translation>
    </message>
    <message>
        <source>&amp;Rename Section</source>
        <translation>重命名章节(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Promote (Outdent)</source>
        <translation>升级(&amp;P)</translation>
    </message>
    <message>
        <source>Make the section a sibling of its parent (Shift+Tab in the outline)</source>
        <translation>把章节升一级，与上级章节并列（在大纲中按 Shift+Tab）</translation>
    </message>
    <message>
        <source>De&amp;mote (Indent)</source>
        <translation>降级(&amp;M)</translation>
    </message>
    <message>
        <source>Put the section inside the one above it (Tab in the outline)</source>
        <translation>把章节降一级，放到上一个章节之下（在大纲中按 Tab）</translation>
    </message>
    <message>
        <source>E&amp;xpand All</source>
        <translation>全部展开(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add Sub</source>
        <translation>添加下级</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Demote</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>&amp;Unfilled Placeholders</source>
        <translation>检查未填写的内容(&amp;U)</translation>
    </message>
    <message>
        <source>List 20__, XX, ×× and other blanks still to fill in</source>
        <translation>列出 20__、XX、×× 等尚未填写的内容</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>月份安排(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <source>Work plans (*{ext})</source>
        <translation>工会工作计划 (*{ext})</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>打开计划</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>placeholders</name>
    <message>
        <source>The plan still has %1 unfilled places (for example %2). Do you still want to %3?</source>
        <translation>计划中还有 %1 处未填写的内容（如 %2）。仍要%3吗？</translation>
    </message>
    <message>
        <source>Continue Anyway</source>
        <translation>仍然继续</translation>
    </message>
    <message>
        <source>Show the List</source>
        <translation>查看列表</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Unfilled placeholders</source>
        <translation>未填写的内容</translation>
    </message>
</context>
</TS>
