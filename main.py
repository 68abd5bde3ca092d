"""Start the editor (or a headless command): python main.py [FILE | COMMAND ...]."""

from planner_gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
