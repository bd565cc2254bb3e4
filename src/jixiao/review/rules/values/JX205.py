"""JX205: units are written the standard way."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Fix, Severity


class Rule_JX205(Rule):
    """Unit is written in a non-standard way ("百分比" for %).

    The fix writes the standard unit (``≥80百分比`` → ``≥80%``).

    **Bad**

        有效化解信访矛盾率（%） | ≥80百分比

    **Good**

        有效化解信访矛盾率（%） | ≥80%
    """

    name = "value.unit_nonstandard"
    groups = ("all", "value", "unit")
    default_severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-01", "VAL-02")
    message = "指标“{indicator}”的指标值“{raw}”中单位“{unit_text}”不规范"
    hint = "写作“{canonical}”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if value.is_quantitative and value.unit_text and value.unit != value.unit_text:
                canonical = value.canonical()
                yield self.finding(
                    loc, indicator=ind.name, raw=value.raw.strip(), unit_text=value.unit_text,
                    canonical=canonical,
                    fix=Fix(loc=loc, original=value.raw, replacement=canonical,
                            description=f"“{value.raw.strip()}”改为“{canonical}”"),
                )
