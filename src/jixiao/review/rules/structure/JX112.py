"""JX112: project codes follow the 21-character pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

CODE_RE = re.compile(r"^\d{6}\d{2}[A-Z][0-9A-Z]{12}$")


class Rule_JX112(Rule):
    """Project code does not follow the 21-character 一体化 pattern.

    The code is 6 digits of area code, 2 digits of year, then 13 letters or digits, 21 in
    all (e.g. ``13030325P00385410058N``).

    **Bad**

        项目编码 | 1303032P0038541005

    **Good**

        项目编码 | 13030325P00385410058N
    """

    name = "project.code_malformed"
    groups = ("all", "structure", "project", "codes")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    message = "项目编码“{code}”不符合21位编码规则（实际{length}位）"
    hint = "项目编码应为6位地区码+2位年度+13位字母或数字，请从一体化系统复制"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        code = (form.project_code or "").strip()
        if code and not CODE_RE.match(code):
            yield self.finding(("project_code",), code=code, length=len(code))
