"""Headless sub-commands: the same program as the editor, without a window.

Each command lives in planner_gui/commands/<name>.py with add_arguments()
and run(args) -> int, and is imported only when called, so `dump` never pays
for Qt or python-docx. Errors reach the user as one Chinese line on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: command name -> module under planner_gui.commands
COMMANDS = {
    "new": "new",
    "dump": "dump",
    "load": "load",
    "export": "export",
    "pdf": "pdf",
    "import": "import_plan",
    "rollover": "rollover",
    "check": "check",
    "templates": "templates",
    "summary": "summary",
}

SHORT_HELP = {
    "new": "新建计划文件",
    "dump": "以交换 JSON 输出计划",
    "load": "由交换 JSON 生成计划文件",
    "export": "导出 Word 文档（公文格式）",
    "pdf": "导出 PDF",
    "import": "导入去年的 Word 或文本计划",
    "rollover": "以去年的计划为基础生成今年的草稿",
    "check": "检查未填写的占位符",
    "templates": "列出起始模板",
    "summary": "由年度计划生成年度工作总结",
}


def is_command(argv: list[str]) -> bool:
    return bool(argv) and argv[0] in COMMANDS


def _load(name: str):
    """The command's module, imported only when that command is run or described."""
    return importlib.import_module(f"planner_gui.commands.{COMMANDS[name]}")


def build_parser(load_all: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planner-gui", description="工会工作计划编辑器（命令行）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in COMMANDS:
        module = _load(name) if load_all in (None, name) else None
        sub_parser = sub.add_parser(name, help=SHORT_HELP[name])
        if module is not None:
            module.add_arguments(sub_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .commands.base import CommandError
    from .core.interchange import PlanFormatError
    from .store.errors import StoreError

    argv = list(sys.argv[1:] if argv is None else argv)
    if not is_command(argv):
        build_parser(load_all="").print_help()
        return 2
    name = argv[0]
    module = _load(name)
    args = build_parser(load_all=name).parse_args(argv)
    try:
        return int(module.run(args) or 0)
    except (CommandError, StoreError, PlanFormatError) as exc:
        print(f"planner-gui: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # A name too long for the file system, a path that is no folder ...:
        # a sentence, never a traceback.
        from .safe_write import describe_os_error

        print(f"planner-gui: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print("planner-gui: 内存不足，操作已取消", file=sys.stderr)
        return 1
    except Exception:  # noqa: BLE001 - logged below with its traceback, then one sentence for the user
        from . import logs

        logs.setup_logging()
        logs.log.exception("command %s failed", name)
        print(f"planner-gui: {logs.error_message()}", file=sys.stderr)
        return 1
