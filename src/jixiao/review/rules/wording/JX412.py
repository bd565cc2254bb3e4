"""JX412: sub-goals of a department form are not copies of each other."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX412(Rule):
    """Two unrelated 分项绩效目标 carry the same goal text or (mostly) the same indicators.

    **Bad**

        （三）促进中小企业和民营经济发展 | 绩效目标：依法做好监控化学品日常监管……
        （五）综合业务管理             | 绩效目标：依法做好监控化学品日常监管……

    **Good**

        （三）促进中小企业和民营经济发展 | 绩效目标：新增专精特新中小企业5家……
        （五）综合业务管理             | 绩效目标：依法做好监控化学品日常监管……
    """

    name = "department.subgoal_copied"
    groups = ("all", "wording", "department")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("CON-05",)
    message = "分项目标“{title}”的{what}与“{other}”相同"
    hint = "每个分项目标应写明本工作领域自己的目标和指标"
    form_kinds = ("department",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        goals: dict[str, str] = {}
        sets: list[tuple[frozenset[str], str]] = []
        for s, sub in enumerate(form.sub_goals):
            goal = lx.squash(sub.goal)
            if len(goal) >= 10:
                if goal in goals:
                    yield self.finding(("sub_goals", s, "goal"), title=sub.title, what="绩效目标",
                                       other=goals[goal])
                else:
                    goals[goal] = sub.title
            names = frozenset(lx.core_name(i.name) for i in sub.indicators if i.name)
            if len(names) >= 2:
                for other_names, other_title in sets:
                    shared = names & other_names
                    if len(shared) >= 2 and len(shared) * 5 >= 4 * min(len(names), len(other_names)):
                        yield self.finding(("sub_goals", s, "indicators"), title=sub.title,
                                           what="绩效指标", other=other_title)
                        break
                sets.append((names, sub.title))
