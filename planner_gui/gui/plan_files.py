"""The plan's life in the main window: open, new, save as, close, recent
files, recovery copies and the Word export. Mixed into MainWindow."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from ..core.sanitize import strip_plan_indents
from ..models.session import PlanSession
from . import alerts, recovery, settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMainWindow as _WindowBase

    from .outline_view import OutlineView
else:
    _WindowBase = object


class PlanFilesMixin(_WindowBase):
    """Needs: self.session, self.is_sample, self._failure, set_session(),
    show_sample(), outline_view, menus, _update_state(), _save_tree_state(),
    show_placeholders()."""

    if TYPE_CHECKING:   # what MainWindow provides
        session: PlanSession | None
        is_sample: bool
        _failure: str | None
        outline_view: OutlineView
        menus: SimpleNamespace

        def set_session(self, session: PlanSession, is_sample: bool = False) -> None: ...
        def show_sample(self) -> None: ...
        def can_write(self) -> bool: ...
        def _update_state(self) -> None: ...
        def _save_tree_state(self) -> None: ...
        def show_placeholders(self) -> None: ...

    # ------------------------------------------------------------------- files
    def open_plan(self) -> bool:
        path = alerts.open_plan_path(self, settings.last_folder())
        return self.open_path(path) if path else False

    def open_path(self, path) -> bool:
        """Open a plan file in this window (after asking about unsaved work)."""
        from ..store import PlanFile
        from ..store.errors import StoreError

        path = os.path.abspath(str(path))
        if self.session is not None and self.session.path is not None \
                and os.path.abspath(str(self.session.path)) == path:
            return True
        if not self.may_leave_plan():
            return False
        if not os.path.exists(path):
            settings.remove_recent_file(path)
            alerts.error(self, self.tr("The file does not exist (any more): %1").replace("%1", path),
                         self.tr("Cannot open"))
            return False
        try:
            plan_file = PlanFile.open(path)
        except StoreError as exc:
            return self._cannot_open(path, exc)
        try:
            plan = plan_file.load()
            strip_plan_indents(plan)   # the same cleaning as typed text (core.sanitize)
        except StoreError as exc:
            plan_file.close()
            return self._cannot_open(path, exc)
        plan = self._offer_recovery(path, plan_file, plan)
        recovery.backup(plan_file)
        self.set_session(PlanSession(plan, plan_file, recovery=recovery.writer_for(path)))
        settings.remember_file(path)
        return True

    def _cannot_open(self, path: str, exc) -> bool:
        """Say why; a damaged plan that has backups is offered one of them."""
        from ..store.errors import InterruptedSaveError, NotAPlanError, StoreError

        if isinstance(exc, InterruptedSaveError):
            # Cut short on a read-only medium: offer a whole copy from a writable place.
            question = str(exc) + "\n\n" + self.tr("Make a recovered copy in a writable place and open it?")
            if not alerts.confirm(self, question, self.tr("Cannot open"), self.tr("Open a Recovered Copy")):
                return False
            from ..store import recovered_copy

            try:
                copy = recovered_copy(path, recovery.data_dir() / "interrupted")
            except StoreError as error:
                alerts.error(self, str(error), self.tr("Cannot open"))
                return False
            return self.open_path(copy)
        if isinstance(exc, NotAPlanError) and self._backups_of(path):
            question = str(exc) + "\n\n" + self.tr("Restore this plan from one of its backups now?")
            if alerts.confirm(self, question, self.tr("Cannot open"), self.tr("Restore…")):
                return self.restore_from_backup(path)
            return False
        alerts.error(self, str(exc), self.tr("Cannot open"))
        return False

    def _backups_of(self, path):
        from ..store.backups import BackupFolder

        return BackupFolder(recovery.backup_dir()).list_backups(path)

    def restore_from_backup(self, path=None) -> bool:
        """文件 → 从备份恢复: choose one of the plan's backups; the plan file is
        replaced by it (the replaced file is kept in the backup folder) and
        opened again."""
        from ..dialogs.restore_backup import get_backup
        from ..store.backups import BackupFolder
        from ..store.errors import StoreError

        if path is None or isinstance(path, bool):     # bool: a signal's `checked`
            if self.session is None or self.session.path is None:
                alerts.info(self, self.tr("Open the plan first: backups are kept for plan files."))
                return False
            path = self.session.path
        path = os.path.abspath(str(path))
        folder = BackupFolder(recovery.backup_dir())
        chosen, ok = get_backup(self, folder.list_backups(path))
        if not ok:
            return False
        if self.session is not None and self.session.path is not None \
                and os.path.abspath(str(self.session.path)) == path:
            if not self.close_plan():
                return False
        try:
            folder.restore(chosen, path)
        except StoreError as exc:
            alerts.error(self, str(exc), self.tr("Cannot restore"))
            return False
        return self.open_path(path)

    def _offer_recovery(self, path: str, plan_file, plan):
        copy = recovery.newer_copy(path)
        if copy is None:
            return plan
        question = self.tr("Changes to this plan could not be saved last time; a recovery copy "
                           "was kept. Restore those changes now?")
        if not alerts.confirm(self, question, self.tr("Recovery copy"), self.tr("Restore")):
            recovery.discard(path)
            return plan
        try:
            recovered = recovery.load_copy(copy)
        except Exception:
            log.exception("the recovery copy %s could not be read", copy)
            alerts.error(self, self.tr("The recovery copy cannot be read; the plan opens as it "
                                       "was last saved."))
            return plan
        from ..store.errors import StoreError
        if not plan_file.read_only:
            try:
                plan_file.write_all(recovered)
            except StoreError as exc:
                alerts.error(self, str(exc))
                return recovered
        recovery.discard(path)
        return recovered

    def may_leave_plan(self) -> bool:
        """True when the current plan may be closed: saved, or the user said so."""
        session = self.session
        if session is None:
            return True
        if session.plan_file is not None:
            session.flush()
        if session.saved:
            return True
        if self.is_sample:
            question = self.tr("You changed the sample plan. Save your changes as a new plan file?")
        elif session.read_only:
            question = self.tr("The file is read-only, so your changes are not saved in it. "
                               "Save them to another file?")
        else:
            question = self.tr("Your latest changes could not be saved:\n%1\n\nSave the plan "
                               "to another place?").replace("%1", self._failure or "")
        answer = alerts.choose(self, question, [
            ("save_as", self.tr("Save to Another Place…")),
            ("discard", self.tr("Discard Changes")),
            ("cancel", self.tr("Cancel")),
        ], self.tr("Unsaved changes"), default="save_as")
        if answer == "save_as":
            return self.save_as()
        if answer == "discard":
            self._drop_unsaved()
            return True
        return False

    def _drop_unsaved(self) -> None:
        """The user gave up the unsaved changes: nothing more is written to
        the file, and no recovery copy is offered for them later."""
        session = self.session
        assert session is not None, "asked only about an open plan"
        if session.plan_file is not None:
            path = session.path
            session.plan_file.close()
            session.plan_file = None
            recovery.discard(path)

    def save_as(self) -> bool:
        """Write the plan to a new file and keep editing that file."""
        from ..store import PlanFile
        from ..store.errors import StoreError

        session = self.session
        assert session is not None, "Save As is enabled with a plan open"
        suggested = os.path.join(settings.last_folder(), self._suggested_name())
        target = alerts.save_plan_path(self, self.tr("Save plan as"), suggested)
        if not target:
            return False
        target = os.path.abspath(target)
        if session.path is not None and os.path.abspath(str(session.path)) == target:
            if self.can_write() and session.flush():
                return True
            alerts.error(self, self.tr("The plan cannot be saved over its own file here; "
                                       "please choose another name or folder."))
            return False
        ui_state = {"collapsed": self.outline_view.collapsed_ids()}
        try:
            plan_file = PlanFile.create(target, session.plan, overwrite=True, ui_state=ui_state)
        except StoreError as exc:
            alerts.error(self, str(exc), self.tr("Not saved"))
            return False
        old_path = session.path
        session.replace_file(plan_file)
        session.recovery = recovery.writer_for(target)
        if old_path is not None:
            recovery.discard(old_path)
        self.is_sample = False
        self._failure = None
        settings.remember_file(target)
        self._update_state()
        self.statusBar().showMessage(self.tr("Saved as %1").replace("%1", target), 5000)
        return True

    def _suggested_name(self) -> str:
        from ..export.naming import suggested_filename
        from ..store.plan_file import EXTENSION

        assert self.session is not None, "a name for the open plan"
        return suggested_filename(self.session.plan)[:-len(".docx")] + EXTENSION

    def new_plan(self) -> bool:
        from ..dialogs.new_plan import get_new_plan
        from ..store import PlanFile
        from ..store.errors import StoreError

        if not self.may_leave_plan():
            return False
        plan, ok = get_new_plan(self)
        if not ok:
            return False
        from ..export.naming import suggested_filename
        from ..store.plan_file import EXTENSION
        suggested = os.path.join(settings.last_folder(),
                                 suggested_filename(plan)[:-len(".docx")] + EXTENSION)
        target = alerts.save_plan_path(self, self.tr("Where should the new plan be saved?"), suggested)
        if not target:
            return False
        target = os.path.abspath(target)
        if self.session is not None and self.session.path is not None \
                and os.path.abspath(str(self.session.path)) == target:
            alerts.error(self, self.tr("This plan is open now; choose another file name."))
            return False
        try:
            plan_file = PlanFile.create(target, plan, overwrite=True)
        except StoreError as exc:
            alerts.error(self, str(exc), self.tr("Not saved"))
            return False
        self.set_session(PlanSession(plan_file.load(), plan_file, recovery=recovery.writer_for(target)))
        settings.remember_file(target)
        return True

    def close_plan(self) -> bool:
        """Close this plan; the window goes back to the sample plan."""
        if self.is_sample and (self.session is None or self.session.saved):
            return True
        if not self.may_leave_plan():
            return False
        self._save_tree_state()
        self.show_sample()
        return True

    def _fill_recent_menu(self) -> None:
        menu = self.menus.recent
        menu.clear()
        files = settings.recent_files()
        for path in files:
            action = menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if files:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the List"), settings.clear_recent_files)
        else:
            menu.addAction(self.tr("(none)")).setEnabled(False)

    # ------------------------------------------------------------------ export
    def export_word(self) -> bool:
        from .placeholder_panel import confirm_placeholders

        assert self.session is not None, "exported from an open plan"
        if not confirm_placeholders(self, self.session.plan, self.tr("export to Word"), self.show_placeholders):
            return False
        from ..export import ExportError, suggested_filename

        assert self.session is not None, "export is enabled with a plan open"
        suggested = os.path.join(settings.last_folder(), suggested_filename(self.session.plan))
        target = alerts.save_path(self, self.tr("Export Word document"), suggested,
                                  self.tr("Word documents (*.docx)"), ".docx")
        if not target:
            return False
        try:
            from ..export.docx_writer import export_docx
            from ..render.layout import export_table_breaks

            plan = self.session.plan
            export_docx(plan, target, table_breaks=export_table_breaks(plan))
        except ExportError as exc:
            alerts.error(self, str(exc), self.tr("Export failed"))
            return False
        except OSError as exc:
            alerts.error(self, self.tr("The Word document could not be written: %1")
                         .replace("%1", exc.strerror or str(exc)), self.tr("Export failed"))
            return False
        self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", target), 8000)
        from .exported import offer_to_open

        offer_to_open(self, target, self.tr("The Word document"))
        return True
