"""JX413: a project does not claim region-wide economic results."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX413(Rule):
    """Project indicator measures the whole region's economy (工业增加值, 进出口, GDP).

    A working-fund project cannot answer for the region's industrial value added or trade;
    such indicators belong to the department's overall target, if anywhere.

    **Bad**

        项目 业务工作经费（18.24万元） | 数量指标 | 工业增加值 | 大于0%

    **Good**

        项目 业务工作经费（18.24万元） | 数量指标 | 走访服务企业数 | ≥50家
    """

    name = "content.macro_indicator"
    groups = ("all", "content")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("CON-04", "CON-05")
    message = "项目指标“{indicator}”衡量的是全地区的经济结果，不是本项目的产出或效果"
    hint = "项目指标应衡量本项目资金直接带来的产出和效果"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in form.iter_indicators():
            if ind.name and lx.MACRO.search(lx.core_name(ind.name)):
                yield self.finding((*loc, "name"), indicator=ind.name)
