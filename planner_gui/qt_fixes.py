"""Work around a reference-count bug in the PySide6 build we run on.

PySide6 6.12.0 returns True from SignalInstance.emit() and disconnect()
(and None from some calls) without taking a new reference. On CPython
before 3.12, where True, False and None are ordinary reference-counted
objects, every emit() therefore takes one reference away from True; after a
few thousand emits CPython aborts with "Fatal Python error: bool_dealloc"
(typing a page of text is enough). CPython 3.12+ made these objects immortal,
so nothing is needed there.

The singletons are never freed anyway, so giving them a large reserve of
references once is harmless and makes the bug unreachable in practice.
pyproject.toml excludes 6.12.0, whose emit() loses a reference on every
call; other builds were seen losing a few in a long session too (about one
per 30 edits with 6.11.3), so the reserve is given on any CPython before
3.12.

Called once, at program start (app.main for the editor and the commands),
and by tests/conftest.py; nothing else calls it. Not done on a debug build
of CPython (sys.gettotalrefcount exists), whose object header may differ.
No upstream PySide report of this was found when this was written (searched
the PySide issue threads for emit / bool_dealloc); the regression test is
tests/test_qt_fixes.py.
"""

from __future__ import annotations

import sys

#: 2**40 references: a trillion emits before the reserve could run out.
RESERVE = 1 << 40
_done = False


def protect_singletons() -> bool:
    """Give True, False and None a reserve of references (once per process);
    True when it was needed and done."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if hasattr(sys, "gettotalrefcount"):   # a debug build: leave its objects alone
        return False
    import ctypes

    for obj in (True, False, None):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
    _done = True
    return True
