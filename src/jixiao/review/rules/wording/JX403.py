"""JX403: satisfaction measures the people served."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import IndicatorCategory
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX403(Rule):
    """Satisfaction block does not measure the people served.

    A complaint rate, or the satisfaction of the superior department, does not replace the
    satisfaction of the project's beneficiaries.

    **Bad**

        满意度指标 | 服务对象满意度指标 | 企业或个人投诉率 | ＜5%    (no other satisfaction indicator)
        满意度指标 | 服务对象满意度指标 | … | 上级部门对工作满意程度 | ≥98%

    **Good**

        满意度指标 | 服务对象满意度指标 | 受益企业满意度 | ≥95%
    """

    name = "content.satisfaction_subject"
    groups = ("all", "content")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("CON-03",)
    message = "满意度指标“{indicator}”{problem}"
    hint = "满意度指标应衡量项目服务对象（受益企业、群众等）的满意程度"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        rows = [(loc, ind) for loc, ind in form.iter_indicators()
                if ind.category == IndicatorCategory.SATISFACTION and ind.name]
        real = [ind for _, ind in rows if lx.SATISFACTION_NAME.search(lx.core_name(ind.name))]
        for loc, ind in rows:
            text = lx.core_name(ind.name) + lx.squash(ind.description)
            if lx.SUPERIOR_SUBJECT.search(text):
                yield self.finding((*loc, "name"), indicator=ind.name,
                                   problem="衡量的是上级部门的满意度，不是服务对象的")
            elif lx.COMPLAINT.search(text) and not real:
                yield self.finding((*loc, "name"), indicator=ind.name,
                                   problem="是投诉率，不能代替服务对象满意度")
