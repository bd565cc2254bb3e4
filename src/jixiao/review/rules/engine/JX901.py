"""JX901: the importer could not read part of the document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jixiao.review.base import Dimension, Rule
from jixiao.review.finding import Finding, Severity


class Rule_JX901(Rule):
    """Part of the document could not be read cleanly by the importer.

    Whatever the importer skipped or guessed at is not reviewed; the reviewer must look at
    that place in the original file.

    **Bad**

        a row whose cells could not be assigned to columns (importer problem "row-skipped")

    **Good**

        every row of the form is read into the model
    """

    name = "import.problem"
    groups = ("all", "engine", "import")
    default_severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    message = "导入时发现问题（{kind}）：{text}"
    hint = "请对照原文件核对该处内容"
    target = "import-problems"

    def check_target(self, obj: Any) -> Iterator[Finding]:
        severity = {"error": Severity.ERROR, "warning": Severity.WARNING}.get(
            str(getattr(obj.severity, "value", obj.severity)), Severity.INFO
        )
        yield self.finding((), severity=severity, source=obj.source, kind=obj.code, text=obj.message)
