"""JX301: the current-year amount does not exceed the total."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX301(Rule):
    """当年度金额 exceeds 总金额.

    **Bad**

        总金额（万元） 30 | 当年度金额（万元） 31.2

    **Good**

        总金额（万元） 260 | 当年度金额（万元） 31.2
    """

    name = "money.annual_exceeds_total"
    groups = ("all", "money")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("FRM-02",)
    message = "当年度金额{annual}大于总金额{total}"
    hint = "当年度金额应不大于项目总金额"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        total, annual = form.total_amount, form.annual_amount
        if total is not None and annual is not None and annual.wan_yuan > total.wan_yuan:
            yield self.finding(("annual_amount",), annual=annual, total=total)
