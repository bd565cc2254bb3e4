"""JX214: cumulative period values are not below the annual value."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import IndicatorSubcategory
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX214(Rule):
    """Period value of a cumulative count is smaller than the current-year value.

    Over the whole implementation period at least as much must be delivered as in one year.

    **Bad**

        数量指标 | 培训企业数 | 实施周期 ≥20家 | 当年度 ≥30家

    **Good**

        数量指标 | 培训企业数 | 实施周期 ≥90家 | 当年度 ≥30家
    """

    name = "value.period_below_annual"
    groups = ("all", "value", "period")
    default_severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    checklist = ("VAL-08",)
    message = "指标“{indicator}”的实施周期指标值“{period}”小于当年度指标值“{annual}”"
    hint = "累计类指标的实施周期目标应不小于当年度目标"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in form.iter_indicators():
            p, a = ind.period_value, ind.annual_value
            if not (p and a and p.is_quantitative and a.is_quantitative):
                continue
            if p.number is None or a.number is None or (p.unit or "") != (a.unit or ""):
                continue
            cumulative = ind.subcategory == IndicatorSubcategory.QUANTITY or lx.is_count(ind)
            if cumulative and p.unit != lx.PERCENT and p.number < a.number:
                yield self.finding((*loc, "period_value"), indicator=ind.name,
                                   period=p.raw.strip(), annual=a.raw.strip())
