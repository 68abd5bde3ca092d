"""Stopping an import the user cancelled.

The editor reads files on a pool thread; when the user presses 取消 the
work must stop, not run on unseen (a LibreOffice conversion, a long Word
file), so that the program can quit at once. The job sets a CancelToken;
the importer's loops call `check()` now and then, which raises
ImportCancelled inside `cancellable(token)`; outside it, check() costs one
context-variable read.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading

from .base import PlanImportError


class ImportCancelled(PlanImportError):
    def __init__(self):
        super().__init__("导入已取消。")


class CancelToken:
    def __init__(self):
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


_current: contextvars.ContextVar[CancelToken | None] = contextvars.ContextVar("planner_import_cancel",
                                                                              default=None)


@contextlib.contextmanager
def cancellable(token: CancelToken):
    """Within this block, check() raises ImportCancelled once the token is cancelled."""
    handle = _current.set(token)
    try:
        yield token
    finally:
        _current.reset(handle)


def check() -> None:
    token = _current.get()
    if token is not None and token.cancelled:
        raise ImportCancelled()


def cancelled() -> bool:
    token = _current.get()
    return token is not None and token.cancelled
