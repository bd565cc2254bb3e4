"""JX105: at least one 数量 indicator."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import IndicatorSubcategory
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX105(Rule):
    """Project has no quantity (数量) indicator.

    Outputs are first of all counted: how many enterprises, trainings, visits. A project
    without a 数量 indicator cannot show what the money produced.

    **Bad**

        产出指标 | 数量指标 |  |
        产出指标 | 质量指标 | 采购规范性 | 符合规范

    **Good**

        产出指标 | 数量指标 | 走访服务企业数 | ≥50家
    """

    name = "coverage.quantity_missing"
    groups = ("all", "structure", "coverage")
    default_severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    checklist = ("IND-04",)
    message = "项目没有数量指标（至少需要{minimum}个）"
    hint = "在“产出指标—数量指标”下写明产出的数量，例如“培训企业数 ≥30家”"
    form_kinds = ("project",)
    config_keywords = {"min_quantity_indicators": 1}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        if not form.indicators:
            return
        minimum = int(self.param("min_quantity_indicators"))
        count = sum(
            1 for _, ind in form.iter_indicators()
            if ind.subcategory == IndicatorSubcategory.QUANTITY and ind.values()
        )
        if count < minimum:
            yield self.finding(("indicators",), minimum=minimum, count=count)
