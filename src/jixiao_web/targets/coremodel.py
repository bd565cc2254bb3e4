"""The bridge to the core pydantic model: validate, dump, summarise a stored form's data.

Every stored form's ``data`` is ``form.model_dump(mode="json")`` of a core
``DepartmentTargetForm`` or ``ProjectTargetForm``; this module is the only place that turns it
back into the core object.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter, ValidationError

from jixiao.model import DepartmentTargetForm, ProjectTargetForm, TargetForm

CoreForm = DepartmentTargetForm | ProjectTargetForm
_ADAPTER: TypeAdapter[CoreForm] = TypeAdapter(TargetForm)


class InvalidFormData(ValueError):
    """The stored JSON is not a valid core form; ``errors`` lists pydantic's error records."""

    def __init__(self, errors: list[dict[str, Any]]):
        self.errors = errors
        lines = [f"{'.'.join(str(p) for p in e['loc'])}：{e['msg']}" for e in errors[:5]]
        super().__init__("绩效目标表数据不符合数据模型：" + "；".join(lines))


def core_load(data: dict[str, Any]) -> CoreForm:
    """The core form of stored JSON.

    Raises:
        InvalidFormData: the JSON does not validate against the core model.
    """
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise InvalidFormData(exc.errors(include_url=False, include_context=False)) from exc


def core_dump(form: CoreForm) -> dict[str, Any]:
    return form.model_dump(mode="json")


@dataclass(frozen=True)
class Summary:
    """The denormalised columns of a stored form."""

    kind: str
    name: str
    project_code: str
    org_code: str
    annual_amount_wan_yuan: Decimal | None
    total_amount_wan_yuan: Decimal | None
    indicator_count: int


def core_summary(form: CoreForm) -> Summary:
    count = sum(1 for _ in form.iter_indicators())
    if isinstance(form, ProjectTargetForm):
        org = form.spending_unit or form.competent_department
        return Summary(
            kind="project",
            name=(form.project_name or "")[:300],
            project_code=(form.project_code or "")[:64],
            org_code=(org.code if org and org.code else ""),
            annual_amount_wan_yuan=form.annual_amount.wan_yuan if form.annual_amount else None,
            total_amount_wan_yuan=form.total_amount.wan_yuan if form.total_amount else None,
            indicator_count=count,
        )
    budget = form.budget
    total = None
    if budget and (budget.basic_expenditure or budget.project_expenditure):
        total = sum(
            (m.wan_yuan for m in (budget.basic_expenditure, budget.project_expenditure) if m),
            Decimal(0),
        )
    return Summary(
        kind="department",
        name=(form.department_name or "部门整体绩效目标")[:300],
        project_code="",
        org_code=form.department_code or "",
        annual_amount_wan_yuan=total,
        total_amount_wan_yuan=total,
        indicator_count=count,
    )
