"""The three-level indicator tree, stored as rows in document order.

A row holds the 一级 and 二级 labels it sits under (raw text and normalised member), the 三级
name and its values. Rows with a category but no indicator are kept too (an empty
"社会成本指标" row is part of the printed form), marked by :pyattr:`Indicator.is_placeholder`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from jixiao.model.enums import (
    IndicatorCategory,
    IndicatorSubcategory,
    parse_category,
    parse_subcategory,
)
from jixiao.model.source import SourceRef
from jixiao.model.values import IndicatorValue, unit_in_name


class Indicator(BaseModel):
    """One row of the indicator table (三级指标 with its values)."""

    model_config = ConfigDict(validate_assignment=False)

    level1: str | None = None
    """一级指标 as written (e.g. "产出指标")."""
    category: IndicatorCategory | None = None
    level2: str | None = None
    """二级指标 as written (e.g. "服务对象 满意度指标")."""
    subcategory: IndicatorSubcategory | None = None
    name: str | None = None
    """三级指标, the indicator itself."""
    description: str | None = None
    """绩效指标描述 (Hebei layouts)."""
    period_value: IndicatorValue | None = None
    """实施周期指标值 (Guangdong project forms)."""
    annual_value: IndicatorValue | None = None
    """当年度指标值; the single 指标值 column of the other layouts."""
    value_basis: str | None = None
    """指标值确定依据 (Hebei layouts)."""
    extra_values: list[IndicatorValue] = Field(default_factory=list)
    """Cells beyond the columns the form defines (a shifted or over-long row), kept, not dropped."""
    source: SourceRef | None = None

    @model_validator(mode="after")
    def _normalise_levels(self) -> Indicator:
        if self.category is None and self.level1:
            self.category = parse_category(self.level1)
        if self.subcategory is None and self.level2:
            self.subcategory = parse_subcategory(self.level2)
        return self

    @property
    def is_placeholder(self) -> bool:
        """A category row with no indicator and no value."""
        return not (self.name or "").strip() and not any(
            v is not None and not v.is_empty for v in (self.period_value, self.annual_value)
        )

    @property
    def name_unit(self) -> str | None:
        """The unit declared in the name, e.g. ``%`` for ``年度资金支出进度（%）``."""
        return unit_in_name(self.name)

    def values(self) -> list[tuple[str, IndicatorValue]]:
        """The non-empty value cells as ``(field, value)`` pairs."""
        return [
            (field, value)
            for field in ("period_value", "annual_value")
            if (value := getattr(self, field)) is not None and not value.is_empty
        ]
