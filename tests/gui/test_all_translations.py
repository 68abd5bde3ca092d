"""Every user-facing string in the widgets has a finished Chinese translation
in one of the areas' .ts files, and every .qm is compiled from its .ts."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from planner_gui import resources

PACKAGE = Path(__file__).resolve().parents[2] / "planner_gui"
TRANSLATIONS = resources.path("translations")


def _tr_sources() -> dict[str, str]:
    """source text -> file, for every tr("…") / translate(ctx, "…") call."""
    found = {}
    for folder in ("gui", "dialogs", "models"):
        for path in (PACKAGE / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                index = {"tr": 0, "translate": 1}.get(name)
                if index is None or len(node.args) <= index:
                    continue
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found[arg.value] = path.name
    return found


def _translated() -> set[str]:
    done = set()
    for ts in TRANSLATIONS.glob("*_zh_CN.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            finished = translation.get("type") not in ("unfinished", "obsolete", "vanished")
            text = "".join(translation.itertext()).strip()
            if finished and text:
                done.add(message.findtext("source"))
    return done


def test_every_tr_string_is_translated():
    sources = _tr_sources()
    assert len(sources) > 300
    missing = sorted(f"{file}: {text!r}" for text, file in sources.items() if text not in _translated())
    assert missing == []


def test_every_ts_has_a_current_qm():
    for ts in TRANSLATIONS.glob("*_zh_CN.ts"):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), qm.name
        assert qm.stat().st_size > 100, qm.name
