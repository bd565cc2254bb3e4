"""A short text form of target forms, for rule test cases, examples and benchmarks.

A form is a mapping; indicator rows are ``"一级 | 二级 | 三级 | values…"`` strings::

    kind: project            # or department (default project)
    year: 2025               # budget year
    name: 科技活动经费
    unit: 万元               # the table's money unit
    start: 2025
    end: 2025
    total: 30                # 总金额, in ``unit`` unless written with its own ("18.24万元")
    annual: 30               # 当年度金额 / 预算数
    indicators:
      - 产出指标 | 数量指标 | 举办科普活动数（次） | ≥2            # 4 cells: 当年度值
      - 产出指标 | 数量指标 | 培训企业数 | ≥90家 | ≥30家           # 5 cells: 实施周期, 当年度
      - 产出指标 | 数量指标 | 名称 | 描述 | ≥3家 | 依据             # 6 cells: Hebei columns
      - 产出指标 | 质量指标 | 名称 | a | b | c                       # 6+ cells after 5: extra cells

A row with 7 or more cells is a 5-cell row plus extra cells; a mapping row
(``{l1, l2, name, description, period, annual, basis, extra}``) says it explicitly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.model import (
    DepartmentBudget,
    DepartmentTargetForm,
    Indicator,
    KeyTask,
    Money,
    MoneyUnit,
    OrgRef,
    ProjectTargetForm,
    SpendingPlan,
    SpendingPoint,
    SubGoal,
    parse_money,
    parse_value,
)

_MONTHS = {"3月底": 3, "6月底": 6, "10月底": 10, "12月底": 12}


def _money(value: Any, unit: MoneyUnit) -> Money | None:
    if value is None or value == "":
        return None
    return parse_money(str(value), unit)


def _org(text: str | None) -> OrgRef | None:
    if not text:
        return None
    code, _, name = str(text).partition("-")
    if name and code.strip().isdigit():
        return OrgRef(code=code.strip(), name=name.strip(), raw=text)
    return OrgRef(name=str(text).strip(), raw=text)


def indicator_from(row: str | dict[str, Any]) -> Indicator:
    """One indicator row from its short form."""
    if isinstance(row, dict):
        spec = row
    else:
        cells = [c.strip() for c in str(row).split("|")]
        cells += [""] * (4 - len(cells))
        spec = {"l1": cells[0], "l2": cells[1], "name": cells[2]}
        rest = cells[3:]
        if len(rest) == 1:
            spec["annual"] = rest[0]
        elif len(rest) == 2:
            spec["period"], spec["annual"] = rest
        elif len(rest) == 3:
            spec["description"], spec["annual"], spec["basis"] = rest
        else:
            spec["period"], spec["annual"] = rest[0], rest[1]
            spec["extra"] = rest[2:]
    period = spec.get("period")
    return Indicator(
        level1=spec.get("l1") or None,
        level2=spec.get("l2") or None,
        name=spec.get("name") or None,
        description=spec.get("description") or None,
        period_value=parse_value(period) if period is not None else None,
        annual_value=parse_value(spec.get("annual", "")),
        value_basis=spec.get("basis") or None,
        extra_values=[parse_value(v) for v in spec.get("extra", [])],
    )


def _task(row: str | dict[str, Any], unit: MoneyUnit) -> KeyTask:
    if isinstance(row, dict):
        spec = row
    else:
        cells = [c.strip() for c in str(row).split("|")] + ["", "", "", ""]
        spec = {"name": cells[0], "content": cells[1], "amount": cells[2], "result": cells[3]}
    return KeyTask(name=spec.get("name") or None, content=spec.get("content") or None,
                   planned_amount=_money(spec.get("amount"), unit),
                   expected_result=spec.get("result") or None)


def form_from_dict(data: dict[str, Any]) -> DepartmentTargetForm | ProjectTargetForm:
    """Build a target form from the short form described in the module docstring."""
    unit = MoneyUnit(data.get("unit", "万元"))
    common: dict[str, Any] = {
        "title": data.get("title"),
        "layout": data.get("layout"),
        "budget_year": data.get("year", 2025),
        "money_unit": unit,
        "indicators": [indicator_from(r) for r in data.get("indicators", [])],
    }
    if data.get("kind", "project") == "department":
        budget = data.get("budget")
        return DepartmentTargetForm(
            **common,
            department_name=data.get("department"),
            overall_goal=data.get("goal"),
            budget=None if budget is None else DepartmentBudget(
                basic_expenditure=_money(budget.get("basic"), unit),
                project_expenditure=_money(budget.get("project"), unit),
                special_funds=_money(budget.get("special"), unit),
                other_development_expenditure=_money(budget.get("other_dev"), unit),
                fiscal_appropriation=_money(budget.get("fiscal"), unit),
                other_funds=_money(budget.get("other"), unit),
                own_level_funds=_money(budget.get("own_level"), unit),
                transfer_funds=_money(budget.get("transfer"), unit),
            ),
            key_tasks=[_task(t, unit) for t in data.get("tasks", [])],
            other_tasks=[_task(t, unit) for t in data.get("other_tasks", [])],
            sub_goals=[
                SubGoal(title=s["title"], goal=s.get("goal"),
                        indicators=[indicator_from(i) if "|" in str(i) else Indicator(name=str(i))
                                    for i in s.get("indicators", [])])
                for s in data.get("sub_goals", [])
            ],
        )
    plan = data.get("plan")
    spending = None
    if plan is not None:
        points = []
        for label, raw in zip(("3月底", "6月底", "10月底", "12月底"), plan.get("points", []), strict=False):
            text = str(raw)
            number = text.rstrip("%").strip()
            points.append(SpendingPoint(label=label, month=_MONTHS[label], raw=text,
                                        value=Decimal(number) if number else None,
                                        unit="%" if text.endswith("%") else None))
        spending = SpendingPlan(header_unit=plan.get("header"), points=points)
    return ProjectTargetForm(
        **common,
        project_name=data.get("name"),
        project_code=data.get("code"),
        competent_department=_org(data.get("competent")),
        spending_unit=_org(data.get("spending_unit")),
        start_year=data.get("start"),
        end_year=data.get("end"),
        total_amount=_money(data.get("total"), unit),
        annual_amount=_money(data.get("annual"), unit),
        overview=data.get("overview"),
        fund_use=data.get("fund_use"),
        period_goal=data.get("period_goal"),
        annual_goal=data.get("annual_goal"),
        spending_plan=spending,
    )
