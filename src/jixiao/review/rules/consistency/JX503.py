"""JX503: project codes of one document share the area code."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.structure.JX112 import CODE_RE


class Rule_JX503(Rule):
    """Project code's area digits differ from the other projects of the document.

    **Bad**

        13030325P00385410058N | 13022925P00000710006B    (same district)

    **Good**

        13030325P00385410058N | 13030325P00000710006B
    """

    name = "consistency.area_code"
    groups = ("all", "consistency", "codes")
    default_severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-04",)
    message = "项目编码“{code}”的地区码{area}与本文件其他项目的{expected}不一致"
    hint = "核对项目编码是否属于本地区"
    target = "document"

    def check_document(self, forms: list[TargetForm]) -> Iterator[Finding]:
        coded = [(i, f, f.project_code.strip()) for i, f in enumerate(forms)
                 if f.__dict__.get("project_code") and CODE_RE.match(f.project_code.strip())]
        if len(coded) < 2:
            return
        expected, _ = Counter(c[:6] for _, _, c in coded).most_common(1)[0]
        for i, form, code in coded:
            if code[:6] != expected:
                yield self.finding(("project_code",), form=form, form_index=i, code=code,
                                   area=code[:6], expected=expected)
