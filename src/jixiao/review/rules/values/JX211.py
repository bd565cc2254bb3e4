"""JX211: qualitative values are gradable."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import ValueKind
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX211(Rule):
    """Qualitative value is a vague verb that cannot be graded (提高, 促进, 明显).

    A qualitative value must say what state counts as achieved ("通过验收", "出台办法并印发").

    **Bad**

        经济效益指标 | 拉动地区经济发展 | 促进
        可持续影响指标 | 示范带动作用 | 明显

    **Good**

        经济效益指标 | 带动企业研发投入 | ≥500万元
        可持续影响指标 | 示范带动作用 | 形成可推广经验做法并在全县印发
    """

    name = "value.vague"
    groups = ("all", "value", "wording")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-06",)
    message = "指标“{indicator}”的指标值“{raw}”含义笼统，无法考核"
    hint = "改为可量化的目标，或写明达到什么状态算完成（如“通过验收”“出台并印发”）"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind, value in lx.iter_values(form):
            if value.kind == ValueKind.QUALITATIVE and lx.is_vague(value.raw):
                if lx.is_rate(ind) or lx.is_cost(ind):
                    continue  # JX207 / JX305 report these
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip())
