<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../gui/print_actions.py" line="119"/>
        <source>Schedule Sheet Only</source>
        <translation>只看工作计划表</translation>
    </message>
    <message>
        <location filename="../../gui/print_actions.py" line="123"/>
        <source>Preview, print and export as PDF only the month table, on landscape pages</source>
        <translation>只预览、打印和导出工作计划表（横向 A4，一张表），与导出 Word 时的“只导出工作计划表”相同</translation>
    </message>
</context>
</TS>
