"""JX402: no management or compliance measures as output or effect."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX402(Rule):
    """Management or compliance measure used as an output or effect indicator.

    资金使用合规性, 采购规范性, 专款专用率 and "是否发生违规违纪" belong to the 过程 dimension
    of evaluation, not to the target table.

    **Bad**

        产出指标 | 质量指标 | 资金使用合规性 | 符合规定
        效益指标 | 社会效益指标 | 资金使用是否发生重大违规违纪问题 | 否

    **Good**

        产出指标 | 质量指标 | 企业培训合格率 | ≥90%
    """

    name = "content.compliance_measure"
    groups = ("all", "content")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("CON-02",)
    message = "“{indicator}”是管理合规类指标，不是项目的产出或效果"
    hint = "合规性属于过程管理要求，请改为反映项目产出质量或效益的指标"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in lx.iter_indicators(form):
            if ind.name and lx.COMPLIANCE.search(lx.core_name(ind.name)):
                yield self.finding((*loc, "name"), indicator=ind.name)
