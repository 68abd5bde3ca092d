"""Helpers shared by the headless commands."""

from __future__ import annotations

import sys
from pathlib import Path


class CommandError(Exception):
    """A command failed; str() is the one-line Chinese message for stderr."""


def read_text_arg(value: str) -> str:
    """The text of a file argument, or of stdin for '-'."""
    if value == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(value).read_bytes()
        except FileNotFoundError:
            raise CommandError(f"文件不存在：{value}") from None
        except IsADirectoryError:
            raise CommandError(f"这是一个文件夹：{value}") from None
        except OSError as exc:
            raise CommandError(f"无法读取 {value}：{exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError("输入不是 UTF-8 编码的文本") from None


def open_plan(path: str):
    """Open a plan file for reading and return (plan_file, plan)."""
    from ..store import PlanFile

    plan_file = PlanFile.open(path, read_only=True)
    try:
        return plan_file, plan_file.load()
    except BaseException:
        plan_file.close()
        raise


def load_plan(path: str):
    """The Plan in a plan file (the file is closed again)."""
    plan_file, plan = open_plan(path)
    plan_file.close()
    return plan


def write_stdout(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
