"""JX504: key-task money matches the project of the same name."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.consistency._common import departments, projects


def task_name(name: str | None) -> str:
    text = lx.squash(name)
    for sep in ("：", ":"):
        if sep in text:
            text = text.split(sep, 1)[1]
    return text


def match_project(task, project_forms):  # type: ignore[no-untyped-def]
    """The project whose name best matches the task (score ≥ 85), or None."""
    name = task_name(task.name)
    best, best_score = None, 0.0
    for i, form in project_forms:
        score = fuzz.ratio(name, lx.squash(form.project_name))
        if score > best_score:
            best, best_score = (i, form), score
    return best if best_score >= 85 else None


class Rule_JX504(Rule):
    """Task money differs from the project that carries the same name.

    **Bad**

        其他任务 | 工作经费 | 拟投入资金 7
        项目表   | 工作经费 | 当年度金额 13

    **Good**

        其他任务 | 工作经费 | 拟投入资金 13
        项目表   | 工作经费 | 当年度金额 13
    """

    name = "consistency.task_project_amount"
    groups = ("all", "consistency", "money")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("FRM-09",)
    message = "任务“{task}”拟投入资金{task_amount}，与项目“{project}”的当年度金额{project_amount}不一致"
    hint = "部门整体表中的任务资金应与对应项目的预算一致"
    target = "document"

    def check_document(self, forms: list[TargetForm]) -> Iterator[Finding]:
        project_forms = projects(forms)
        for d, dept in departments(forms):
            for block, tasks in (("key_tasks", dept.key_tasks), ("other_tasks", dept.other_tasks)):
                for t, task in enumerate(tasks):
                    if task.planned_amount is None:
                        continue
                    found = match_project(task, project_forms)
                    if found is None or found[1].annual_amount is None:
                        continue
                    amount = found[1].annual_amount
                    if amount.wan_yuan != task.planned_amount.wan_yuan:
                        yield self.finding((block, t, "planned_amount"), form=dept, form_index=d,
                                           task=task_name(task.name), task_amount=task.planned_amount,
                                           project=found[1].project_name, project_amount=amount)
