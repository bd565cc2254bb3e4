"""JX505: tasks with money map to projects and back."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.consistency._common import departments, projects
from jixiao.review.rules.consistency.JX504 import match_project, task_name


class Rule_JX505(Rule):
    """A task with money has no project form, or a project appears in no task.

    Only checked when the document holds both the 部门整体 form and project forms and at least
    one task carries a project's name (otherwise the tasks are work areas, not projects).

    **Bad**

        任务3 | 榨季生产运行管理费用 | 2万元    (no project form of that name)

    **Good**

        任务3 | 榨季生产运行管理费用 | 2万元    + 项目表“榨季生产运行管理费用”
    """

    name = "consistency.task_project_unmapped"
    groups = ("all", "consistency")
    default_severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    checklist = ("FRM-09", "CON-09")
    message = "{what}"
    hint = "任务与项目应一一对应，便于核对资金和目标"
    target = "document"

    def check_document(self, forms: list[TargetForm]) -> Iterator[Finding]:
        project_forms = projects(forms)
        depts = [(d, f) for d, f in departments(forms) if f.key_tasks or f.other_tasks]
        if not project_forms or not depts:
            return
        matched: set[int] = set()
        unmatched = []
        for d, dept in depts:
            for block, tasks in (("key_tasks", dept.key_tasks), ("other_tasks", dept.other_tasks)):
                for t, task in enumerate(tasks):
                    if task.planned_amount is None or not task.name:
                        continue
                    found = match_project(task, project_forms)
                    if found is None:
                        unmatched.append((d, dept, block, t, task))
                    else:
                        matched.add(found[0])
        if not matched:
            return  # tasks are work areas, not projects: nothing to map
        for d, dept, block, t, task in unmatched:
            yield self.finding((block, t), form=dept, form_index=d,
                               what=f"任务“{task_name(task.name)}”（{task.planned_amount}）没有对应的项目支出绩效目标表")
        for i, form in project_forms:
            if i not in matched:
                yield self.finding(("project_name",), form=form, form_index=i,
                                   what=f"项目“{form.project_name}”没有出现在部门整体表的工作任务中")
