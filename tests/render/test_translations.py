"""The print area's Chinese translation: complete, compiled, current, loaded by the editor."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from planner_gui import resources

TS = resources.path("translations", "print_zh_CN.ts")
QM = resources.path("translations", "print_zh_CN.qm")
SOURCE = Path(resources.ROOT).parent / "gui" / "print_actions.py"


def messages():
    return ET.parse(TS).getroot().findall(".//message")


def test_every_entry_is_translated():
    found = messages()
    assert len(found) >= 20
    unfinished = [m.findtext("source") for m in found
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


def test_markers_survive_translation():
    for message in messages():
        source, translation = message.findtext("source"), message.findtext("translation")
        assert ("%1" in source) == ("%1" in translation), source
        assert ("&" in source) == ("&" in translation), source


def test_every_string_in_the_code_is_in_the_ts(tmp_path):
    """The .ts is current: lupdate over print_actions.py finds nothing new."""
    if not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate not installed")
    copy = tmp_path / "print_zh_CN.ts"
    shutil.copy(TS, copy)
    out = subprocess.run(["pyside6-lupdate", str(SOURCE), "-ts", str(copy)],
                         capture_output=True, text=True, timeout=120)
    assert "0 new" in out.stdout, out.stdout


def test_qm_loads_and_speaks_chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("PrintActions", "&Print…") == "打印(&P)…"
    assert translator.translate("PrintActions", "Export P&DF…") == "导出 PDF(&D)…"


def test_the_editor_loads_it():
    """gui.launch installs every *_zh_CN.qm of the translations folder."""
    launch = pytest.importorskip("planner_gui.gui.launch")
    assert QM in set(Path(launch.TRANSLATIONS).glob("*_zh_CN.qm"))
