"""JX116: a cost indicator with an amount exists where the profile requires it."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX116(Rule):
    """No cost indicator states an amount.

    Regime B (101号) requires at least one 经济成本 indicator in money; regime A profiles may
    require it too (``require_cost_amount``).

    **Bad**

        成本指标 | 经济成本指标 | 财政资金投入成本 | 95%以上

    **Good**

        成本指标 | 经济成本指标 | 业务工作经费 | ≤18.24万元
    """

    name = "coverage.cost_amount_missing"
    groups = ("all", "structure", "coverage", "cost")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("IND-04", "CON-07")
    message = "没有以金额表示的成本指标"
    hint = "在成本指标下写明成本控制金额或单位成本，例如“≤18.24万元”“≤100元/人”"
    form_kinds = ("project",)
    config_keywords = {"require_cost_amount": False}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        if not self.param("require_cost_amount") or not form.indicators:
            return
        for _, ind in form.iter_indicators():
            if lx.is_cost(ind) and any(lx.money_of(v) for _, v in ind.values()):
                return
        yield self.finding(("indicators",))
