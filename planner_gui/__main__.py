"""python -m planner_gui: the editor, or a headless sub-command."""

from .app import main

raise SystemExit(main())
