"""JX501: department names agree across the forms of one document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.consistency._common import org_name


class Rule_JX501(Rule):
    """The department's name differs between forms of one submission.

    **Bad**

        部门整体表 | 部门名称 吴中市科工贸和信息化局
        项目表     | 主管部门 吴川市科工贸和信息化局

    **Good**

        部门整体表 | 部门名称 吴川市科工贸和信息化局
        项目表     | 主管部门 吴川市科工贸和信息化局
    """

    name = "consistency.department_name"
    groups = ("all", "consistency")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-04",)
    message = "{field}“{name}”与同一文件其他表中的“{expected}”不一致"
    hint = "同一部门各表的部门名称应完全一致"
    target = "document"

    def check_document(self, forms: list[TargetForm]) -> Iterator[Finding]:
        places = []
        for i, form in enumerate(forms):
            if form.kind.value == "department" and form.department_name:
                places.append((i, ("department_name",), "部门名称", form.department_name))
            competent = form.__dict__.get("competent_department")
            if competent is not None and competent.name:
                places.append((i, ("competent_department",), "主管部门", competent.name))
        if len(places) < 2:
            return
        counts = Counter(org_name(p[3]) for p in places)
        expected, _ = counts.most_common(1)[0]
        for index, loc, field, name in places:
            if org_name(name) != expected:
                yield self.finding(loc, form=forms[index], form_index=index, field=field,
                                   name=name, expected=expected)
