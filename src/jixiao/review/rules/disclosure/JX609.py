"""JX609: T4 does not balance: income totals, rows by fund, or a fund's income and carry-over against its spending."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX609(DisclosureRule):
    """T4 does not balance: income totals, rows by fund, or a fund's income and carry-over against its spending.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        一般公共预算 收入 1,076.91 + 年初结转 100.00 | 支出 1,186.91

    **Good**

        一般公共预算 收入 1,076.91 + 年初结转 100.00 | 支出 1,176.91
    """

    name = "disclosure.t4_fiscal"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "财政拨款收支总表的收入、支出应分资金来源平衡"
