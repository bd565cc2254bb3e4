"""The form editor: turn stored data into editable rows and posted fields back into data.

The indicator tree is edited as rows (一级, 二级, 三级, values). Each row remembers the index
of the stored row it came from (``orig``) so fields the editor does not show (source,
description, 指标值确定依据) survive an edit.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from django.http import QueryDict

from jixiao.model import (
    MoneyUnit,
    parse_category,
    parse_money,
    parse_subcategory,
    parse_value,
    unit_in_name,
)

PROJECT_FIELDS: list[tuple[str, str, str]] = [
    # (field, label, widget)
    ("project_name", "项目名称", "text"),
    ("project_code", "项目编码", "text"),
    ("project_type", "项目类型", "text"),
    ("start_year", "起始年度", "int"),
    ("end_year", "到期年度", "int"),
    ("total_amount", "总金额", "money"),
    ("annual_amount", "当年度金额", "money"),
    ("fund_use", "资金用途", "textarea"),
    ("overview", "项目概述", "textarea"),
    ("period_goal", "实施周期总目标", "textarea"),
    ("annual_goal", "当年度目标", "textarea"),
]
DEPARTMENT_FIELDS: list[tuple[str, str, str]] = [
    ("department_name", "部门（单位）名称", "text"),
    ("department_code", "部门编码", "text"),
    ("funded_headcount", "财政供养人员数", "int"),
    ("subordinate_units", "下属二级单位数", "int"),
    ("overall_goal", "总体绩效目标", "textarea"),
]
TASK_FIELDS = ("name", "content", "planned_amount", "expected_result")


@dataclass
class Row:
    orig: str
    level1: str
    level2: str
    name: str
    period_value: str
    annual_value: str
    level1_known: bool = True
    level2_known: bool = True
    comments: list = dc_field(default_factory=list)
    findings: list = dc_field(default_factory=list)

    @property
    def name_unit(self) -> str | None:
        return unit_in_name(self.name)

    @property
    def period_parsed(self):
        return parse_value(self.period_value) if self.period_value.strip() else None

    @property
    def annual_parsed(self):
        return parse_value(self.annual_value) if self.annual_value.strip() else None


def header_fields(kind: str) -> list[tuple[str, str, str]]:
    return PROJECT_FIELDS if kind == "project" else DEPARTMENT_FIELDS


def _money_text(value: Any) -> str:
    if isinstance(value, dict) and "amount" in value:
        return f"{value['amount']}"
    return ""


def _value_text(value: Any) -> str:
    return value.get("raw", "") if isinstance(value, dict) else ""


def initial_header(data: dict[str, Any], kind: str) -> dict[str, str]:
    out = {}
    for field, _label, widget in header_fields(kind):
        value = data.get(field)
        out[field] = _money_text(value) if widget == "money" else ("" if value is None else str(value))
    return out


def mark_known_levels(rows: list[Row], levels: dict[str, list[str]]) -> list[Row]:
    """Flag rows whose 一级/二级 are outside the framework, so the editor keeps them selectable."""
    for row in rows:
        row.level1_known = not row.level1 or row.level1 in levels
        row.level2_known = not row.level2 or row.level2 in levels.get(row.level1, [])
    return rows


def attach_notes(rows: list[Row], comments: dict[int, list], findings: dict[int, list]) -> list[Row]:
    """Show each stored row's comments and findings next to it in the editor."""
    for row in rows:
        if row.orig.isdigit():
            row.comments = comments.get(int(row.orig), [])
            row.findings = findings.get(int(row.orig), [])
    return rows


def display_header(data: dict[str, Any], kind: str) -> list[tuple[str, str]]:
    """(label, text) of the header fields for reading: amounts with their unit."""
    out = []
    for field, label, widget in header_fields(kind):
        value = data.get(field)
        if widget == "money" and isinstance(value, dict) and "amount" in value:
            text = f"{value['amount']}{value.get('unit') or ''}"
        else:
            text = "" if value is None else str(value)
        out.append((label, text))
    return out


def rows_from_data(data: dict[str, Any]) -> list[Row]:
    return [
        Row(
            orig=str(i),
            level1=ind.get("category") or ind.get("level1") or "",
            level2=ind.get("subcategory") or ind.get("level2") or "",
            name=ind.get("name") or "",
            period_value=_value_text(ind.get("period_value")),
            annual_value=_value_text(ind.get("annual_value")),
        )
        for i, ind in enumerate(data.get("indicators", []))
    ]


def tasks_from_data(data: dict[str, Any], field: str = "key_tasks") -> list[dict[str, str]]:
    return [
        {
            "orig": str(i),
            "name": t.get("name") or "",
            "content": t.get("content") or "",
            "planned_amount": _money_text(t.get("planned_amount")),
            "expected_result": t.get("expected_result") or "",
        }
        for i, t in enumerate(data.get(field, []))
    ]


def sub_goals_from_data(data: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"orig": str(i), "title": g.get("title") or "", "goal": g.get("goal") or "",
         "indicators": "、".join(ind.get("name") or "" for ind in g.get("indicators", []) if ind.get("name"))}
        for i, g in enumerate(data.get("sub_goals", []))
    ]


def _count(post: QueryDict, key: str) -> int:
    value = post.get(key) or "0"
    return int(value) if value.isdigit() else 0


def rows_from_post(post: QueryDict) -> list[Row]:
    count = _count(post, "row-count")
    rows = []
    for i in range(min(count, 500)):
        if f"row-{i}-name" not in post:
            continue
        rows.append(
            Row(
                orig=post.get(f"row-{i}-orig", ""),
                level1=post.get(f"row-{i}-level1", "").strip(),
                level2=post.get(f"row-{i}-level2", "").strip(),
                name=post.get(f"row-{i}-name", "").strip(),
                period_value=post.get(f"row-{i}-period_value", "").strip(),
                annual_value=post.get(f"row-{i}-annual_value", "").strip(),
            )
        )
    return rows


