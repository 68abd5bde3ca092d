"""Test fakes shared by the GUI and print tests (one of each)."""

from __future__ import annotations


class FakeAlerts:
    """Records messages; answers questions from `answers[name]` (first in,
    first out) or with a default: confirm -> True, choose -> "discard" when
    offered (else the default button), pickers -> None (cancelled)."""

    NAMES = ("error", "warning", "info", "confirm", "choose", "open_plan_path",
             "save_plan_path", "save_path", "open_path", "ask_integer")

    def __init__(self):
        self.calls: list[tuple[str, str]] = []          # (name, first text argument)
        self.arguments: list[tuple[str, tuple]] = []   # (name, every positional argument after parent)
        self.answers: dict[str, list] = {}

    def install(self, monkeypatch) -> FakeAlerts:
        """Stand in for every function of gui.alerts (the one place of message
        boxes and file pickers)."""
        from planner_gui.gui import alerts as module

        for name in self.NAMES:
            monkeypatch.setattr(module, name, self.make(name))
        return self

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.calls]

    def answer(self, name: str, *values) -> None:
        self.answers.setdefault(name, []).extend(values)

    def messages(self, name: str | None = None) -> list[str]:
        return [text for kind, text in self.calls if name is None or kind == name]

    def _next(self, name, default):
        queue = self.answers.get(name)
        if queue:
            return queue.pop(0)
        return default

    def make(self, name):
        def fake(parent, *args, **kwargs):
            text = args[0] if args else kwargs.get("text", "")
            self.calls.append((name, str(text)))
            self.arguments.append((name, args))
            if name == "confirm":
                return self._next(name, True)
            if name == "choose":
                choices = args[1] if len(args) > 1 else kwargs["choices"]
                keys = [key for key, _ in choices]
                default = "discard" if "discard" in keys else kwargs.get("default") or keys[-1]
                return self._next(name, default)
            if name in ("open_plan_path", "save_plan_path", "save_path", "open_path", "ask_integer"):
                return self._next(name, None)
            return None
        return fake
