<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="23"/>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="28"/>
        <source>Saved at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="28"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="28"/>
        <source>Headings</source>
        <translation>标题数</translation>
    </message>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="29"/>
        <source>Month rows</source>
        <translation>月份安排</translation>
    </message>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="31"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="40"/>
        <source>Choose the copy to go back to. The plan is replaced by it; the file it replaces is kept in the backup folder.</source>
        <translation>请选择要恢复到的备份。计划将被这份备份取代；被取代的文件会保留在备份文件夹中。</translation>
    </message>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="43"/>
        <source>There are no backups of this plan yet. A backup is made each time a plan is opened, and while you work.</source>
        <translation>此计划还没有备份。每次打开计划时以及编辑过程中，程序都会自动备份。</translation>
    </message>
    <message>
        <location filename="../../dialogs/restore_backup.py" line="49"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
</TS>