def tasks_from_post(post: QueryDict, prefix: str = "task") -> list[dict[str, str]]:
    count = _count(post, f"{prefix}-count")
    out = []
    for i in range(min(count, 200)):
        task = {f: post.get(f"{prefix}-{i}-{f}", "").strip() for f in TASK_FIELDS}
        task["orig"] = post.get(f"{prefix}-{i}-orig", "")
        if any(task[f] for f in TASK_FIELDS):
            out.append(task)
    return out


def apply_row_op(rows: list[Row], op: str, index: int) -> list[Row]:
    """Add a row after ``index`` (copying its levels), delete it, or move it up or down."""
    rows = list(rows)
    if op == "add":
        base = rows[index] if 0 <= index < len(rows) else None
        new = Row("", base.level1 if base else "", base.level2 if base else "", "", "", "")
        rows.insert(index + 1 if base else len(rows), new)
    elif op == "delete" and 0 <= index < len(rows):
        rows.pop(index)
    elif op == "up" and 0 < index < len(rows):
        rows[index - 1], rows[index] = rows[index], rows[index - 1]
    elif op == "down" and 0 <= index < len(rows) - 1:
        rows[index + 1], rows[index] = rows[index], rows[index + 1]
    return rows


def money_unit_of(data: dict[str, Any], current: Any = None) -> MoneyUnit:
    """The unit an amount is typed in: the unit it already has, else the form's, else 万元."""
    if isinstance(current, dict) and current.get("unit") in MoneyUnit._value2member_map_:
        return MoneyUnit(current["unit"])
    return MoneyUnit(data.get("money_unit") or MoneyUnit.WAN_YUAN)


class EditorError(ValueError):
    """A posted field cannot be read; ``errors`` maps field → Chinese message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("；".join(f"{k}：{v}" for k, v in errors.items()))


def data_from_post(data: dict[str, Any], kind: str, post: QueryDict) -> dict[str, Any]:
    """New form data: the stored data with the posted header, tasks and indicator rows.

    Raises:
        EditorError: an amount or a year is not a number.
    """
    new = copy.deepcopy(data)
    errors: dict[str, str] = {}
    labels = {f: label for f, label, _ in header_fields(kind)}
    for field, _label, widget in header_fields(kind):
        if field not in post:
            continue
        text = post.get(field, "").strip()
        if widget == "money":
            if not text:
                new[field] = None
                continue
            money = parse_money(text, money_unit_of(data, data.get(field)))
            if money is None:
                errors[field] = f"{labels[field]}应为金额数字，例如 120.5"
            else:
                new[field] = money.model_dump(mode="json")
        elif widget == "int":
            if not text:
                new[field] = None
            elif text.isdigit():
                new[field] = int(text)
            else:
                errors[field] = f"{labels[field]}应为整数"
        else:
            new[field] = text or None
    if kind == "department":
        for prefix, field in (("task", "key_tasks"), ("othertask", "other_tasks")):
            if f"{prefix}-count" not in post:
                continue
            old_tasks = data.get(field, [])
            tasks = []
            for task in tasks_from_post(post, prefix):
                orig = int(task["orig"]) if task["orig"].isdigit() else -1
                base = dict(old_tasks[orig]) if 0 <= orig < len(old_tasks) else {}
                for f in ("name", "content", "expected_result"):
                    base[f] = task[f] or None
                if task["planned_amount"]:
                    money = parse_money(task["planned_amount"], money_unit_of(data, base.get("planned_amount")))
                    if money is None:
                        errors[field] = "工作任务的金额应为数字"
                    else:
                        base["planned_amount"] = money.model_dump(mode="json")
                else:
                    base["planned_amount"] = None
                tasks.append(base)
            new[field] = tasks
        if "subgoal-count" in post:
            old_goals = data.get("sub_goals", [])
            goals = []
            for i in range(min(_count(post, "subgoal-count"), 100)):
                title = post.get(f"subgoal-{i}-title", "").strip()
                goal = post.get(f"subgoal-{i}-goal", "").strip()
                orig = post.get(f"subgoal-{i}-orig", "")
                if not title and not goal:
                    continue
                index = int(orig) if orig.isdigit() else -1
                base = dict(old_goals[index]) if 0 <= index < len(old_goals) else {}
                base["title"] = title or "分项目标"
                base["goal"] = goal or None
                goals.append(base)
            new["sub_goals"] = goals
        if "guarantee_measures" in post:
            new["guarantee_measures"] = [
                line.strip() for line in post.get("guarantee_measures", "").splitlines() if line.strip()
            ]
    if "row-count" in post:
        old_rows = data.get("indicators", [])
        indicators = []
        for row in rows_from_post(post):
            base = copy.deepcopy(old_rows[int(row.orig)]) if row.orig.isdigit() and int(row.orig) < len(old_rows) else {}
            category, subcategory = parse_category(row.level1), parse_subcategory(row.level2)
            base.update(
                level1=row.level1 or None,
                category=category.value if category else None,
                level2=row.level2 or None,
                subcategory=subcategory.value if subcategory else None,
                name=row.name or None,
            )
            for field in ("period_value", "annual_value"):
                text = getattr(row, field)
                old_raw = (base.get(field) or {}).get("raw") if isinstance(base.get(field), dict) else None
                if old_raw != text:
                    base[field] = parse_value(text).model_dump(mode="json") if text else None
            indicators.append(base)
        new["indicators"] = indicators
    if errors:
        raise EditorError(errors)
    return new
