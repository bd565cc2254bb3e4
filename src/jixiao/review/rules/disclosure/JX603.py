"""JX603: T1 本年支出合计 is not the sum of the function classes, or 支出总计 not 本年支出合计 plus 年终结转结余."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX603(DisclosureRule):
    """T1 本年支出合计 is not the sum of the function classes, or 支出总计 not 本年支出合计 plus 年终结转结余.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        科学技术支出 241.05 | 住房保障支出 16.21 | 本年支出合计 300.00

    **Good**

        科学技术支出 241.05 | 住房保障支出 16.21 | 本年支出合计 257.26
    """

    name = "disclosure.t1_expenditure_total"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "本年支出合计应等于各功能类支出之和，支出总计应等于本年支出合计加年终结转结余"
