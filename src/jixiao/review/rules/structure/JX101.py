"""JX101: 一级/二级 labels come from the regime's closed list."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX101(Rule):
    """一级 or 二级 indicator label is not in the selected regime's list.

    Regime A (88号) files 成本指标 as a 二级 under 产出指标; regime B (101号) has 成本指标 as a
    一级 with 经济/社会/生态环境成本指标. A label outside the list, or a 二级 under the wrong
    一级, cannot be mapped to the indicator library.

    **Bad**

        产出指标 | 经济成本指标 | 单个企业补贴金额 | ≤60万元      (regime A)

    **Good**

        产出指标 | 成本指标 | 单个企业补贴金额 | ≤60万元
    """

    name = "taxonomy.level_not_in_regime"
    groups = ("all", "structure", "taxonomy")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    checklist = ("IND-01",)
    message = "指标“{indicator}”的{level}“{label}”不在{regime}口径的指标体系中"
    hint = "一级指标应为{level1_list}；请按所选口径填写二级指标"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        tree = self.ctx.profile.tree
        level1_list = "、".join(c.value for c in tree)
        regime = "101号" if self.ctx.profile.regime == "B" else "88号"
        for loc, ind in form.iter_indicators(placeholders=True):
            name = ind.name or ind.level2 or ""
            if ind.level1 and (ind.category is None or ind.category not in tree):
                yield self.finding((*loc, "level1"), indicator=name, level="一级指标",
                                   label=ind.level1, regime=regime, level1_list=level1_list)
                continue
            if ind.level2 and ind.category in tree and (
                ind.subcategory is None or ind.subcategory not in tree[ind.category]
            ):
                yield self.finding((*loc, "level2"), indicator=name, level="二级指标",
                                   label=ind.level2, regime=regime, level1_list=level1_list)
