"""JX206: a rate is not written as a bare fraction."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX206(Rule):
    """Rate written as a bare number not above 1 ("1" meaning 100%?).

    A completion rate of "1" is either 1% or 100%; the form must say which.

    **Bad**

        发展规划编制完成率（%） | 1

    **Good**

        发展规划编制完成率（%） | =100%
    """

    name = "value.rate_as_fraction"
    groups = ("all", "value", "unit")
    default_severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-02", "VAL-03")
    message = "比率指标“{indicator}”的指标值“{raw}”没有“%”，含义不明（{raw}%还是100%？）"
    hint = "写成百分数，例如“=100%”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if (value.is_quantitative and not value.unit and lx.is_rate(ind)
                    and value.number is not None and value.number <= 1):
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip())
