"""Which installed font prints each font the official-document profile names.

The profile asks for 仿宋_GB2312, 方正小标宋简体, 楷体_GB2312, 黑体, 宋体 …,
which many machines lack. Each name resolves to the font itself when it is
installed (under its Chinese or its English name), else to an installed
face of the same kind (another 仿宋, then Noto Serif CJK SC; 黑体 -> Noto Sans
CJK SC), else to any font that covers Simplified Chinese. What was replaced
is returned so the editor and the pdf command can say so.

The installed families are compared by exact name: QFontDatabase.hasFamily
would follow fontconfig aliases and call 仿宋 "installed" when it is really
Noto drawn under another name.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.typography import FONT_KINDS

#: Names of one and the same font (Chinese Windows shows the first, others the second).
SAME_FONT = {
    "宋体": ("SimSun",),
    "新宋体": ("NSimSun",),
    "黑体": ("SimHei",),
    "仿宋": ("FangSong",),
    "楷体": ("KaiTi",),
    "仿宋_GB2312": ("FangSong_GB2312",),
    "楷体_GB2312": ("KaiTi_GB2312",),
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
}

#: Other fonts of the same kind, best first (a real 仿宋 beats any Noto face).
SAME_KIND = {
    "fangsong": ("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "华文仿宋", "STFangsong"),
    "kai": ("楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312", "华文楷体", "STKaiti", "AR PL UKai CN"),
    "serif": ("宋体", "SimSun", "新宋体", "NSimSun", "华文宋体", "STSong", "Songti SC"),
    "serif-bold": ("方正小标宋_GBK", "华文中宋", "STZhongsong", "宋体", "SimSun"),
    "sans": ("黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "Heiti SC"),
}

#: The freely installable CJK faces, by look: serif for 宋/仿宋/楷, sans for 黑.
GENERIC_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "思源宋体",
                 "Noto Serif SC", "AR PL UMing CN")
GENERIC_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "思源黑体",
                "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "PingFang SC")


@dataclass(frozen=True)
class Substitution:
    requested: str   # the font the document names
    used: str        # the installed font that prints it


def installed_families() -> frozenset[str]:
    """Every font family Qt can use here (needs a QGuiApplication)."""
    from PySide6.QtGui import QFontDatabase

    return frozenset(QFontDatabase.families())


def _chinese_families() -> list[str]:
    from PySide6.QtGui import QFontDatabase

    return [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
            if not QFontDatabase.isPrivateFamily(f)]


def candidates(name: str) -> list[str]:
    """The families tried for `name`, best first (without the last resort)."""
    kind = FONT_KINDS.get(name, "serif")
    generic = GENERIC_SANS if kind == "sans" else GENERIC_SERIF
    order = [name, *SAME_FONT.get(name, ()), *SAME_KIND.get(kind, ()), *generic]
    seen: list[str] = []
    for family in order:
        if family not in seen:
            seen.append(family)
    return seen


def is_same_font(requested: str, used: str) -> bool:
    return used == requested or used in SAME_FONT.get(requested, ())


class FontResolver:
    """Resolves profile font names to installed families, remembering the substitutions."""

    def __init__(self, families: frozenset[str] | None = None):
        self.families = installed_families() if families is None else families
        self._resolved: dict[str, str] = {}

    def family(self, name: str) -> str:
        if name not in self._resolved:
            self._resolved[name] = self._find(name)
        return self._resolved[name]

    def _find(self, name: str) -> str:
        for family in candidates(name):
            if family in self.families:
                return family
        chinese = _chinese_families()
        if chinese:
            return chinese[0]
        from PySide6.QtGui import QFontDatabase

        return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()

    def substitutions(self) -> list[Substitution]:
        """The fonts resolved so far that are not the named font itself."""
        return [Substitution(name, used) for name, used in self._resolved.items()
                if not is_same_font(name, used)]


def describe(substitutions: list[Substitution]) -> str:
    """'仿宋_GB2312 → Noto Serif CJK SC，黑体 → Noto Sans CJK SC' (no sentence around it)."""
    return "，".join(f"{s.requested} → {s.used}" for s in substitutions)
