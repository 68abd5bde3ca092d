"""Typing that never pauses is still written: at most MAX_DELAY_MS after the
first keystroke not yet on disk (issue 14, item 5)."""

from __future__ import annotations

from planner_gui.core.edits import SetHeading
from planner_gui.models.session import PlanSession


class RecordingFile:
    read_only = False
    path = None

    def __init__(self):
        self.writes = 0

    def sync(self, plan, touched):
        self.writes += 1

    def write_all(self, plan):
        self.writes += 1

    def close(self):
        pass


def test_steady_typing_is_written_before_it_stops(qtbot, sample_plan):
    plan_file = RecordingFile()
    session = PlanSession(sample_plan, plan_file)
    bound = getattr(session, "MAX_DELAY_MS", 2000)
    assert bound < 3 * session.DEBOUNCE_MS
    keys = 0
    # One key every half of the pause: the pause alone would never fire.
    while keys * session.DEBOUNCE_MS // 2 < bound * 2:
        keys += 1
        session.apply(SetHeading("s1", "键" * keys), debounce=True)
        qtbot.wait(session.DEBOUNCE_MS // 2)
    written_while_typing = plan_file.writes
    assert written_while_typing >= 1
    assert session.flush() and session.saved   # what 保存 (Ctrl+S) calls
