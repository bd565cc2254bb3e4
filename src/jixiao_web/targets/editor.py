"""The form editor: turn stored data into editable rows and posted fields back into data.

The indicator tree is edited as rows (一级, 二级, 三级, values). Each row remembers the index
of the stored row it came from (``orig``) so fields the editor does not show (source,
description, 指标值确定依据) survive an edit. The same holds for the indicators inside 分项绩效目标
(``subgoal-<g>-ind-<j>-*``). The department budget block (``budget-*``) and the Hebei spending
plan (``plan-*``) are posted with a ``*-present`` marker; a part whose marker is missing is
kept as stored.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from dataclasses import field as dc_field
from decimal import Decimal, InvalidOperation
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
    ("annual_amount", "当年度金额（预算数）", "money"),
    ("fiscal_funds", "其中：财政资金", "money"),
    ("other_funds", "其他资金", "money"),
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
BUDGET_FIELDS: list[tuple[str, str]] = [
    # 预算整体情况 of a department form: (field of DepartmentBudget, label)
    ("basic_expenditure", "基本支出"),
    ("project_expenditure", "项目支出"),
    ("special_funds", "事业发展性支出：财政专项资金"),
    ("other_development_expenditure", "事业发展性支出：其他事业发展性支出"),
    ("fiscal_appropriation", "收入来源：财政拨款"),
    ("other_funds", "收入来源：其他资金"),
    ("own_level_funds", "本级使用资金"),
    ("transfer_funds", "拟用于对下转移支付资金"),
]
PLAN_MONTHS = (3, 6, 10, 12)


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


def display_budget(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, amount with unit) of the filled lines of a department's 预算整体情况."""
    budget = data.get("budget") or {}
    out = [(label, f"{m['amount']}{m.get('unit') or ''}") for f, label in BUDGET_FIELDS if (m := budget.get(f))]
    if out and budget.get("own_level_label"):
        out.append(("本级使用资金的名称", budget["own_level_label"]))
    return out


def display_plan(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value as typed) of a project's 资金支出计划."""
    plan = data.get("spending_plan") or {}
    return [(p.get("label") or f"{p.get('month')}月底", p.get("raw") or "") for p in plan.get("points", [])]


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


def budget_from_data(data: dict[str, Any]) -> dict[str, Any]:
    """The 预算整体情况 block for the editor: ``rows`` of (field, label, text, unit) and the
    label of the 本级 line."""
    budget = data.get("budget") or {}
    return {
        "rows": [
            (f, label, _money_text(budget.get(f)), money_unit_of(data, budget.get(f)).value)
            for f, label in BUDGET_FIELDS
        ],
        "own_level_label": budget.get("own_level_label") or "",
    }


def budget_from_post(data: dict[str, Any], post: QueryDict) -> dict[str, Any]:
    """The block as typed (shown again when a save is refused)."""
    shown = budget_from_data(data)
    shown["rows"] = [(f, label, post.get(f"budget-{f}", text), unit) for f, label, text, unit in shown["rows"]]
    shown["own_level_label"] = post.get("budget-own_level_label", shown["own_level_label"])
    return shown


def plan_from_data(data: dict[str, Any]) -> dict[str, Any]:
    """The 资金支出计划 for the editor: the header unit and (month, label, text) for 3/6/10/12月底."""
    plan = data.get("spending_plan") or {}
    by_month = {p.get("month"): p for p in plan.get("points", [])}
    return {
        "header_unit": plan.get("header_unit") or "",
        "points": [
            (m, (by_month.get(m) or {}).get("label") or f"{m}月底", (by_month.get(m) or {}).get("raw") or "")
            for m in PLAN_MONTHS
        ],
    }


def plan_from_post(data: dict[str, Any], post: QueryDict) -> dict[str, Any]:
    shown = plan_from_data(data)
    shown["header_unit"] = post.get("plan-header_unit", shown["header_unit"])
    shown["points"] = [(m, label, post.get(f"plan-{m}", text)) for m, label, text in shown["points"]]
    return shown


def sub_goals_from_data(data: dict[str, Any]) -> list[dict[str, Any]]:
    """分项绩效目标 for the editor, each with its indicator rows (name and value as typed)."""
    return [
        {
            "orig": str(i), "title": g.get("title") or "", "goal": g.get("goal") or "",
            "indicators": [
                {"orig": str(j), "name": ind.get("name") or "", "annual_value": _value_text(ind.get("annual_value"))}
                for j, ind in enumerate(g.get("indicators", []))
            ],
        }
        for i, g in enumerate(data.get("sub_goals", []))
    ]


