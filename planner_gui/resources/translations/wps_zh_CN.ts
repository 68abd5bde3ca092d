<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScheduleModel</name>
    <message>
        <source>(continued) %1</source>
        <translation>（续）%1</translation>
    </message>
</context>
</TS>
