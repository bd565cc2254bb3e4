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
