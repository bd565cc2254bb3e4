"""JX111: the project form has its required fields."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX111(Rule):
    """Project form lacks a required field (name, amount, goal, indicators).

    **Bad**

        项目名称 | 工作经费
        当年度目标 | (empty)

    **Good**

        当年度目标 | 完成全年30场企业政策培训，参训企业满意度不低于95%
    """

    name = "project.field_missing"
    groups = ("all", "structure", "project")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-08",)
    message = "项目支出绩效目标表缺少“{field}”"
    hint = "补充{field}"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        if not (form.project_name or "").strip():
            yield self.finding(("project_name",), field="项目名称")
        if form.annual_amount is None:
            yield self.finding(("annual_amount",), field="预算金额")
        if not (form.annual_goal or "").strip():
            yield self.finding(("annual_goal",), field="当年度绩效目标")
        if not any(True for _ in form.iter_indicators()):
            yield self.finding(("indicators",), field="绩效指标")
