"""The activity library: activities that recur at fixed times of the union year.

The shipped entries are data (resources/activities.json); the user's own
entries live in a JSON file of the same shape in their data folder and are
merged in at load, after the shipped ones (same id: the user's wins). A
broken user file never stops the editor: it is reported and left alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .period import Period
from .plan import Activity
from .sanitize import clean_text

FORMAT = "activity-library"
KINDS = ("school", "enterprise", "township", "hospital", "office")
ALL = "all"


#: Words in a union's name that tell its kind, tried in this order (a 医院 is
#: not a 学校 even when it is a 医学院's hospital, so hospitals come first).
_KIND_WORDS = (
    ("hospital", ("医院", "卫生院", "卫生服务中心", "疾控", "妇幼保健")),
    ("school", ("学校", "小学", "中学", "大学", "学院", "幼儿园", "职校", "中专", "教育", "学区")),
    ("township", ("街道", "乡", "镇", "社区", "村")),
    ("enterprise", ("公司", "集团", "厂", "企业", "有限", "银行", "矿")),
    ("office", ("局", "委员会", "机关", "政府", "办公室", "法院", "检察院", "厅")),
)


def guess_kind(organization: str, title: str = "", school_year: bool = False) -> str:
    """The union's kind (KINDS) from its name and the plan's title, or "" when
    nothing tells; a school-year plan is a school's."""
    text = f"{organization} {title}"
    for kind, words in _KIND_WORDS:
        if any(word in text for word in words):
            return kind
    return "school" if school_year else ""


class LibraryError(ValueError):
    """A library file that cannot be read; the message is for the user."""


@dataclass(frozen=True)
class LibraryEntry:
    id: str
    name: str                    # short label: 三八节
    text: str                    # the activity as inserted
    months: tuple[int, ...]      # calendar months 1..12; () = 全年
    owner: str = ""
    suits: tuple[str, ...] = (ALL,)
    user: bool = False           # added by the user

    def suits_kind(self, kind: str | None) -> bool:
        return kind in (None, "", ALL) or ALL in self.suits or kind in self.suits

    def months_in(self, period: Period) -> list[str] | None:
        """The entry's months inside the period, or None when the period does
        not have them (a 三八 entry in a second-half plan)."""
        out = []
        for month in self.months:
            ym = period.resolve(month)
            if not period.contains(ym):
                return None
            out.append(ym)
        return sorted(out)

    def draft(self, period: Period) -> Activity | None:
        months = self.months_in(period)
        if months is None:
            return None
        return Activity("", months, self.text, self.owner)


def _entry(obj: object, where: str, user: bool) -> LibraryEntry:
    if not isinstance(obj, dict):
        raise LibraryError(f"{where}：应为对象")
    try:
        ident = str(obj["id"]).strip()
        text = clean_text(str(obj["text"])).strip()
        name = clean_text(str(obj.get("name") or text[:8]), single_line=True).strip()
        months = tuple(int(m) for m in obj.get("months", []))
        suits = tuple(str(s) for s in obj.get("suits", [ALL])) or (ALL,)
        owner = clean_text(str(obj.get("owner", "")), single_line=True).strip()
    except (KeyError, TypeError, ValueError) as exc:
        raise LibraryError(f"{where}：缺少或无法识别的字段（{exc}）") from None
    if not ident or not text:
        raise LibraryError(f"{where}：id 和 text 不能为空")
    if any(not 1 <= m <= 12 for m in months) or len(set(months)) != len(months):
        raise LibraryError(f"{where}：月份应为 1 到 12 之间不重复的数字")
    if any(s != ALL and s not in KINDS for s in suits):
        raise LibraryError(f"{where}：未知的单位类型 {suits}")
    return LibraryEntry(ident, name, text, months, owner, suits, user)


def parse_library(text: str, user: bool = False) -> list[LibraryEntry]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LibraryError(f"活动库文件不是有效的 JSON（第 {exc.lineno} 行）") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LibraryError("这不是活动库文件")
    items = data.get("activities")
    if not isinstance(items, list):
        raise LibraryError("活动库文件缺少 activities 列表")
    entries = [_entry(obj, f"第 {i + 1} 项", user) for i, obj in enumerate(items)]
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        raise LibraryError("活动库中有重复的 id")
    return entries


def load_library(builtin: Path, user: Path | None = None) -> tuple[list[LibraryEntry], str]:
    """The merged library and a message for the user ('' when all went well).
    A missing user file is normal; a broken one is reported and skipped."""
    entries = parse_library(Path(builtin).read_text(encoding="utf-8"))
    if user is None or not Path(user).exists():
        return entries, ""
    try:
        own = parse_library(Path(user).read_text(encoding="utf-8"), user=True)
    except (OSError, UnicodeDecodeError) as exc:
        return entries, f"无法读取自定义活动库 {user}：{exc}"
    except LibraryError as exc:
        return entries, f"自定义活动库 {user} 有误，已忽略：{exc}"
    by_id = {e.id: e for e in entries}
    for entry in own:
        by_id[entry.id] = entry
    return list(by_id.values()), ""


def _entry_dict(entry: LibraryEntry) -> dict[str, Any]:
    return {"id": entry.id, "name": entry.name, "text": entry.text, "months": list(entry.months),
            "owner": entry.owner, "suits": list(entry.suits)}


def user_entries(entries: list[LibraryEntry]) -> list[LibraryEntry]:
    return [e for e in entries if e.user]


def library_text(entries: list[LibraryEntry]) -> str:
    """The user's library file for entries (what parse_library reads back).
    Written by the GUI through safe_write.write_atomically (beside, fsync,
    replace): core opens no file for writing."""
    data = {"format": FORMAT, "version": 1, "activities": [_entry_dict(e) for e in entries]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def entry_from_activity(activity: Activity, existing: list[LibraryEntry],
                        name: str = "", suits: tuple[str, ...] = (ALL,)) -> LibraryEntry:
    """A user entry made from an activity of the plan (its calendar months)."""
    taken = {e.id for e in existing}
    n = 1
    while f"user-{n}" in taken:
        n += 1
    months = tuple(dict.fromkeys(int(m[5:7]) for m in activity.months))
    text = activity.text.strip()
    return LibraryEntry(f"user-{n}", (name or text[:8]).strip(), text, months,
                        activity.owner.strip(), suits or (ALL,), True)


@dataclass
class MonthShelf:
    month: int | None          # 1..12, or None for 全年
    entries: list[LibraryEntry] = field(default_factory=list)


def shelves(entries: list[LibraryEntry], period: Period, kind: str | None = None) -> list[MonthShelf]:
    """Entries by their first month, in the period's month order, then 全年,
    then months the period lacks (their entries cannot be inserted)."""
    inside = list(dict.fromkeys(int(ym[5:7]) for ym in period.months()))
    order: list[int | None] = inside + [None] + [m for m in range(1, 13) if m not in inside]
    by_month: dict[int | None, list[LibraryEntry]] = {}
    for entry in entries:
        if entry.suits_kind(kind):
            by_month.setdefault(entry.months[0] if entry.months else None, []).append(entry)
    return [MonthShelf(m, by_month[m]) for m in order if m in by_month]
