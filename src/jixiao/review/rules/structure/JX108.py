"""JX108: a row holds only the value cells the form defines."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX108(Rule):
    """Indicator row has more value cells than the form has columns.

    An extra cell means the row was shifted or two rows were merged; the value cannot be
    assigned to 实施周期 or 当年度 with certainty.

    **Bad**

        质量指标 | 采购规范性 | 符合规范 | 符合规范 | 符合规范

    **Good**

        质量指标 | 采购规范性 | 符合规范 | 符合规范
    """

    name = "structure.extra_cells"
    groups = ("all", "structure")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("IND-06",)
    message = "指标“{indicator}”所在行多出{count}个单元格（{cells}），无法确定所属列"
    hint = "核对该行是否错位或与相邻行合并，每行只填实施周期指标值和当年度指标值"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in form.iter_indicators(placeholders=True):
            extra = [v for v in ind.extra_values if not v.is_empty]
            if extra:
                yield self.finding((*loc, "extra_values"), indicator=ind.name or ind.level2,
                                   count=len(extra), cells=[v.raw.strip() for v in extra])
