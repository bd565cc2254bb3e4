"""JX310: task amounts fit in the department's project money."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.money.JX309 import _w


class Rule_JX310(Rule):
    """Sum of the task amounts exceeds the department's project money.

    The money of 年度重点工作任务 and 其他需完成的任务 comes out of 项目支出 (plus 事业发展性
    支出 where it is additive).

    **Bad**

        项目支出 61.2 | 事业发展性 15 | 任务 6 + 30 + 2 + 31.2 + 6 + 7 = 82.2

    **Good**

        项目支出 61.2 | 事业发展性 15 | 任务 6 + 30 + 2 + 31.2 + 7 = 76.2
    """

    name = "department.tasks_exceed_projects"
    groups = ("all", "money", "department")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("FRM-09",)
    message = "工作任务拟投入资金合计{tasks}万元，超过{label}{money}万元"
    hint = "核对各任务的拟投入资金，任务资金合计不应超过项目支出"
    form_kinds = ("department",)
    config_keywords = {"development_expenditure_additive": True, "money_tolerance_wan_yuan": "0.01"}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        b = form.budget
        tasks = [t for t in (*form.key_tasks, *form.other_tasks) if t.planned_amount is not None]
        if b is None or b.project_expenditure is None or not tasks:
            return
        total = sum((t.planned_amount.wan_yuan for t in tasks), Decimal(0))  # type: ignore[union-attr]
        money = _w(b.project_expenditure)
        label = "项目支出"
        development = _w(b.special_funds) + _w(b.other_development_expenditure)
        if development and self.param("development_expenditure_additive"):
            money += development
            label = "项目支出与事业发展性支出合计"
        if total > money + Decimal(str(self.param("money_tolerance_wan_yuan"))):
            yield self.finding(("key_tasks",), tasks=total, label=label, money=money)
