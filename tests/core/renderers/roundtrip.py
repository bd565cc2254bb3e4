"""What an official layout carries of a form, for render → import round trips.

Provenance, layout ids and fields the printed form has no place for are left out; texts are
compared without surrounding whitespace and money by amount in the table's unit.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from jixiao.importers.base import RawDocument
from jixiao.model import (
    DepartmentTargetForm,
    ImportedDocument,
    Indicator,
    IndicatorValue,
    KeyTask,
    Money,
    MoneyUnit,
    OrgRef,
    ProjectTargetForm,
)
from jixiao.renderers.layout import DEFAULT_REMARKS, choose_family, org_text

TargetForm = DepartmentTargetForm | ProjectTargetForm


_SQUASH = False


def _t(text: str | None) -> str:
    if _SQUASH:
        return "".join((text or "").split())
    return " ".join((text or "").split())


def _v(value: IndicatorValue | None) -> str:
    return _t(value.raw) if value is not None else ""


def _m(money: Money | None, unit: MoneyUnit) -> str:
    if money is None:
        return ""
    amount = money.to(unit).amount
    return format(amount.normalize() if amount else Decimal(0), "f")


def _org(org: OrgRef | None) -> str:
    return _t(org_text(org))


def _indicator(indicator: Indicator, columns: tuple[str, ...]) -> tuple[str, ...]:
    parts = [_t(indicator.level1), _t(indicator.level2), _t(indicator.name)]
    for column in columns:
        value = getattr(indicator, column)
        parts.append(_v(value) if column.endswith("_value") else _t(value))
    return tuple(parts)


def _task(task: KeyTask, unit: MoneyUnit) -> tuple[str, ...]:
    return (_t(task.label), _t(task.name), _t(task.content), _m(task.planned_amount, unit), _t(task.expected_result))


def carried(form: TargetForm, family: str | None = None, *, squash: bool = False) -> dict[str, Any]:
    """The fields of ``form`` that its printed layout (``family``) shows.

    With ``squash`` every whitespace is dropped from texts: a PDF has no paragraph marks, so
    a paragraph wrapped over two lines comes back with a line break inside.
    """
    global _SQUASH
    _SQUASH = squash
    try:
        return _carried(form, family)
    finally:
        _SQUASH = False


def _carried(form: TargetForm, family: str | None = None) -> dict[str, Any]:
    family = family or choose_family(form)
    hebei = family == "hebei"
    unit = form.money_unit or (MoneyUnit.YUAN if hebei else MoneyUnit.WAN_YUAN)
    out: dict[str, Any] = {"kind": form.kind.value, "money_unit": unit.value}
    if not (hebei and isinstance(form, DepartmentTargetForm)):
        # Forms without 备注 are printed with their family's standard ones.
        lines = list(form.remarks) or list(DEFAULT_REMARKS.get((family, form.kind.value), ()))
        out["remarks"] = [_t(re.sub(r"^备注\s*[:：]\s*", "", line)) for line in lines]
    if not hebei:
        out["budget_year"] = form.budget_year
    if isinstance(form, ProjectTargetForm):
        out["project_name"] = _t(form.project_name)
        out["annual_amount"] = _m(form.annual_amount, unit)
        out["annual_goal"] = _t(form.annual_goal)
        if hebei:
            plan = form.spending_plan
            out |= {
                "project_code": _t(form.project_code),
                "fiscal_funds": _m(form.fiscal_funds, unit),
                "other_funds": _m(form.other_funds, unit),
                "fund_use": _t(form.fund_use),
                "spending_unit": _org(form.spending_unit),
                # An empty printed plan and no plan look alike on paper.
                "plan": [(p.month, _t(p.raw)) for p in plan.points] if plan and any(
                    _t(p.raw) for p in plan.points) else [],
                "indicators": [_indicator(i, ("description", "annual_value", "value_basis"))
                               for i in form.indicators],
            }
        else:
            out |= {
                "project_type": _t(form.project_type),
                "project_level": _t(form.project_level),
                "competent_department": _org(form.competent_department),
                "spending_unit": _org(form.spending_unit),
                "start_year": form.start_year,
                "end_year": form.end_year,
                "total_amount": _m(form.total_amount, unit),
                "overview": _t(form.overview),
                "period_goal": _t(form.period_goal),
                "indicators": [_indicator(i, ("period_value", "annual_value")) for i in form.indicators],
            }
        return out
    out["overall_goal"] = _t(form.overall_goal)
    if hebei:
        out |= {
            "sub_goals": [
                (_t(g.title), _t(g.goal), [(_t(i.name), _v(i.annual_value)) for i in g.indicators])
                for g in form.sub_goals
            ],
            "guarantee_measures": [_t(m) for m in form.guarantee_measures],
            # Printed as one 年度重点工作任务 table (其他任务N rows after the key tasks).
            "key_tasks": [_task(t, unit) for t in [*form.key_tasks, *form.other_tasks]],
            "indicators": [_indicator(i, ("annual_value",)) for i in form.indicators],
        }
        return out
    budget = form.budget
    out |= {
        "department_name": _t(form.department_name),
        "funded_headcount": form.funded_headcount,
        "subordinate_units": form.subordinate_units,
        "budget": {
            name: _m(getattr(budget, name), unit)
            for name in ("basic_expenditure", "project_expenditure", "special_funds",
                         "other_development_expenditure", "fiscal_appropriation", "other_funds")
        } if budget else {},
        "key_tasks": [_task(t, unit) for t in form.key_tasks],
        "other_tasks": [_task(t, unit) for t in form.other_tasks],
        "indicators": [_indicator(i, ("annual_value",)) for i in form.indicators],
    }
    if family == "gd-city" and budget:
        out["budget"] |= {"own_level_funds": _m(budget.own_level_funds, unit),
                          "transfer_funds": _m(budget.transfer_funds, unit)}
    return out


def reimport(data: bytes, fmt: str) -> ImportedDocument:
    """Import rendered bytes through the registry (the importer chosen by detection)."""
    from jixiao.importers import import_document

    return import_document(RawDocument.from_bytes(data, name=f"往返.{fmt}"))
