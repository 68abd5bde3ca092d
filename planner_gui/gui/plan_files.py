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
            alerts.error(self, f"文件不存在（可能已被移动或删除）：{path}",
                         "无法打开")
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
            question = str(exc) + "\n\n要在可写的位置生成一份恢复后的副本并打开它吗？"
            if not alerts.confirm(self, question, "无法打开", "打开恢复的副本"):
                return False
            from ..store import recovered_copy

            try:
                copy = recovered_copy(path, recovery.data_dir() / "interrupted")
            except StoreError as error:
                alerts.error(self, str(error), "无法打开")
                return False
            return self.open_path(copy)
        if isinstance(exc, NotAPlanError) and self._backups_of(path):
            question = str(exc) + "\n\n现在从它的备份中恢复这份计划吗？"
            if alerts.confirm(self, question, "无法打开", "恢复…"):
                return self.restore_from_backup(path)
            return False
        alerts.error(self, str(exc), "无法打开")
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
                alerts.info(self, "请先打开计划文件：备份是按计划文件保存的。")
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
            alerts.error(self, str(exc), "无法恢复")
            return False
        return self.open_path(path)

    def _offer_recovery(self, path: str, plan_file, plan):
        copy = recovery.newer_copy(path)
        if copy is None:
            return plan
        question = "上次对此计划的修改未能保存，程序保留了一份恢复副本。现在恢复这些修改吗？"
        if not alerts.confirm(self, question, "恢复副本", "恢复"):
            recovery.discard(path)
            return plan
        try:
            recovered = recovery.load_copy(copy)
        except Exception:
            log.exception("the recovery copy %s could not be read", copy)
            alerts.error(self, "恢复副本无法读取，计划按最后一次保存的内容打开。")
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
            question = "您修改了示例计划。要把修改保存为新的计划文件吗？"
        elif session.read_only:
            question = "文件是只读的，修改没有保存到文件中。要保存到另一个文件吗？"
        else:
            question = f"最近的修改未能保存：\n{self._failure or ''}\n\n要把计划保存到其他位置吗？"
        answer = alerts.choose(self, question, [
            ("save_as", "保存到其他位置…"),
            ("discard", "放弃修改"),
            ("cancel", "取消"),
        ], "有未保存的修改", default="save_as")
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
        target = alerts.save_plan_path(self, "计划另存为", suggested)
        if not target:
            return False
        target = os.path.abspath(target)
        if session.path is not None and os.path.abspath(str(session.path)) == target:
            if self.can_write() and session.flush():
                return True
            alerts.error(self, "不能覆盖正在使用的计划文件，请换一个文件名或文件夹。")
            return False
        ui_state = {"collapsed": self.outline_view.collapsed_ids()}
        try:
            plan_file = PlanFile.create(target, session.plan, overwrite=True, ui_state=ui_state)
        except StoreError as exc:
            alerts.error(self, str(exc), "未保存")
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
        self.statusBar().showMessage(f"已另存为 {target}", 5000)
        return True

    def _suggested_name(self) -> str:
        from ..export.naming import suggested_filename
        from ..store.plan_file import EXTENSION

        assert self.session is not None, "a name for the open plan"
        return suggested_filename(self.session.plan, extension=EXTENSION)

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
                                 suggested_filename(plan, extension=EXTENSION))
        target = alerts.save_plan_path(self, "新计划保存到哪里？", suggested)
        if not target:
            return False
        target = os.path.abspath(target)
        if self.session is not None and self.session.path is not None \
                and os.path.abspath(str(self.session.path)) == target:
            alerts.error(self, "这个计划正在打开，请换一个文件名。")
            return False
        try:
            plan_file = PlanFile.create(target, plan, overwrite=True)
        except StoreError as exc:
            alerts.error(self, str(exc), "未保存")
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
            menu.addAction("清除列表", settings.clear_recent_files)
        else:
            menu.addAction("（无）").setEnabled(False)

    # ------------------------------------------------------------------ export
    def export_word(self) -> bool:
        from .placeholder_panel import confirm_placeholders

        assert self.session is not None, "exported from an open plan"
        if not confirm_placeholders(self, self.session.plan, "导出 Word 文档", self.show_placeholders):
            return False
        from ..export import ExportError, suggested_filename

        assert self.session is not None, "export is enabled with a plan open"
        suggested = os.path.join(settings.last_folder(), suggested_filename(self.session.plan))
        target = alerts.save_path(self, "导出 Word 文档", suggested,
                                  "Word 文档 (*.docx)", ".docx")
        if not target:
            return False
        try:
            from ..export.docx_writer import export_docx
            from ..render.layout import export_table_breaks

            plan = self.session.plan
            export_docx(plan, target, table_breaks=export_table_breaks(plan))
        except ExportError as exc:
            alerts.error(self, str(exc), "导出失败")
            return False
        except OSError as exc:
            alerts.error(self, f"无法写入 Word 文档：{exc.strerror or str(exc)}", "导出失败")
            return False
        self.statusBar().showMessage(f"已导出到 {target}", 8000)
        from .exported import offer_to_open

        offer_to_open(self, target, "Word 文档")
        return True
