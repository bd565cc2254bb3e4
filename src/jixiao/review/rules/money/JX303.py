"""JX303: the spending plan is cumulative and ends at the budget."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX303(Rule):
    """Spending plan decreases, or does not end at 100% (or the budget amount).

    The 资金支出计划 is cumulative at the end of March, June, October and December; the
    December value is the whole budget.

    **Bad**

        资金支出计划（%） | 3月底 25% | 6月底 50% | 10月底 75% | 12月底 90%

    **Good**

        资金支出计划（%） | 3月底 25% | 6月底 50% | 10月底 75% | 12月底 100%
    """

    name = "spending_plan.invalid"
    groups = ("all", "money", "spending_plan")
    default_severity = Severity.ERROR
    dimension = Dimension.FEASIBILITY
    checklist = ("FRM-03",)
    message = "资金支出计划{problem}"
    hint = "支出计划按季度累计填写，应逐期不减，12月底达到100%（或预算数）"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        plan = form.spending_plan
        if plan is None:
            return
        points = [(i, p) for i, p in enumerate(plan.points) if p.value is not None]
        if not points:
            return
        for (_, prev), (i, cur) in itertools.pairwise(points):
            if cur.value < prev.value:  # type: ignore[operator]
                yield self.finding(("spending_plan", "points", i),
                                   problem=f"在{cur.label}（{cur.raw}）比{prev.label}（{prev.raw}）少，不是累计数")
                return
        last_index, last = points[-1]
        budget = form.annual_amount
        percent = (last.unit == "%") or (plan.header_unit == "%" and not _is_amount(last.value, budget))
        if percent:
            if last.value != Decimal(100):
                yield self.finding(("spending_plan", "points", last_index),
                                   problem=f"到{last.label}为{last.raw}，未达到100%")
        elif budget is not None and last.value != budget.amount:
            yield self.finding(("spending_plan", "points", last_index),
                               problem=f"到{last.label}为{last.raw}，与预算数{budget}不一致")


def _is_amount(value: Decimal | None, budget) -> bool:  # type: ignore[no-untyped-def]
    return budget is not None and value is not None and value == budget.amount and value != 100
