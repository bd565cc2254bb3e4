"""JX207: a rate has a number, not a word."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import ValueKind
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX207(Rule):
    """Rate or percentage indicator is filled with a word.

    A rate is measured in %; "及时" for 资金发放及时率(%) cannot be compared with the actual
    rate at year end.

    **Bad**

        资金发放及时率(%) | 及时

    **Good**

        资金发放及时率(%) | =100%
    """

    name = "value.rate_in_words"
    groups = ("all", "value", "unit")
    default_severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-03",)
    message = "比率指标“{indicator}”的指标值“{raw}”是文字，不是百分比"
    hint = "比率类指标填写百分比目标，例如“≥95%”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if value.kind == ValueKind.QUALITATIVE and lx.is_rate(ind) and not lx.is_placeholder_text(value.raw):
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip())
