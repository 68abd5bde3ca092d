"""The fork server the kill trials share (crash_writer.py, editor_typist.py).

The parent imports what a trial needs once, then forks a child per job read
from stdin (one JSON object a line), so each trial starts in milliseconds and
can be killed at any point by the test. A child's error is written to the
trial's log, never lost.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable


def serve_jobs(run: Callable[[dict], None]) -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                run(job)
            except BaseException as exc:  # noqa: BLE001 - reported through the log
                with open(job["log"], "a", encoding="utf-8") as log:
                    log.write(f"error {type(exc).__name__}: {exc}\n")
                code = 3
            finally:
                os._exit(code)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)
