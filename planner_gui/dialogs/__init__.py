"""Dialogs, one module per dialog, each with get_*(parent, …) -> (value, ok)."""
