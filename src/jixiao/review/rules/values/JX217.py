"""JX217: a multi-year project does not copy its annual values into the period column."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX217(Rule):
    """Multi-year project: every period value equals its annual value.

    The 实施周期 column should state the targets of the whole period; identical columns
    suggest it was copied.

    **Bad**

        2023—2025年 | 编制规划数 | 实施周期 1个 | 当年度 1个

    **Good**

        2023—2025年 | 编制规划数 | 实施周期 3个 | 当年度 1个
    """

    name = "value.period_equals_annual"
    groups = ("all", "value", "period")
    default_severity = Severity.INFO
    dimension = Dimension.FEASIBILITY
    checklist = ("VAL-08",)
    message = "跨年度项目（{span}年）的实施周期指标值与当年度指标值完全相同"
    hint = "实施周期指标值应反映整个实施期的目标"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        span = lx.span_years(form, self.ctx.profile.settings.get("placeholder_years", [2099]))
        if span is None or span < 2:
            return
        pairs = [
            (ind.period_value, ind.annual_value) for _, ind in form.iter_indicators()
            if ind.period_value and ind.annual_value and not ind.period_value.is_empty
        ]
        if pairs and all(lx.squash(p.raw) == lx.squash(a.raw) for p, a in pairs):
            yield self.finding(("indicators",), span=f"{form.start_year}—{form.end_year}")
