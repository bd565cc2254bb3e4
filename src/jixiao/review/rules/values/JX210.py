"""JX210: outputs and benefits are floors, not caps."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import Comparison, IndicatorCategory
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX210(Rule):
    """Output or benefit indicator uses a cap (≤, ＜) where more is better.

    "≤3个" for 申请专利 is met by zero patents. Caps belong to costs, complaints, incidents
    and durations.

    **Bad**

        数量指标 | 奖励企业数量 | ≤2家

    **Good**

        数量指标 | 奖励企业数量 | ≥2家
    """

    name = "value.direction"
    groups = ("all", "value", "plausibility")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("VAL-05",)
    message = "指标“{indicator}”越多越好，但指标值“{raw}”设的是上限"
    hint = "产出、效益类指标应使用“≥”或“＞”；“≤”只用于成本、投诉、事故、时长等指标"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if value.operator not in (Comparison.LE, Comparison.LT) or lx.is_cost(ind):
                continue
            if ind.category not in (IndicatorCategory.OUTPUT, IndicatorCategory.BENEFIT,
                                    IndicatorCategory.SATISFACTION):
                continue
            name = lx.core_name(ind.name) + lx.squash(ind.description)
            if lx.QUALITY_CAP_WORDS.search(name) or lx.COMPLAINT.search(name) or lx.BUDGET_EXECUTION.search(name):
                continue
            if value.unit in lx.MONEY_UNITS:
                continue
            yield self.finding(loc, indicator=ind.name, raw=value.raw.strip())
