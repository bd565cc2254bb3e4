"""JX115: no placeholder end years, no over-long spans."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX115(Rule):
    """End year is a placeholder (2099) or the period is longer than the profile allows.

    A recurring working fund is budgeted year by year; "2099" hides that the project has no
    real end, and the period values cannot be set for it.

    **Bad**

        起始年度 2025 | 到期年度 2099

    **Good**

        起始年度 2025 | 到期年度 2025
    """

    name = "period.placeholder_year"
    groups = ("all", "structure", "period")
    default_severity = Severity.ERROR
    dimension = Dimension.FEASIBILITY
    checklist = ("FRM-01",)
    message = "到期年度{end}{problem}"
    hint = "经常性项目按年度申报，到期年度填写{year}；跨年度项目填写真实的到期年度"
    form_kinds = ("project",)
    config_keywords = {"placeholder_years": [2099, 2999, 9999], "max_span_years": 5}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        start, end = form.start_year, form.end_year
        if end is None:
            return
        year = form.budget_year or start or ""
        if end in self.param("placeholder_years"):
            yield self.finding(("end_year",), end=end, problem="是占位年份，不是真实的到期年度",
                               year=year)
        elif start is not None and end - start + 1 > int(self.param("max_span_years")):
            yield self.finding(("end_year",), end=end, year=year,
                               problem=f"使实施期限长达{end - start + 1}年，超过{self.param('max_span_years')}年上限")
