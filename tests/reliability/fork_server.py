"""The fork server the kill trials share (crash_writer.py, editor_typist.py).

The parent imports what a trial needs once, then forks a child per job read
from stdin (one JSON object a line), so each trial starts in milliseconds and
can be killed at any point by the test. A child's error is written to the
trial's log, never lost. `Server` is the test's side of the same protocol.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


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


class Server:
    """A fork server (`python -m module serve`) started by a test: start(job)
    returns the child's pid, wait() its exit status, close() ends the server."""

    def __init__(self, module: str):
        env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
        self.module = module
        self.proc = subprocess.Popen([sys.executable, "-m", module, "serve"], cwd=REPO, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self._expect("ready")

    def _expect(self, word: str) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith(word):
            self.proc.kill()
            raise RuntimeError(f"{self.module} said {line!r}, expected {word!r}")
        return line[len(word):].strip()

    def start(self, **job) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        return int(self._expect("pid"))

    def wait(self) -> int:
        return int(self._expect("exit"))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
