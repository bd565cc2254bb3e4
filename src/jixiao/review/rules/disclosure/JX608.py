"""JX608: T1, T2 and T3 disagree on totals, class amounts or the 财政拨款 and 单位资金 income."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX608(DisclosureRule):
    """T1, T2 and T3 disagree on totals, class amounts or the 财政拨款 and 单位资金 income.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        收支总表 科学技术支出 241.05 | 收入总表 206 科学技术支出 214.05

    **Good**

        收支总表 科学技术支出 241.05 | 收入总表 206 科学技术支出 241.05
    """

    name = "disclosure.t1_t2_t3"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "收支总表、收入总表、支出总表的合计和各功能类金额应一致"
