"""JX607: A T3 row: 合计 is not the sum of 基本, 项目 and the other spending columns."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX607(DisclosureRule):
    """A T3 row: 合计 is not the sum of 基本, 项目 and the other spending columns.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        2060101 行政运行 合计 166.13 | 基本支出 165.73 | 项目支出 0.04

    **Good**

        2060101 行政运行 合计 166.13 | 基本支出 165.73 | 项目支出 0.40
    """

    name = "disclosure.t3_rows"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "支出总表每行：合计 = 基本支出 + 项目支出 + 经营、上解、对附属单位补助等支出"
