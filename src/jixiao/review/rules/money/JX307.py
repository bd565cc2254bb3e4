"""JX307: a cost amount does not exceed the budget."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX307(Rule):
    """Cost indicator amount exceeds the project's budget.

    "≤0.4万元" against a 0.40万元 budget is fine; "≤60万元" against 40万元 promises more
    spending than the money allows.

    **Bad**

        预算数 40.00（万元） | 单个企业补贴金额 | ≤60万元

    **Good**

        预算数 40.00（万元） | 单个企业补贴金额 | ≤40万元
    """

    name = "cost.exceeds_budget"
    groups = ("all", "money", "cost")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("CON-07",)
    message = "成本指标“{indicator}”的金额{amount}超过{which}{budget}"
    hint = "成本控制金额不应超过项目预算"
    form_kinds = ("project",)
    config_keywords = {"money_tolerance_wan_yuan": "0.01"}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        from decimal import Decimal

        tolerance = Decimal(str(self.param("money_tolerance_wan_yuan")))
        for loc, ind, value in lx.iter_values(form):
            money = lx.money_of(value)
            if money is None or not lx.is_cost(ind):
                continue
            field = loc[-1]
            budget = form.total_amount if field == "period_value" and form.total_amount else form.annual_amount
            if budget is None:
                continue
            if money.wan_yuan > budget.wan_yuan + tolerance:
                which = "项目总金额" if field == "period_value" and form.total_amount else "预算数"
                yield self.finding(loc, indicator=ind.name, amount=value.raw.strip(),
                                   which=which, budget=budget)
