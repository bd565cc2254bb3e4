"""Closed vocabularies of the target forms: indicator levels, comparisons, value kinds.

The level names are matched leniently (spaces inside "服务对象 满意度指标", a missing trailing
"指标") because the source documents wrap and abbreviate them; the raw text is always kept
beside the normalised member.
"""

from __future__ import annotations

import re
from enum import StrEnum


class IndicatorCategory(StrEnum):
    """一级指标."""

    OUTPUT = "产出指标"
    COST = "成本指标"
    BENEFIT = "效益指标"
    SATISFACTION = "满意度指标"


class IndicatorSubcategory(StrEnum):
    """二级指标 of both regimes (成本 under 产出 in regime A; 经济/社会/生态环境成本 in regime B)."""

    QUANTITY = "数量指标"
    QUALITY = "质量指标"
    TIMELINESS = "时效指标"
    COST = "成本指标"
    ECONOMIC_COST = "经济成本指标"
    SOCIAL_COST = "社会成本指标"
    ECOLOGICAL_COST = "生态环境成本指标"
    ECONOMIC_BENEFIT = "经济效益指标"
    SOCIAL_BENEFIT = "社会效益指标"
    ECOLOGICAL_BENEFIT = "生态效益指标"
    SUSTAINABILITY = "可持续影响指标"
    BENEFICIARY_SATISFACTION = "服务对象满意度指标"


class Comparison(StrEnum):
    """指标性质 / 计算符号 of a quantitative value, in canonical form."""

    GE = "≥"
    LE = "≤"
    GT = "＞"
    LT = "＜"
    EQ = "="


class OperatorStyle(StrEnum):
    """How the comparison was written in the source text."""

    SYMBOL = "symbol"  # ≥ ≤ ＞ ＜ = and their ASCII spellings
    WORD = "word"  # 大于, 不低于, 以上, 及以上, 以内 ...
    MALFORMED = "malformed"  # 》 《 ≧ written where a comparison belongs
    APPROXIMATE = "approximate"  # 左右, 约, 力争: not a comparison at all
    NONE = "none"  # a bare number


class ValueKind(StrEnum):
    """What a 指标值 turned out to be after parsing."""

    EMPTY = "empty"
    QUANTITATIVE = "quantitative"  # [comparison] number [unit]
    QUALITATIVE = "qualitative"  # words only: 及时, 达标, 提高, 符合规定
    DEADLINE = "deadline"  # 2025年12月底前, 每月10日前完成
    UNPARSED = "unparsed"  # mixed text with numbers that fits no grammar; kept raw


class MoneyUnit(StrEnum):
    """Money units used in the forms."""

    YUAN = "元"
    WAN_YUAN = "万元"


class FormKind(StrEnum):
    DEPARTMENT = "department"
    PROJECT = "project"


_SPACES = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACES.sub("", text or "")


_LEVEL1 = {
    "产出": IndicatorCategory.OUTPUT,
    "成本": IndicatorCategory.COST,
    "效益": IndicatorCategory.BENEFIT,
    "满意度": IndicatorCategory.SATISFACTION,
}

_LEVEL2 = {
    "数量": IndicatorSubcategory.QUANTITY,
    "质量": IndicatorSubcategory.QUALITY,
    "时效": IndicatorSubcategory.TIMELINESS,
    "成本": IndicatorSubcategory.COST,
    "经济成本": IndicatorSubcategory.ECONOMIC_COST,
    "社会成本": IndicatorSubcategory.SOCIAL_COST,
    "生态环境成本": IndicatorSubcategory.ECOLOGICAL_COST,
    "生态成本": IndicatorSubcategory.ECOLOGICAL_COST,
    "经济效益": IndicatorSubcategory.ECONOMIC_BENEFIT,
    "社会效益": IndicatorSubcategory.SOCIAL_BENEFIT,
    "生态效益": IndicatorSubcategory.ECOLOGICAL_BENEFIT,
    "可持续影响": IndicatorSubcategory.SUSTAINABILITY,
    "服务对象满意度": IndicatorSubcategory.BENEFICIARY_SATISFACTION,
    "满意度": IndicatorSubcategory.BENEFICIARY_SATISFACTION,
}


def parse_category(text: str | None) -> IndicatorCategory | None:
    """Map a written 一级指标 label ("产出指标", "产出") to its member, or None."""
    key = _squash(text or "").removesuffix("指标")
    return _LEVEL1.get(key)


def parse_subcategory(text: str | None) -> IndicatorSubcategory | None:
    """Map a written 二级指标 label ("服务对象 满意度指标", "数量") to its member, or None."""
    key = _squash(text or "").removesuffix("指标")
    return _LEVEL2.get(key)
