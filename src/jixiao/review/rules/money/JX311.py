"""JX311: a multi-year project's total is more than one year's money."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX311(Rule):
    """Multi-year project whose 总金额 equals its 当年度金额.

    Over several years the total should cover every year's money; equal amounts suggest the
    period is wrong or the total was copied from the current year.

    **Bad**

        起始年度 2024 | 到期年度 2026 | 总金额 30 | 当年度金额 30

    **Good**

        起始年度 2024 | 到期年度 2026 | 总金额 90 | 当年度金额 30
    """

    name = "money.multi_year_total_equals_annual"
    groups = ("all", "money")
    default_severity = Severity.INFO
    dimension = Dimension.APPROPRIATENESS
    checklist = ("FRM-02",)
    message = "跨年度项目（{start}—{end}年）的总金额与当年度金额相同（{total}）"
    hint = "总金额应为整个实施期的资金；如只安排一年资金，请核对实施期限"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        span = lx.span_years(form, self.ctx.profile.settings.get("placeholder_years", [2099]))
        total, annual = form.total_amount, form.annual_amount
        if span is None or span < 2 or total is None or annual is None:
            return
        if total.wan_yuan == annual.wan_yuan:
            yield self.finding(("total_amount",), start=form.start_year, end=form.end_year,
                               total=total)
