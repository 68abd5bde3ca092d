"""The window's actions and menus, made in one place so shortcuts and menu
texts are easy to review. The main window owns the slots."""

from __future__ import annotations

from types import SimpleNamespace

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence


def portable_keys(text: str) -> QKeySequence:
    """A shortcut written as the code writes them ("Ctrl+Shift+S", "Alt+Up"):
    Qt's portable form, read as such. Read as native text (QKeySequence's
    default) Qt first compares each key name with its translation, some 150
    translation look-ups per shortcut: about 2,300 before the window shows.
    The keys are the same either way."""
    return QKeySequence(text, QKeySequence.SequenceFormat.PortableText)


def _action(window, text, slot=None, shortcuts=(), name=None, tip=None, context=None):
    action = QAction(text, window)
    if name:
        action.setObjectName(name)
    keys: list[QKeySequence] = []
    for key in shortcuts:
        for sequence in (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                         else [portable_keys(key)]):
            if sequence not in keys:  # the same key twice would make it ambiguous
                keys.append(sequence)
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if context is not None:
        action.setShortcutContext(context)
    if slot is not None:
        # triggered(bool) would hand `checked` to a slot's first optional
        # argument (restore_from_backup(path=False) once); these slots take none.
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
    return action


def _stack_action(parent, stack, undo: bool) -> QAction:
    """Undo/redo naming the step the way Chinese menus do: 撤销“移动章节”.
    (QUndoStack.createUndoAction can only put a prefix and a space before it.)"""
    action = QAction(parent)

    def update(*_):
        # QUndoStack's destructor clears itself and emits these signals while
        # half gone; there is nothing left to name then.
        if not (shiboken6.isValid(stack) and shiboken6.isValid(action)):
            return
        text = stack.undoText() if undo else stack.redoText()
        able = stack.canUndo() if undo else stack.canRedo()
        if text:
            action.setText(f"撤销“{text}”" if undo else f"重做“{text}”")
        else:
            action.setText("撤销" if undo else "重做")
        action.setEnabled(able)

    action.triggered.connect(stack.undo if undo else stack.redo)
    if undo:
        stack.canUndoChanged.connect(update)
        stack.undoTextChanged.connect(update)
    else:
        stack.canRedoChanged.connect(update)
        stack.redoTextChanged.connect(update)
    stack.indexChanged.connect(update)
    update()
    return action


