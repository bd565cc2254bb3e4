"""JX107: no duplicated indicators."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX107(Rule):
    """The same indicator appears twice in one form.

    A repeated indicator counts the same result twice at 自评 time.

    **Bad**

        效益指标 | 社会效益指标 | 提高工作效率 | 提高
        效益指标 | 经济效益指标 | 提高工作效率 | 提高

    **Good**

        效益指标 | 社会效益指标 | 提高工作效率 | 办件平均时长≤3天
    """

    name = "indicator.duplicate"
    groups = ("all", "structure", "indicator")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("IND-05",)
    message = "指标“{indicator}”重复出现（与第{first}行指标相同）"
    hint = "删除重复的指标，或改为衡量不同内容的指标"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        seen: dict[str, int] = {}
        for loc, ind in form.iter_indicators():
            key = lx.core_name(ind.name)
            if not key:
                continue
            if key in seen:
                yield self.finding((*loc, "name"), indicator=ind.name, first=seen[key] + 1)
            else:
                seen[key] = int(loc[1])
