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
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, Discriminator, Field, Tag

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


class TableLayout(StrEnum):
    """How a table lists its rows. The nine tables are by function class in the national layout;
    Jiangsu's 2017–2019 layout lists T2 by income source, prints T3 as one line of totals, and
    splits T4's expenditure by purpose (支出用途: 基本支出, 项目支出, 单位预留机动经费) only."""

    FUNCTION = "function"
    """Rows keyed by 支出功能分类 (or 经济分类 for T6) codes."""
    SOURCE = "source"
    """T2 as a list of income sources (一般公共预算资金 小计, 公共财政拨款资金 …): :class:`SourceTable`."""
    TOTALS = "totals"
    """Only the 合计 row, not broken down by function class."""
    PURPOSE = "purpose"
    """A summary table whose expenditure half is by purpose, not by function class."""

    @property
    def label(self) -> str:
        return {"function": "按功能分类", "source": "按收入来源", "totals": "仅合计", "purpose": "按支出用途"}[self.value]


def code_level(code: str | None) -> int | None:
    """1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7); None for anything else."""
    if code is None:
        return None
    return {3: 1, 5: 2, 7: 3}.get(len(code))


class ColumnsRow(BaseModel):
    """A table row whose amounts are fields named in ``COLUMNS`` (key → printed column label)."""

    COLUMNS: ClassVar[dict[str, str]] = {}

    def get(self, column: str) -> Amount:
        """The amount in column ``column`` (a key of ``COLUMNS``)."""
        return getattr(self, column)


class ClassifiedRow(ColumnsRow):
    """A row keyed by a classification code; ``code`` is None for the 合计 row."""

    code: str | None = None
    name: str = ""
    source: SourceRef | None = None

    @property
    def is_total(self) -> bool:
        return self.code is None

    @property
    def level(self) -> int | None:
        return code_level(self.code)

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


class SummaryLine(ColumnsRow):
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


class ThreePublicRow(ColumnsRow):
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
    layout: TableLayout = TableLayout.FUNCTION
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
    purposes: list[SummaryLine] = Field(default_factory=list)
    """The expenditure by purpose (支出用途; key basic, project, reserve, operating or purpose_other),
    printed beside or instead of the function classes (Jiangsu's 收支预算总表 has both, its
    财政拨款收支预算总表 only this)."""

    @property
    def is_empty(self) -> bool:
        return not any(line.amount for line in self.income + self.expenditure + self.purposes)

    def purpose_line(self, key: str) -> SummaryLine | None:
        return next((line for line in self.purposes if line.key == key), None)

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


class SourceLine(ColumnsRow):
    """A line of T2 listed by income source. ``key``: ``total`` (收入总计), ``subtotal`` (a source
    group's 小计, ``group`` its name) or ``item`` (a source within ``group``; ``part_of`` is True
    for a ``其中：`` line, which is part of the item before it and not added)."""

    COLUMNS: ClassVar[dict[str, str]] = {"amount": "金额"}
    key: str
    group: str = ""
    label: str
    amount: Amount = None
    part_of: bool = False
    source: SourceRef | None = None


class SourceTable(TableBase):
    """T2 by income source (Jiangsu 2017–2019 收入预算总表): no function classes, so the checks use
    its 收入总计, the group 小计 and their items."""

    layout: TableLayout = TableLayout.SOURCE
    rows: list[SourceLine] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(row.amount for row in self.rows)

    @property
    def total_line(self) -> SourceLine | None:
        return next((row for row in self.rows if row.key == "total"), None)

    def groups(self) -> list[tuple[SourceLine | None, list[SourceLine]]]:
        """Each group's 小计 line (None when not printed) with its items, in order."""
        out: dict[str, tuple[SourceLine | None, list[SourceLine]]] = {}
        for row in self.rows:
            if row.key == "total":
                continue
            head, items = out.get(row.group, (None, []))
            if row.key == "subtotal":
                head = row
            else:
                items.append(row)
            out[row.group] = (head, items)
        return list(out.values())


class GenericTable(TableBase):
    rows: list[GenericRow] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(value for row in self.rows for value in row.values.values())


def _table_tag(value: Any) -> str:
    """Which table class stored data (or an object) is: by class for objects; for JSON by its
    layout and kind (the row models alone are too alike to choose between)."""
    if isinstance(value, BaseModel):
        return type(value).__name__
    layout, kind = value.get("layout"), value.get("kind")
    if layout == TableLayout.SOURCE.value:
        return "SourceTable"
    if "income" in value or kind in ("T1", "T4"):
        return "SummaryTable"
    if kind == "T9":
        return "ThreePublicTable"
    if kind in ("procurement", "assets"):
        return "GenericTable"
    return "ClassifiedTable"


AnyTable = Annotated[
    Annotated[SummaryTable, Tag("SummaryTable")] | Annotated[ClassifiedTable, Tag("ClassifiedTable")]
    | Annotated[ThreePublicTable, Tag("ThreePublicTable")] | Annotated[SourceTable, Tag("SourceTable")]
    | Annotated[GenericTable, Tag("GenericTable")],
    Discriminator(_table_tag),
]


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
    tables: dict[TableKind, AnyTable] = Field(default_factory=dict)
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

    def by_source(self) -> SourceTable | None:
        """T2 when it lists income by source rather than by function class."""
        table = self.tables.get(TableKind.T2)
        return table if isinstance(table, SourceTable) else None

    def three_public(self) -> ThreePublicTable | None:
        table = self.tables.get(TableKind.T9)
        return table if isinstance(table, ThreePublicTable) else None

    @property
    def row_count(self) -> int:
        count = 0
        for table in self.tables.values():
            if isinstance(table, SummaryTable):
                count += len(table.income) + len(table.expenditure) + len(table.purposes)
            else:
                count += len(table.rows)
        return count