def create_actions(w) -> SimpleNamespace:
    """Every QAction of the main window `w`, by name."""
    K = QKeySequence.StandardKey
    tree = Qt.ShortcutContext.WidgetWithChildrenShortcut  # only while the outline has the focus
    # name, text, slot, shortcuts, status tip, shortcut context
    specs = [
        ("new", "新建(&N)…", w.new_plan, [K.New],
         "新建空白计划或从模板开始", None),
        ("open", "打开(&O)…", w.open_plan, [K.Open],
         "打开计划文件", None),
        ("save", "保存(&S)", w.save_plan, [K.Save],
         "每处修改都会随时保存；此命令立即写入尚未写入的输入（示例计划则另存为文件）", None),
        ("save_as", "另存为(&A)…", w.save_as, [K.SaveAs, "Ctrl+Shift+S"],
         "把计划保存为另一个文件，并继续编辑那个文件", None),
        ("restore_backup", "从备份恢复(&B)…", w.restore_from_backup, [],
         "回到这份计划早先保存的一个副本", None),
        ("export_word", "导出 Word(&W)…", w.export_word, ["Ctrl+E"],
         "把计划导出为 Word 文档（.docx）", None),
        ("close_plan", "关闭(&C)", w.close_plan, [K.Close],
         "关闭此计划", None),
        ("quit", "退出(&X)", w.close, [K.Quit, "Ctrl+Q"], None, None),
        ("find", "查找和替换(&F)…", lambda: w.show_find(), [K.Find],
         "在整个计划中查找和替换文字", None),
        ("replace", "替换(&R)…", lambda: w.show_find(replace=True), ["Ctrl+H"],
         "在整个计划中查找和替换文字", None),
        ("find_next", "查找下一个(&N)", lambda: w.find_next(), ["F3"], None, None),
        ("find_previous", "查找上一个(&V)", lambda: w.find_next(backwards=True),
         ["Shift+F3"], None, None),
        ("add_after", "在后面添加章节(&A)", lambda: w.add_section(False),
         ["Ctrl+Return"],
         "在所选章节之后添加一个同级章节", None),
        ("add_child", "添加下级章节(&S)", lambda: w.add_section(True),
         ["Ctrl+Shift+Return"], "在所选章节下添加一个下级章节", None),
        ("delete", "删除章节(&D)", w.delete_section, [K.Delete],
         "删除所选章节及其下级章节", tree),
        ("rename", "重命名章节(&R)", w.rename_section, ["F2"], None, tree),
        ("move_up", "上移(&U)", lambda: w.move_section(-1), ["Alt+Up"],
         None, None),
        ("move_down", "下移(&W)", lambda: w.move_section(1), ["Alt+Down"],
         None, None),
        ("outdent", "升级(&P)", w.outdent_section, ["Alt+Left"],
         "把章节升一级，与上级章节并列（在大纲中按 Shift+Tab）",
         None),
        ("indent", "降级(&M)", w.indent_section, ["Alt+Right"],
         "把章节降一级，放到上一个章节之下（在大纲中按 Tab）", None),
        ("expand_all", "全部展开(&X)", w.expand_all, [], None, None),
        ("collapse_all", "全部折叠(&C)", w.collapse_all, [], None, None),
        ("placeholders", "检查未填写的内容(&U)", w.show_placeholders,
         ["Ctrl+Shift+P"],
         "列出 20__、XX、×× 等尚未填写的内容", None),
        ("manual", "使用说明(&U)", w.show_manual, [K.HelpContents],
         "如何从去年的计划开始、填写月份安排、导出和打印",
         None),
        ("about", "关于(&A)", w.show_about, [], None, None),
    ]
    a = SimpleNamespace()
    for name, text, slot, keys, tip, context in specs:
        object_name = "action" + "".join(part.title() for part in name.split("_"))
        setattr(a, name, _action(w, text, slot, keys, object_name, tip, context))
    a.quit.setMenuRole(QAction.MenuRole.QuitRole)

    a.undo = _stack_action(w, w.undo_stack, undo=True)
    a.undo.setObjectName("actionUndo")
    a.undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
    a.redo = _stack_action(w, w.undo_stack, undo=False)
    a.redo.setObjectName("actionRedo")
    # Ctrl+Y first: the menu shows the first shortcut, and Ctrl+Y is the one
    # a Word or WPS user presses.
    redo_keys = [portable_keys("Ctrl+Y")]
    for extra in list(QKeySequence.keyBindings(K.Redo)) + [portable_keys("Ctrl+Shift+Z")]:
        if extra not in redo_keys:
            redo_keys.append(extra)
    a.redo.setShortcuts(redo_keys)

    for action, short in ((a.add_after, "添加"),
                          (a.add_child, "添加下级"),
                          (a.delete, "删除"),
                          (a.move_up, "上移"),
                          (a.move_down, "下移"),
                          (a.outdent, "升级"),
                          (a.indent, "降级")):
        action.setIconText(short)  # the outline's tool bar shows these short names
    return a


def build_menus(w, a: SimpleNamespace) -> SimpleNamespace:
    """The menu bar; returns the menus by name (file, edit, outline, schedule, check)."""
    bar = w.menuBar()
    m = SimpleNamespace()
    m.file = bar.addMenu("文件(&F)")
    m.file.setObjectName("menuFile")
    m.file.addAction(a.new)
    m.file.addAction(a.open)
    m.recent = m.file.addMenu("最近打开(&R)")
    m.recent.setObjectName("menuRecent")
    m.file.addSeparator()
    m.file.addAction(a.save)
    m.file.addAction(a.save_as)
    m.file.addAction(a.restore_backup)
    m.file.addSeparator()
    m.file.addAction(a.export_word)
    m.export_anchor = m.file.addSeparator()
    m.file.addAction(a.close_plan)
    m.file.addAction(a.quit)

    m.edit = bar.addMenu("编辑(&E)")
    m.edit.setObjectName("menuEdit")
    m.edit.addAction(a.undo)
    m.edit.addAction(a.redo)
    m.edit.addSeparator()
    m.edit.addAction(a.find)
    m.edit.addAction(a.replace)
    m.edit.addAction(a.find_next)
    m.edit.addAction(a.find_previous)

    m.outline = bar.addMenu("大纲(&O)")
    m.outline.setObjectName("menuOutline")
    for action in (a.add_after, a.add_child, None, a.rename, a.delete, None, a.move_up, a.move_down,
                   a.outdent, a.indent, None, a.expand_all, a.collapse_all):
        if action is None:
            m.outline.addSeparator()
        else:
            m.outline.addAction(action)

    m.schedule = bar.addMenu("月份安排(&S)")
    m.schedule.setObjectName("menuSchedule")

    m.check = bar.addMenu("检查(&C)")
    m.check.setObjectName("menuCheck")
    m.check.addAction(a.placeholders)

    m.help = bar.addMenu("帮助(&H)")
    m.help.setObjectName("menuHelp")
    m.help.addAction(a.manual)
    m.help.addAction(a.about)
    return m
