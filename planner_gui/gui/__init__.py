"""Widgets: the main window wires panels; panels emit *_requested signals."""
