"""JX114: the implementation period is in order and covers the budget year."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX114(Rule):
    """Implementation period is reversed or does not cover the budget year.

    起始年度 ≤ 预算年度 ≤ 到期年度 must hold.

    **Bad**

        起始年度 2025 | 到期年度 2023

    **Good**

        起始年度 2023 | 到期年度 2025
    """

    name = "period.invalid"
    groups = ("all", "structure", "period")
    default_severity = Severity.ERROR
    dimension = Dimension.FEASIBILITY
    checklist = ("FRM-01",)
    message = "实施期限{start}—{end}年{problem}"
    hint = "起始年度应不晚于预算年度，到期年度应不早于预算年度"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        start, end, year = form.start_year, form.end_year, form.budget_year
        if start is None or end is None:
            return
        if end < start:
            yield self.finding(("end_year",), start=start, end=end, problem="到期年度早于起始年度")
        elif year is not None and not start <= year <= end:
            yield self.finding(("start_year",) if year < start else ("end_year",), start=start,
                               end=end, problem=f"未覆盖预算年度{year}年")
