"""The interchange JSON (`union-plan`, version 1): Plan <-> dict.

This is the contract for `dump` / `load` (shared/plan-format.md): exact keys,
unknown keys refused with a clear message, text cleaned on the way in.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from .period import Period, parse_ym
from .plan import (DEFAULT_OPTIONS, DOCUMENT_KINDS, META_KEYS, OPTIONAL_META_KEYS, Activity, Meta, Plan,
                   Section)
from .progress import DoneOnError, normalize_done_on
from .sanitize import clean_text

FORMAT = "union-plan"
VERSION = 1
MAX_DEPTH = 12


class PlanFormatError(ValueError):
    """The JSON is not a plan this version can read; the message is for the user."""


class NewerFormatError(PlanFormatError):
    """The JSON was written by a newer version of the program."""


# --- Plan -> dict -------------------------------------------------------------

def plan_to_dict(plan: Plan) -> dict[str, Any]:
    meta = plan.meta
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "meta": {
            "title": meta.title,
            "organization": meta.organization,
            "year": meta.year,
            "period": {"kind": meta.period.kind, "start": meta.period.start, "end": meta.period.end},
            "signature": meta.signature,
            "date": meta.date,
        },
        "preamble": list(plan.preamble),
        "sections": [_section_to_dict(s) for s in plan.sections],
        "schedule": [_activity_to_dict(a) for a in plan.schedule],
        "closing": list(plan.closing),
    }
    if meta.kind != "plan":
        data["meta"]["kind"] = meta.kind
    options = {k: v for k, v in plan.options.items() if DEFAULT_OPTIONS.get(k) != v}
    if options:
        data["options"] = options
    return data


def _section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "heading": section.heading,
        "body": list(section.body),
        "children": [_section_to_dict(c) for c in section.children],
    }


def _activity_to_dict(activity: Activity) -> dict[str, Any]:
    data = {
        "id": activity.id,
        "months": list(activity.months),
        "text": activity.text,
        "owner": activity.owner,
        "note": activity.note,
        "section": activity.section,
        "done": activity.done,
    }
    # Optional keys (added in the same version 1): only when recorded, so a
    # plan that does not use them dumps exactly as before.
    if activity.done_on:
        data["done_on"] = activity.done_on
    if activity.outcome:
        data["outcome"] = activity.outcome
    return data


def dumps(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


# --- dict -> Plan -------------------------------------------------------------

def loads(text: str) -> Plan:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFormatError(f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）") from None
    except RecursionError:
        raise PlanFormatError("JSON 嵌套过深") from None
    except ValueError:  # e.g. an integer of more than 4,300 digits
        raise PlanFormatError("JSON 中有无法读取的数值") from None
    return plan_from_dict(data)


def _fail(where: str, what: str) -> PlanFormatError:
    return PlanFormatError(f"{where}：{what}")


def _keys(obj: Any, where: str, required: set[str],
          optional: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise _fail(where, "应为对象")
    unknown = set(obj) - required - optional
    if unknown:
        raise _fail(where, "未知的键 " + "、".join(sorted(map(str, unknown))))
    missing = required - set(obj)
    if missing:
        raise _fail(where, "缺少键 " + "、".join(sorted(missing)))
    return obj


def _str(value: Any, where: str, single_line: bool = False) -> str:
    if not isinstance(value, str):
        raise _fail(where, "应为字符串")
    return clean_text(value, single_line)


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list):
        raise _fail(where, "应为字符串列表")
    return [_str(v, f"{where}[{i}]") for i, v in enumerate(value)]


def plan_from_dict(data: Any) -> Plan:
    if isinstance(data, dict) and data.get("format") == FORMAT:
        version = data.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise NewerFormatError(
                f"此计划由更新版本的程序导出（格式版本 {version}），请升级本程序后再打开")
    data = _keys(data, "计划", {"format", "version", "meta", "preamble", "sections", "schedule", "closing"},
                 {"options"})
    if data["format"] != FORMAT:
        raise _fail("format", f"应为 {FORMAT!r}")
    if data["version"] != VERSION or isinstance(data["version"], bool):
        raise _fail("version", f"应为 {VERSION}")
    plan = Plan(
        meta=_meta_from_dict(data["meta"]),
        preamble=_str_list(data["preamble"], "preamble"),
        closing=_str_list(data["closing"], "closing"),
        options=_options_from_dict(data.get("options", {})),
    )
    if not isinstance(data["sections"], list):
        raise _fail("sections", "应为列表")
    plan.sections = [_section_from_dict(s, f"sections[{i}]", 1) for i, s in enumerate(data["sections"])]
    _assign_section_ids(plan)
    if not isinstance(data["schedule"], list):
        raise _fail("schedule", "应为列表")
    plan.schedule = [_activity_from_dict(a, f"schedule[{i}]") for i, a in enumerate(data["schedule"])]
    _assign_activity_ids(plan)
    known = {s.id for s in plan.walk()}
    for activity in plan.schedule:
        if activity.section is not None and activity.section not in known:
            raise _fail(f"活动 {activity.id}", f"关联的章节 {activity.section} 不存在")
    return plan


def _meta_from_dict(obj: Any) -> Meta:
    meta = _keys(obj, "meta", set(META_KEYS), set(OPTIONAL_META_KEYS))
    kind = meta.get("kind", "plan")
    if kind not in DOCUMENT_KINDS:
        raise _fail("meta.kind", "应为 " + " 或 ".join(DOCUMENT_KINDS))
    year = meta["year"]
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2999:
        raise _fail("meta.year", "应为 1900–2999 之间的整数")
    period_obj = _keys(meta["period"], "meta.period", {"kind", "start", "end"})
    for key in ("kind", "start", "end"):
        if not isinstance(period_obj[key], str):
            raise _fail(f"meta.period.{key}", "应为字符串")
    try:
        period = Period(period_obj["kind"], period_obj["start"], period_obj["end"])
    except ValueError as exc:
        raise _fail("meta.period", str(exc)) from None
    date = meta["date"]
    if date is not None:
        if not isinstance(date, str):
            raise _fail("meta.date", "应为 YYYY-MM-DD 或 null")
        try:
            if len(date) != 10:
                raise ValueError
            datetime.date.fromisoformat(date)
        except ValueError:
            raise _fail("meta.date", f"不是有效日期：{date!r}") from None
    return Meta(
        title=_str(meta["title"], "meta.title", single_line=True),
        organization=_str(meta["organization"], "meta.organization", single_line=True),
        year=year,
        period=period,
        signature=_str(meta["signature"], "meta.signature", single_line=True),
        date=date,
        kind=kind,
    )


def _options_from_dict(obj: Any) -> dict[str, object]:
    if not isinstance(obj, dict):
        raise _fail("options", "应为对象")
    out = {}
    for key, value in obj.items():
        if key not in DEFAULT_OPTIONS:
            raise _fail("options", f"未知的选项 {key}")
        if type(value) is not type(DEFAULT_OPTIONS[key]):
            raise _fail(f"options.{key}", "类型不对")
        out[key] = value
    return out


def _id(obj: dict[str, Any], where: str) -> str | None:
    if "id" not in obj:
        return None
    if not isinstance(obj["id"], str) or not obj["id"].strip() or len(obj["id"]) > 64:
        raise _fail(f"{where}.id", "应为非空字符串（至多 64 字）")
    return obj["id"]


def _section_from_dict(obj: Any, where: str, depth: int) -> Section:
    if depth > MAX_DEPTH:
        raise _fail(where, f"章节层级超过 {MAX_DEPTH} 级")
    obj = _keys(obj, where, {"heading", "body", "children"}, {"id"})
    if not isinstance(obj["children"], list):
        raise _fail(f"{where}.children", "应为列表")
    return Section(
        id=_id(obj, where) or "",
        heading=_str(obj["heading"], f"{where}.heading", single_line=True),
        body=_str_list(obj["body"], f"{where}.body"),
        children=[_section_from_dict(c, f"{where}.children[{i}]", depth + 1)
                  for i, c in enumerate(obj["children"])],
    )


def _activity_from_dict(obj: Any, where: str) -> Activity:
    obj = _keys(obj, where, {"months", "text", "owner", "note", "section", "done"},
                {"id", "done_on", "outcome"})
    months = obj["months"]
    if not isinstance(months, list):
        raise _fail(f"{where}.months", "应为 YYYY-MM 列表")
    for m in months:
        try:
            parse_ym(m)
        except ValueError as exc:
            raise _fail(f"{where}.months", str(exc)) from None
    if len(set(months)) != len(months):
        raise _fail(f"{where}.months", "月份重复")
    section = obj["section"]
    if section is not None and not isinstance(section, str):
        raise _fail(f"{where}.section", "应为章节 id 或 null")
    if not isinstance(obj["done"], bool):
        raise _fail(f"{where}.done", "应为 true 或 false")
    done_on = obj.get("done_on", "")
    if not isinstance(done_on, str):
        raise _fail(f"{where}.done_on", "应为 YYYY-MM 或 YYYY-MM-DD")
    try:
        if normalize_done_on(done_on) != done_on:
            raise DoneOnError(f"应为 YYYY-MM 或 YYYY-MM-DD：{done_on}")
    except DoneOnError as exc:
        raise _fail(f"{where}.done_on", str(exc)) from None
    return Activity(
        id=_id(obj, where) or "",
        months=list(months),
        text=_str(obj["text"], f"{where}.text"),
        owner=_str(obj["owner"], f"{where}.owner", single_line=True),
        note=_str(obj["note"], f"{where}.note"),
        section=section,
        done=obj["done"],
        done_on=done_on,
        outcome=_str(obj.get("outcome", ""), f"{where}.outcome"),
    )


def _assign_section_ids(plan: Plan) -> None:
    seen: set[str] = set()
    for section in plan.walk():
        if section.id:
            if section.id in seen:
                raise _fail("sections", f"章节 id 重复：{section.id}")
            seen.add(section.id)
    for section in plan.walk():
        if not section.id:
            section.id = plan.new_section_id()


def _assign_activity_ids(plan: Plan) -> None:
    seen: set[str] = set()
    for activity in plan.schedule:
        if activity.id:
            if activity.id in seen:
                raise _fail("schedule", f"活动 id 重复：{activity.id}")
            seen.add(activity.id)
    for activity in plan.schedule:
        if not activity.id:
            activity.id = plan.new_activity_id()
