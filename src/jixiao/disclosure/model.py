"""The department budget disclosure (部门预算公开) tables as data.

Nine tables (domain.md §6.2): T1 收支总表, T2 收入总表, T3 支出总表, T4 财政拨款收支总表, T5 一般公共预算
财政拨款支出表, T6 一般公共预算财政拨款基本支出表, T7 政府性基金预算财政拨款支出表, T8 国有资本经营预算
财政拨款支出表, T9 三公经费支出表; 政府采购 and 国有资产占用 are optional extras.

Rows of the classified tables are keyed by government classification codes (支出功能分类 3/5/7 digits,
部门预算支出经济分类 3/5 digits). Each row class names its columns as Decimal fields (None for an empty
cell) and lists them with their Chinese labels in ``COLUMNS``. Amounts are in the table's ``unit``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, Field

from jixiao.model import MoneyUnit, SourceRef

Amount = Decimal | None


class TableKind(StrEnum):
    T1 = "T1"
    T2 = "T2"
    T3 = "T3"
    T4 = "T4"
    T5 = "T5"
    T6 = "T6"
    T7 = "T7"
    T8 = "T8"
    T9 = "T9"
    PROCUREMENT = "procurement"
    ASSETS = "assets"

    @property
    def title(self) -> str:
        return TABLE_TITLES[self]


TABLE_TITLES: dict[TableKind, str] = {
    TableKind.T1: "部门预算收支总表",
    TableKind.T2: "部门预算收入总表",
    TableKind.T3: "部门预算支出总表",
    TableKind.T4: "部门预算财政拨款收支总表",
    TableKind.T5: "一般公共预算财政拨款支出表",
    TableKind.T6: "一般公共预算财政拨款基本支出表",
    TableKind.T7: "政府性基金预算财政拨款支出表",
    TableKind.T8: "国有资本经营预算财政拨款支出表",
    TableKind.T9: "财政拨款“三公”经费支出表",
    TableKind.PROCUREMENT: "政府采购预算表",
    TableKind.ASSETS: "国有资产占用情况表",
}

NINE_TABLES: tuple[TableKind, ...] = tuple(TableKind)[:9]


def code_level(code: str | None) -> int | None:
    """1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7); None for anything else."""
    if code is None:
        return None
    return {3: 1, 5: 2, 7: 3}.get(len(code))


class ClassifiedRow(BaseModel):
    """A row keyed by a classification code; ``code`` is None for the 合计 row."""

    COLUMNS: ClassVar[dict[str, str]] = {}
    code: str | None = None
    name: str = ""
    source: SourceRef | None = None

    @property
    def is_total(self) -> bool:
        return self.code is None

    @property
    def level(self) -> int | None:
        return code_level(self.code)

    def get(self, column: str) -> Amount:
        return getattr(self, column)

    def label(self) -> str:
        return f"{self.code} {self.name}" if self.code else (self.name or "合计")


class IncomeRow(ClassifiedRow):
    """T2 部门预算收入总表, by 支出功能分类."""

    COLUMNS: ClassVar[dict[str, str]] = {
        "total": "合计",
        "subtotal": "本年收入小计",
        "fiscal": "财政拨款收入",
        "special_account": "财政专户收入",
        "business": "事业收入",
        "operating": "经营收入",
        "superior_subsidy": "上级补助收入",
        "subsidiary_remit": "附属单位上缴收入",
        "other": "其他收入",
        "carryover": "上年结转",
    }
    INCOME_TYPES: ClassVar[tuple[str, ...]] = (
        "fiscal", "special_account", "business", "operating", "superior_subsidy", "subsidiary_remit", "other",
    )
    total: Amount = None
    subtotal: Amount = None
    fiscal: Amount = None
    special_account: Amount = None
    business: Amount = None
    operating: Amount = None
    superior_subsidy: Amount = None
    subsidiary_remit: Amount = None
    other: Amount = None
    carryover: Amount = None


class ExpenditureRow(ClassifiedRow):
    """T3 部门预算支出总表, by 支出功能分类."""

    COLUMNS: ClassVar[dict[str, str]] = {
        "total": "合计",
        "basic": "基本支出",
        "project": "项目支出",
        "operating": "经营支出",
        "remit_superior": "上解上级支出",
        "subsidy_subordinate": "对附属单位补助支出",
        "reserve": "单位预留机动经费",
        "carry_next": "结转下年资金",
    }
    total: Amount = None
    basic: Amount = None
    project: Amount = None
    operating: Amount = None
    remit_superior: Amount = None
    subsidy_subordinate: Amount = None
    reserve: Amount = None
    """Jiangsu only (单位预留机动经费)."""
    carry_next: Amount = None
    """Jiangsu only (结转下年资金)."""


class FundExpenditureRow(ClassifiedRow):
    """T5, T7, T8: 财政拨款支出 by 支出功能分类 (合计 = 基本 + 项目)."""

    COLUMNS: ClassVar[dict[str, str]] = {"total": "合计", "basic": "基本支出", "project": "项目支出"}
    total: Amount = None
    basic: Amount = None
    project: Amount = None


class EconomicRow(ClassifiedRow):
    """T6 一般公共预算基本支出, by 部门预算支出经济分类 (类/款)."""

    COLUMNS: ClassVar[dict[str, str]] = {"total": "合计", "personnel": "人员经费", "public": "公用经费"}
    total: Amount = None
    personnel: Amount = None
    public: Amount = None


class SummaryLine(BaseModel):
    """One line of one half of T1 or T4.

    ``key`` names known lines: income items (general, fund, capital, special, unit, fiscal, business,
    operating, other, superior, subsidiary), totals (current_total, carryover, grand_total,
    closing_carryover) and T4's opening carry-over by fund (carryover_general, carryover_fund,
    carryover_capital); expenditure class lines have ``key`` "class" and the 类 code in ``code``.
    """

    COLUMNS: ClassVar[dict[str, str]] = {
        "amount": "金额",
        "general": "一般公共预算",
        "fund": "政府性基金预算",
        "capital": "国有资本经营预算",
    }
    key: str
    label: str
    code: str | None = None
    amount: Amount = None
    general: Amount = None
    fund: Amount = None
    capital: Amount = None
    source: SourceRef | None = None

    def get(self, column: str) -> Amount:
        return getattr(self, column)


class ThreePublicRow(BaseModel):
    """T9 三公 row. ``key``: total, subtotal, abroad, abroad_research, abroad_other, vehicle,
    vehicle_purchase, vehicle_operation, reception."""

    COLUMNS: ClassVar[dict[str, str]] = {
        "total": "合计",
        "general": "一般公共预算财政拨款",
        "fund": "政府性基金预算拨款",
        "capital": "国有资本经营预算拨款",
    }
    key: str
    label: str
    total: Amount = None
    general: Amount = None
    fund: Amount = None
    capital: Amount = None
    source: SourceRef | None = None

    def get(self, column: str) -> Amount:
        return getattr(self, column)


class GenericRow(BaseModel):
    """A row of an extra table (政府采购, 国有资产): a label and labelled values."""

    label: str
    values: dict[str, Amount] = Field(default_factory=dict)
    source: SourceRef | None = None


class TableBase(BaseModel):
    kind: TableKind
    title: str = ""
    unit: MoneyUnit = MoneyUnit.WAN_YUAN
    columns: list[str] = Field(default_factory=list)
    """The canonical column keys the source table has (in order)."""
    empty_note: str | None = None
    """The note printed under an empty table (``注：无…，空表列示。``)."""
    source: SourceRef | None = None

    @property
    def is_empty(self) -> bool:
        raise NotImplementedError


class ClassifiedTable(TableBase):
    """T2, T3, T5, T6, T7, T8."""

    rows: list[IncomeRow | ExpenditureRow | FundExpenditureRow | EconomicRow] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(
            row.get(column) for row in self.rows for column in type(row).COLUMNS
        )

    @property
    def total_row(self) -> IncomeRow | ExpenditureRow | FundExpenditureRow | EconomicRow | None:
        return next((row for row in self.rows if row.is_total), None)

    def row(self, code: str) -> IncomeRow | ExpenditureRow | FundExpenditureRow | EconomicRow | None:
        return next((row for row in self.rows if row.code == code), None)


class SummaryTable(TableBase):
    """T1 and T4: an income half and an expenditure half."""

    income: list[SummaryLine] = Field(default_factory=list)
    expenditure: list[SummaryLine] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(line.amount for line in self.income + self.expenditure)

    def income_line(self, key: str) -> SummaryLine | None:
        return next((line for line in self.income if line.key == key), None)

    def expenditure_line(self, key: str) -> SummaryLine | None:
        return next((line for line in self.expenditure if line.key == key), None)

    @property
    def class_lines(self) -> list[SummaryLine]:
        return [line for line in self.expenditure if line.key == "class"]


class ThreePublicTable(TableBase):
    rows: list[ThreePublicRow] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(row.total for row in self.rows)

    def row(self, key: str) -> ThreePublicRow | None:
        return next((row for row in self.rows if row.key == key), None)


class GenericTable(TableBase):
    rows: list[GenericRow] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(value for row in self.rows for value in row.values.values())


AnyTable = SummaryTable | ClassifiedTable | ThreePublicTable | GenericTable


class ProjectAmount(BaseModel):
    """A project budget as stated in the performance-target section (for D15)."""

    name: str
    amount: Decimal
    function_code: str | None = None
    source: SourceRef | None = None


class StatedDate(BaseModel):
    """A date of the disclosure and where it comes from: the sentence of the document it was read
    from, or who supplied it (``由使用者提供``)."""

    value: date
    evidence: str = ""
    source: SourceRef | None = None


class Disclosure(BaseModel):
    """One department's budget disclosure for one year."""

    file: str = ""
    department_name: str | None = None
    department_code: str | None = None
    year: int | None = None
    unit: MoneyUnit = MoneyUnit.WAN_YUAN
    tables: dict[TableKind, SummaryTable | ClassifiedTable | ThreePublicTable | GenericTable] = Field(
        default_factory=dict
    )
    explanation: str | None = None
    """The explanation text (情况说明), for the text ↔ table checks (D14)."""
    projects: list[ProjectAmount] = Field(default_factory=list)
    approved_on: StatedDate | None = None
    """批复日期: when the budget was approved (DIS-06), if stated or supplied."""
    published_on: StatedDate | None = None
    """公开日期: when the disclosure was published (DIS-06), if stated or supplied."""
    problems: list[str] = Field(default_factory=list)
    """What the importer could not read, in Chinese, naming the place."""

    def summary(self, kind: TableKind) -> SummaryTable | None:
        table = self.tables.get(kind)
        return table if isinstance(table, SummaryTable) else None

    def classified(self, kind: TableKind) -> ClassifiedTable | None:
        table = self.tables.get(kind)
        return table if isinstance(table, ClassifiedTable) else None

    def three_public(self) -> ThreePublicTable | None:
        table = self.tables.get(TableKind.T9)
        return table if isinstance(table, ThreePublicTable) else None

    @property
    def row_count(self) -> int:
        count = 0
        for table in self.tables.values():
            if isinstance(table, SummaryTable):
                count += len(table.income) + len(table.expenditure)
            else:
                count += len(table.rows)
        return count
