"""JX624: the disclosure was published more than 20 days after the 批复."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX624(DisclosureRule):
    """The disclosure was published more than 20 days after the 批复.

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §8 DIS-06) when both dates are known:
    stated in the document (``jixiao.disclosure.dates``) or supplied by the user (CLI
    ``--approved-on``/``--published-on``, the web page's 日期 fields). Silent while either is unknown.

    **Bad**

        批复日期 2025年1月20日 | 公开日期 2025年2月24日（35 天）

    **Good**

        批复日期 2025年1月20日 | 公开日期 2025年2月8日（19 天）
    """

    name = "disclosure.publication_delay"
    default_severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    checklist = ('DIS-06',)
    message = "{published}公开，距批复（{approved}）{days} 天，超过 {limit} 天"
    hint = "部门预算应在批复后 {limit} 日内公开"
