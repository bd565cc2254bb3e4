"""JX617: A 三公 item is smaller than the matching basic economic line."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX617(DisclosureRule):
    """A 三公 item is smaller than the matching basic economic line.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        三公 公务接待费 0.50 | 30217 公务接待费 0.73

    **Good**

        三公 公务接待费 0.73 | 30217 公务接待费 0.73
    """

    name = "disclosure.three_public_vs_economic"
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ('DIS-02',)
    message = "“{table}”{item} {actual} 小于基本支出经济科目“{code} {name}” {expected}"
    hint = "“三公”经费中的一项不应少于基本支出中对应经济科目的金额"
