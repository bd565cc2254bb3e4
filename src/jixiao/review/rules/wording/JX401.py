"""JX401: no budget-execution measures as indicators."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX401(Rule):
    """Budget-execution measure used as a performance indicator.

    预算执行率, 资金支出进度, 支出率, 到位率 and the like are scored separately (预算执行率,
    10 points) at 自评 time; as indicators they count the same thing twice.

    **Bad**

        效益指标 | 经济效益指标 | 预算资金执行率 | ≥98%

    **Good**

        效益指标 | 经济效益指标 | 带动企业新增投资 | ≥2000万元
    """

    name = "content.budget_execution"
    groups = ("all", "content")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("CON-01",)
    message = "“{indicator}”是预算执行类指标，不反映项目的产出或效果"
    hint = "预算执行率在自评时单独计分，请改为反映项目产出或效益的指标"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in lx.iter_indicators(form):
            if ind.name and lx.BUDGET_EXECUTION.search(lx.core_name(ind.name)):
                yield self.finding((*loc, "name"), indicator=ind.name)
