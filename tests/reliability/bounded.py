"""Run untrusted inputs through the program in child processes with a memory
ceiling and the network blocked, and report how each was answered.

    python -m tests.reliability.bounded import|load MARKER FILE...

The program is imported once; each FILE is handled in a forked child with
RLIMIT_AS set, which prints one JSON line: outcome ("ok" | "refused" |
"WRONG"), the error class and message, peak memory (MB, ru_maxrss), seconds,
whether MARKER (a secret only reachable through an external entity) showed up
in the result, and every network call attempted from Python (audit hook on
socket.connect / getaddrinfo ...). A child killed by a signal is reported as
WRONG too, so a crash is a finding, not a lost test run.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

LIMIT_MB = int(os.environ.get("PLANNER_BOUNDED_MB", "2048"))
NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                  "socket.gethostbyname_ex", "urllib.Request", "http.client.connect"}
attempts: list[str] = []


def _audit(event, args):
    if event in NETWORK_EVENTS:
        attempts.append(f"{event} {args!r}"[:200])
        raise ConnectionRefusedError("network blocked by the reliability suite")


def handle(kind: str, path: str, marker: str) -> dict:
    report = {"file": os.path.basename(path), "outcome": "ok", "error": "", "message": ""}
    text = ""
    started = time.monotonic()
    try:
        if kind == "import":
            from planner_gui.core.interchange import dumps
            from planner_gui.importers import PlanImportError, import_file

            try:
                text = dumps(import_file(path).plan)
            except PlanImportError as exc:
                report.update(outcome="refused", error="PlanImportError", message=str(exc))
        elif kind == "load":
            from planner_gui.core.interchange import PlanFormatError, dumps, loads

            try:
                with open(path, encoding="utf-8") as source:
                    text = dumps(loads(source.read()))
            except PlanFormatError as exc:
                report.update(outcome="refused", error="PlanFormatError", message=str(exc))
        else:
            raise ValueError(f"unknown kind {kind}")
    except BaseException as exc:  # noqa: BLE001 - reported, not raised
        report.update(outcome="WRONG", error=type(exc).__name__, message=str(exc)[:300])
    report["seconds"] = round(time.monotonic() - started, 2)
    report["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report["network"] = attempts
    report["marker_seen"] = bool(marker) and (marker in text or marker in report["message"])
    report["text_chars"] = len(text)
    return report


def main(argv: list[str]) -> int:
    kind, marker, files = argv[0], argv[1], argv[2:]
    # Everything heavy is imported before forking, so each child starts at once.
    import docx  # noqa: F401
    import lxml.etree  # noqa: F401

    from planner_gui import importers  # noqa: F401
    from planner_gui.core import interchange  # noqa: F401
    from planner_gui.importers import files as _files  # noqa: F401

    for path in files:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            limit = LIMIT_MB * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            sys.addaudithook(_audit)
            report = handle(kind, path, marker)
            os.write(write_end, json.dumps(report, ensure_ascii=False).encode("utf-8"))
            os._exit(0)
        os.close(write_end)
        chunks = []
        while True:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
        if chunks and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
            line = b"".join(chunks).decode("utf-8")
        else:
            line = json.dumps({"file": os.path.basename(path), "outcome": "WRONG",
                               "error": f"child ended with status {status}", "message": "",
                               "network": [], "marker_seen": False, "rss_mb": 0, "seconds": 0})
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
