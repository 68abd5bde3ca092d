"""Plain-Python heart of the program: the plan, numbering, periods, edits.

Imports nothing outside the standard library, so it is usable from the
headless commands, the store and the tests without Qt, SQLite or docx.
"""
