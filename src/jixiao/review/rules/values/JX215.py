"""JX215: deadlines fall inside the budget year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.model import ValueKind
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

_YEAR = re.compile(r"(20\d{2})\s*年")


class Rule_JX215(Rule):
    """Deadline lies before the budget year (or after the project ends).

    A 2025 target "2024年底前" was either copied from last year's form or is already past.

    **Bad**

        2025年预算 | 时效指标 | 资金按时拨付 | 2024年底前

    **Good**

        2025年预算 | 时效指标 | 资金按时拨付 | 2025年12月底前
    """

    name = "value.deadline_outside_year"
    groups = ("all", "value", "period")
    default_severity = Severity.ERROR
    dimension = Dimension.FEASIBILITY
    checklist = ("CON-08",)
    message = "指标“{indicator}”的完成时限“{raw}”不在{span}内"
    hint = "完成时限应在预算年度内（跨年度项目不晚于到期年度）"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        year = form.budget_year
        if year is None:
            return
        end = form.__dict__.get("end_year") or year
        if end in self.ctx.profile.settings.get("placeholder_years", [2099]) or end < year:
            end = year
        for loc, ind, value in lx.iter_values(form):
            if value.kind not in (ValueKind.DEADLINE, ValueKind.UNPARSED, ValueKind.QUALITATIVE):
                continue
            for match in _YEAR.finditer(value.raw):
                found = int(match.group(1))
                if found < year or found > end:
                    span = f"{year}年" if end == year else f"{year}—{end}年"
                    yield self.finding(loc, indicator=ind.name, raw=value.raw.strip(), span=span)
                    break
