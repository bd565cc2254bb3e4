"""JX410: scope words match the department's level."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

_FIELDS = ("overall_goal", "annual_goal", "period_goal", "overview")
_RANK = {"全县": 1, "全区": 1, "全市": 2, "全省": 3}
_LEVEL_RANK = {"县": 1, "区": 1, "市": 2, "省": 3}


def department_name(form: TargetForm, forms: list[TargetForm]) -> str | None:
    for candidate in (form, *forms):
        for attr in ("department_name",):
            value = candidate.__dict__.get(attr)
            if value:
                return value
        for attr in ("competent_department", "spending_unit"):
            org = candidate.__dict__.get(attr)
            if org is not None and org.name:
                return org.name
    return None


class Rule_JX410(Rule):
    """Scope word (全省/全市/全区/全县) is above the department's level.

    A county bureau's target "提升全省传统产业水平" was copied from a provincial text; the
    bureau cannot answer for the province.

    **Bad**

        玉田县工业和信息化局 | 绩效目标：改造提升全省传统产业水平

    **Good**

        玉田县工业和信息化局 | 绩效目标：改造提升全县传统产业水平
    """

    name = "text.scope_word"
    groups = ("all", "wording", "content")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("FRM-06",)
    message = "{where}使用了“{word}”，但填报单位“{department}”是{level}级单位"
    hint = "改为本级范围（{allowed}），或说明与上级目标的关系"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        name = department_name(form, self.ctx.forms)
        level = lx.department_level(name)
        if level is None:
            return
        allowed = lx.allowed_scope(level) or ""
        rank = _LEVEL_RANK[level]
        places = [((f,), form.__dict__.get(f), f) for f in _FIELDS]
        for s, sub in enumerate(form.__dict__.get("sub_goals", [])):
            places.append((("sub_goals", s, "goal"), sub.goal, f"分项目标“{sub.title}”"))
        labels = {"overall_goal": "总体绩效目标", "annual_goal": "当年度目标",
                  "period_goal": "实施周期总目标", "overview": "项目概述"}
        for loc, text, where in places:
            if not text:
                continue
            words = [w for w, r in _RANK.items() if r > rank and w in text]
            if words:
                yield self.finding(loc, where=labels.get(where, where), word="、".join(words),
                                   department=name, level=level, allowed=allowed)
