"""JX305: cost indicators are amounts."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.values.JX212 import _short


class Rule_JX305(Rule):
    """Cost indicator is not an amount (a percentage, or words such as 充足 or 不超出预算).

    A cost target is a total or unit cost in money with ≤, within the budget and the
    expenditure standard.

    **Bad**

        成本指标 | 经济成本指标 | 财政资金投入成本 | 95%以上
        产出指标 | 成本指标 | 经费保证能力 | 充足

    **Good**

        成本指标 | 经济成本指标 | 财政资金投入成本 | ≤18.24万元
    """

    name = "cost.not_amount"
    groups = ("all", "money", "cost")
    default_severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    checklist = ("CON-07",)
    message = "成本指标“{indicator}”的指标值“{raw}”不是金额"
    hint = "成本指标写成本控制金额或单位成本，例如“≤{budget}”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        budget = form.__dict__.get("annual_amount")
        for loc, ind, value in lx.iter_values(form):
            if not lx.is_cost(ind) or lx.money_of(value) is not None:
                continue
            if value.is_quantitative and not value.unit and (
                ind.name_unit in lx.MONEY_UNITS or ind.name_unit is None
            ) and value.operator is not None:
                continue  # an amount in the table unit; JX204 asks for the unit
            if value.is_quantitative and value.unit and "元/" in value.unit:
                continue
            yield self.finding(loc, indicator=ind.name, raw=_short(value.raw),
                               budget=budget or "预算金额")
