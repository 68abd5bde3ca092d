"""A file another program holds open gets one sentence, whether it is the
plan file (the store) or an exported document (safe_write)."""

from __future__ import annotations

import os

import pytest

from planner_gui.safe_write import WriteError, write_atomically
from planner_gui.store.errors import StoreWriteError
from planner_gui.store.files import replace_in_use_aware


def _refuse(*_args, **_kwargs):
    raise PermissionError(13, "Permission denied")


def test_plan_file_and_document_say_the_same(tmp_path, monkeypatch):
    plan = tmp_path / "计划.ghjh"
    plan.write_bytes(b"old")
    source = tmp_path / "new.tmp"
    source.write_bytes(b"new")
    document = tmp_path / "计划.docx"
    document.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", _refuse)
    with pytest.raises(StoreWriteError) as store_error:
        replace_in_use_aware(source, plan)
    with pytest.raises(WriteError) as export_error:
        write_atomically(document, lambda handle: handle.write(b"new"), "Word 文档", " Word 或 WPS ")
    for message, name in ((str(store_error.value), plan.name), (str(export_error.value), document.name)):
        assert message.startswith(f"无法覆盖“{name}”：文件可能正被")
        assert message.endswith("请关闭那里的文件后再试（原有文件未改动）。")
    assert "WPS" in str(export_error.value) and "杀毒软件" in str(store_error.value)
    assert plan.read_bytes() == b"old" and document.read_bytes() == b"old"
