"""JX610: T5 disagrees with its own rows, with T4's 一般公共预算 column or with T3."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX610(DisclosureRule):
    """T5 disagrees with its own rows, with T4's 一般公共预算 column or with T3.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        一般公共预算支出表 合计 1,186.91 | 财政拨款收支总表 一般公共预算支出 1,176.91

    **Good**

        一般公共预算支出表 合计 1,176.91 | 财政拨款收支总表 一般公共预算支出 1,176.91
    """

    name = "disclosure.t5_general"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "一般公共预算财政拨款支出表应与财政拨款收支总表、支出总表一致"
