"""JX104: required 一级 categories are present and filled."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import parse_category
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX104(Rule):
    """A required first-level category has no indicator.

    产出, 效益 and 满意度 (and 成本 in regime B) each need at least one real indicator; an
    empty 一级 block is a gap in the target (empty 二级 rows are normal).

    **Bad**

        效益指标 | 经济效益指标 |  |
        效益指标 | 社会效益指标 |  |

    **Good**

        效益指标 | 社会效益指标 | 新增就业人数 | ≥10人
    """

    name = "coverage.category_missing"
    groups = ("all", "structure", "coverage")
    default_severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    checklist = ("IND-04",)
    message = "缺少一级指标“{category}”下的具体指标"
    hint = "至少设置一个{category}下的三级指标并填写指标值"
    form_kinds = ("project",)
    config_keywords = {"required_categories": ["产出指标", "效益指标", "满意度指标"]}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        if not form.indicators:
            return
        present = {ind.category for _, ind in form.iter_indicators()}
        for label in self.param("required_categories"):
            category = parse_category(label)
            if category is not None and category not in present:
                yield self.finding(("indicators",), category=category.value)
