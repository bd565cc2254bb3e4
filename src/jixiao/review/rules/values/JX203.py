"""JX203: a bare number states no comparison."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import OperatorStyle
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX203(Rule):
    """Quantitative value has no comparison; it is read as "=".

    "15" for a count is accepted as "=15", but the reviewer should confirm that exactly 15
    (not at least 15) is meant.

    **Bad**

        奖励企业数（个） | 15

    **Good**

        奖励企业数（个） | ≥15
    """

    name = "value.bare_number"
    groups = ("all", "value", "comparison")
    default_severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-01",)
    message = "指标“{indicator}”的指标值“{raw}”没有比较符号，按“=”理解"
    hint = "如目标是下限请写“≥{raw}”，是上限请写“≤{raw}”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if value.is_quantitative and value.operator_style == OperatorStyle.NONE:
                if lx.is_rate(ind) and not value.unit and value.number is not None and value.number <= 1:
                    continue  # JX206 reports "1" meaning 100%
                if value.unit == lx.PERCENT and value.number == 100:
                    continue  # "100%" can only mean =100%
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip())
