"""JX201: the comparison is a real comparison."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import OperatorStyle
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX201(Rule):
    """Value uses a malformed comparison symbol (》) or a non-comparison (左右, 约, 力争).

    "》90%" could mean ≥ or ＞; "6%左右" cannot be judged at all. The intended comparison is
    unknown, so no automatic fix is offered.

    **Bad**

        服务对象满意度 | 》90%

    **Good**

        服务对象满意度 | ≥90%
    """

    name = "value.comparison_malformed"
    groups = ("all", "value", "comparison")
    default_severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-01",)
    message = "指标“{indicator}”的指标值“{raw}”中“{symbol}”不是有效的比较符号"
    hint = "改用 ≥、≤、＞、＜ 或 =，例如“≥{number}{unit}”（请按本意选择）"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if value.operator_style in (OperatorStyle.MALFORMED, OperatorStyle.APPROXIMATE):
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip(),
                                   symbol=value.operator_text, number=value.number,
                                   unit=value.unit or ind.name_unit or "")
