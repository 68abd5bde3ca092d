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
import re
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO
from collections.abc import Callable

NEW_FILE_MODE = 0o644
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class WriteError(Exception):
    """A file could not be written; str() is the user's message."""


def in_use(name: str, holder: str = "其他程序") -> str:
    """The one sentence for a file that cannot be replaced because a program
    holds it open (Windows) or it is read-only: the plan file (the store) and
    an exported document alike."""
    return (f"无法覆盖“{name}”：文件可能正被{holder}打开，或是只读的。"
            "请关闭那里的文件后再试（原有文件未改动）。")


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
            return in_use(name, holder)
        return f"没有权限在文件夹“{path.parent}”中保存文件，请换一个保存位置。"
    if exc.errno == errno.EINVAL:
        return f"文件名“{name}”中含有不允许使用的字符。"
    reason = exc.strerror or str(exc)
    return f"保存“{name}”失败：{reason}（原有文件未改动）。"


#: Names Windows reserves in every folder, with any extension (CON.ghjh too).
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                  *(f"LPT{i}" for i in range(1, 10))}
#: Windows' MAX_PATH less the terminating NUL: longer paths fail there unless
#: long paths were switched on, which cannot be counted on.
MAX_PATH = 259
#: Bytes in one name on the usual file systems (NTFS counts 255 UTF-16 units).
MAX_NAME_BYTES = 255
_FORBIDDEN_CHARS = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def name_problem(path) -> str | None:
    """Why a file name cannot be written on Windows (or at all), as a sentence;
    None when it can. Checked on every system: a plan is carried to Windows
    laptops whatever made it."""
    path = Path(path)
    name = path.name
    stem = name.split(".")[0].rstrip(" ").upper()
    if stem in RESERVED_NAMES:
        return f"“{name}”是 Windows 保留的名称（如 CON、NUL、AUX），不能用作文件名，请换一个名字。"
    if any(ch in _FORBIDDEN_CHARS for ch in name):
        return f"文件名“{name}”中含有 Windows 不允许的字符（< > : \" / \\ | ? * 等），请换一个名字。"
    if name != name.rstrip(" ."):
        return f"文件名“{name}”不能以空格或句点结尾（Windows 不允许），请换一个名字。"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES or len(name) > MAX_NAME_BYTES:
        return "文件名过长，请换一个短一些的名字。"
    if len(str(path.absolute())) > MAX_PATH:
        return (f"文件的完整路径超过 {MAX_PATH} 个字符，在 Windows 上无法保存或打开，"
                "请换一个短一些的文件名，或保存到层级浅一些的文件夹。")
    return None


def describe_os_error(exc: OSError) -> str:
    """A Chinese sentence for an OSError met outside a write (the CLI's last resort)."""
    name = Path(exc.filename).name if getattr(exc, "filename", None) else ""
    where = f"“{name}”" if name else "文件"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名或路径过长，请换一个短一些的名字或位置。"
    if exc.errno in _DISK_FULL:
        return "磁盘空间不足，操作未完成。"
    if exc.errno == errno.EROFS:
        return f"{where}所在的位置是只读的。"
    if isinstance(exc, PermissionError):
        return f"没有权限访问{where}，或它正被其他程序使用。"
    if isinstance(exc, FileNotFoundError):
        return f"{where}或它所在的文件夹不存在。"
    if isinstance(exc, NotADirectoryError):
        return f"{where}的路径中有一部分不是文件夹。"
    if isinstance(exc, IsADirectoryError):
        return f"{where}是一个文件夹。"
    return f"无法访问{where}，操作未完成（系统错误 {exc.errno}）。"


def check_target(path: Path, kind: str = "文件", error: type[Exception] = WriteError) -> None:
    """Refuse early (before any work) a target that cannot be written;
    kind names what is saved (Word 文档, PDF) in the message."""
    problem = name_problem(path)
    if problem:
        raise error(problem)
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


def _temp_prefix(path: Path) -> str:
    return f".{path.stem[:40]}.out-"


def sweep_stale_temporaries(path: Path) -> list[Path]:
    """Remove the hidden temporary files (.<stem>.out-<pid>-XXXX.tmp) that a
    killed export or PDF of this name left beside it."""
    return sweep_matching(path.parent, re.compile(re.escape(_temp_prefix(path)) + r"(\d+)-[^/\\]*\.tmp$"))


def sweep_matching(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Remove the files in folder whose names match pattern (group 1: the pid
    of the process that wrote them) and whose process is gone (POSIX), or that
    are older than a day where that cannot be asked (Windows). Shared by the
    exports' temporary files and the store's (store/files.py)."""
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if pattern.match(p.name)]
    except OSError:
        return removed
    for candidate in candidates:
        match = pattern.match(candidate.name)
        if match is None:
            continue
        pid = int(match.group(1))
        if pid == os.getpid() or not _left_behind(pid, candidate):
            continue
        try:
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            pass
    return removed


def _left_behind(pid: int, candidate: Path) -> bool:
    """Whether the process pid that wrote candidate is gone (POSIX), or the
    file is older than a day (elsewhere); False when that cannot be told."""
    import time

    if os.name == "posix":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False                         # still running: its file
    try:
        return time.time() - candidate.stat().st_mtime >= 86400
    except OSError:
        return False


def write_atomically(out_path, write: Callable[[BinaryIO], object], kind: str = "文件",
                     holder: str = "其他程序", error: type[Exception] = WriteError) -> None:
    """Call write(handle) on a temporary file beside out_path, then move it into
    place; holder names the program that may hold the old file open."""
    path = Path(out_path).absolute()
    check_target(path, kind, error)
    sweep_stale_temporaries(path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f"{_temp_prefix(path)}{os.getpid()}-", suffix=".tmp",
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
