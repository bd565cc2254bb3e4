"""JX202: comparisons are written as symbols, not words."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import OperatorStyle
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Fix, Severity


class Rule_JX202(Rule):
    """Comparison is written in words (以上, 大于, 不低于) instead of a symbol.

    The 指标性质 column of the system takes ≥ ≤ ＞ ＜ =; words are normalised. The fix
    writes the symbol form (``98%以上`` → ``≥98%``, ``大于3家`` → ``＞3家``).

    **Bad**

        年度资金支出进度（%） | 98%以上
        参展企业数量 | 大于3家

    **Good**

        年度资金支出进度（%） | ≥98%
        参展企业数量 | ＞3家
    """

    name = "value.comparison_as_word"
    groups = ("all", "value", "comparison")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-01",)
    message = "指标“{indicator}”的指标值“{raw}”用文字表示比较关系"
    hint = "写作“{canonical}”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if value.operator_style == OperatorStyle.WORD and value.operator is not None:
                canonical = value.canonical()
                yield self.finding(
                    loc, indicator=ind.name, raw=value.raw.strip(), canonical=canonical,
                    fix=Fix(loc=loc, original=value.raw, replacement=canonical,
                            description=f"“{value.raw.strip()}”改为“{canonical}”"),
                )
