"""JX622: A disclosure table is missing, or an empty table has no note."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX622(DisclosureRule):
    """A disclosure table is missing, or an empty table has no note.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        政府性基金预算财政拨款支出表 （空表，无说明）

    **Good**

        政府性基金预算财政拨款支出表 注：无政府性基金预算财政拨款预算，空表列示。
    """

    name = "disclosure.tables_present"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-04',)
    message = "缺少第{number}张表“{table}”：部门预算公开应包含九张表"
    hint = "部门预算公开应包含九张表；没有数据的表也应列出，并注明“无…，空表列示”"
