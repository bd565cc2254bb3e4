"""Side-by-side differences between two dumps of a form: header fields and indicator rows.

Provenance (``source``, ``field_sources``) and parse details are left out: a user compares
what was written. Indicator rows are matched by (一级, 二级, 三级 name), in order, so a moved
row is not reported as changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_SKIP = {"source", "field_sources", "layout", "indicators", "kind"}

FIELD_LABELS = {
    "project_name": "项目名称", "project_code": "项目编码", "project_type": "项目类型",
    "project_level": "项目级次", "competent_department": "主管部门", "spending_unit": "实施单位",
    "start_year": "起始年度", "end_year": "到期年度", "total_amount": "总金额",
    "annual_amount": "当年度金额", "fiscal_funds": "财政资金", "other_funds": "其他资金",
    "fund_use": "资金用途", "overview": "项目概述", "period_goal": "实施周期总目标",
    "annual_goal": "当年度目标", "spending_plan": "资金支出计划", "department_name": "部门名称",
    "department_code": "部门编码", "funded_headcount": "财政供养人员数",
    "subordinate_units": "下属二级单位数", "budget": "预算情况", "overall_goal": "总体绩效目标",
    "sub_goals": "分项绩效目标", "key_tasks": "年度重点工作任务", "other_tasks": "其他任务",
    "guarantee_measures": "工作保障措施", "title": "标题", "number": "序号",
    "budget_year": "预算年度", "money_unit": "金额单位", "remarks": "备注",
}


def _text(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, dict):
        if "amount" in value and "unit" in value:
            return f"{value['amount']}{value['unit']}"
        if "raw" in value and value.get("raw"):
            return str(value["raw"])
        # Sorted: PostgreSQL's jsonb does not keep key order.
        return "；".join(f"{k}：{_text(v)}" for k, v in sorted(value.items()) if _text(v) and k != "source")
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value if _text(v))
    return str(value)


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass
class RowChange:
    change: str  # "added" | "removed" | "changed" | "same"
    level1: str
    level2: str
    name: str
    old: dict[str, str] | None
    new: dict[str, str] | None


def _row(ind: dict[str, Any]) -> dict[str, str]:
    return {
        "period_value": _text(ind.get("period_value")),
        "annual_value": _text(ind.get("annual_value")),
        "description": _text(ind.get("description")),
        "value_basis": _text(ind.get("value_basis")),
    }


def _key(ind: dict[str, Any]) -> tuple[str, str, str]:
    return (
        ind.get("category") or ind.get("level1") or "",
        ind.get("subcategory") or ind.get("level2") or "",
        (ind.get("name") or "").strip(),
    )


def diff_fields(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    out = []
    for key in [k for k in new if k not in _SKIP] + [k for k in old if k not in new and k not in _SKIP]:
        if old.get(key) == new.get(key):
            continue
        a, b = _text(old.get(key)), _text(new.get(key))
        if a != b:
            out.append(FieldChange(key, FIELD_LABELS.get(key, key), a, b))
    return out


def diff_indicators(old: dict[str, Any], new: dict[str, Any], *, include_same: bool = False) -> list[RowChange]:
    old_rows = [i for i in old.get("indicators", []) if (i.get("name") or "").strip()]
    new_rows = [i for i in new.get("indicators", []) if (i.get("name") or "").strip()]
    remaining: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in old_rows:
        remaining.setdefault(_key(row), []).append(row)
    out: list[RowChange] = []
    for row in new_rows:
        key = _key(row)
        bucket = remaining.get(key)
        if bucket:
            before = bucket.pop(0)
            a, b = _row(before), _row(row)
            if a != b:
                out.append(RowChange("changed", *key, a, b))
            elif include_same:
                out.append(RowChange("same", *key, a, b))
        else:
            out.append(RowChange("added", *key, None, _row(row)))
    for key, rows in remaining.items():
        for row in rows:
            out.append(RowChange("removed", *key, _row(row), None))
    return out


def diff_summary(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """A JSON-friendly summary, used in audit rows and stale-save messages."""
    return {
        "fields": [f.__dict__ for f in diff_fields(old, new)],
        "indicators": [r.__dict__ for r in diff_indicators(old, new)],
    }
