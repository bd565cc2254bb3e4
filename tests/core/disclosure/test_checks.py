"""JX6xx checks on small fictional disclosures built in the model."""

from __future__ import annotations

from decimal import Decimal

from jixiao.disclosure.checks import check_disclosure
from jixiao.disclosure.model import (
    ClassifiedTable,
    Disclosure,
    ExpenditureRow,
    FundExpenditureRow,
    SummaryLine,
    SummaryTable,
    TableKind,
    ThreePublicRow,
    ThreePublicTable,
)

D = Decimal


def _t3(rows: list[tuple[str | None, str, str, str | None, str | None]]) -> ClassifiedTable:
    return ClassifiedTable(kind=TableKind.T3, title="支出总表", columns=["total", "basic", "project"], rows=[
        ExpenditureRow(code=code, name=name, total=D(total), basic=D(basic) if basic else None,
                       project=D(project) if project else None)
        for code, name, total, basic, project in rows
    ])


def _codes(disclosure: Disclosure, *codes: str) -> list[tuple[str, str, str]]:
    report = check_disclosure(disclosure)
    return [(f.code, f.severity.value, f.message) for f in report.findings if f.code in codes]


def test_check_hierarchy_large_difference_is_error() -> None:
    """A 款 that does not add up by more than a cent per line is an error naming the row and numbers."""
    d = Disclosure(file="f.txt", year=2025, tables={TableKind.T3: _t3([
        (None, "合计", "300.00", "200.00", "100.00"),
        ("201", "一般公共服务支出", "300.00", "200.00", "100.00"),
        ("20101", "人大事务", "300.00", "200.00", "100.00"),
        ("2010101", "行政运行", "200.00", "200.00", None),
        ("2010102", "一般行政管理事务", "90.00", None, "90.00"),
    ])})
    assert _codes(d, "JX605") == [(
        "JX605", "error",
        "“支出总表”款“20101 人大事务”不等于其下各项之和：合计 300.00 ≠ 290.00；项目支出 100.00 ≠ 90.00"
        "（2010101 200.00 + 2010102 90.00）")]


def test_check_hierarchy_cent_difference_is_rounding_info() -> None:
    """A one-cent difference over two added lines is reported as rounding, with severity info."""
    d = Disclosure(file="f.txt", year=2025, tables={TableKind.T3: _t3([
        (None, "合计", "10.01", "10.01", None),
        ("201", "一般公共服务支出", "10.01", "10.01", None),
        ("20101", "人大事务", "10.01", "10.01", None),
        ("2010101", "行政运行", "5.00", "5.00", None),
        ("2010102", "一般行政管理事务", "5.00", "5.00", None),
    ])})
    assert [(c, s) for c, s, _ in _codes(d, "JX605")] == [("JX605", "info")]


def test_check_code_structure_bad_length_and_missing_parent() -> None:
    """A 6-digit code and a 项 whose 款 is not in the table are structural errors (DIS-03)."""
    d = Disclosure(file="f.txt", year=2025, tables={TableKind.T3: _t3([
        (None, "合计", "3.00", "3.00", None),
        ("201", "一般公共服务支出", "3.00", "3.00", None),
        ("201010", "坏编码", "1.00", "1.00", None),
        ("2010301", "行政运行", "2.00", "2.00", None),
    ])})
    assert [m for _, _, m in _codes(d, "JX620")] == [
        "“支出总表”科目“201010 坏编码”：编码应为 3/5/7 位，实际 6 位",
        "“支出总表”科目“2010301 行政运行”：上级科目 20103 不在表中",
    ]


def test_check_missing_tables_and_empty_without_note() -> None:
    """Absent tables are errors; an empty T7 without a note is an error (DIS-04)."""
    empty_t7 = ClassifiedTable(kind=TableKind.T7, title="政府性基金预算财政拨款支出表", rows=[
        FundExpenditureRow(name="合计")])
    d = Disclosure(file="f.txt", year=2025, tables={TableKind.T7: empty_t7})
    messages = [m for _, _, m in _codes(d, "JX622")]
    assert [m.split("“")[0] for m in messages] == [
        "缺少第1张表", "缺少第2张表", "缺少第3张表", "缺少第4张表", "缺少第5张表", "缺少第6张表", "",
        "缺少第8张表", "缺少第9张表"]
    assert messages[6] == "“政府性基金预算财政拨款支出表”为空表，但没有说明为空的原因（如“注：无…，空表列示。”）"


def test_check_t1_balance_and_income_items() -> None:
    """T1 income items not adding up (D01) and income ≠ expenditure totals (D04) are errors."""
    t1 = SummaryTable(kind=TableKind.T1, title="收支总表", columns=["amount"], income=[
        SummaryLine(key="general", label="一般公共预算拨款收入", amount=D("100.00")),
        SummaryLine(key="current_total", label="本年收入合计", amount=D("110.00")),
        SummaryLine(key="grand_total", label="收入总计", amount=D("110.00")),
    ], expenditure=[
        SummaryLine(key="class", code="201", label="一般公共服务支出", amount=D("100.00")),
        SummaryLine(key="current_total", label="本年支出合计", amount=D("100.00")),
        SummaryLine(key="grand_total", label="支出总计", amount=D("100.00")),
    ])
    d = Disclosure(file="f.txt", year=2025, tables={TableKind.T1: t1})
    assert _codes(d, "JX601", "JX604") == [
        ("JX601", "error", "“收支总表”：本年收入合计 110.00 ≠ 收入项目之和 = 100.00，相差 10.00"),
        ("JX604", "error", "“收支总表”：收入总计 110.00 ≠ 支出总计 = 100.00，相差 10.00"),
    ]


def test_check_three_public_subtotals() -> None:
    """三公: 合计 ≠ 出国 + 车 + 接待 and 车 ≠ 购置 + 运行 are errors (D13)."""
    t9 = ThreePublicTable(kind=TableKind.T9, title="三公经费支出表", rows=[
        ThreePublicRow(key="total", label="合计", total=D("5.00")),
        ThreePublicRow(key="abroad", label="因公出国（境）费", total=D("1.00")),
        ThreePublicRow(key="vehicle", label="公务用车购置及运行维护费", total=D("2.00")),
        ThreePublicRow(key="vehicle_purchase", label="公务用车购置费", total=None),
        ThreePublicRow(key="vehicle_operation", label="公务用车运行维护费", total=D("1.50")),
        ThreePublicRow(key="reception", label="公务接待费", total=D("1.00")),
    ])
    d = Disclosure(file="f.txt", year=2025, tables={TableKind.T9: t9})
    assert [m for _, _, m in _codes(d, "JX613")] == [
        "“三公经费支出表”合计列：合计 5.00 ≠ 因公出国（境）费、公务用车购置及运行维护费、公务接待费之和 = 4.00，相差 1.00",
        "“三公经费支出表”合计列：公务用车购置及运行维护费 2.00 ≠ 公务用车购置费 空 + 公务用车运行维护费 1.50 = 1.50，相差 0.50",
    ]


def test_check_text_amount_differs_from_table() -> None:
    """An amount in the explanation that differs from its table cell is an error (D14)."""
    t3 = _t3([(None, "合计", "300.00", "200.00", "100.00")])
    d = Disclosure(file="f.txt", year=2025, tables={TableKind.T3: t3},
                   explanation="2025年支出预算300.00万元，其中基本支出 200.00 万\n元；项目支出 90.00万元。")
    assert _codes(d, "JX614") == [("JX614", "error", "情况说明中项目支出为 90.00 万元，而“支出总表”中为 100.00 万元")]
