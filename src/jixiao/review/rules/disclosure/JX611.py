"""JX611: T6 does not add up (人员 + 公用, 类 = Σ 款) or its 合计 differs from T5's 基本支出."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX611(DisclosureRule):
    """T6 does not add up (人员 + 公用, 类 = Σ 款) or its 合计 differs from T5's 基本支出.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        302 商品和服务支出 21.87 | its 款 add up to 22.88

    **Good**

        302 商品和服务支出 21.87 | its 款 add up to 21.87
    """

    name = "disclosure.t6_basic_economic"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01',)
    message = "{where}{at}：{left} {actual} ≠ {right} = {expected}，相差 {difference}{rounding}"
    hint = "基本支出表：合计 = 人员经费 + 公用经费，类 = 各款之和，合计 = 一般公共预算支出表的基本支出"
