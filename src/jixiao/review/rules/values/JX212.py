"""JX212: values are set now, not deferred to a document."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX212(Rule):
    """Value is a placeholder ("以文件为准", "待定") instead of a target.

    The target must be set when the budget is requested; a value deferred to a later
    document cannot be reviewed or approved.

    **Bad**

        数量指标 | 支持企业数量 | 以文件为准

    **Good**

        数量指标 | 支持企业数量 | ≥5家
    """

    name = "value.placeholder"
    groups = ("all", "value")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("VAL-06",)
    message = "指标“{indicator}”的指标值“{raw}”是占位内容，没有设定目标"
    hint = "按资金分配方案或年度计划测算并填写具体目标值"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if not value.is_quantitative and lx.is_placeholder_text(value.raw):
                yield self.finding(loc, indicator=ind.name, raw=_short(value.raw))


def _short(text: str, limit: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"
