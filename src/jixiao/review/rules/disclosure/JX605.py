"""JX605: A function class, 款 or the 合计 row is not the sum of its children."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX605(DisclosureRule):
    """A function class, 款 or the 合计 row is not the sum of its children.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        20805 行政事业单位养老支出 81.14 | 2080501 59.50 | 2080505 21.05 （缺 2080506 0.59）

    **Good**

        20805 行政事业单位养老支出 81.14 | 2080501 59.50 | 2080505 21.05 | 2080506 0.59
    """

    name = "disclosure.function_hierarchy"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "“{table}”{level}“{row}”不等于其下各{child_level}之和：{detail}{parts}{rounding}"
    hint = "类应等于其下各款之和、款应等于其下各项之和、合计应等于各类之和；差额为 {difference}，请核对是否漏列或错列了下级科目"
