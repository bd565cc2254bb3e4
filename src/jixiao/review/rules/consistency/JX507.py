"""JX507: department and project targets agree on shared indicators."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import IndicatorSubcategory
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.consistency._common import departments, projects


class Rule_JX507(Rule):
    """The same count indicator has different values in the department and a project form.

    **Bad**

        部门整体表 | 高新技术企业培育数 | 3
        项目表     | 高新技术企业培育数（家） | 5

    **Good**

        部门整体表 | 高新技术企业培育数（家） | 5
        项目表     | 高新技术企业培育数（家） | 5
    """

    name = "consistency.department_project_values"
    groups = ("all", "consistency")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("CON-09",)
    message = "指标“{indicator}”在项目“{project}”中为“{project_value}”，与部门整体表的“{department_value}”不一致"
    hint = "同一指标在部门整体表和项目表中的目标应一致（项目目标不应超过部门目标）"
    target = "document"

    def check_document(self, forms: list[TargetForm]) -> Iterator[Finding]:
        dept_values: dict[str, str] = {}
        for _, dept in departments(forms):
            for _, ind in dept.iter_indicators():
                if ind.name and ind.annual_value and ind.annual_value.is_quantitative:
                    dept_values.setdefault(lx.core_name(ind.name), ind.annual_value)
        if not dept_values:
            return
        for i, form in projects(forms):
            for loc, ind in form.iter_indicators():
                value = ind.annual_value
                key = lx.core_name(ind.name)
                if not value or not value.is_quantitative or key not in dept_values:
                    continue
                if not (lx.is_count(ind) or ind.subcategory == IndicatorSubcategory.QUANTITY):
                    continue
                other = dept_values[key]
                if value.number != other.number:
                    yield self.finding((*loc, "annual_value"), form=form, form_index=i,
                                       indicator=ind.name, project=form.project_name,
                                       project_value=value.raw.strip(), department_value=other.raw.strip())
