"""JX312: unit cost × quantity reconciles with the budget."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Comparison, IndicatorSubcategory
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

_UNIT_COST = re.compile(r"单个|每家|每人|每户|每个|每项|每次|单位成本|单价|人均|户均|标准")


class Rule_JX312(Rule):
    """Unit cost × quantity does not reconcile with the project budget.

    When the form has one unit-cost indicator (单个企业补贴金额, 每家…补助) and one count
    (数量) indicator, their product should roughly equal the budget: above it the targets
    promise more than the money buys; far below it the rest of the money is unexplained.

    **Bad**

        预算数 2.50万元 | 监测企业总量 ≥55家 | 对每家企业政策培训补助经费 ≤100元   (55×100元 = 0.55万元)

    **Good**

        预算数 60.00万元 | 支持企业数量 1户 | 单个企业补贴金额 ≤60万元
    """

    name = "cost.unit_cost_vs_budget"
    groups = ("all", "money", "cost")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("CON-07",)
    message = "单位成本{unit_cost}×数量{count}={product}万元，{problem}预算数{budget}"
    hint = "核对成本指标和数量指标，使单位成本×数量与预算基本一致"
    form_kinds = ("project",)
    config_keywords = {"low_share": "0.5", "money_tolerance_wan_yuan": "0.01"}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        budget = form.annual_amount
        if budget is None or budget.amount <= 0:
            return
        costs, counts = [], []
        for loc, ind in form.iter_indicators():
            value = ind.annual_value
            if value is None or not value.is_quantitative or value.number is None:
                continue
            text = lx.core_name(ind.name) + lx.squash(ind.description)
            if lx.is_cost(ind) and lx.money_of(value) is not None and _UNIT_COST.search(text):
                costs.append((loc, ind, value))
            elif (ind.subcategory == IndicatorSubcategory.QUANTITY and lx.is_count(ind)
                  and value.operator in (None, Comparison.GE, Comparison.EQ, Comparison.GT)
                  and (value.unit in lx.COUNT_UNITS or ind.name_unit in lx.COUNT_UNITS)):
                counts.append(value)
        if len(costs) != 1 or len(counts) != 1:
            return
        loc, _, cost = costs[0]
        money = lx.money_of(cost)
        product = money.wan_yuan * counts[0].number  # type: ignore[union-attr,operator]
        tolerance = Decimal(str(self.param("money_tolerance_wan_yuan")))
        low = Decimal(str(self.param("low_share"))) * budget.wan_yuan
        if product > budget.wan_yuan + tolerance:
            problem = "超过"
        elif product < low:
            problem = "远低于"
        else:
            return
        yield self.finding((*loc, "annual_value"), unit_cost=cost.raw.strip(),
                           count=counts[0].raw.strip(), product=_plain(product), problem=problem,
                           budget=budget)


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text
