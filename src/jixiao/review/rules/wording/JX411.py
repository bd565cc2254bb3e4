"""JX411: years in a project name match the budget year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

_YEAR = re.compile(r"(20\d{2})\s*年")
_DOC_YEAR = re.compile(r"[【〔\[](20\d{2})[】〕\]]")


class Rule_JX411(Rule):
    """Project name carries an earlier year than the budget year.

    A "2023年…专项资金" in the 2025 budget is normally carried-over money; confirm it is not a
    new appropriation under last year's name.

    **Bad**

        2025年预算 | 2023年技术创新引导专项资金

    **Good**

        2025年预算 | 2025年技术创新引导专项资金
    """

    name = "project.name_year"
    groups = ("all", "wording", "project")
    default_severity = Severity.INFO
    dimension = Dimension.FEASIBILITY
    checklist = ("FRM-07",)
    message = "项目名称中的年度{found}年早于预算年度{year}年"
    hint = "如为结转或提前下达资金请在资金用途中说明，否则请更正项目名称"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        if not form.project_name or form.budget_year is None:
            return
        text = _DOC_YEAR.sub("", form.project_name)
        years = [int(y) for y in _YEAR.findall(text)]
        if years and max(years) < form.budget_year:
            yield self.finding(("project_name",), found=max(years), year=form.budget_year)
