"""JX116: a cost indicator with an amount exists where the profile requires it."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX116(Rule):
    """Project has no cost indicator at all.

    Both regimes expect at least one cost indicator (成本 under 产出 in regime A, 经济成本 in
    regime B) stating the cost in money (``require_cost_indicator``). A cost indicator that is
    present but not an amount is JX305's finding, not this one.

    **Bad**

        成本指标 | 经济成本指标 |  |

    **Good**

        成本指标 | 经济成本指标 | 业务工作经费 | ≤18.24万元
    """

    name = "coverage.cost_missing"
    groups = ("all", "structure", "coverage", "cost")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("IND-04", "CON-07")
    message = "没有成本指标"
    hint = "在成本指标下写明成本控制金额或单位成本，例如“≤18.24万元”“≤100元/人”"
    form_kinds = ("project",)
    config_keywords = {"require_cost_indicator": True}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        if not self.param("require_cost_indicator") or not form.indicators:
            return
        for _, ind in form.iter_indicators():
            if lx.is_cost(ind) and ind.values():
                return
        yield self.finding(("indicators",))
