"""Files this process holds locked, and the one way to read any other file.

POSIX drops every lock a process holds on a file as soon as the process
closes *any* descriptor of that file. SQLite's lock on an open plan is such a
lock: reading the plan's bytes through a second descriptor (an importer, a
checksum, file-type sniffing) and closing it silently unlocks the plan, and a
second editor or `planner-gui load --force` may then write it; both report
"saved" and one side's edits vanish. So the store registers every plan it
holds here, by (device, inode) so that any name of the file counts, and
read_regular() refuses those files before opening them.

read_regular() also reads only regular files (a FIFO would block forever, a
device never end) and never more than a bound. Standard library only: every
layer may import this module.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

_HELD: dict[tuple[int, int], int] = {}
_GUARD = threading.Lock()

#: Why a held file is not read (the plan open in this window).
HELD_MESSAGE = ("这是本程序当前正在编辑的计划文件本身，不能再作为其他文件读取或导入"
                "（那样会解除它的锁，别的程序就可能改写它）。如需从它开始，请用“另存为”。")


class FileReadError(OSError):
    """A file could not be read; str() is the user's sentence (Chinese)."""

    def __str__(self) -> str:
        return self.args[0] if self.args else ""


def file_key(path) -> tuple[int, int] | None:
    """(device, inode) of path, following links; None when it cannot be stat()ed."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def is_held(path) -> bool:
    """True while this process holds the file (by any of its names)."""
    key = file_key(path)
    with _GUARD:
        return key is not None and key in _HELD


def hold(key: tuple[int, int]) -> None:
    with _GUARD:
        _HELD[key] = _HELD.get(key, 0) + 1


def release(key: tuple[int, int]) -> None:
    with _GUARD:
        count = _HELD.get(key, 0) - 1
        if count > 0:
            _HELD[key] = count
        else:
            _HELD.pop(key, None)


def read_regular(path, limit: int, what: str = "文件") -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises FileReadError with a sentence for: a missing file, a folder, a
    pipe or device, a plan this process holds, a file over the limit, no
    permission, any other OSError. The file is stat()ed before it is opened
    and read with a bound, so neither a FIFO nor /dev/zero nor a file growing
    while it is read can hold the program.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileReadError(f"{what}不存在：{path}") from None
    except PermissionError:
        raise FileReadError(f"没有权限读取{what}：{path}") from None
    except (OSError, ValueError) as exc:
        raise FileReadError(f"无法读取{what}：{path}（{getattr(exc, 'strerror', None) or exc}）") from None
    if stat.S_ISDIR(info.st_mode):
        raise FileReadError(f"这是一个文件夹，不是文件：{path}")
    if not stat.S_ISREG(info.st_mode):
        raise FileReadError(f"这不是普通文件（可能是管道或设备），不能读取：{path}")
    with _GUARD:
        held = (info.st_dev, info.st_ino) in _HELD
    if held:
        raise FileReadError(HELD_MESSAGE)
    if info.st_size > limit:
        raise FileReadError(f"{what}太大（{_size(info.st_size)}，上限 {_size(limit)}），未读取：{path.name}")
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except PermissionError:
        raise FileReadError(f"没有权限读取{what}：{path}") from None
    except OSError as exc:
        raise FileReadError(f"无法读取{what}：{path}（{exc.strerror or exc}）") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            raise FileReadError(f"文件在读取时被替换了，请再试一次：{path}")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except FileReadError:
        raise
    except OSError as exc:
        raise FileReadError(f"无法读取{what}：{path}（{exc.strerror or exc}）") from None
    finally:
        os.close(fd)
    if total > limit:
        raise FileReadError(f"{what}太大（上限 {_size(limit)}），未读取：{path.name}")
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} 字节"
