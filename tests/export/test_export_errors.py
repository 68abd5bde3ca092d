"""Write failures: a Chinese message, the previous file untouched, no temp files left."""

from __future__ import annotations

import errno
import os
import re

import docx
import pytest

from planner_gui.export import ExportError
from planner_gui.export.docx_writer import export_docx
from planner_gui import safe_write as atomic

CHINESE = re.compile(r"[\u4e00-\u9fff]")
PREVIOUS = b"the export from yesterday"


@pytest.fixture
def previous(tmp_path):
    path = tmp_path / "计划.docx"
    path.write_bytes(PREVIOUS)
    return path


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def expect_error(plan, target, *words, **kwargs) -> str:
    with pytest.raises(ExportError) as info:
        export_docx(plan, target, **kwargs)
    message = str(info.value)
    assert CHINESE.search(message), message
    assert "Traceback" not in message and "Errno" not in message
    for word in words:
        assert word in message, message
    return message


def test_missing_folder(tmp_path, calendar_plan):
    expect_error(calendar_plan, tmp_path / "没有的文件夹" / "计划.docx", "文件夹不存在")
    assert not (tmp_path / "没有的文件夹").exists()


def test_target_is_a_directory(tmp_path, calendar_plan):
    folder = tmp_path / "计划.docx"
    folder.mkdir()
    expect_error(calendar_plan, folder, "文件夹")
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert leftovers(tmp_path) == []


def test_read_only_target(previous, calendar_plan):
    previous.chmod(0o444)
    try:
        expect_error(calendar_plan, previous, "只读")
        assert previous.read_bytes() == PREVIOUS
        assert leftovers(previous.parent) == []
    finally:
        previous.chmod(0o644)


def test_file_open_in_word(previous, calendar_plan, monkeypatch):
    """Windows refuses to replace a file Word holds open: PermissionError."""
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    expect_error(calendar_plan, previous, "Word", "关闭")
    assert previous.read_bytes() == PREVIOUS
    assert leftovers(previous.parent) == []


def test_disk_full(previous, calendar_plan, monkeypatch):
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    expect_error(calendar_plan, previous, "磁盘空间不足")
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert previous.read_bytes() == PREVIOUS
    assert leftovers(previous.parent) == []


def test_folder_not_writable(tmp_path, calendar_plan, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    expect_error(calendar_plan, tmp_path / "计划.docx", "没有权限")


def test_success_replaces_the_previous_file_and_keeps_its_mode(previous, calendar_plan):
    previous.chmod(0o640)
    export_docx(calendar_plan, previous)
    assert docx.Document(str(previous)).paragraphs[0].text == "红星机械厂工会2025年工作计划"
    assert oct(previous.stat().st_mode & 0o777) == oct(0o640)
    assert leftovers(previous.parent) == []


def test_new_file_is_readable_by_others(tmp_path, calendar_plan):
    target = tmp_path / "新.docx"
    export_docx(calendar_plan, target)
    assert target.stat().st_mode & 0o044 == 0o044


def test_unexpected_failure_mid_write_leaves_nothing(previous, calendar_plan, monkeypatch):
    def broken_save(self, stream):
        stream.write(b"half a file")
        raise RuntimeError("boom")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(RuntimeError):
        export_docx(calendar_plan, previous)
    assert previous.read_bytes() == PREVIOUS
    assert leftovers(previous.parent) == []
