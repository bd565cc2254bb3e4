"""JX216: compliance-type targets are 100%."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Comparison
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX216(Rule):
    """Compliance, accuracy or insurance-payment target is set below 100%.

    "项目支出合规性 ≥95%" accepts 5% of non-compliant spending.

    **Bad**

        质量指标 | 公车保险缴纳率 | ≥95%

    **Good**

        质量指标 | 公车保险缴纳率 | =100%
    """

    name = "value.compliance_below_full"
    groups = ("all", "value", "plausibility")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("VAL-04",)
    message = "指标“{indicator}”的目标“{raw}”低于100%"
    hint = "合规性、准确率、缴纳率类指标应为“=100%”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if not value.is_quantitative or value.number is None:
                continue
            if (value.unit or ind.name_unit) != lx.PERCENT:
                continue
            if lx.FULL_TARGET.search(lx.core_name(ind.name)) and value.number < Decimal(100) and (
                value.operator in (None, Comparison.GE, Comparison.GT, Comparison.EQ)
            ):
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip())
