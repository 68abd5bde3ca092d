"""The editor's Chinese translation is complete, compiled and loaded; an
English interface is one environment variable away."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator

from planner_gui import resources

TS = resources.path("translations", "editor_zh_CN.ts")
QM = resources.path("translations", "editor_zh_CN.qm")
REPO = Path(__file__).resolve().parents[2]


def test_every_entry_is_translated():
    root = ET.parse(TS).getroot()
    assert root.get("language") == "zh_CN"
    messages = root.findall(".//message")
    assert len(messages) > 150
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not "".join(m.find("translation").itertext()).strip()]  # numerusform too
    assert unfinished == []


def test_placeholders_survive_translation():
    root = ET.parse(TS).getroot()
    for message in root.findall(".//message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        for marker in ("%1", "%2", "%3", "{ext}"):
            assert (marker in source) == (marker in translation), source


def test_qm_is_compiled_and_loads(qapp):
    assert QM.exists() and QM.stat().st_mtime >= TS.stat().st_mtime - 5
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("actions", "&File") == "文件(&F)"
    assert translator.translate("OutlineModel", "Move section") == "移动章节"


def test_qt_own_buttons_are_translated_too(qapp):
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    assert Path(folder, "qtbase_zh_CN.qm").exists()
    from planner_gui.gui.launch import install_translations

    translators = install_translations(qapp)
    assert any(t.translate("QPlatformTheme", "Cancel") == "取消" for t in translators)


def test_window_is_chinese_by_default(make_window):
    window = make_window()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["文件(&F)", "编辑(&E)", "大纲(&O)"]
    assert window.tabs.tabText(0) == "大纲与正文"


def test_english_interface_with_planner_lang(tmp_path):
    script = ("from planner_gui.app import build_window\n"
              "w = build_window()\n"
              "print('|'.join(a.text() for a in w.menuBar().actions()))\n"
              "w.session.close()\n")
    env = dict(os.environ, PLANNER_LANG="en", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1].startswith("&File|&Edit|&Outline")
