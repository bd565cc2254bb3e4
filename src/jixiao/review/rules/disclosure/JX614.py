"""JX614: an amount in the explanation differs from its table cell."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX614(DisclosureRule):
    """An amount in the explanation differs from its table cell.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        说明：公务用车购置及运维费 0 万元 | 三公表：公务用车购置及运维费 1.00

    **Good**

        说明：公务用车购置及运维费 1.0 万元 | 三公表：公务用车购置及运维费 1.00
    """

    name = "disclosure.text_vs_tables"
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-01', 'DIS-05')
    message = "情况说明中{label}为 {actual} 万元，而“{table}”中为 {expected} 万元"
    hint = "情况说明中的金额应与表格一致（相差 {difference} 万元）"
