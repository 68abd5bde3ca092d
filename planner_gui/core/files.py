"""What every layer may know of plan files without touching the store.

The store (the only package that opens SQLite) raises subclasses of
PlanFileProblem; the session and the widgets catch this base class, so they
need not import the store (tests/test_layers.py keeps them apart).
"""

from __future__ import annotations

#: A plan file's extension (工会工作计划).
PLAN_EXTENSION = ".ghjh"


class PlanFileProblem(Exception):
    """A plan file could not be opened or written; str() is the user's sentence."""
