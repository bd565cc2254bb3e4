"""The two target forms: 部门整体预算绩效目标表 and 项目支出绩效目标表.

Every field printed in the supported layouts has a home here. Money is :class:`Money`
(Decimal with its unit). Each form remembers where it came from: ``source`` for the whole
form, ``field_sources`` for single fields (keyed by the dotted model path, e.g.
``"budget.basic_expenditure"`` or ``"key_tasks.2.planned_amount"``), and every indicator row
its own ``source``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from jixiao.model.enums import FormKind, MoneyUnit
from jixiao.model.indicators import Indicator
from jixiao.model.money import Money
from jixiao.model.source import SourceRef

Loc = tuple[str | int, ...]


class OrgRef(BaseModel):
    """An organisation as printed: ``144001-遂溪县科工贸和信息化局`` → code + name."""

    code: str | None = None
    name: str | None = None
    raw: str | None = None


class KeyTask(BaseModel):
    """年度重点工作任务 (or 其他需完成的任务)."""

    label: str | None = None
    """The printed label before the name, e.g. "任务1"."""
    name: str | None = None
    content: str | None = None
    planned_amount: Money | None = None
    expected_result: str | None = None
    source: SourceRef | None = None


class SubGoal(BaseModel):
    """分项绩效目标 (Hebei department forms): a work area with its goal and indicators."""

    title: str
    label: str | None = None
    """The printed label before the title, e.g. "（一）"."""
    content: str | None = None
    """Work content printed after the title ("（一）商贸流通。完善县乡村商业网络……": the part after "。")."""
    goal: str | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    """Indicators named under the sub-goal; values are kept when printed."""
    source: SourceRef | None = None


class DepartmentBudget(BaseModel):
    """预算整体情况 of the Guangdong department form. All amounts carry their unit."""

    basic_expenditure: Money | None = None
    """基本支出"""
    project_expenditure: Money | None = None
    """项目支出"""
    special_funds: Money | None = None
    """事业发展性支出: 财政专项资金"""
    other_development_expenditure: Money | None = None
    """事业发展性支出: 其他事业发展性支出"""
    fiscal_appropriation: Money | None = None
    """收入来源: 财政拨款"""
    other_funds: Money | None = None
    """收入来源: 其他资金"""
    own_level_funds: Money | None = None
    """按预算级次划分: 本级使用资金 (city variant)"""
    transfer_funds: Money | None = None
    """按预算级次划分: 拟用于对下转移支付资金 (city variant)"""
    own_level_label: str | None = None
    """The printed label of the 本级 line, e.g. "市本级使用资金"."""


class SpendingPoint(BaseModel):
    """One cell of the quarterly spending plan (资金支出计划)."""

    label: str
    """As printed, e.g. "3月底"."""
    month: int
    value: Decimal | None = None
    raw: str = ""
    unit: str | None = None
    """"%" when the cell says so, otherwise None (then the header unit applies)."""


class SpendingPlan(BaseModel):
    """资金支出计划 at the end of March, June, October and December (Hebei)."""

    header_unit: str | None = None
    """The unit in the row label, e.g. "%" from "资金支出计划（%）"."""
    points: list[SpendingPoint] = Field(default_factory=list)


class FormBase(BaseModel):
    """What both forms share: identity, layout, provenance and remarks."""

    title: str | None = None
    """The heading as printed, e.g. "2025年县级项目支出绩效目标表"."""
    number: str | None = None
    """The printed sequence number of the form in its document ("1", "附件2")."""
    layout: str | None = None
    """The importer layout id, e.g. "project-target/tsv-gd-county-2025"."""
    budget_year: int | None = None
    money_unit: MoneyUnit | None = None
    """The table's money unit ("单位：万元")."""
    remarks: list[str] = Field(default_factory=list)
    """备注 lines at the foot of the form."""
    source: SourceRef | None = None
    field_sources: dict[str, SourceRef] = Field(default_factory=dict)
    indicators: list[Indicator] = Field(default_factory=list)

    def iter_indicators(self, *, placeholders: bool = False) -> Iterator[tuple[Loc, Indicator]]:
        """Indicator rows with their model path, ``(("indicators", 3), indicator)``."""
        for index, indicator in enumerate(self.indicators):
            if placeholders or not indicator.is_placeholder:
                yield ("indicators", index), indicator

    def source_of(self, loc: Loc) -> SourceRef | None:
        """The most precise known source of a model path, falling back to the form's own."""
        if (
            len(loc) >= 2
            and loc[0] == "indicators"
            and isinstance(loc[1], int)
            and 0 <= loc[1] < len(self.indicators)
            and self.indicators[loc[1]].source
        ):
            return self.indicators[loc[1]].source
        parts = [str(part) for part in loc]
        while parts:
            key = ".".join(parts)
            if key in self.field_sources:
                return self.field_sources[key]
            parts.pop()
        return self.source


class DepartmentTargetForm(FormBase):
    """部门整体（预算）绩效目标表: one per budget unit per year."""

    kind: Literal[FormKind.DEPARTMENT] = FormKind.DEPARTMENT
    department_name: str | None = None
    department_code: str | None = None
    funded_headcount: int | None = None
    """财政供养人员数"""
    subordinate_units: int | None = None
    """下属二级单位数"""
    budget: DepartmentBudget | None = None
    overall_goal: str | None = None
    sub_goals: list[SubGoal] = Field(default_factory=list)
    key_tasks: list[KeyTask] = Field(default_factory=list)
    other_tasks: list[KeyTask] = Field(default_factory=list)
    guarantee_measures: list[str] = Field(default_factory=list)
    """工作保障措施"""

    @property
    def display_name(self) -> str:
        return self.department_name or "部门整体绩效目标"


class ProjectTargetForm(FormBase):
    """项目支出绩效目标表: one per project (Guangdong and Hebei families)."""

    kind: Literal[FormKind.PROJECT] = FormKind.PROJECT
    project_name: str | None = None
    project_code: str | None = None
    """21-character code of the Hebei 一体化 system, e.g. 13030325P00385410058N."""
    project_type: str | None = None
    """As printed, e.g. "331-部门预算部门职能类"."""
    project_level: str | None = None
    competent_department: OrgRef | None = None
    spending_unit: OrgRef | None = None
    start_year: int | None = None
    end_year: int | None = None
    total_amount: Money | None = None
    """总金额 (Guangdong)."""
    annual_amount: Money | None = None
    """当年度金额 (Guangdong) or 预算数 (Hebei)."""
    fiscal_funds: Money | None = None
    """其中：财政资金 (Hebei)."""
    other_funds: Money | None = None
    """其他资金 (Hebei)."""
    fund_use: str | None = None
    """资金用途 (Hebei)."""
    overview: str | None = None
    """项目概述"""
    period_goal: str | None = None
    """实施周期总目标"""
    annual_goal: str | None = None
    """当年度目标; the single 绩效目标 of Hebei forms."""
    spending_plan: SpendingPlan | None = None

    @property
    def display_name(self) -> str:
        return self.project_name or "项目支出绩效目标"


TargetForm = Annotated[DepartmentTargetForm | ProjectTargetForm, Field(discriminator="kind")]
