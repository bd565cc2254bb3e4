"""JX615: The project budgets of the target forms do not add up to T3's 项目支出."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX615(DisclosureRule):
    """The project budgets of the target forms do not add up to T3's 项目支出.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        13 project forms, 869.82 万元 | 支出总表 项目支出 879.82

    **Good**

        14 project forms, 879.82 万元 | 支出总表 项目支出 879.82
    """

    name = "disclosure.projects_total"
    default_severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "项目绩效目标表中各项目预算之和应等于支出总表的项目支出"
