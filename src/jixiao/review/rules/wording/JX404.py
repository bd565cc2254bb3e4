"""JX404: the goal is not a copy of the overview."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

_GOALS = (("period_goal", "实施周期总目标"), ("annual_goal", "当年度目标"))


class Rule_JX404(Rule):
    """Goal text copies the project overview (项目概述) word for word.

    The overview says what the money is for; the goal must say what it will achieve.

    **Bad**

        项目概述 | 保障部门职能工作，地震事项运转经费，保障正常办公运行。
        当年度目标 | 保障部门职能工作，地震事项运转经费，保障正常办公运行。

    **Good**

        当年度目标 | 完成地震监测设施巡检12次，全年监测数据完整率≥98%。
    """

    name = "goal.copied_from_overview"
    groups = ("all", "goal", "wording")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("CON-06",)
    message = "{goal}照抄了项目概述，没有说明预期产出和效果"
    hint = "绩效目标应写明资金投入后预期达到的产出和效果，尽量量化"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        overview = _norm(form.overview)
        if len(overview) < 10:
            return
        for field, label in _GOALS:
            if _norm(getattr(form, field)) == overview:
                yield self.finding((field,), goal=label)


def _norm(text: str | None) -> str:
    return lx.squash(text).rstrip("。.;；").replace(",", "，")
