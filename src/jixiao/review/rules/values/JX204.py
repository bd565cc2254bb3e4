"""JX204: quantitative values have a unit."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX204(Rule):
    """Quantitative indicator value has no unit.

    Without a unit the value cannot be checked at 自评 time: 30 of what? A unit in the
    indicator name, "(%)" or "(个)", counts.

    **Bad**

        社会公众满意度 | ≥90
        高新技术企业培育数 | 3

    **Good**

        社会公众满意度 | ≥90%
        高新技术企业培育数（家） | 3
    """

    name = "value.unit_missing"
    groups = ("all", "value", "unit")
    default_severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-02",)
    message = "指标“{indicator}”的指标值“{raw}”缺少计量单位"
    hint = "在数值后写明单位，例如“家”“人次”“%”，或在指标名称中注明“（%）”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if not value.is_quantitative or value.unit or ind.name_unit:
                continue
            if lx.is_rate(ind) and value.number is not None and value.number <= 1:
                continue  # JX206 reports "1" meaning 100%
            yield self.finding(loc, indicator=ind.name, raw=value.raw.strip())
