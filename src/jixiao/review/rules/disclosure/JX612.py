"""JX612: T7 or T8 differs from T4's 政府性基金 or 国有资本经营 column."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX612(DisclosureRule):
    """T7 or T8 differs from T4's 政府性基金 or 国有资本经营 column.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        国有资本经营预算财政拨款支出表 合计 20.00 | 财政拨款收支总表 国有资本经营 10.00

    **Good**

        国有资本经营预算财政拨款支出表 合计 10.00 | 财政拨款收支总表 国有资本经营 10.00
    """

    name = "disclosure.t7_t8_funds"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "政府性基金、国有资本经营预算支出表的合计应等于财政拨款收支总表相应列的支出"
