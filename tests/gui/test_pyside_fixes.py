"""The PySide6 6.12.0 emit() reference bug cannot bring the editor down."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

from planner_gui.models.pyside_fixes import RESERVE, protect_singletons


class _Emitter(QObject):
    ping = Signal()


def test_many_emits_leave_true_alive(qapp):
    """On the affected build this aborts the process without the reserve."""
    protect_singletons()
    before = sys.getrefcount(True)
    emitter = _Emitter()
    for _ in range(20000):
        emitter.ping.emit()
    assert sys.getrefcount(True) > min(before, 1000) - 1000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal on CPython 3.12+")
def test_true_gets_a_reserve(qapp):
    protect_singletons()
    assert sys.getrefcount(True) > RESERVE // 2


def test_second_call_does_nothing(qapp):
    protect_singletons()
    assert protect_singletons() is False
