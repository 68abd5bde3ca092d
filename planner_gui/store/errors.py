"""Store errors; every message is a sentence for the user, in Chinese."""

from __future__ import annotations

import errno
import logging

from ..core.files import PlanFileProblem

log = logging.getLogger(__name__)


class StoreError(PlanFileProblem):
    """A plan file could not be opened or written; str() is the user's message."""


class NotAPlanError(StoreError):
    """Not a SQLite file, or a SQLite file that is not a plan, or a damaged one."""


class NewerVersionError(StoreError):
    """Written by a newer version; such a file is opened read-only."""


class PlanLockedError(StoreError):
    """Another window or process has the plan open."""


class InterruptedSaveError(StoreError):
    """A save was cut short (a hot journal) where the file cannot be written:
    plan_file.recovered_copy() makes a whole copy in a writable place."""


class StoreWriteError(StoreError):
    """A write failed (disk full, read-only medium, drive gone); the plan on disk
    is still the last committed one."""


#: Where a damaged plan can be brought back from (the editor's menu).
RESTORE_HINT = "如果这是您的计划，可用“文件 → 从备份恢复”找回以前保存的版本。"
#: The one sentence for a plan held by another window or process.
OPEN_ELSEWHERE = "该计划已在别处打开（另一个窗口或程序正在使用它），请先关闭那里再试。"


def describe_sqlite_error(exc: BaseException, action: str = "保存") -> StoreError:
    """Turn a sqlite3 / OS error into the message a user can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return PlanLockedError(OPEN_ELSEWHERE)
    if "disk is full" in text or "no space" in text or getattr(exc, "errno", None) == 28:
        return StoreWriteError(f"磁盘已满，无法{action}。您的修改仍保留在程序中，请腾出空间或用“另存为”保存到其他位置。")
    if "readonly" in text or "read-only" in text or "permission" in text:
        return StoreWriteError(f"文件是只读的，无法{action}。请用“另存为”保存到其他位置。")
    if "not a database" in text or "malformed" in text or "corrupt" in text or "could not decode" in text:
        return NotAPlanError("文件已损坏，或不是工会工作计划文件。" + RESTORE_HINT)
    if "too big" in text:
        if action in ("读取", "打开"):
            return NotAPlanError("文件中有一段内容大得不合常理（超过 16 MB），不像是工作计划，为安全起见未读取。"
                                 + RESTORE_HINT)
        return StoreWriteError(f"有一段内容大得不合常理（超过 16 MB），不像是工作计划，无法{action}。")
    if "constraint" in text:
        log.warning("constraint failed while trying to %s: %s", action, exc)
        return StoreWriteError(f"无法{action}：文件中的数据与本程序的要求冲突（文件可能被其他程序改过）。"
                               "您的修改仍保留在程序中，请用“另存为”保存一份副本。")
    if getattr(exc, "errno", None) == errno.ENAMETOOLONG or "name too long" in text:
        return StoreWriteError(f"文件名或路径过长，无法{action}。请换一个短一些的文件名或位置。")
    if "disk i/o" in text or "unable to open" in text or isinstance(exc, OSError):
        return StoreWriteError(f"无法{action}：文件所在的磁盘不可用（U 盘是否已拔出？）。您的修改仍保留在程序中。")
    # Never the raw (English) text of SQLite or the OS: a sentence, and a log line.
    log.warning("unexpected error while trying to %s: %r", action, exc)
    return StoreWriteError(f"无法{action}：出现了意外的错误。您的修改仍保留在程序中，"
                           "可用“另存为”保存到其他位置。")
