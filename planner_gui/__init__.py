"""planner_gui: an offline editor for a trade union's work plan (工会工作计划).

Nothing is created at import time; see app.main() and cli.main().
"""

__version__ = "0.1.0"
