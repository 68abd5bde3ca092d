"""The window's actions and menus, made in one place so shortcuts and menu
texts are easy to review. The main window owns the slots."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


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


def create_actions(w) -> SimpleNamespace:
    """Every QAction of the main window `w`, by name."""
    a = SimpleNamespace()
    K = QKeySequence
    # File
    a.new = _action(w, _tr("&New…"), w.new_plan, [K.New], "actionNew",
                    _tr("Start a new plan, empty or from a starter template"))
    a.open = _action(w, _tr("&Open…"), w.open_plan, [K.Open], "actionOpen", _tr("Open a plan file"))
    a.save_as = _action(w, _tr("Save &As…"), w.save_as, [K.SaveAs, "Ctrl+Shift+S"], "actionSaveAs",
                        _tr("Save the plan to another file and go on editing that file"))
    a.export_word = _action(w, _tr("Export &Word…"), w.export_word, ["Ctrl+E"], "actionExportWord",
                            _tr("Write the plan as a Word document (.docx)"))
    a.close_plan = _action(w, _tr("&Close"), w.close_plan, [K.Close], "actionClose",
                           _tr("Close this plan"))
    a.quit = _action(w, _tr("E&xit"), w.close, [K.Quit, "Ctrl+Q"], "actionQuit")
    a.quit.setMenuRole(QAction.QuitRole)
    # Edit
    a.undo = w.undo_stack.createUndoAction(w, _tr("Undo"))
    a.undo.setObjectName("actionUndo")
    a.undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
    a.redo = w.undo_stack.createRedoAction(w, _tr("Redo"))
    a.redo.setObjectName("actionRedo")
    redo_keys = list(QKeySequence.keyBindings(K.Redo))
    for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
        if QKeySequence(extra) not in redo_keys:
            redo_keys.append(QKeySequence(extra))
    a.redo.setShortcuts(redo_keys)
    a.find = _action(w, _tr("&Find and Replace…"), w.show_find, [K.Find, K.Replace, "Ctrl+H"],
                     "actionFind", _tr("Find and replace text in the whole plan"))
    # Outline
    tree = Qt.WidgetWithChildrenShortcut
    a.add_after = _action(w, _tr("Add Section &After"), lambda: w.add_section(False),
                          ["Ctrl+Return"], "actionAddAfter",
                          _tr("Add a section after the selected one, at the same level"))
    a.add_child = _action(w, _tr("Add &Subsection"), lambda: w.add_section(True),
                          ["Ctrl+Shift+Return"], "actionAddChild",
                          _tr("Add a section inside the selected one"))
    a.delete = _action(w, _tr("&Delete Section"), w.delete_section, [K.Delete], "actionDelete",
                       _tr("Delete the selected section with its subsections"), tree)
    a.rename = _action(w, _tr("&Rename Section"), w.rename_section, ["F2"], "actionRename",
                       context=tree)
    a.move_up = _action(w, _tr("Move &Up"), lambda: w.move_section(-1), ["Alt+Up"], "actionMoveUp")
    a.move_down = _action(w, _tr("Move Do&wn"), lambda: w.move_section(1), ["Alt+Down"],
                          "actionMoveDown")
    a.outdent = _action(w, _tr("&Promote (Outdent)"), w.outdent_section, ["Alt+Left"], "actionOutdent",
                        _tr("Make the section a sibling of its parent (Shift+Tab in the outline)"))
    a.indent = _action(w, _tr("De&mote (Indent)"), w.indent_section, ["Alt+Right"], "actionIndent",
                       _tr("Put the section inside the one above it (Tab in the outline)"))
    a.expand_all = _action(w, _tr("E&xpand All"), w.expand_all, name="actionExpandAll")
    a.collapse_all = _action(w, _tr("&Collapse All"), w.collapse_all, name="actionCollapseAll")
    # Check
    a.placeholders = _action(w, _tr("&Unfilled Placeholders"), w.show_placeholders, ["Ctrl+Shift+P"],
                             "actionPlaceholders",
                             _tr("List 20__, XX, ×× and other blanks still to fill in"))
    # Help
    a.about = _action(w, _tr("&About"), w.show_about, name="actionAbout")
    return a


def build_menus(w, a: SimpleNamespace) -> SimpleNamespace:
    """The menu bar; returns the menus by name (file, edit, outline, schedule, check)."""
    bar = w.menuBar()
    m = SimpleNamespace()
    m.file = bar.addMenu(_tr("&File"))
    m.file.setObjectName("menuFile")
    m.file.addAction(a.new)
    m.file.addAction(a.open)
    m.recent = m.file.addMenu(_tr("Open &Recent"))
    m.recent.setObjectName("menuRecent")
    m.file.addSeparator()
    m.file.addAction(a.save_as)
    m.file.addSeparator()
    m.file.addAction(a.export_word)
    m.export_anchor = m.file.addSeparator()
    m.file.addAction(a.close_plan)
    m.file.addAction(a.quit)

    m.edit = bar.addMenu(_tr("&Edit"))
    m.edit.setObjectName("menuEdit")
    m.edit.addAction(a.undo)
    m.edit.addAction(a.redo)
    m.edit.addSeparator()
    m.edit.addAction(a.find)

    m.outline = bar.addMenu(_tr("&Outline"))
    m.outline.setObjectName("menuOutline")
    for action in (a.add_after, a.add_child, None, a.rename, a.delete, None, a.move_up, a.move_down,
                   a.outdent, a.indent, None, a.expand_all, a.collapse_all):
        if action is None:
            m.outline.addSeparator()
        else:
            m.outline.addAction(action)

    m.schedule = bar.addMenu(_tr("&Schedule"))
    m.schedule.setObjectName("menuSchedule")

    m.check = bar.addMenu(_tr("&Check"))
    m.check.setObjectName("menuCheck")
    m.check.addAction(a.placeholders)

    m.help = bar.addMenu(_tr("&Help"))
    m.help.setObjectName("menuHelp")
    m.help.addAction(a.about)
    return m
