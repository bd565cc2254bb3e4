"""JX102: the indicator fits its 二级 category."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import IndicatorCategory as Cat
from jixiao.model import IndicatorSubcategory as Sub
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX102(Rule):
    """Indicator is filed under a 二级 category it does not belong to.

    Counts belong to 数量, deadlines and timeliness rates to 时效, satisfaction to 满意度,
    growth of the economy to 效益, and only ecological effects to 生态效益. Filing them
    elsewhere distorts the weights at 自评 time.

    **Bad**

        产出指标 | 质量指标 | 资金支出进度(%) | ≥95%
        效益指标 | 社会效益指标 | 社会公众满意度 | ≥90%

    **Good**

        产出指标 | 时效指标 | 项目完成时间 | 2025年12月底前
        满意度指标 | 服务对象满意度指标 | 社会公众满意度 | ≥90%
    """

    name = "taxonomy.indicator_misplaced"
    groups = ("all", "structure", "taxonomy")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("IND-02",)
    message = "指标“{indicator}”是{kind}，不宜放在“{level2}”下"
    hint = "{kind}应归入{expected}"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        for loc, ind in form.iter_indicators():
            if not ind.name or ind.subcategory is None:
                continue
            name = lx.core_name(ind.name)
            sub = ind.subcategory
            found = None
            if lx.SATISFACTION_NAME.search(name) and ind.category != Cat.SATISFACTION:
                found = ("满意度指标", "满意度指标/服务对象满意度指标")
            elif lx.is_growth(ind) and sub == Sub.QUANTITY:
                found = ("增长类指标", "效益指标（经济效益）")
            elif sub in (Sub.QUALITY, Sub.ECONOMIC_BENEFIT, Sub.SOCIAL_BENEFIT) and (
                lx.TIMELINESS.search(name) and not lx.SATISFACTION_NAME.search(name)
            ):
                found = ("时效类指标", "产出指标/时效指标")
            elif sub in (Sub.QUALITY, Sub.TIMELINESS) and lx.is_count(ind) and not lx.is_rate(ind):
                found = ("数量类指标", "产出指标/数量指标")
            elif sub == Sub.ECOLOGICAL_BENEFIT and not lx.ECOLOGY.search(name + lx.squash(ind.description)):
                found = ("与生态环境无关的指标", "相应的产出或效益类别（无生态效益可不填）")
            if found:
                yield self.finding((*loc, "level2"), indicator=ind.name, kind=found[0],
                                   level2=ind.level2 or sub.value, expected=found[1])
