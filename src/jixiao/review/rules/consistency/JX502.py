"""JX502: unit codes belong to the competent department."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX502(Rule):
    """Unit codes disagree: the spending unit is not under its competent department.

    The spending unit's code must start with the competent department's code (144 →
    144001), and the competent department's code is the same on every form.

    **Bad**

        主管部门 144-遂溪县科工贸和信息化局 | 用款单位 145001-遂溪县科工贸和信息化局

    **Good**

        主管部门 144-遂溪县科工贸和信息化局 | 用款单位 144001-遂溪县科工贸和信息化局
    """

    name = "consistency.unit_code"
    groups = ("all", "consistency", "codes")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-04",)
    message = "{problem}"
    hint = "核对主管部门和用款单位的编码，下属单位编码以主管部门编码开头"
    target = "document"

    def check_document(self, forms: list[TargetForm]) -> Iterator[Finding]:
        codes: dict[str, int] = {}
        for i, form in enumerate(forms):
            competent = form.__dict__.get("competent_department")
            unit = form.__dict__.get("spending_unit")
            if competent is not None and competent.code:
                codes.setdefault(competent.code, i)
                if unit is not None and unit.code and not unit.code.startswith(competent.code):
                    yield self.finding(("spending_unit",), form=form, form_index=i,
                                       problem=f"用款单位编码“{unit.code}”不以主管部门编码“{competent.code}”开头")
        if len(codes) > 1:
            first = next(iter(codes))
            for code, i in list(codes.items())[1:]:
                yield self.finding(("competent_department",), form=forms[i], form_index=i,
                                   problem=f"主管部门编码“{code}”与其他表的“{first}”不一致")
