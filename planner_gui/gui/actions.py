"""The window's actions and menus, made in one place so shortcuts and menu
texts are easy to review. The main window owns the slots."""

from __future__ import annotations

from types import SimpleNamespace

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

translate = QCoreApplication.translate


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
            template = translate("actions", "Undo “%1”") if undo else translate("actions", "Redo “%1”")
            action.setText(template.replace("%1", text))
        else:
            action.setText(translate("actions", "Undo") if undo else translate("actions", "Redo"))
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
        ("new", translate("actions", "&New…"), w.new_plan, [K.New],
         translate("actions", "Start a new plan, empty or from a starter template"), None),
        ("open", translate("actions", "&Open…"), w.open_plan, [K.Open],
         translate("actions", "Open a plan file"), None),
        ("save", translate("actions", "&Save"), w.save_plan, [K.Save],
         translate("actions", "Every change is saved as it is made; this writes any typing still "
                              "waiting at once (the sample plan: save it as a file)"), None),
        ("save_as", translate("actions", "Save &As…"), w.save_as, [K.SaveAs, "Ctrl+Shift+S"],
         translate("actions", "Save the plan to another file and go on editing that file"), None),
        ("restore_backup", translate("actions", "Restore from &Backup…"), w.restore_from_backup, [],
         translate("actions", "Go back to a copy of this plan saved earlier"), None),
        ("export_word", translate("actions", "Export &Word…"), w.export_word, ["Ctrl+E"],
         translate("actions", "Write the plan as a Word document (.docx)"), None),
        ("close_plan", translate("actions", "&Close"), w.close_plan, [K.Close],
         translate("actions", "Close this plan"), None),
        ("quit", translate("actions", "E&xit"), w.close, [K.Quit, "Ctrl+Q"], None, None),
        ("find", translate("actions", "&Find and Replace…"), lambda: w.show_find(), [K.Find],
         translate("actions", "Find and replace text in the whole plan"), None),
        ("replace", translate("actions", "&Replace…"), lambda: w.show_find(replace=True), ["Ctrl+H"],
         translate("actions", "Find and replace text in the whole plan"), None),
        ("find_next", translate("actions", "Find &Next"), lambda: w.find_next(), ["F3"], None, None),
        ("find_previous", translate("actions", "Find Pre&vious"), lambda: w.find_next(backwards=True),
         ["Shift+F3"], None, None),
        ("add_after", translate("actions", "Add Section &After"), lambda: w.add_section(False),
         ["Ctrl+Return"],
         translate("actions", "Add a section after the selected one, at the same level"), None),
        ("add_child", translate("actions", "Add &Subsection"), lambda: w.add_section(True),
         ["Ctrl+Shift+Return"], translate("actions", "Add a section inside the selected one"), None),
        ("delete", translate("actions", "&Delete Section"), w.delete_section, [K.Delete],
         translate("actions", "Delete the selected section with its subsections"), tree),
        ("rename", translate("actions", "&Rename Section"), w.rename_section, ["F2"], None, tree),
        ("move_up", translate("actions", "Move &Up"), lambda: w.move_section(-1), ["Alt+Up"],
         None, None),
        ("move_down", translate("actions", "Move Do&wn"), lambda: w.move_section(1), ["Alt+Down"],
         None, None),
        ("outdent", translate("actions", "&Promote (Outdent)"), w.outdent_section, ["Alt+Left"],
         translate("actions", "Make the section a sibling of its parent (Shift+Tab in the outline)"),
         None),
        ("indent", translate("actions", "De&mote (Indent)"), w.indent_section, ["Alt+Right"],
         translate("actions", "Put the section inside the one above it (Tab in the outline)"), None),
        ("expand_all", translate("actions", "E&xpand All"), w.expand_all, [], None, None),
        ("collapse_all", translate("actions", "&Collapse All"), w.collapse_all, [], None, None),
        ("placeholders", translate("actions", "&Unfilled Placeholders"), w.show_placeholders,
         ["Ctrl+Shift+P"],
         translate("actions", "List 20__, XX, ×× and other blanks still to fill in"), None),
        ("manual", translate("actions", "&User Guide"), w.show_manual, [K.HelpContents],
         translate("actions", "How to start from last year's plan, the month table, export and print"),
         None),
        ("about", translate("actions", "&About"), w.show_about, [], None, None),
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

    for action, short in ((a.add_after, translate("actions", "Add")),
                          (a.add_child, translate("actions", "Add Sub")),
                          (a.delete, translate("actions", "Delete")),
                          (a.move_up, translate("actions", "Up")),
                          (a.move_down, translate("actions", "Down")),
                          (a.outdent, translate("actions", "Promote")),
                          (a.indent, translate("actions", "Demote"))):
        action.setIconText(short)  # the outline's tool bar shows these short names
    return a


def build_menus(w, a: SimpleNamespace) -> SimpleNamespace:
    """The menu bar; returns the menus by name (file, edit, outline, schedule, check)."""
    bar = w.menuBar()
    m = SimpleNamespace()
    m.file = bar.addMenu(translate("actions", "&File"))
    m.file.setObjectName("menuFile")
    m.file.addAction(a.new)
    m.file.addAction(a.open)
    m.recent = m.file.addMenu(translate("actions", "Open &Recent"))
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

    m.edit = bar.addMenu(translate("actions", "&Edit"))
    m.edit.setObjectName("menuEdit")
    m.edit.addAction(a.undo)
    m.edit.addAction(a.redo)
    m.edit.addSeparator()
    m.edit.addAction(a.find)
    m.edit.addAction(a.replace)
    m.edit.addAction(a.find_next)
    m.edit.addAction(a.find_previous)

    m.outline = bar.addMenu(translate("actions", "&Outline"))
    m.outline.setObjectName("menuOutline")
    for action in (a.add_after, a.add_child, None, a.rename, a.delete, None, a.move_up, a.move_down,
                   a.outdent, a.indent, None, a.expand_all, a.collapse_all):
        if action is None:
            m.outline.addSeparator()
        else:
            m.outline.addAction(action)

    m.schedule = bar.addMenu(translate("actions", "&Schedule"))
    m.schedule.setObjectName("menuSchedule")

    m.check = bar.addMenu(translate("actions", "&Check"))
    m.check.setObjectName("menuCheck")
    m.check.addAction(a.placeholders)

    m.help = bar.addMenu(translate("actions", "&Help"))
    m.help.setObjectName("menuHelp")
    m.help.addAction(a.manual)
    m.help.addAction(a.about)
    return m
