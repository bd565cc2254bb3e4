"""The page model: which family a form gets, merges of the indicator tree, values and money."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sample_forms import (
    gd_city_department,
    gd_county_department,
    gd_county_project,
    hebei_department,
    hebei_project,
)

from jixiao.errors import RenderFailed
from jixiao.model import Money, MoneyUnit, ProjectTargetForm
from jixiao.renderers.layout import (
    Para,
    Table,
    build_layout,
    choose_family,
    indicator_rows,
    money_text,
)


def _tables(layout) -> list[Table]:  # type: ignore[no-untyped-def]
    return [block for block in layout.blocks if isinstance(block, Table)]


def _texts(layout) -> list[str]:  # type: ignore[no-untyped-def]
    return [block.text for block in layout.blocks if isinstance(block, Para)]


@pytest.mark.parametrize(
    ("factory", "family"),
    [(gd_county_department, "gd-county"), (gd_county_project, "gd-county"), (gd_city_department, "gd-city"),
     (hebei_department, "hebei"), (hebei_project, "hebei")],
)
def test_choose_family_from_layout_id_gives_family(factory, family: str) -> None:  # type: ignore[no-untyped-def]
    """The form's layout id names its family."""
    assert choose_family(factory()) == family


def test_choose_family_without_layout_uses_fields() -> None:
    """Without a layout id, Hebei-only fields (项目编码) choose hebei, city budget lines gd-city."""
    hebei = hebei_project().model_copy(update={"layout": None})
    city = gd_city_department().model_copy(update={"layout": None})
    county = gd_county_project().model_copy(update={"layout": None})
    assert [choose_family(hebei), choose_family(city), choose_family(county)] == ["hebei", "gd-city", "gd-county"]


def test_choose_family_with_template_overrides_layout() -> None:
    """An explicit template wins over the form's own layout."""
    assert choose_family(gd_county_project(), "hebei") == "hebei"


def test_build_layout_unknown_template_raises() -> None:
    """An unknown template is a RenderFailed naming the known ones."""
    with pytest.raises(RenderFailed, match="gd-county"):
        build_layout(gd_county_project(), template="shanghai")


def test_indicator_rows_consecutive_levels_are_merged() -> None:
    """一级 and 二级 labels span the consecutive rows that share them, never across a change."""
    rows = indicator_rows(gd_county_project().indicators, ("period_value", "annual_value"), mode="raw")
    first = rows[0]
    assert (first[0].text, first[0].rowspan) == ("产出指标", 5)
    assert (first[1].text, first[1].rowspan) == ("数量指标", 2)
    assert [cell.text for cell in rows[1]] == ["新建示范田块数（块）", "8", "8"]
    assert (rows[5][0].text, rows[5][0].rowspan) == ("效益指标", 4)


def test_build_layout_values_raw_by_default_and_canonical_on_request() -> None:
    """Raw values are written as typed (98%以上); canonical mode writes ≥98%."""
    raw = build_layout(gd_county_project())
    canonical = build_layout(gd_county_project(), values="canonical")
    raw_texts = [c.text for row in _tables(raw)[1].body for c in row]
    canonical_texts = [c.text for row in _tables(canonical)[1].body for c in row]
    assert "98%以上" in raw_texts and "≥98%" not in raw_texts
    assert "≥98%" in canonical_texts and "98%以上" not in canonical_texts


