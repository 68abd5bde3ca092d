"""文件 → 生成年度工作总结…: the year-end 工作总结 drafted from the plan in the
window (core.summary), written to a new file and opened in the same editor.

The plan's own file is never written to: the summary is built from the plan
as it is on screen, created as a new plan file of kind "summary" wherever
the user chooses (alerts.save_plan_path), then opened the way 打开 opens a
file. The placeholder list then shows what is left to write.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..core.files import PLAN_EXTENSION as EXTENSION
from . import alerts, settings
from .file_service import same_file

if TYPE_CHECKING:
    from .host import WindowHost

log = logging.getLogger(__name__)


class SummaryActions(QObject):
    """The File menu's 生成年度工作总结… of one editor window."""

    def __init__(self, host: WindowHost):
        super().__init__(host.parent)
        self.setObjectName("summaryActions")
        self.host = host
        self.summary_action = QAction("生成年度工作总结(&S)…", host.parent)
        self.summary_action.setObjectName("actionYearEndSummary")
        self.summary_action.setStatusTip("根据本计划的活动、完成标记和完成情况，在新文件中起草本年度工作总结")
        self.summary_action.triggered.connect(self.make_summary)

    def actions(self) -> list[QAction]:
        return [self.summary_action]

    def make_summary(self) -> bool:
        from ..core.summary import build_summary, is_summary

        w = self.host.parent
        session = self.host.session
        title = "年度工作总结"
        if session is None:
            return False
        if is_summary(session.plan):
            alerts.error(w, "当前文档已经是年度工作总结。请打开本年度的工作计划再生成总结。", title)
            return False
        summary = build_summary(session.plan)
        target = self._ask_target(summary)
        if target is None:
            return False
        return self._create_and_open(summary, target)

    def offer_opening(self, source: str, old_year: int) -> bool:
        """After 以去年的计划为基础新建: when last year's 工作总结 lies beside last
        year's plan and its 下一年工作打算 has been written, offer those
        paragraphs as the new plan's opening; accepting is one undo step."""
        from ..core.summary import opening_from_summary_edit

        w = self.host.parent
        session = self.host.session
        if session is None or session.read_only:
            return False
        found = find_summary(os.path.dirname(os.path.abspath(source)), old_year,
                             exclude=(source, session.path))
        if found is None:
            return False
        path, summary = found
        edit = opening_from_summary_edit(session.plan, summary)
        if edit is None:
            return False
        count = len(edit.paragraphs) - len(session.plan.preamble)
        question = (f"去年的工作总结“{os.path.basename(path)}”写有今年的工作打算。"
                    f"是否把其中“下一年工作打算”的 {count} 段文字放到新计划开头的最前面？")
        if not alerts.confirm(w, question, "以去年的计划为基础新建", "采用"):
            return False
        return self.host.editor.push(edit, "采用去年总结中的工作打算")

    def _folder(self) -> str:
        session = self.host.session
        if session is not None and session.path is not None:
            return os.path.dirname(os.path.abspath(str(session.path)))
        return settings.last_folder()

    def _ask_target(self, summary) -> str | None:
        from ..export.naming import suggested_filename

        w = self.host.parent
        session = self.host.session
        name = suggested_filename(summary, extension=EXTENSION)
        target = alerts.save_plan_path(w, "年度工作总结保存到哪里？",
                                       os.path.join(self._folder(), name))
        if not target:
            return None
        target = os.path.abspath(target)
        if session is not None and same_file(target, session.path):
            alerts.error(w, "工作总结不能覆盖计划文件，请换一个文件名。", "未保存")
            return None
        return target

    def _create_and_open(self, summary, target: str) -> bool:
        from .file_service import create_and_open

        if create_and_open(self.host, summary, target, "未保存"):
            log.info("year-end summary written to %s", target)
            return True
        return False


#: At most this many plan files in last year's folder are looked at for its summary.
MAX_FILES_LOOKED_AT = 40


def find_summary(folder: str, year: int, exclude=()):
    """Last year's 工作总结 in a folder: a plan file of kind "summary" for
    `year`, read without writing (the newest when there are several), or None.
    Files that cannot be read, or are open here, are passed over."""
    from ..core.files import PlanFileProblem as StoreError
    from .file_service import open_plan_file

    try:
        names = [n for n in os.listdir(folder) if n.lower().endswith(EXTENSION)]
    except OSError:
        return None
    paths = [os.path.join(folder, n) for n in names]
    paths = [p for p in paths if not any(same_file(p, e) for e in exclude if e)]
    paths.sort(key=lambda p: os.path.getmtime(p) if os.path.exists(p) else 0, reverse=True)
    for path in paths[:MAX_FILES_LOOKED_AT]:
        try:
            with open_plan_file(path, read_only=True) as plan_file:
                plan = plan_file.load()
        except StoreError:
            continue
        if plan.meta.kind == "summary" and plan.meta.year == year:
            return path, plan
    return None


def install_summary_actions(host: WindowHost, file_menu: QMenu) -> SummaryActions:
    """Put 生成年度工作总结… in the File menu, before the export entries; the
    window keeps the returned helper."""
    owner = SummaryActions(host)
    entries = file_menu.actions()
    anchor = next((a for a in entries if a.objectName() == "actionExportWord"), None)
    if anchor is not None:
        file_menu.insertActions(anchor, owner.actions())
    else:
        file_menu.addActions(owner.actions())
    return owner
