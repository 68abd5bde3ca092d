"""楷体 headings print in a Kai face where no 楷体 is installed, and the notice says which."""

from __future__ import annotations

import pytest

from planner_gui.render.fonts import FontResolver, describe


def test_kai_face_before_a_song_face():
    installed = frozenset({"Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"})
    resolver = FontResolver(installed)
    assert resolver.family("楷体_GB2312") == "AR PL UKai CN"
    assert resolver.family("楷体") == "AR PL UKai CN"
    assert resolver.family("仿宋_GB2312") == "Noto Serif CJK SC"
    assert "楷体_GB2312 → AR PL UKai CN" in describe(resolver.substitutions())


def test_without_a_kai_face_song_stands_in():
    resolver = FontResolver(frozenset({"Noto Serif CJK SC"}))
    assert resolver.family("楷体_GB2312") == "Noto Serif CJK SC"


def test_the_setup_script_installs_a_kai_face(qapp):
    from planner_gui.render.fonts import installed_families

    if "AR PL UKai CN" not in installed_families():
        pytest.skip("fonts-arphic-ukai is not installed here (scripts/setup.sh installs it)")
    assert FontResolver().family("楷体_GB2312") == "AR PL UKai CN"
