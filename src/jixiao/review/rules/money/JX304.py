"""JX304: the spending plan's unit matches its header."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX304(Rule):
    """Spending plan is headed "(%)" but holds amounts.

    **Bad**

        资金支出计划（%） | 0.10 | 0.20 | 0.30 | 0.40      (预算数 0.40万元)

    **Good**

        资金支出计划（%） | 25% | 50% | 75% | 100%
    """

    name = "spending_plan.unit_mismatch"
    groups = ("all", "money", "spending_plan")
    default_severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    checklist = ("FRM-03",)
    message = "资金支出计划表头单位为“%”，但填写的是金额（12月底{last}等于预算数{budget}）"
    hint = "按表头填写累计支出百分比（25%、50%……100%），或把表头改为金额单位"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        plan, budget = form.spending_plan, form.annual_amount
        if plan is None or plan.header_unit != "%" or budget is None:
            return
        values = [p for p in plan.points if p.value is not None]
        if not values or any(p.unit == "%" for p in values):
            return
        last = values[-1]
        if last.value == budget.amount and budget.amount != 100:
            yield self.finding(("spending_plan", "header_unit"), last=last.raw, budget=budget)
