"""Review profiles: the indicator regime and the numbers the regulations leave open.

Two regimes exist side by side (domain.md §1.3):

* **A** ("88号 / legacy"): 成本指标 is a 二级 under 产出指标.
* **B** ("101号 / 2021"): 成本指标 is a 一级 with 经济/社会/生态环境成本指标.

A profile names its regime and carries settings (minimum indicator counts, tolerances, the
maximum implementation span …). Rules read them through ``Rule.param``. When no profile is
configured, :func:`auto_profile` picks one per form: a form with a 成本 一级 or a
经济/社会/生态环境成本 二级 is regime B, any other form regime A.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.model import IndicatorCategory as Cat
from jixiao.model import IndicatorSubcategory as Sub

REGIME_A_TREE: dict[Cat, frozenset[Sub]] = {
    Cat.OUTPUT: frozenset({Sub.QUANTITY, Sub.QUALITY, Sub.TIMELINESS, Sub.COST}),
    Cat.BENEFIT: frozenset(
        {Sub.ECONOMIC_BENEFIT, Sub.SOCIAL_BENEFIT, Sub.ECOLOGICAL_BENEFIT, Sub.SUSTAINABILITY}
    ),
    Cat.SATISFACTION: frozenset({Sub.BENEFICIARY_SATISFACTION}),
}
REGIME_B_TREE: dict[Cat, frozenset[Sub]] = {
    Cat.OUTPUT: frozenset({Sub.QUANTITY, Sub.QUALITY, Sub.TIMELINESS}),
    Cat.COST: frozenset({Sub.ECONOMIC_COST, Sub.SOCIAL_COST, Sub.ECOLOGICAL_COST}),
    Cat.BENEFIT: REGIME_A_TREE[Cat.BENEFIT],
    Cat.SATISFACTION: REGIME_A_TREE[Cat.SATISFACTION],
}

#: Settings every profile has, with their documented defaults (docs/review.md).
DEFAULT_SETTINGS: dict[str, Any] = {
    "required_categories": ["产出指标", "效益指标", "满意度指标"],
    "require_cost_indicator": True,
    "min_quantity_indicators": 1,
    "min_quantitative_share": Decimal("0.5"),
    "min_quantitative_count": 2,
    "max_span_years": 5,
    "placeholder_years": [2099, 2999, 9999],
    "money_tolerance_wan_yuan": Decimal("0.01"),
    "development_expenditure_additive": True,
    "allow_bare_number": True,
}


@dataclass(frozen=True)
class Profile:
    """A named regime plus settings."""

    name: str
    regime: str  # "A" or "B"
    description: str = ""
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def tree(self) -> dict[Cat, frozenset[Sub]]:
        return REGIME_B_TREE if self.regime == "B" else REGIME_A_TREE

    @classmethod
    def default(cls) -> Profile:
        return BUILTIN_PROFILES["regime-a-88"]

    def derive(self, name: str, *, regime: str | None = None, description: str = "",
               settings: dict[str, Any] | None = None) -> Profile:
        merged = {**self.settings, **(settings or {})}
        return Profile(name=name, regime=regime or self.regime,
                       description=description or self.description, settings=merged)


BUILTIN_PROFILES: dict[str, Profile] = {
    "regime-a-88": Profile(
        name="regime-a-88",
        regime="A",
        description="财预〔2015〕88号及各地沿用口径：成本指标为产出指标下的二级指标",
        settings=dict(DEFAULT_SETTINGS),
    ),
    "regime-b-101": Profile(
        name="regime-b-101",
        regime="B",
        description="财预〔2021〕101号口径：成本指标为一级指标（经济/社会/生态环境成本）",
        settings={
            **DEFAULT_SETTINGS,
            "required_categories": ["产出指标", "成本指标", "效益指标", "满意度指标"],
        },
    ),
}
BUILTIN_PROFILES["guangdong-county-2025"] = BUILTIN_PROFILES["regime-a-88"].derive(
    "guangdong-county-2025", description="广东县级2025年表式（88号口径，成本在产出下）"
)
BUILTIN_PROFILES["guangdong-city-2025"] = BUILTIN_PROFILES["regime-b-101"].derive(
    "guangdong-city-2025", description="广东市级2025年表式（101号口径，成本为一级指标）"
)
BUILTIN_PROFILES["hebei-2025"] = BUILTIN_PROFILES["regime-a-88"].derive(
    "hebei-2025", description="河北2025年部门预算公开表式（88号口径，单位可为元或万元）"
)


def detect_regime(form: Any) -> str:
    """"B" when the form uses 成本 as a 一级 (or a 101号 cost 二级), else "A"."""
    for indicator in getattr(form, "indicators", []):
        if indicator.category == Cat.COST or indicator.subcategory in (
            Sub.ECONOMIC_COST, Sub.SOCIAL_COST, Sub.ECOLOGICAL_COST
        ):
            return "B"
    return "A"


def auto_profile(form: Any, profiles: dict[str, Profile] | None = None) -> Profile:
    """The built-in profile of the form's detected regime."""
    table = profiles or BUILTIN_PROFILES
    return table["regime-b-101" if detect_regime(form) == "B" else "regime-a-88"]
