"""JX613: T9 三公 subtotals do not add up."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX613(DisclosureRule):
    """T9 三公 subtotals do not add up.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        合计 2.00 | 因公出国（境）费 0 | 公务用车购置及运维费 1.00 | 公务接待费 0

    **Good**

        合计 1.00 | 因公出国（境）费 0 | 公务用车购置及运维费 1.00 | 公务接待费 0
    """

    name = "disclosure.t9_three_public"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费"
