"""JX408: no HTML tags in text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Fix, Severity
from jixiao.review.rules.wording.JX407 import _LABELS, TEXT_FIELDS

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


class Rule_JX408(Rule):
    """Text contains HTML tags (``<p>``) copied from the budget system.

    The fix removes the tags.

    **Bad**

        总体绩效目标 | <p>本年度我局主要是……</p>

    **Good**

        总体绩效目标 | 本年度我局主要是……
    """

    name = "text.html_tags"
    groups = ("all", "wording", "hygiene")
    default_severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-05",)
    message = "{field}中含有HTML标记“{tag}”"
    hint = "删除HTML标记，只保留文字"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for field in TEXT_FIELDS:
            text = form.__dict__.get(field)
            if not text:
                continue
            match = _TAG.search(text)
            if match:
                fixed = _TAG.sub("", text).strip()
                yield self.finding((field,), field=_LABELS.get(field, field), tag=match.group(0),
                                   fix=Fix(loc=(field,), original=text, replacement=fixed,
                                           description="删除HTML标记"))
