"""JX623: changes against last year are given without reasons."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX623(DisclosureRule):
    """Changes against last year are given without reasons.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        较2024年预算减少282.64万元，其中：基本支出增加34.38万元，项目支出减少317.02万元。

    **Good**

        较2024年预算减少282.64万元……主要原因是省级专项资金减少。
    """

    name = "disclosure.change_reasons"
    default_severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-05',)
    message = "情况说明列出了比上年增减的金额（{change}），但没有说明增减原因"
    hint = "比上年增减的金额应说明主要原因"
