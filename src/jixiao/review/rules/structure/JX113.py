"""JX113: the year digits of a project code match the budget year."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.structure.JX112 import CODE_RE


class Rule_JX113(Rule):
    """Year digits of the project code differ from the budget year.

    Digits 7–8 of the code are the year the project entered the library. A different year
    is normal for a carried-over project but should be intended.

    **Bad**

        2025年预算 | 项目编码 13030324P00380910011P

    **Good**

        2025年预算 | 项目编码 13030325P00380910013D
    """

    name = "project.code_year_mismatch"
    groups = ("all", "structure", "project", "codes")
    default_severity = Severity.INFO
    dimension = Dimension.FEASIBILITY
    checklist = ("FRM-07",)
    message = "项目编码“{code}”的年度位为“{code_year}”，与预算年度{year}不一致"
    hint = "如为以前年度入库的延续或结转项目可忽略，否则请核对项目编码"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        code = (form.project_code or "").strip()
        if not code or not CODE_RE.match(code) or form.budget_year is None:
            return
        if code[6:8] != f"{form.budget_year % 100:02d}":
            yield self.finding(("project_code",), code=code, code_year=code[6:8],
                               year=form.budget_year)
