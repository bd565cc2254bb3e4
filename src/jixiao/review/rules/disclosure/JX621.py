"""JX621: A code is not in the year's catalogue, or its name differs from it."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX621(DisclosureRule):
    """A code is not in the year's catalogue, or its name differs from it.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        三十一、人行科目

    **Good**

        二十、住房保障支出
    """

    name = "disclosure.code_catalogue"
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ('DIS-03',)
    message = "“{table}”科目编码 {code}（{name}）不在 {year} 年政府收支分类科目目录中"
    hint = "请按 {year} 年政府收支分类科目填列编码和名称；目录可用 jixiao disclosure catalogue load 更新"
