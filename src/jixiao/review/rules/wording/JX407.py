"""JX407: no doubled punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Fix, Severity

TEXT_FIELDS = ("overall_goal", "overview", "period_goal", "annual_goal", "fund_use", "project_name")
_DOUBLED = re.compile(r"([。，、；：！？,;])\1+")


class Rule_JX407(Rule):
    """Punctuation is doubled ("。。").

    The fix keeps one mark.

    **Bad**

        当年度目标 | ……提升人民群众生活幸福感。。

    **Good**

        当年度目标 | ……提升人民群众生活幸福感。
    """

    name = "text.doubled_punctuation"
    groups = ("all", "wording", "hygiene")
    default_severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-05",)
    message = "{field}中有重复的标点“{mark}”"
    hint = "删除多余的标点"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for field in TEXT_FIELDS:
            text = form.__dict__.get(field)
            if not text:
                continue
            match = _DOUBLED.search(text)
            if match:
                fixed = _DOUBLED.sub(r"\1", text)
                yield self.finding((field,), field=_LABELS.get(field, field), mark=match.group(0),
                                   fix=Fix(loc=(field,), original=text, replacement=fixed,
                                           description="删除重复标点"))


_LABELS = {"overall_goal": "总体绩效目标", "overview": "项目概述", "period_goal": "实施周期总目标",
           "annual_goal": "当年度目标", "fund_use": "资金用途", "project_name": "项目名称"}
