"""JX601: T1 本年收入合计 is not the sum of the income items."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX601(DisclosureRule):
    """T1 本年收入合计 is not the sum of the income items.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        一般公共预算拨款收入 1,076.91 | 国有资本经营预算拨款收入 10.00 | 本年收入合计 1,096.91

    **Good**

        一般公共预算拨款收入 1,076.91 | 国有资本经营预算拨款收入 10.00 | 本年收入合计 1,086.91
    """

    name = "disclosure.t1_income_items"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "本年收入合计应等于各收入项目之和；请核对收入项目是否漏列或金额有误"
