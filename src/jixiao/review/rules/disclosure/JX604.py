"""JX604: T1 收入总计 differs from 支出总计."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX604(DisclosureRule):
    """T1 收入总计 differs from 支出总计.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        收入总计 1,186.91 | 支出总计 1,176.91

    **Good**

        收入总计 1,186.91 | 支出总计 1,186.91
    """

    name = "disclosure.t1_balance"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "收支总表的收入总计与支出总计应相等"
