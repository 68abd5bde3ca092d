"""Helpers for the trials of issue 14 (test_round_two.py): files in the
states an outside adversarial run left them in."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path


def plan_with_hot_journal(source: Path, out_dir: Path) -> tuple[Path, Path]:
    """(plan, journal): a copy of source caught in the middle of a write that
    rewrote every heading, as a kill leaves it; the journal holds source's
    original pages. Made in a copy so source keeps its own lock state."""
    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / "work.ghjh"
    shutil.copyfile(source, work)
    conn = sqlite3.connect(str(work), isolation_level=None)
    try:
        conn.execute("PRAGMA cache_size = 1")     # spill dirty pages: the journal reaches the disk
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE sections SET heading = heading || '（写到一半）', body = body || ''")
        conn.execute("UPDATE meta SET value = value WHERE key = 'title'")
        plan = out_dir / "mid-write.ghjh"
        shutil.copyfile(work, plan)
        journal = out_dir / "mid-write.ghjh-journal"
        shutil.copyfile(work.with_name(work.name + "-journal"), journal)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    work.unlink()
    assert any(journal.read_bytes()[:28]), "the journal was not written"
    return plan, journal
