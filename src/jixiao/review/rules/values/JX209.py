"""JX209: rates are plausible."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX209(Rule):
    """Rate is implausible: above 100% (not a growth rate), or an overrun cap above 0%.

    A pass rate of 120% cannot be reached; a cost overrun "≤100%" allows the cost to double.

    **Bad**

        实际成本超概（预）算比率 | ≤100%

    **Good**

        实际成本超概（预）算比率 | ≤0%
    """

    name = "value.rate_implausible"
    groups = ("all", "value", "plausibility")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("VAL-04",)
    message = "指标“{indicator}”的指标值“{raw}”不合理：{problem}"
    hint = "核对指标值：比率一般在0%—100%之间，超支类上限应为0%"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if not value.is_quantitative or value.number is None:
                continue
            if value.unit != lx.PERCENT and not (ind.name_unit == lx.PERCENT and not value.unit):
                continue
            name = lx.core_name(ind.name)
            if lx.OVERRUN.search(name) and value.number > 0:
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip(),
                                   problem="超支比率的上限应为0%")
            elif value.number > 100 and not lx.is_growth(ind):
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip(),
                                   problem="比率超过100%")
