"""Program entry: a headless sub-command, or the editor window.

main(argv) is what `planner-gui`, `python -m planner_gui` and main.py call.
Long-lived objects (QApplication, translators, settings, the window) are made
here and passed down; nothing is created at import time.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .cli import is_command

    if is_command(argv) or argv[:1] in (["-h"], ["--help"]):
        from .cli import main as cli_main

        return cli_main(argv)
    from .gui.launch import run_editor

    return run_editor(argv)


def build_window(path=None):
    """The real main window on an open plan (the sample plan when path is None),
    without starting the event loop. For tests and scripting."""
    from .gui.launch import build_window as _build

    return _build(path)
