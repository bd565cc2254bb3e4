"""JX302: a single-year project's total equals its current-year amount."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX302(Rule):
    """Single-year project whose 总金额 differs from its 当年度金额.

    **Bad**

        起始年度 2025 | 到期年度 2025 | 总金额 30 | 当年度金额 20

    **Good**

        起始年度 2025 | 到期年度 2025 | 总金额 30 | 当年度金额 30
    """

    name = "money.single_year_total_differs"
    groups = ("all", "money")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("FRM-02",)
    message = "单年度项目（{year}年）的总金额{total}与当年度金额{annual}不一致"
    hint = "单年度项目的总金额应等于当年度金额；如为跨年度项目请改正实施期限"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        total, annual = form.total_amount, form.annual_amount
        if form.start_year is None or form.start_year != form.end_year:
            return
        if total is not None and annual is not None and total.wan_yuan != annual.wan_yuan:
            yield self.finding(("total_amount",), year=form.start_year, total=total, annual=annual)
