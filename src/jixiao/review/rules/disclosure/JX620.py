"""JX620: A classification code has the wrong length or its parent is missing from the table."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX620(DisclosureRule):
    """A classification code has the wrong length or its parent is missing from the table.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        206010 行政运行 （6 位）

    **Good**

        2060101 行政运行 （7 位，上级 20601 在表中）
    """

    name = "disclosure.code_structure"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-03',)
    message = "“{table}”科目“{code} {name}”：{problem}"
    hint = "功能分类编码为 3/5/7 位，经济分类编码为 3/5 位，下级科目的上级科目应在表中列出"
