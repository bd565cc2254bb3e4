"""JX606: A T2 row: 合计 is not 小计 plus 上年结转, or 小计 not the sum of the income types."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX606(DisclosureRule):
    """A T2 row: 合计 is not 小计 plus 上年结转, or 小计 not the sum of the income types.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        2150805 合计 202.50 | 小计 102.50 | 财政拨款收入 102.50 | 上年结转 （空）

    **Good**

        2150805 合计 202.50 | 小计 102.50 | 财政拨款收入 102.50 | 上年结转 100.00
    """

    name = "disclosure.t2_rows"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "收入总表每行：合计 = 本年收入小计 + 上年结转，本年收入小计 = 各收入类型之和"
