"""Starting this year's plan from last year's, in the editor's File menu:

- 以去年的计划为基础新建… : last year's plan file (opened read-only, never
  written) or last year's Word/text file (imported first) -> a new plan file
  moved to the new year, opened in the window, with the review list of the
  text changes it needs (dialogs/rollover_review.py);
- 导入 Word/文本计划… and 从粘贴的文本新建… : a new plan file from a typed
  plan, opened, with the list of what the importer guessed
  (dialogs/import_report.py).

Reading a Word file can take long (LibreOffice converts .doc/.wps), so every
import runs on a pool thread behind a busy dialog; the plan file is created
only once it succeeded, so a failure leaves nothing behind. Accepting
changes is one undo step, pushed through the window's editor. The helper
holds the window's narrow face (gui/host.py), not the window.

The rollover, importer and review modules are imported when an action is
first used, not when the window starts.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from ..core.files import PLAN_EXTENSION as EXTENSION
from . import alerts, settings
from .file_service import same_file

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from ..dialogs.import_report import ImportReportPanel
    from ..dialogs.rollover_review import RolloverReviewPanel
    from .host import WindowHost

IMPORT_SUFFIXES = ("*.docx", "*.doc", "*.wps", "*.txt", "*.htm", "*.html", "*.mht", "*.mhtml")


class ImportJob(QObject):
    """One import on a pool thread; `done`/`failed` arrive on the GUI thread.

    The job has no Qt parent: the worker holds it while it runs and the
    queued signal holds it until delivered, so closing the window while a
    file is read never deletes the object the worker is emitting from."""

    done = Signal(object, object)   # the job, its ImportResult
    failed = Signal(object, str)    # the job, the user's message ("" = an unexpected error)
    several = Signal(object, object)  # the job, the plans of a page holding several (importers.Part)

    def __init__(self, work, then, what: str = ""):
        super().__init__()
        from ..importers.cancel import CancelToken

        self._work = work
        self.then = then                # called with the result on the GUI thread
        self.what = what
        self.cancelled = False
        self.token = CancelToken()      # cancelling stops the importer's work too

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:  # on the pool thread
        from ..importers import PlanImportError, SeveralPlans, offer_choice
        from ..importers.cancel import ImportCancelled, cancellable

        try:
            with cancellable(self.token), offer_choice():
                result = self._work()
        except ImportCancelled:
            return                      # the user cancelled: nobody waits for an answer
        except SeveralPlans as exc:
            self.several.emit(self, exc.parts)
            return
        except PlanImportError as exc:
            self.failed.emit(self, str(exc))
            return
        except Exception:  # the user gets a sentence, the log the traceback
            log.exception("import job failed")
            self.failed.emit(self, "")
            return
        self.done.emit(self, result)



class RolloverActions(QObject):
    """The three File menu actions of one editor window and the lists they show."""

    def __init__(self, host: WindowHost, offer_opening: Callable[[str, int], bool] | None = None):
        super().__init__(host.parent)
        self.setObjectName("rolloverActions")
        self.host = host
        # After a rollover from last year's plan file: offer last year's 工作总结
        # beside it as the new plan's opening (the summary helper's offer_opening).
        self.offer_opening = offer_opening
        parent = host.parent
        self.job: ImportJob | None = None
        self.busy: QProgressDialog | None = None
        self.review_dock: QDockWidget | None = None
        self.review_panel: RolloverReviewPanel | None = None
        self.report_dock: QDockWidget | None = None
        self.report_panel: ImportReportPanel | None = None
        self._followed = None           # the session whose edits the review follows

        self.from_last_year_action = QAction("以去年的计划为基础新建(&L)…", parent)
        self.from_last_year_action.setObjectName("actionNewFromLastYear")
        self.from_last_year_action.setStatusTip("以去年的计划文件或 Word 文件为基础开始今年的计划；新年度需要的修改会逐条列出，由您确认")
        self.from_last_year_action.triggered.connect(self.new_from_last_year)
        self.import_action = QAction("导入 Word/文本计划(&I)…", parent)
        self.import_action.setObjectName("actionImportPlan")
        self.import_action.setStatusTip("把用 Word（.docx、.doc、.wps）或文本文件写的计划导入为新的计划文件")
        self.import_action.triggered.connect(self.import_plan)
        self.paste_action = QAction("从粘贴的文本新建(&T)…", parent)
        self.paste_action.setObjectName("actionNewFromPastedText")
        self.paste_action.setStatusTip("用从去年计划中复制的文字新建计划")
        self.paste_action.triggered.connect(self.new_from_pasted_text)
        host.session_changed.connect(self._session_changed)
        if host.session is not None:
            self._session_changed(host.session)

    def actions(self) -> list[QAction]:
        return [self.from_last_year_action, self.paste_action, self.import_action]

    # ------------------------------------------------------------ the actions
    def new_from_last_year(self) -> None:
        w = self.host.parent
        filters = ";;".join([
            f"去年的计划 (*{EXTENSION} {' '.join(IMPORT_SUFFIXES)})",
            alerts.plan_filter(),
            f"Word 或文本文件 ({' '.join(IMPORT_SUFFIXES)})",
            "所有文件 (*)",
        ])
        source = alerts.open_path(w, "选择去年的计划", self._folder(), filters)
        if not source:
            return
        source = os.path.abspath(source)
        if source.lower().endswith(EXTENSION):
            plan = self._read_plan(source)
            if plan is not None:
                self._roll(plan, source, None)
            return
        from ..importers import import_file

        self._run(lambda: import_file(source), os.path.basename(source),
                  lambda result: self._roll(result.plan, source, result))

    def import_plan(self) -> None:
        filters = ";;".join([
            f"Word 或文本文件 ({' '.join(IMPORT_SUFFIXES)})",
            "Word 文档 (*.docx *.doc *.wps)",
            "文本文件 (*.txt)",
            "所有文件 (*)",
        ])
        source = alerts.open_path(self.host.parent, "导入去年的 Word 或文本计划",
                                  self._folder(), filters)
        if not source:
            return
        self.import_path(source)

    def import_path(self, source: str) -> None:
        """Import this Word or text file (chosen, or dropped on the window)."""
        source = os.path.abspath(source)
        from ..importers import import_file

        self._run(lambda: import_file(source), os.path.basename(source),
                  lambda result: self._imported(result, source))

    def new_from_pasted_text(self) -> None:
        from ..dialogs import paste_plan

        text = paste_plan.get_plan_text(self.host.parent)
        if text is None:
            return
        if not text.strip():
            alerts.error(self.host.parent, "没有可以导入的文字。", "无法导入")
            return
        from ..importers import import_text

        self._run(lambda: import_text(text), "粘贴的文本",
                  lambda result: self._imported(result, None))

    # ------------------------------------------------------------- importing
    def _run(self, work, what: str, then) -> None:
        """Run `work` (an import) on a pool thread behind a busy dialog; call
        then(result) on success, report the error otherwise."""
        if self.job is not None:
            alerts.warning(self.host.parent, "还有一个文件正在读取，请稍候。")
            return
        from PySide6.QtWidgets import QProgressDialog   # with its dialog enums, when a file is read

        job = ImportJob(work, then, what)
        self.job = job
        busy = QProgressDialog(f"正在读取 {what}…\n如果 Word 文件需要转换，可能要稍等一会儿。",
                               "取消", 0, 0, self.host.parent)
        busy.setObjectName("importBusy")
        busy.setWindowTitle("正在导入")
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)
        busy.setAutoReset(False)
        busy.setAutoClose(False)
        busy.setValue(0)   # starts the clock: shown only when reading takes a while
        busy.canceled.connect(self._cancel)
        self.busy = busy
        for action in self.actions():
            action.setEnabled(False)
        job.done.connect(self._job_done, Qt.ConnectionType.QueuedConnection)
        job.failed.connect(self._job_failed, Qt.ConnectionType.QueuedConnection)
        job.several.connect(self._job_several, Qt.ConnectionType.QueuedConnection)
        job.start()

    def busy_now(self) -> bool:
        return self.job is not None

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancelled = True
            self.job.token.cancel()
        self._end_busy()

    def _end_busy(self) -> None:
        self.job = None
        if self.busy is not None:
            self.busy.canceled.disconnect(self._cancel)
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None
        for action in self.actions():
            action.setEnabled(True)

    def _job_done(self, job: ImportJob, result) -> None:
        if self._take(job):
            job.then(result)

    def _job_failed(self, job: ImportJob, message: str) -> None:
        if self._take(job):
            alerts.error(self.host.parent, message or ("无法把这个文件读作一份计划。如果它是 Word 文档，"
                                                       "请用 Word 打开，另存为 .docx 后再导入。"), "无法导入")

    def _job_several(self, job: ImportJob, parts) -> None:
        """A page with several plans: the user picks one, which is then read."""
        if not self._take(job):
            return
        from ..dialogs.plan_picker import pick_part
        from ..importers import import_part

        index = pick_part(self.host.parent, parts)
        if index is None:
            return
        part = parts[index]
        self._run(lambda: import_part(part), job.what, job.then)

    def _take(self, job: ImportJob) -> bool:
        """True when this job's result is still wanted: not cancelled, not
        replaced by another, and the window was not closed meanwhile."""
        if job.cancelled or job is not self.job:
            return False
        self._end_busy()
        return self.host.parent.isVisible()

    def _imported(self, result, source: str | None) -> None:
        folder = os.path.dirname(source) if source else settings.last_folder()
        target = self._ask_target(result.plan, folder, source)
        if target is None or not self._create_and_open(result.plan, target):
            return
        name = os.path.basename(source) if source else "粘贴的文本"
        self.show_report(result, name)

    # -------------------------------------------------------------- rollover
    def _read_plan(self, path: str):
        """Last year's plan, read without ever writing to its file."""
        from ..core.files import PlanFileProblem as StoreError
        from .file_service import open_plan_file

        session = self.host.session
        if session is not None and same_file(session.path, path):
            return copy.deepcopy(session.plan)   # it is open here: take what is on screen
        try:
            plan_file = open_plan_file(path, read_only=True)
        except StoreError as exc:
            alerts.error(self.host.parent, str(exc), "无法打开")
            return None
        try:
            return plan_file.load()
        except StoreError as exc:
            alerts.error(self.host.parent, str(exc), "无法打开")
            return None
        finally:
            plan_file.close()

    def _roll(self, plan, source: str, imported) -> None:
        w = self.host.parent
        old_year = plan.meta.year
        if plan.meta.period.kind in ("school_year", "semester"):
            # A school's plan is for a school year (2026—2027), not a calendar year.
            question = (f"去年的计划是 {old_year}—{old_year + 1} 学年的。新计划是哪个学年的？"
                        f"请输入学年开始的年份（{old_year + 1}—{old_year + 2} 学年填 {old_year + 1}）。")
        else:
            question = f"去年的计划是 {old_year} 年的。新计划是哪一年的？"
        year = alerts.ask_integer(w, question, "以去年的计划为基础新建", old_year + 1, 1900, 2999)
        if year is None:
            return
        if year == old_year:
            alerts.error(w, f"新计划的年度不能与去年的计划相同（{old_year} 年）。",
                         "以去年的计划为基础新建")
            return
        from ..core.edits import apply_edit
        from ..core.rollover import auto_changes, changes_to_edit, propose, rollover

        new_plan, changes = rollover(plan, year)
        named = copy.deepcopy(new_plan)    # the suggested file name carries the new year
        apply_edit(named, changes_to_edit(named, auto_changes(changes)))
        target = self._ask_target(named, os.path.dirname(source), source)
        if target is None or not self._create_and_open(new_plan, target):
            return
        if imported is not None:
            self.show_report(imported, os.path.basename(source))
        session = self.host.session
        assert session is not None, "the new plan was opened"
        self.show_review(propose(session.plan, year, from_year=old_year), old_year, year)
        if self.offer_opening is not None and source.lower().endswith(EXTENSION):
            self.offer_opening(source, old_year)   # issue 18: last year's 工作总结 beside it

    # ------------------------------------------------------------ new files
    def _folder(self) -> str:
        session = self.host.session
        if session is not None and session.path is not None:
            return os.path.dirname(os.path.abspath(str(session.path)))
        return settings.last_folder()

    def _ask_target(self, plan, folder: str, source: str | None) -> str | None:
        from ..export.naming import suggested_filename

        w = self.host.parent
        session = self.host.session
        name = suggested_filename(plan, extension=EXTENSION)
        target = alerts.save_plan_path(w, "新计划保存在哪里？",
                                       os.path.join(folder or settings.last_folder(), name))
        if not target:
            return None
        target = os.path.abspath(target)
        if source is not None and same_file(target, source):
            alerts.error(w, "新计划不能覆盖去年的计划文件，请换一个文件名。", "未保存")
            return None
        if session is not None and same_file(target, session.path):
            alerts.error(w, "这份计划正在打开，请换一个文件名。",
                         "未保存")
            return None
        return target

    def _create_and_open(self, plan, target: str) -> bool:
        """Write the new plan file, then open it the way 打开 does. When the
        user keeps the plan that is open instead, the new file is removed."""
        from .file_service import create_and_open

        return create_and_open(self.host, plan, target, "未保存", remove_unopened=True)

    # ---------------------------------------------------------------- lists
    def _dock(self, name: str, title: str, panel) -> QDockWidget:
        dock = QDockWidget(title, self.host.parent)
        dock.setObjectName(name)
        dock.setWidget(panel)
        self.host.add_dock(dock)
        return dock

    def show_review(self, changes, old_year: int, new_year: int) -> RolloverReviewPanel:
        from ..dialogs.rollover_review import RolloverReviewPanel

        if self.review_panel is None:
            self.review_panel = RolloverReviewPanel(self.host.parent)
            self.review_dock = self._dock("rolloverReviewDock", "新年度修改",
                                          self.review_panel)
            self.review_panel.location_requested.connect(self.host.go_to_location)
            self.review_panel.accept_requested.connect(self._accept)
            self.host.editor.undo_stack.indexChanged.connect(self._stack_moved)
        session = self.host.session
        self.review_panel.set_review(session, changes, old_year, new_year, self.command_state)
        assert self.review_dock is not None, "made with the panel"
        self.review_dock.show()
        self.review_dock.raise_()
        return self.review_panel

    def show_report(self, result, source: str) -> ImportReportPanel:
        from ..dialogs.import_report import ImportReportPanel

        if self.report_panel is None:
            self.report_panel = ImportReportPanel(self.host.parent)
            self.report_dock = self._dock("importReportDock", "导入报告",
                                          self.report_panel)
            self.report_panel.location_requested.connect(self.host.go_to_location)
        self.report_panel.set_report(self.host.session, result, source)
        assert self.report_dock is not None, "made with the panel"
        self.report_dock.show()
        self.report_dock.raise_()
        return self.report_panel

    def _session_changed(self, session) -> None:
        """Another plan in the window: the lists of the plan that was open
        stop pointing into it; the review follows the new plan's edits."""
        if session is self._followed:
            return
        self._followed = session
        session.changed.connect(self._plan_changed)
        current = self.host.session
        for panel in (self.review_panel, self.report_panel):
            if panel is not None and panel.session is not None and panel.session is not current:
                panel.detach()

    def _plan_changed(self) -> None:
        panel = self.review_panel
        if panel is not None and panel.session is self.host.session:
            panel.plan_changed()

    def _stack_moved(self, _index: int) -> None:
        if shiboken6.isValid(self.host.editor.undo_stack):   # not while the window is torn down
            self._plan_changed()

    def command_state(self, command) -> str:
        """Whether an accepting undo step is applied, undone (redo brings it
        back) or gone from the stack."""
        from ..core.rollover_review import APPLIED, GONE, UNDONE

        stack = self.host.editor.undo_stack
        for index in range(stack.count()):
            if stack.command(index) is command:
                return APPLIED if index < stack.index() else UNDONE
        return GONE

    def _accept(self, numbers: list[int]) -> None:
        w = self.host.parent
        editor = self.host.editor
        panel = self.review_panel
        assert panel is not None, "the review panel asks to accept"
        session = self.host.session
        if session is None or panel.session is not session:
            panel.detach()
            return
        from ..core.rollover import StaleChangeError, changes_to_edit

        changes = panel.review.changes_to_apply(numbers)
        try:
            edit = changes_to_edit(session.plan, changes)
        except StaleChangeError as exc:
            alerts.error(w, str(exc), "未修改")
            panel.refresh()
            return
        if not editor.push(edit, "接受新年度修改"):
            alerts.error(w, "无法进行这些修改。", "未修改")
            panel.refresh()
            return
        panel.mark_accepted(numbers, editor.last_command)


def install_rollover_actions(host: WindowHost, file_menu: QMenu,
                             offer_opening: Callable[[str, int], bool] | None = None) -> RolloverActions:
    """Add 以去年的计划为基础新建…, 从粘贴的文本新建… and 导入 Word/文本计划… to the
    File menu: into its 新建 submenu when there is one, else right after 新建.
    offer_opening(source, old_year) is asked after a rollover from a plan file
    (the year's summary helper offers last year's 下一年工作打算); the window
    keeps the returned helper."""
    owner = RolloverActions(host, offer_opening)
    actions = owner.actions()
    submenu = file_menu.findChild(type(file_menu), "menuNew")
    if submenu is not None:
        submenu.addSeparator()
        submenu.addActions(actions)
    else:
        entries = file_menu.actions()
        new = next((a for a in entries if a.objectName() == "actionNew"), None)
        if new is not None and entries.index(new) + 1 < len(entries):
            file_menu.insertActions(entries[entries.index(new) + 1], actions)
        else:
            file_menu.addActions(actions)
    return owner
