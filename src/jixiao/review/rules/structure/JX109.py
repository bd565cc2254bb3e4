"""JX109: every named indicator has a value."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX109(Rule):
    """Indicator is named but has no value.

    An indicator without a target value cannot be monitored or scored. In 部门整体 forms
    this applies to the indicators of every 分项绩效目标 as well.

    **Bad**

        绩效指标：工业技术改造投资增速

    **Good**

        绩效指标：工业技术改造投资增速 ≥5%
    """

    name = "indicator.value_missing"
    groups = ("all", "structure", "indicator")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-08",)
    message = "指标“{indicator}”没有填写指标值"
    hint = "为每个指标填写可考核的目标值"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in form.iter_indicators():
            if ind.name and not ind.values():
                yield self.finding((*loc, "annual_value"), indicator=ind.name)
        for s, sub in enumerate(form.__dict__.get("sub_goals", [])):
            missing = [ind.name for ind in sub.indicators if ind.name and not ind.values()]
            if missing:
                yield self.finding(("sub_goals", s, "indicators"),
                                   message="分项目标“{title}”的{count}个指标没有填写指标值：{indicator}",
                                   title=sub.title, count=len(missing), indicator=missing)
