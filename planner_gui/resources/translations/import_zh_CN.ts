<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlanPickerDialog</name>
    <message>
        <source>Choose a Plan</source>
        <translation>选择一篇计划</translation>
    </message>
    <message>
        <source>This page holds %1 plans. Choose the one to import; the words the web site added around them are left out.</source>
        <translation>这一页上有 %1 篇计划。请选择要导入的一篇；网站附加在周围的文字不会导入。</translation>
    </message>
    <message>
        <source>Plan %1: %2</source>
        <translation>第 %1 篇：%2</translation>
    </message>
    <message>
        <source>Import This Plan</source>
        <translation>导入这一篇</translation>
    </message>
</context>
</TS>
