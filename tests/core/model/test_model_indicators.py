"""Indicator rows: level normalisation, placeholders, units in names, values."""

from __future__ import annotations

import pytest

from jixiao.model import (
    Indicator,
    IndicatorCategory,
    IndicatorSubcategory,
    parse_category,
    parse_subcategory,
    parse_value,
)

C, S = IndicatorCategory, IndicatorSubcategory


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("产出指标", C.OUTPUT),
        ("产出", C.OUTPUT),
        ("成本指标", C.COST),
        ("效益 指标", C.BENEFIT),
        ("满意度指标", C.SATISFACTION),
        ("其他指标", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_category_written_label_gives_member(written: str | None, expected: C | None):
    """一级 labels match with or without 指标 and with stray spaces."""
    assert parse_category(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("数量指标", S.QUANTITY),
        ("质量", S.QUALITY),
        ("时效指标", S.TIMELINESS),
        ("成本指标", S.COST),
        ("经济成本指标", S.ECONOMIC_COST),
        ("社会成本指标", S.SOCIAL_COST),
        ("生态环境成本指标", S.ECOLOGICAL_COST),
        ("生态成本指标", S.ECOLOGICAL_COST),
        ("经济效益指标", S.ECONOMIC_BENEFIT),
        ("社会效益指标", S.SOCIAL_BENEFIT),
        ("生态效益指标", S.ECOLOGICAL_BENEFIT),
        ("可持续影响指标", S.SUSTAINABILITY),
        ("服务对象 满意度指标", S.BENEFICIARY_SATISFACTION),
        ("服务对象\n满意度指标", S.BENEFICIARY_SATISFACTION),
        ("满意度指标", S.BENEFICIARY_SATISFACTION),
        ("效率指标", None),
    ],
)
def test_parse_subcategory_written_label_gives_member(written: str, expected: S | None):
    """二级 labels of both regimes match leniently."""
    assert parse_subcategory(written) == expected


def test_indicator_levels_are_normalised_and_raw_kept():
    """The model fills category/subcategory from the printed labels and keeps the labels."""
    indicator = Indicator(level1="产出指标", level2="服务对象 满意度指标", name="满意度")
    assert (indicator.level1, indicator.category, indicator.level2, indicator.subcategory) == (
        "产出指标",
        C.OUTPUT,
        "服务对象 满意度指标",
        S.BENEFICIARY_SATISFACTION,
    )


def test_indicator_explicit_category_is_not_overridden():
    """A category set by the importer wins over the label (the label stays as printed)."""
    indicator = Indicator(level1="产出", category=C.COST)
    assert indicator.category == C.COST


def test_indicator_unknown_labels_leave_members_empty():
    """Labels outside the closed lists give None, for review to report."""
    indicator = Indicator(level1="其他", level2="效率指标")
    assert (indicator.category, indicator.subcategory) == (None, None)


@pytest.mark.parametrize(
    ("indicator", "placeholder"),
    [
        (Indicator(level1="成本指标", level2="社会成本指标"), True),
        (Indicator(level2="社会成本指标", name="  ", annual_value=parse_value("")), True),
        (Indicator(name="培训人数"), False),
        (Indicator(annual_value=parse_value("≥3家")), False),
        (Indicator(period_value=parse_value("及时")), False),
    ],
)
def test_indicator_is_placeholder_without_name_and_values(indicator: Indicator, placeholder: bool):
    """A row is a placeholder only when it has neither a name nor a non-empty value."""
    assert indicator.is_placeholder is placeholder


def test_indicator_name_unit_comes_from_the_brackets():
    """name_unit reads ``（%）`` at the end of the name."""
    assert [Indicator(name="年度资金支出进度（%）").name_unit, Indicator(name="培训人数").name_unit] == [
        "%",
        None,
    ]


def test_indicator_values_lists_non_empty_cells_in_column_order():
    """values() gives (field, value) for the filled cells, 实施周期 first."""
    period, annual = parse_value("≥10家"), parse_value("≥5家")
    full = Indicator(name="x", period_value=period, annual_value=annual)
    annual_only = Indicator(name="x", period_value=parse_value(" "), annual_value=annual)
    assert (full.values(), annual_only.values()) == (
        [("period_value", period), ("annual_value", annual)],
        [("annual_value", annual)],
    )
