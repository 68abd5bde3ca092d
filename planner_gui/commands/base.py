"""Helpers shared by the headless commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path


class CommandError(Exception):
    """A command failed; str() is the one-line Chinese message for stderr."""


#: The largest JSON / text argument read (a plan's JSON is well under 1 MB).
MAX_INPUT_BYTES = 64 * 1024 * 1024


def read_text_arg(value: str) -> str:
    """The text of a file argument, or of stdin for '-': regular files only,
    and never more than MAX_INPUT_BYTES (`load /dev/zero` must not grow)."""
    from ..held_files import FileReadError, read_regular

    if value == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise CommandError(f"输入太大（上限 {MAX_INPUT_BYTES // (1024 * 1024)} MB），未读取")
    else:
        try:
            data = read_regular(value, MAX_INPUT_BYTES)
        except FileReadError as exc:
            raise CommandError(str(exc)) from None
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


#: A plan whose checksum does not match, as the editor says it (it opens such
#: a plan read-only with a notice); the commands stop instead.
DAMAGED = ("计划文件内容与保存时的校验值不符，可能已损坏（例如存储设备出错），命令已停止，"
           "以免把损坏的内容当作完好的继续使用。请在编辑器中核对，或用“文件 → 从备份恢复”找回以前的版本")


def load_plan(path: str, allow_damaged: bool = False):
    """The Plan in a plan file (the file is closed again). A plan whose
    checksum does not match is refused (CommandError) unless allow_damaged,
    when a warning is printed on stderr instead: never a silent exit 0, and
    never a new file (rollover, export) made from damaged content."""
    plan_file, plan = open_plan(path)
    damaged = plan_file.damaged
    plan_file.close()
    if damaged:
        if not allow_damaged:
            raise CommandError(DAMAGED)
        print("planner-gui: 警告：计划文件内容与保存时的校验值不符，可能已损坏；以下内容未经校验。",
              file=sys.stderr)
    return plan


def write_stdout(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def same_file(a, b) -> bool:
    """Whether two existing paths name one file (False when either is missing)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_overwriting_plan(output: Path, plan_path: str, kind: str) -> None:
    """An export must never replace the plan file it was made from."""
    if same_file(output, plan_path) or output.suffix.lower() == ".ghjh":
        raise CommandError(f"导出文件不能覆盖计划文件本身，请用 -o 指定一个 {kind} 文件名")


def default_output(plan_path: str, schedule_only: bool, suffix: str) -> Path:
    """Beside the plan, with its name: 计划.docx, or 计划-工作计划表.pdf for the sheet."""
    path = Path(plan_path)
    stem = path.stem + ("-工作计划表" if schedule_only else "")
    return path.with_name(stem + suffix)


def add_output_options(parser, what: str) -> None:
    """The options `export` and `pdf` share, defined once: the template, the
    工作计划表 alone, the font profile and leave to print placeholders."""
    parser.add_argument("--template", default=None,
                        help="使用自己的 Word 模板（.docx 或 .dotx）的页面设置、页眉页脚和样式"
                             + ("（需要 LibreOffice 转换）" if what == "pdf" else ""))
    parser.add_argument("--schedule-only", action="store_true",
                        help="只输出工作计划表（横向 A4，一张表）")
    parser.add_argument("--font-profile", choices=("standard", "windows"), default=None,
                        help="字体方案：standard＝方正小标宋/仿宋_GB2312，windows＝宋体/仿宋/黑体/楷体"
                             "（默认用计划中保存的设置）")
    parser.add_argument("--allow-placeholders", action="store_true",
                        help="计划中还有未填写的占位符（如 20__、xx、【 】）时仍然导出")


def placeholder_lines(plan) -> list[str]:
    """One line per unfilled placeholder: where it is and what is there."""
    from ..core.placeholders import find_placeholders

    return [f"  {found.location.describe(plan)}：{found.text}" for found in find_placeholders(plan)]


def check_placeholders(plan, allow: bool) -> None:
    """Unfilled placeholders are listed on stderr and stop an export unless
    the user allowed a draft (--allow-placeholders)."""
    lines = placeholder_lines(plan)
    if not lines:
        return
    print(f"planner-gui: 计划中还有 {len(lines)} 处未填写：", file=sys.stderr)
    for line in lines:
        print(line, file=sys.stderr)
    if not allow:
        raise CommandError("未导出。请先填写以上内容；确需导出草稿时加 --allow-placeholders")
    print("planner-gui: 已按 --allow-placeholders 照常导出，请在发出前补全。", file=sys.stderr)
