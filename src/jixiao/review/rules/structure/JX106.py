"""JX106: enough quantitative indicators."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX106(Rule):
    """Too few indicators have a quantitative value.

    101号 asks for 量化易评: numbers wherever possible, words only where numbers are impossible.
    The minimum count and share are profile settings (defaults 2 and 50%).

    **Bad**

        时效指标 | 资金发放准时率 | 按时发放
        效益指标 | 拉动地区经济发展 | 促进
        满意度指标 | 企业满意度 | 满意

    **Good**

        时效指标 | 资金发放准时率 | =100%
        效益指标 | 带动企业研发投入 | ≥500万元
        满意度指标 | 企业满意度 | ≥95%
    """

    name = "coverage.too_few_quantitative"
    groups = ("all", "structure", "coverage")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("IND-04",)
    message = "定量指标过少：{count}/{total}个指标有数值目标（要求至少{minimum}个且占比不低于{share}）"
    hint = "尽量把指标值写成“比较符号+数值+单位”，例如“≥95%”“≥30家”"
    form_kinds = ("project",)
    config_keywords = {"min_quantitative_count": 2, "min_quantitative_share": Decimal("0.5")}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        rows = [ind for _, ind in form.iter_indicators() if ind.values()]
        if not rows:
            return
        count = sum(1 for ind in rows if any(v.is_quantitative for _, v in ind.values()))
        minimum = int(self.param("min_quantitative_count"))
        share = Decimal(str(self.param("min_quantitative_share")))
        if count < minimum or Decimal(count) < share * len(rows):
            yield self.finding(("indicators",), count=count, total=len(rows), minimum=minimum,
                               share=f"{share * 100:.0f}%")
