"""JX616: A personnel function item differs from its economic counterpart."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX616(DisclosureRule):
    """A personnel function item differs from its economic counterpart.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        2101101 行政单位医疗 9.23 | 30110 职工基本医疗保险缴费 8.67

    **Good**

        2101101 行政单位医疗 9.23 | 30110 职工基本医疗保险缴费 9.23
    """

    name = "disclosure.crosswalk"
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ('DIS-02',)
    message = "“{table}”功能科目“{code} {name}”基本支出 {actual}，对应的经济科目为：{other}"
    hint = "人员类功能科目的基本支出应与对应的经济科目（{economic}）金额一致，相差 {difference}"
