<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Nothing you typed is lost yet: it stays in the program, but no recovery copy could be written either. Use “Save As” to save the plan on another drive, and keep the program open until it is saved.</source>
        <translation>您输入的内容暂时没有丢失：它仍保留在程序中，但恢复副本也没能写入。请用“另存为”把计划保存到另一个磁盘或U盘上，保存之前不要关闭程序。</translation>
    </message>
    <message>
        <source>Make a recovered copy in a writable place and open it?</source>
        <translation>要在可写的位置生成一份恢复后的副本并打开它吗？</translation>
    </message>
    <message>
        <source>Open a Recovered Copy</source>
        <translation>打开恢复的副本</translation>
    </message>
</context>
<context>
    <name>PlanFilesMixin</name>
    <message>
        <source>Nothing you typed is lost yet: it stays in the program, but no recovery copy could be written either. Use “Save As” to save the plan on another drive, and keep the program open until it is saved.</source>
        <translation>您输入的内容暂时没有丢失：它仍保留在程序中，但恢复副本也没能写入。请用“另存为”把计划保存到另一个磁盘或U盘上，保存之前不要关闭程序。</translation>
    </message>
    <message>
        <source>Make a recovered copy in a writable place and open it?</source>
        <translation>要在可写的位置生成一份恢复后的副本并打开它吗？</translation>
    </message>
    <message>
        <source>Open a Recovered Copy</source>
        <translation>打开恢复的副本</translation>
    </message>
</context>
</TS>