def test_build_layout_project_both_value_columns_in_header() -> None:
    """Guangdong project forms carry 实施周期指标值 and 当年度指标值 columns."""
    head = [c.text for c in _tables(build_layout(gd_county_project()))[1].head[0]]
    assert head == ["绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "当年度指标值"]


def test_build_layout_money_unit_in_title_line_and_labels() -> None:
    """The money unit is printed under the title and in the amount labels."""
    layout = build_layout(gd_county_project())
    texts = [c.text for row in _tables(layout)[0].body for c in row]
    assert "单位：万元" in _texts(layout)
    assert "总金额（万元）" in texts and "当年度金额（万元）" in texts


def test_build_layout_city_department_has_budget_level_block() -> None:
    """The city variant adds 按预算级次划分 with 市本级使用资金 and 拟用于对下转移支付资金."""
    texts = [c.text for row in _tables(build_layout(gd_city_department()))[0].body for c in row]
    assert {"按预算级次划分", "市本级使用资金", "拟用于对下转移支付资金"} <= set(texts)
    county = [c.text for row in _tables(build_layout(gd_county_department()))[0].body for c in row]
    assert "按预算级次划分" not in county


def test_build_layout_hebei_project_has_code_plan_and_basis_columns() -> None:
    """The Hebei project table has 项目编码, the quarterly plan and the 指标值确定依据 column."""
    layout = build_layout(hebei_project())
    block, indicators = _tables(layout)
    texts = [c.text for row in block.body for c in row]
    assert {"项目编码", "13990125P00012345678K", "3月底", "12月底", "100%"} <= set(texts)
    assert [c.text for c in indicators.head[0]] == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    assert layout.blocks[1] == Para("单位：元", "unit", left="990001平川县农业机械服务站")


def test_build_layout_remarks_at_foot() -> None:
    """备注 lines close the form; forms without remarks get the family's standard ones."""
    own = build_layout(gd_county_department()).blocks[-2:]
    standard = [b.text for b in build_layout(gd_county_project()).blocks if isinstance(b, Para) and b.style == "remark"]
    assert [b.text for b in own] == ["备注：1. 本表的填报主体是县级一级预算单位。", "2. 本表在“二上”环节通过系统录入，具体字段信息以系统为准。"]
    assert standard[0].startswith("备注：1. 本表的填报主体是预算单位") and len(standard) == 4


def test_build_layout_title_without_year_gets_budget_year() -> None:
    """A title without the year is printed with it, so the budget year survives a round trip."""
    form = gd_county_project().model_copy(update={"title": "项目支出绩效目标表"})
    assert build_layout(form).title == "2025年项目支出绩效目标表"


def test_money_text_converts_units_exactly() -> None:
    """Money is written in the table's unit with Decimal arithmetic, without exponent."""
    assert money_text(Money(amount=Decimal("235000.00"), unit=MoneyUnit.YUAN), MoneyUnit.WAN_YUAN) == "23.5"
    assert money_text(Money(amount=Decimal("18.24"), unit=MoneyUnit.WAN_YUAN), MoneyUnit.YUAN) == "182400"
    assert money_text(Money(amount=Decimal("61.2"), unit=MoneyUnit.WAN_YUAN), MoneyUnit.WAN_YUAN) == "61.2"


def test_build_layout_empty_form_renders_placeholders() -> None:
    """A form with nothing filled in still has its full printed structure."""
    layout = build_layout(ProjectTargetForm())
    assert layout.family == "gd-county"
    assert len(_tables(layout)) == 2
    assert layout.title == "县级项目支出绩效目标表"


def test_indicator_rows_without_raw_levels_use_members() -> None:
    """An indicator with only the normalised 一级/二级 members prints their standard names."""
    from jixiao.model import Indicator, IndicatorCategory, IndicatorSubcategory

    row = indicator_rows(
        [Indicator(category=IndicatorCategory.OUTPUT, subcategory=IndicatorSubcategory.QUANTITY, name="培训人次")],
        ("annual_value",), mode="raw",
    )[0]
    assert [cell.text for cell in row] == ["产出指标", "数量指标", "培训人次", ""]


def test_kept_rows_hold_the_first_rows_under_a_labelled_rowspan() -> None:
    """PDF: rows under a labelled rowspan cell may not end a page before its first three rows."""
    from jixiao.renderers.html import kept_rows
    from jixiao.renderers.layout import Table as T
    from jixiao.renderers.layout import TCell as C

    body = [[C("", rowspan=6), C("产出指标", rowspan=5), C("服务对象满意度指标", rowspan=2), C("a")],
            [C("b")],
            [C("数量指标", rowspan=3), C("c")], [C("d")], [C("e")],
            [C(""), C(""), C("f")]]
    assert kept_rows(T(widths=[1, 1, 1, 1], body=body)) == frozenset({0, 1, 2, 3})
