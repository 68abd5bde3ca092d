"""The user's activity library is written like every other file of the
program: beside the target, fsynced, then moved into place (safe_write)."""

from __future__ import annotations

import json

import pytest

from planner_gui import safe_write
from planner_gui.core import activity_library as lib
from planner_gui.core.plan import Activity
from planner_gui.gui.schedule_library import save_user_library


def _entry(text: str) -> lib.LibraryEntry:
    return lib.entry_from_activity(Activity("a1", ["2025-05"], text, "各工会小组"), [])


def test_the_library_is_fsynced_before_it_replaces_the_old_one(tmp_path, monkeypatch):
    path = tmp_path / "data" / "activities.json"
    events = []
    real_fsync, real_replace = safe_write.os.fsync, safe_write.os.replace
    monkeypatch.setattr(safe_write.os, "fsync", lambda fd: events.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(safe_write.os, "replace",
                        lambda src, dst: events.append(("replace", str(dst))) or real_replace(src, dst))
    save_user_library(path, [_entry("教职工气排球赛")])
    assert events == ["fsync", ("replace", str(path))]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [e["text"] for e in data["activities"]] == ["教职工气排球赛"]
    assert lib.load_library(path, path)[1] == ""
    assert [p.name for p in path.parent.iterdir()] == ["activities.json"]


def test_a_failed_save_keeps_the_old_library_and_says_why(tmp_path, monkeypatch):
    path = tmp_path / "activities.json"
    save_user_library(path, [_entry("旧的活动")])
    before = path.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(safe_write.os, "fsync", full)
    with pytest.raises(OSError) as caught:
        save_user_library(path, [_entry("新的活动")])
    assert "磁盘空间不足" in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["activities.json"]
