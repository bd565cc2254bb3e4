"""The closed 一级/二级 lists of each indicator regime (domain §1.3), for the tree editor."""

from __future__ import annotations

from jixiao.model import IndicatorCategory as C
from jixiao.model import IndicatorSubcategory as S

FRAMEWORKS: dict[str, dict[str, list[str]]] = {
    "A": {
        C.OUTPUT.value: [S.QUANTITY.value, S.QUALITY.value, S.TIMELINESS.value, S.COST.value],
        C.BENEFIT.value: [
            S.ECONOMIC_BENEFIT.value, S.SOCIAL_BENEFIT.value, S.ECOLOGICAL_BENEFIT.value,
            S.SUSTAINABILITY.value,
        ],
        C.SATISFACTION.value: [S.BENEFICIARY_SATISFACTION.value],
    },
    "B": {
        C.OUTPUT.value: [S.QUANTITY.value, S.QUALITY.value, S.TIMELINESS.value],
        C.COST.value: [S.ECONOMIC_COST.value, S.SOCIAL_COST.value, S.ECOLOGICAL_COST.value],
        C.BENEFIT.value: [
            S.ECONOMIC_BENEFIT.value, S.SOCIAL_BENEFIT.value, S.ECOLOGICAL_BENEFIT.value,
            S.SUSTAINABILITY.value,
        ],
        C.SATISFACTION.value: [S.BENEFICIARY_SATISFACTION.value],
    },
}


def framework_levels(framework: str) -> dict[str, list[str]]:
    """一级 → [二级] for a regime; unknown regimes fall back to A."""
    return FRAMEWORKS.get(framework, FRAMEWORKS["A"])
