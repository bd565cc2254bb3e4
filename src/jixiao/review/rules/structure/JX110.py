"""JX110: the 部门整体 form has its required blocks."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX110(Rule):
    """Department-wide form lacks a required block.

    A 部门整体绩效目标 needs an overall goal, the year's tasks (with money, Guangdong) or
    分项绩效目标 (Hebei), and indicators with values.

    **Bad**

        总体绩效目标 | (empty)

    **Good**

        总体绩效目标 | 全年服务企业不少于200家次，培育规上企业8家……
    """

    name = "department.block_missing"
    groups = ("all", "structure", "department")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-08",)
    message = "部门整体绩效目标表缺少“{block}”"
    hint = "补充{block}"
    form_kinds = ("department",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        if not (form.overall_goal or "").strip():
            yield self.finding(("overall_goal",), block="总体绩效目标")
        if not form.key_tasks and not form.sub_goals:
            yield self.finding(("key_tasks",), block="年度重点工作任务或分项绩效目标")
        has_indicators = any(True for _ in form.iter_indicators()) or any(
            s.indicators for s in form.sub_goals
        )
        if not has_indicators:
            yield self.finding(("indicators",), block="绩效指标")
