<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../gui/print_actions.py" line="74"/>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="76"/>
        <source>See the printed pages; the preview follows your edits</source>
        <translation>查看打印出来的页面；预览会随编辑自动更新</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="78"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="81"/>
        <source>Print the plan as the exported Word document looks</source>
        <translation>按导出的 Word 文档版式打印计划</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="83"/>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="85"/>
        <source>Save the plan as a PDF file with the fonts embedded</source>
        <translation>将计划保存为 PDF 文件（字体嵌入）</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="119"/>
        <source>Fonts missing on this computer are replaced by similar ones: %1</source>
        <translation>本机缺少的字体已用相近字体代替：%1</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="135"/>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="207"/>
        <source>No printer is installed on this computer. Add a printer in the system settings, or use Export PDF and print the file elsewhere.</source>
        <translation>这台电脑上没有安装打印机。请在系统设置中添加打印机，或用“导出 PDF”保存后到别处打印。</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="211"/>
        <source>The printer “%1” is offline or reports an error. Check that it is switched on and connected, or choose another printer.</source>
        <translation>打印机“%1”处于脱机或出错状态。请检查打印机是否已开机并连接好，或选择另一台打印机。</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="219"/>
        <source>print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="223"/>
        <location filename="../../gui/print_actions.py" line="229"/>
        <location filename="../../gui/print_actions.py" line="246"/>
        <location filename="../../gui/print_actions.py" line="259"/>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="227"/>
        <source>The printer cannot be used. Check that it is switched on and connected, then try again.</source>
        <translation>打印机无法使用。请检查打印机是否已开机并连接好，然后再试。</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="233"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="244"/>
        <source>The chosen printer cannot be used. Check that it is switched on and connected, then try again.</source>
        <translation>所选的打印机无法使用。请检查打印机是否已开机并连接好，然后再试。</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="257"/>
        <source>Printing failed: the printer may be offline or out of paper. Check it and print again.</source>
        <translation>打印失败：打印机可能已脱机或缺纸。请检查后重新打印。</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="261"/>
        <source>Sent %1 pages to the printer.</source>
        <translation>已将 %1 页发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="275"/>
        <source>export a PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="280"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="281"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="291"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="296"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
</TS>
