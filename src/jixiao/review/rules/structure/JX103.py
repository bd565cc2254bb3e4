"""JX103: a 三级 name is not a category name."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import IndicatorCategory, IndicatorSubcategory
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

_CATEGORY_NAMES = {c.value for c in IndicatorCategory} | {s.value for s in IndicatorSubcategory}



class Rule_JX103(Rule):
    """Third-level indicator is named after a category (a placeholder, not an indicator).

    "服务对象满意度指标" or "生态效益指标" in the 三级 column repeats the 二级 label and says
    nothing about what is measured.

    **Bad**

        满意度指标 | 服务对象满意度指标 | 服务对象满意度指标 | ≥95%

    **Good**

        满意度指标 | 服务对象满意度指标 | 参训企业满意度 | ≥95%
    """

    name = "indicator.name_is_category"
    groups = ("all", "structure", "indicator")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("IND-03",)
    message = "三级指标“{indicator}”只是指标类别名称，没有说明衡量什么"
    hint = "写明具体的衡量对象，例如“参训企业满意度”“补助企业数”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in lx.iter_indicators(form):
            name = lx.core_name(ind.name)
            if not name:
                continue
            if name in _CATEGORY_NAMES or name in (lx.squash(ind.level2), lx.squash(ind.level1)):
                yield self.finding((*loc, "name"), indicator=ind.name)