def sub_goals_from_post(post: QueryDict) -> list[dict[str, Any]]:
    """The sub-goals as posted, in the shape of ``sub_goals_from_data`` (nothing dropped)."""
    goals = []
    for i in range(min(_count(post, "subgoal-count"), 100)):
        if f"subgoal-{i}-title" not in post:
            continue
        goal = {
            "orig": post.get(f"subgoal-{i}-orig", ""), "title": post.get(f"subgoal-{i}-title", "").strip(),
            "goal": post.get(f"subgoal-{i}-goal", "").strip(), "indicators": [],
            "indicators_posted": f"subgoal-{i}-ind-count" in post,
        }
        for j in range(min(_count(post, f"subgoal-{i}-ind-count"), 200)):
            key = f"subgoal-{i}-ind-{j}"
            if f"{key}-name" not in post:
                continue
            goal["indicators"].append({
                "orig": post.get(f"{key}-orig", ""), "name": post.get(f"{key}-name", "").strip(),
                "annual_value": post.get(f"{key}-annual_value", "").strip(),
            })
        goals.append(goal)
    return goals


def annotate_sub_goals(goals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add to each sub-goal indicator row how its value is read (shown under the input)."""
    for goal in goals:
        for row in goal["indicators"]:
            row["parsed"] = parse_value(row["annual_value"]) if row["annual_value"].strip() else None
            row["name_unit"] = unit_in_name(row["name"])
    return goals


def apply_sub_goal_op(goals: list[dict[str, Any]], op: str, goal: int, index: int) -> list[dict[str, Any]]:
    """Add a sub-goal, or add (after ``index``) or delete an indicator row of sub-goal ``goal``."""
    goals = [dict(g, indicators=list(g["indicators"])) for g in goals]
    if op == "add-goal":
        goals.append({"orig": "", "title": "", "goal": "", "indicators": []})
    elif op == "delete-goal" and 0 <= goal < len(goals):
        goals.pop(goal)
    elif 0 <= goal < len(goals):
        rows = goals[goal]["indicators"]
        if op == "add-ind":
            rows.insert(index + 1 if 0 <= index < len(rows) else len(rows), {"orig": "", "name": "", "annual_value": ""})
        elif op == "delete-ind" and 0 <= index < len(rows):
            rows.pop(index)
    return goals


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


def post_key_for_loc(post: QueryDict, kind: str, loc: list | tuple) -> str | None:
    """The posted field that holds the model path ``loc`` of the data built from ``post``.

    Indicator rows (and sub-goals and their rows) are numbered by position among those posted,
    as ``data_from_post`` builds them; None for a path the editor does not show as text.
    """
    loc = tuple(loc)
    text_fields = {f for f, _label, widget in header_fields(kind) if widget in ("text", "textarea")}
    if len(loc) == 1 and loc[0] in text_fields:
        return str(loc[0])
    if len(loc) == 3 and loc[0] == "indicators" and isinstance(loc[1], int) and loc[2] in (
        "name", "period_value", "annual_value"
    ):
        present = [i for i in range(min(_count(post, "row-count"), 500)) if f"row-{i}-name" in post]
        return f"row-{present[loc[1]]}-{loc[2]}" if 0 <= loc[1] < len(present) else None
    if (len(loc) == 5 and loc[0] == "sub_goals" and loc[2] == "indicators" and isinstance(loc[1], int)
            and isinstance(loc[3], int) and loc[4] in ("name", "annual_value")):
        goals = [i for i in range(min(_count(post, "subgoal-count"), 100)) if f"subgoal-{i}-title" in post]
        if not 0 <= loc[1] < len(goals):
            return None
        g = goals[loc[1]]
        rows = [j for j in range(min(_count(post, f"subgoal-{g}-ind-count"), 200))
                if f"subgoal-{g}-ind-{j}-name" in post]
        return f"subgoal-{g}-ind-{rows[loc[3]]}-{loc[4]}" if 0 <= loc[3] < len(rows) else None
    return None


def apply_fix(post: QueryDict, kind: str, fix: dict[str, Any]) -> QueryDict:
    """A copy of ``post`` with a finding's safe fix typed in (``fix`` as ``finding_to_dict`` gives it).

    Raises:
        EditorError: the field is not in the editor, or no longer holds the text the fix was
            made for (the user changed it since).
    """
    key = post_key_for_loc(post, kind, fix["loc"])
    if key is None:
        raise EditorError({"fix": f"“{fix['description']}”涉及的内容不在编辑页中，未修正"})
    if post.get(key, "").strip() != (fix["original"] or "").strip():
        raise EditorError({"fix": "该处内容已改动，未应用修正；请重新审核"})
    post = post.copy()
    post[key] = fix["replacement"]
    return post


def attach_findings_by_position(rows: list[Row], findings: list[dict[str, Any]]) -> list[Row]:
    """Show the findings of data built from posted rows next to those rows (by position)."""
    by_index: dict[int, list] = {}
    for finding in findings:
        if finding["indicator_index"] is not None and (finding["severity"] != "info" or finding["fix"]):
            by_index.setdefault(finding["indicator_index"], []).append(finding)
    for i, row in enumerate(rows):
        row.findings = by_index.get(i, [])
    return rows


def post_of_rows(rows: list[Row]) -> QueryDict:
    """The post of the indicator rows alone, as the editor would send them."""
    post = QueryDict(mutable=True)
    post["row-count"] = str(len(rows))
    for i, row in enumerate(rows):
        for name in ("orig", "level1", "level2", "name", "period_value", "annual_value"):
            post[f"row-{i}-{name}"] = getattr(row, name)
    return post


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
            new["sub_goals"] = _sub_goals_data(data, post, errors)
        if "budget-present" in post:
            new["budget"] = _budget_data(data, post, errors)
        if "guarantee_measures" in post:
            new["guarantee_measures"] = [
                line.strip() for line in post.get("guarantee_measures", "").splitlines() if line.strip()
            ]
    if kind == "project" and "plan-present" in post:
        new["spending_plan"] = _plan_data(data, post, errors)
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
                _set_value(base, field, getattr(row, field))
            indicators.append(base)
        new["indicators"] = indicators
    if errors:
        raise EditorError(errors)
    return new


def _set_value(indicator: dict[str, Any], field: str, text: str) -> None:
    """Store a typed 指标值, re-reading it only when the text differs from the stored one."""
    old = indicator.get(field)
    old_raw = old.get("raw") if isinstance(old, dict) else None
    if old_raw != text:
        indicator[field] = parse_value(text).model_dump(mode="json") if text else None


def _sub_goals_data(data: dict[str, Any], post: QueryDict, errors: dict[str, str]) -> list[dict[str, Any]]:
    """The sub-goals as posted over the stored ones: untouched fields of a goal and of each of
    its indicators (label, content, levels, source) are kept through ``orig``."""
    old_goals = data.get("sub_goals", [])
    goals = []
    for posted in sub_goals_from_post(post):
        index = int(posted["orig"]) if posted["orig"].isdigit() else -1
        base = copy.deepcopy(old_goals[index]) if 0 <= index < len(old_goals) else {}
        rows = [r for r in posted["indicators"] if r["name"] or r["annual_value"]]
        if not posted["title"] and not posted["goal"] and not rows:
            continue
        base["title"] = posted["title"] or "分项目标"
        base["goal"] = posted["goal"] or None
        if posted["indicators_posted"]:
            old_rows = base.get("indicators", [])
            indicators = []
            for row in rows:
                j = int(row["orig"]) if row["orig"].isdigit() else -1
                ind = copy.deepcopy(old_rows[j]) if 0 <= j < len(old_rows) else {}
                ind["name"] = row["name"] or None
                _set_value(ind, "annual_value", row["annual_value"])
                indicators.append(ind)
            base["indicators"] = indicators
        goals.append(base)
    return goals


def _budget_data(data: dict[str, Any], post: QueryDict, errors: dict[str, str]) -> dict[str, Any] | None:
    """预算整体情况 as posted; each amount keeps its own unit (or takes the form's)."""
    old = data.get("budget") or {}
    budget = dict(old)
    for field, label in BUDGET_FIELDS:
        text = post.get(f"budget-{field}", "").strip()
        if not text:
            budget[field] = None
            continue
        money = parse_money(text, money_unit_of(data, old.get(field)))
        if money is None:
            errors[f"budget-{field}"] = f"{label}应为金额数字，例如 120.5"
        else:
            budget[field] = money.model_dump(mode="json")
    budget["own_level_label"] = post.get("budget-own_level_label", "").strip() or None
    if not data.get("budget") and not any(budget.get(f) for f, _label in BUDGET_FIELDS) and not budget["own_level_label"]:
        return None  # nothing typed into a block the form did not have
    return budget


def _plan_data(data: dict[str, Any], post: QueryDict, errors: dict[str, str]) -> dict[str, Any] | None:
    """资金支出计划 as posted: the header unit and the 3/6/10/12月底 values (a number, with "%"
    when typed); points of other months are kept."""
    old = data.get("spending_plan") or {}
    old_points = {p.get("month"): p for p in old.get("points", [])}
    points = {m: p for m, p in old_points.items() if m not in PLAN_MONTHS}
    for month in PLAN_MONTHS:
        text = post.get(f"plan-{month}", "").strip()
        point = dict(old_points.get(month) or {"label": f"{month}月底", "month": month})
        if (point.get("raw") or "").strip() == text and month in old_points:
            points[month] = point
            continue
        if not text:
            if month in old_points:
                points[month] = dict(point, raw="", value=None, unit=None)
            continue
        number = text.removesuffix("%").removesuffix("％").strip()
        try:
            value = Decimal(number)
        except InvalidOperation:
            errors[f"plan-{month}"] = f"资金支出计划“{point['label']}”应为数字，例如 25%"
            continue
        points[month] = dict(point, raw=text, value=str(value), unit="%" if text[-1] in "%％" else None)
    header = post.get("plan-header_unit", "").strip() or None
    if not old and not header and not any(p.get("raw") for p in points.values()):
        return None  # nothing typed into a plan the form did not have
    return dict(old, header_unit=header, points=[points[m] for m in sorted(points)])
