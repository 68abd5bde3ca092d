"""The window's actions and menus, made in one place so shortcuts and menu
texts are easy to review. The main window owns the slots."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence


def _action(window, text, slot=None, shortcuts=(), name=None, tip=None, context=None):
    action = QAction(text, window)
    if name:
        action.setObjectName(name)
    keys = []
    for key in shortcuts:
        keys.extend(QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                    else [QKeySequence(key)])
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if context is not None:
        action.setShortcutContext(context)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def _stack_action(parent, stack, undo: bool) -> QAction:
    """Undo/redo naming the step the way Chinese menus do: 撤销“移动章节”.
    (QUndoStack.createUndoAction can only put a prefix and a space before it.)"""
    action = QAction(parent)

    def update(*_):
        text = stack.undoText() if undo else stack.redoText()
        able = stack.canUndo() if undo else stack.canRedo()
        if text:
            template = QCoreApplication.translate("actions", "Undo “%1”") if undo else QCoreApplication.translate("actions", "Redo “%1”")
            action.setText(template.replace("%1", text))
        else:
            action.setText(QCoreApplication.translate("actions", "Undo") if undo else QCoreApplication.translate("actions", "Redo"))
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
    a = SimpleNamespace()
    K = QKeySequence
    # File
    a.new = _action(w, QCoreApplication.translate("actions", "&New…"), w.new_plan, [K.New], "actionNew",
                    QCoreApplication.translate("actions", "Start a new plan, empty or from a starter template"))
    a.open = _action(w, QCoreApplication.translate("actions", "&Open…"), w.open_plan, [K.Open], "actionOpen", QCoreApplication.translate("actions", "Open a plan file"))
    a.save_as = _action(w, QCoreApplication.translate("actions", "Save &As…"), w.save_as, [K.SaveAs, "Ctrl+Shift+S"], "actionSaveAs",
                        QCoreApplication.translate("actions", "Save the plan to another file and go on editing that file"))
    a.export_word = _action(w, QCoreApplication.translate("actions", "Export &Word…"), w.export_word, ["Ctrl+E"], "actionExportWord",
                            QCoreApplication.translate("actions", "Write the plan as a Word document (.docx)"))
    a.close_plan = _action(w, QCoreApplication.translate("actions", "&Close"), w.close_plan, [K.Close], "actionClose",
                           QCoreApplication.translate("actions", "Close this plan"))
    a.quit = _action(w, QCoreApplication.translate("actions", "E&xit"), w.close, [K.Quit, "Ctrl+Q"], "actionQuit")
    a.quit.setMenuRole(QAction.QuitRole)
    # Edit
    a.undo = _stack_action(w, w.undo_stack, undo=True)
    a.undo.setObjectName("actionUndo")
    a.undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
    a.redo = _stack_action(w, w.undo_stack, undo=False)
    a.redo.setObjectName("actionRedo")
    redo_keys = list(QKeySequence.keyBindings(K.Redo))
    for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
        if QKeySequence(extra) not in redo_keys:
            redo_keys.append(QKeySequence(extra))
    a.redo.setShortcuts(redo_keys)
    a.find = _action(w, QCoreApplication.translate("actions", "&Find and Replace…"), w.show_find, [K.Find, K.Replace, "Ctrl+H"],
                     "actionFind", QCoreApplication.translate("actions", "Find and replace text in the whole plan"))
    # Outline
    tree = Qt.WidgetWithChildrenShortcut
    a.add_after = _action(w, QCoreApplication.translate("actions", "Add Section &After"), lambda: w.add_section(False),
                          ["Ctrl+Return"], "actionAddAfter",
                          QCoreApplication.translate("actions", "Add a section after the selected one, at the same level"))
    a.add_child = _action(w, QCoreApplication.translate("actions", "Add &Subsection"), lambda: w.add_section(True),
                          ["Ctrl+Shift+Return"], "actionAddChild",
                          QCoreApplication.translate("actions", "Add a section inside the selected one"))
    a.delete = _action(w, QCoreApplication.translate("actions", "&Delete Section"), w.delete_section, [K.Delete], "actionDelete",
                       QCoreApplication.translate("actions", "Delete the selected section with its subsections"), tree)
    a.rename = _action(w, QCoreApplication.translate("actions", "&Rename Section"), w.rename_section, ["F2"], "actionRename",
                       context=tree)
    a.move_up = _action(w, QCoreApplication.translate("actions", "Move &Up"), lambda: w.move_section(-1), ["Alt+Up"], "actionMoveUp")
    a.move_down = _action(w, QCoreApplication.translate("actions", "Move Do&wn"), lambda: w.move_section(1), ["Alt+Down"],
                          "actionMoveDown")
    a.outdent = _action(w, QCoreApplication.translate("actions", "&Promote (Outdent)"), w.outdent_section, ["Alt+Left"], "actionOutdent",
                        QCoreApplication.translate("actions", "Make the section a sibling of its parent (Shift+Tab in the outline)"))
    a.indent = _action(w, QCoreApplication.translate("actions", "De&mote (Indent)"), w.indent_section, ["Alt+Right"], "actionIndent",
                       QCoreApplication.translate("actions", "Put the section inside the one above it (Tab in the outline)"))
    a.expand_all = _action(w, QCoreApplication.translate("actions", "E&xpand All"), w.expand_all, name="actionExpandAll")
    a.collapse_all = _action(w, QCoreApplication.translate("actions", "&Collapse All"), w.collapse_all, name="actionCollapseAll")
    # Check
    a.placeholders = _action(w, QCoreApplication.translate("actions", "&Unfilled Placeholders"), w.show_placeholders, ["Ctrl+Shift+P"],
                             "actionPlaceholders",
                             QCoreApplication.translate("actions", "List 20__, XX, ×× and other blanks still to fill in"))
    # Help
    a.about = _action(w, QCoreApplication.translate("actions", "&About"), w.show_about, name="actionAbout")
    return a


def build_menus(w, a: SimpleNamespace) -> SimpleNamespace:
    """The menu bar; returns the menus by name (file, edit, outline, schedule, check)."""
    bar = w.menuBar()
    m = SimpleNamespace()
    m.file = bar.addMenu(QCoreApplication.translate("actions", "&File"))
    m.file.setObjectName("menuFile")
    m.file.addAction(a.new)
    m.file.addAction(a.open)
    m.recent = m.file.addMenu(QCoreApplication.translate("actions", "Open &Recent"))
    m.recent.setObjectName("menuRecent")
    m.file.addSeparator()
    m.file.addAction(a.save_as)
    m.file.addSeparator()
    m.file.addAction(a.export_word)
    m.export_anchor = m.file.addSeparator()
    m.file.addAction(a.close_plan)
    m.file.addAction(a.quit)

    m.edit = bar.addMenu(QCoreApplication.translate("actions", "&Edit"))
    m.edit.setObjectName("menuEdit")
    m.edit.addAction(a.undo)
    m.edit.addAction(a.redo)
    m.edit.addSeparator()
    m.edit.addAction(a.find)

    m.outline = bar.addMenu(QCoreApplication.translate("actions", "&Outline"))
    m.outline.setObjectName("menuOutline")
    for action in (a.add_after, a.add_child, None, a.rename, a.delete, None, a.move_up, a.move_down,
                   a.outdent, a.indent, None, a.expand_all, a.collapse_all):
        if action is None:
            m.outline.addSeparator()
        else:
            m.outline.addAction(action)

    m.schedule = bar.addMenu(QCoreApplication.translate("actions", "&Schedule"))
    m.schedule.setObjectName("menuSchedule")

    m.check = bar.addMenu(QCoreApplication.translate("actions", "&Check"))
    m.check.setObjectName("menuCheck")
    m.check.addAction(a.placeholders)

    m.help = bar.addMenu(QCoreApplication.translate("actions", "&Help"))
    m.help.setObjectName("menuHelp")
    m.help.addAction(a.about)
    return m
