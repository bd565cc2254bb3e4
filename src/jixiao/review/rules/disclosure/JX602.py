"""JX602: T1 收入总计 is not 本年收入合计 plus 上年结转结余."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX602(DisclosureRule):
    """T1 收入总计 is not 本年收入合计 plus 上年结转结余.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        本年收入合计 1,086.91 | 上年结转结余 100.00 | 收入总计 1,086.91

    **Good**

        本年收入合计 1,086.91 | 上年结转结余 100.00 | 收入总计 1,186.91
    """

    name = "disclosure.t1_income_total"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "收入总计应等于本年收入合计加上年结转结余"
