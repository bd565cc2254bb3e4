"""JX208: the unit fits the indicator."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX208(Rule):
    """Unit does not fit the indicator (a count given a %, a rate given an amount).

    **Bad**

        扶持企业数量 | ≥98百分比
        补助资金支付率 | 2.4万元

    **Good**

        扶持企业数量 | ≥10家
        补助资金支付率 | =100%
    """

    name = "value.unit_mismatch"
    groups = ("all", "value", "unit")
    default_severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-03",)
    message = "{kind}指标“{indicator}”的指标值“{raw}”单位为“{unit}”，与指标含义不符"
    hint = "{kind}指标应使用{expected}"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if not value.is_quantitative or not value.unit or lx.is_cost(ind):
                continue
            unit = value.unit
            if lx.is_rate(ind):
                if unit != lx.PERCENT and (unit in lx.MONEY_UNITS or unit in lx.COUNT_UNITS):
                    yield self.finding(loc, kind="比率", indicator=ind.name, raw=value.raw.strip(),
                                       unit=unit, expected="百分比（%）")
            elif lx.is_count(ind) and (unit == lx.PERCENT or unit in lx.MONEY_UNITS):
                yield self.finding(loc, kind="数量", indicator=ind.name, raw=value.raw.strip(),
                                   unit=unit, expected="计数单位（个、家、人次等）")
