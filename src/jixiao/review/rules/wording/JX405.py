"""JX405: period and annual goals fit the project's span."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.wording.JX404 import _norm


class Rule_JX405(Rule):
    """Period and annual goals do not fit the project's implementation span.

    A single-year project whose period goal differs from its annual goal, or a multi-year one
    without a period goal or with the same text in both.

    **Bad**

        2025—2025年 | 实施周期总目标 A | 当年度目标 B
        2023—2025年 | 实施周期总目标 A | 当年度目标 A

    **Good**

        2025—2025年 | 实施周期总目标（空或同当年度） | 当年度目标 B
        2023—2025年 | 实施周期总目标 A | 当年度目标 A的2025年部分
    """

    name = "goal.period_annual_mismatch"
    groups = ("all", "goal")
    default_severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    checklist = ("CON-06",)
    message = "{problem}"
    hint = "单年度项目只填当年度目标；跨年度项目分别写明整个实施期和本年度的目标"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        span = lx.span_years(form, self.ctx.profile.settings.get("placeholder_years", [2099]))
        if span is None:
            return
        period, annual = _norm(form.period_goal), _norm(form.annual_goal)
        if span == 1 and period and annual and period != annual:
            yield self.finding(("period_goal",), problem="单年度项目的实施周期总目标与当年度目标不一致")
        elif span > 1 and not period:
            yield self.finding(("period_goal",), problem=f"跨年度项目（{span}年）未填写实施周期总目标")
        elif span > 1 and period == annual:
            yield self.finding(("annual_goal",), problem=f"跨年度项目（{span}年）的当年度目标与实施周期总目标相同")
