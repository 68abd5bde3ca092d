"""Write a file whole or not at all: temporary name in the target folder, then os.replace.

The previous file is untouched until the new one is complete on disk, so a
full disk, a file held open by Word or a PDF reader (PermissionError on
Windows) or a crash mid-write never leaves a half-written document. Every
failure becomes the caller's error class (the export's, the PDF writer's)
with a Chinese sentence telling the user what to do. Standard library only.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

NEW_FILE_MODE = 0o644
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class WriteError(Exception):
    """A file could not be written; str() is the user's message."""


def _describe(exc: OSError, path: Path, stage: str, holder: str) -> str:
    """A Chinese sentence for an OSError met while writing path."""
    name = path.name
    if exc.errno in _DISK_FULL:
        return f"磁盘空间不足，“{name}”没有保存（原有文件未改动）。请清理磁盘或换一个保存位置。"
    if exc.errno == errno.EROFS:
        return f"保存位置是只读的（如写保护的U盘），无法保存“{name}”。"
    if exc.errno == errno.ENAMETOOLONG:
        return f"文件名或路径过长，无法保存“{name}”。"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        if stage == "replace":
            return (f"无法覆盖“{name}”：文件可能正在{holder}中打开，或是只读的。"
                    "请关闭该文件后再导出（原有文件未改动）。")
        return f"没有权限在文件夹“{path.parent}”中保存文件，请换一个保存位置。"
    if exc.errno == errno.EINVAL:
        return f"文件名“{name}”中含有不允许使用的字符。"
    reason = exc.strerror or str(exc)
    return f"保存“{name}”失败：{reason}（原有文件未改动）。"


def check_target(path: Path, kind: str = "文件", error: type[Exception] = WriteError) -> None:
    """Refuse early (before any work) a target that cannot be written;
    kind names what is saved (Word 文档, PDF) in the message."""
    folder = path.parent
    if not folder.exists():
        raise error(f"保存位置的文件夹不存在：{folder}")
    if not folder.is_dir():
        raise error(f"保存位置不是文件夹：{folder}")
    if path.is_dir():
        raise error(f"“{path.name}”是一个文件夹，不能保存为{kind}，请换一个文件名。")
    if path.exists():
        mode = path.stat().st_mode
        # Mode bits as well as access(): root passes access() on a read-only file,
        # and on Windows a read-only file cannot be replaced either.
        if not (mode & stat.S_IWUSR) or not os.access(path, os.W_OK):
            raise error(f"“{path.name}”是只读文件，不能覆盖。请另选文件名，或先去掉它的只读属性。")


def write_atomically(out_path, write: Callable[[BinaryIO], None], kind: str = "文件",
                     holder: str = "其他程序", error: type[Exception] = WriteError) -> None:
    """Call write(handle) on a temporary file beside out_path, then move it into
    place; holder names the program that may hold the old file open."""
    path = Path(out_path).absolute()
    check_target(path, kind, error)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=".tmp",
                                         dir=str(path.parent))
    except OSError as exc:
        raise error(_describe(exc, path, "create", holder)) from None
    temp = Path(temp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                write(handle)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise error(_describe(exc, path, "write", holder)) from None
        try:
            mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else NEW_FILE_MODE
            os.chmod(temp, mode)
        except OSError:
            pass  # the permissions of the old file are a nicety, not a reason to fail
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise error(_describe(exc, path, "replace", holder)) from None
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
