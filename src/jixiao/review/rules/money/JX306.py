"""JX306: cost amounts are caps."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import Comparison
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX306(Rule):
    """Cost amount is not written as a cap (≤).

    A cost target limits spending: "≥10万元" or a bare "10万元" does not.

    **Bad**

        成本指标 | 资助标准 | 100万元

    **Good**

        成本指标 | 资助标准 | ≤100万元
    """

    name = "cost.not_cap"
    groups = ("all", "money", "cost")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("CON-07", "VAL-05")
    message = "成本指标“{indicator}”的指标值“{raw}”不是上限"
    hint = "成本指标使用“≤”，例如“≤{number}{unit}”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            money = lx.money_of(value)
            if lx.is_cost(ind) and money is not None and value.operator not in (Comparison.LE, Comparison.LT):
                if value.operator is None and value.operator_style.value in ("malformed", "approximate"):
                    continue  # JX201
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip(),
                                   number=value.number, unit=value.unit)
