"""Qt item models over core objects, and the session that owns the one
mutation path (QtCore/QtGui only, never widgets)."""
