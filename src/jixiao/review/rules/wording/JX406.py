"""JX406: the indicator description explains, not repeats."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX406(Rule):
    """绩效指标描述 only repeats the indicator name.

    The description should give the definition, formula or measuring method.

    **Bad**

        信访投诉办结率 | 信访投诉办结率 | ≥70%

    **Good**

        信访投诉办结率 | 已办结投诉件数/受理投诉件数×100% | ≥70%
    """

    name = "description.repeats_name"
    groups = ("all", "wording")
    default_severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    checklist = ("CON-04",)
    message = "指标“{indicator}”的绩效指标描述只重复了指标名称"
    hint = "在指标描述中写明指标的含义、计算公式或取数方法"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in lx.iter_indicators(form):
            if ind.name and ind.description and lx.core_name(ind.description) == lx.core_name(ind.name):
                yield self.finding((*loc, "description"), indicator=ind.name)
