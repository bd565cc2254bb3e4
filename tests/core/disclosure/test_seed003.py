"""Seed 003 (a Hebei district 部门预算公开): the tables are read and the JX6xx checks reproduce the
results of domain.md §6.4 exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.disclosure.checks import check_disclosure
from jixiao.disclosure.model import NINE_TABLES, Disclosure, TableKind
from jixiao.disclosure.parse_text import parse_disclosure_text
from jixiao.review.finding import Severity
from support import seed_path  # tests/ is on sys.path (pyproject pythonpath)


@pytest.fixture(scope="module")
def seed003() -> Disclosure:
    path = seed_path("003")
    return parse_disclosure_text(path.read_text(encoding="utf-8"), file=path.name)


def test_parse_seed003_all_nine_tables_found(seed003: Disclosure) -> None:
    """All nine tables are recognised, with the department, year and unit of the page header."""
    assert [kind for kind in NINE_TABLES if kind in seed003.tables] == list(NINE_TABLES)
    assert (seed003.department_code, seed003.department_name, seed003.year, seed003.unit.value) == (
        "350", "科技和工信部门", 2025, "万元")


def test_parse_seed003_split_codes_rejoined(seed003: Disclosure) -> None:
    """Codes printed as ``206010`` + ``1`` come back as 7-digit codes, in the order of the table."""
    t2 = seed003.classified(TableKind.T2)
    assert t2 is not None
    assert [row.code for row in t2.rows][:8] == [
        None, "206", "20601", "2060101", "2060102", "20604", "2060499", "20605"]
    assert t2.row("2080505").name == "机关事业单位基本养老保险缴费支出"


def test_parse_seed003_columns_placed_by_identities(seed003: Disclosure) -> None:
    """Numbers without positions land in the right columns (domain.md §6.4 D06, D07, D10)."""
    t2, t3, t5, t8 = (seed003.classified(k) for k in (TableKind.T2, TableKind.T3, TableKind.T5, TableKind.T8))
    row = t2.row("2150805")
    assert (row.total, row.subtotal, row.fiscal, row.carryover) == (
        Decimal("202.50"), Decimal("102.50"), Decimal("102.50"), Decimal("100.00"))
    assert (t3.row("2060101").basic, t3.row("2060101").project) == (Decimal("165.73"), Decimal("0.40"))
    assert (t3.row("2060102").basic, t3.row("2060102").project) == (None, Decimal("10.00"))
    assert (t5.total_row.basic, t5.total_row.project) == (Decimal("307.09"), Decimal("869.82"))
    assert (t8.total_row.basic, t8.total_row.project) == (None, Decimal("10.00"))


def test_parse_seed003_two_sided_summary(seed003: Disclosure) -> None:
    """T1's income and expenditure halves are separated; 类 names map to codes; 人行科目 has none."""
    t1 = seed003.summary(TableKind.T1)
    assert [(line.key, line.amount) for line in t1.income if line.amount is not None] == [
        ("general", Decimal("1076.91")), ("capital", Decimal("10.00")), ("current_total", Decimal("1086.91")),
        ("carryover", Decimal("100.00")), ("grand_total", Decimal("1186.91"))]
    assert [(line.code, line.amount) for line in t1.class_lines if line.amount is not None] == [
        ("206", Decimal("241.05")), ("208", Decimal("82.89")), ("210", Decimal("42.26")),
        ("215", Decimal("794.50")), ("221", Decimal("16.21")), ("223", Decimal("10.00"))]
    assert [line.label for line in t1.class_lines if line.code is None] == ["三十一、人行科目"]


def test_parse_seed003_empty_table_note_and_projects(seed003: Disclosure) -> None:
    """T7 is empty with its note; the fourteen project budgets are read from the target section."""
    t7 = seed003.classified(TableKind.T7)
    assert (t7.rows, t7.empty_note) == ([], "注：无政府性基金预算财政拨款预算，空表列示。")
    assert (len(seed003.projects), sum(p.amount for p in seed003.projects)) == (14, Decimal("879.82"))


def test_check_seed003_reproduces_domain_results(seed003: Disclosure) -> None:
    """Exactly the failures of domain.md §6.4: D05 rounding for 208 in T2/T3/T5, D11 302, D14 三公 car,
    six D16 mismatches, D18; plus 人行科目 (not a 类) and the missing change reasons (DIS-05)."""
    report = check_disclosure(seed003)
    got = sorted((f.code, f.severity.value,
                  f.ctx.get("row") or f.ctx.get("code") or f.ctx.get("label") or f.ctx.get("name", ""))
                 for f in report.findings)
    assert got == sorted([
        ("JX605", "info", "208 社会保障和就业支出"),
        ("JX605", "info", "208 社会保障和就业支出"),
        ("JX605", "info", "208 社会保障和就业支出"),
        ("JX611", "info", "302 商品和服务支出"),
        ("JX614", "error", "公务用车购置及运维费"),
        ("JX616", "warning", "2080501"), ("JX616", "warning", "2080505"), ("JX616", "warning", "2080506"),
        ("JX616", "warning", "2101101"), ("JX616", "warning", "2101103"), ("JX616", "warning", "2210201"),
        ("JX618", "info", ""),
        ("JX621", "warning", "三十一、人行科目"),
        ("JX623", "warning", ""),
    ])
    d05_tables = sorted(f.ctx["table"] for f in report.findings if f.code == "JX605")
    assert d05_tables == sorted(["部门预算收入总表", "部门预算支出总表", "部门预算一般公共预算财政拨款支出表"])


def test_check_seed003_identities_hold_elsewhere(seed003: Disclosure) -> None:
    """D01–D04, D06–D10, D12, D13, D15 and D17 are all evaluated on seed 003 and all hold."""
    report = check_disclosure(seed003)
    holding = ["JX601", "JX602", "JX603", "JX604", "JX606", "JX607", "JX608", "JX609", "JX610", "JX612",
               "JX613", "JX615", "JX617", "JX620", "JX622"]
    assert [(code, report.evaluated[code] > 0, report.failed[code]) for code in holding] == [
        (code, True, 0) for code in holding]


def test_check_seed003_rounding_severity_configurable(seed003: Disclosure) -> None:
    """With rounding reported as warnings (domain.md §6.3), the D05/D11 rounding findings become warnings."""
    report = check_disclosure(seed003, rounding_severity=Severity.WARNING)
    assert sorted({f.severity.value for f in report.findings if f.code in ("JX605", "JX611")}) == ["warning"]


def test_check_seed003_projects_from_forms_override(seed003: Disclosure) -> None:
    """Project amounts passed in (name, amount) replace the document's; a missing project is an error."""
    report = check_disclosure(seed003, projects=[(p.name, p.amount) for p in seed003.projects[1:]])
    d15 = [f for f in report.findings if f.code == "JX615"]
    assert [(f.severity.value, f.ctx["difference"]) for f in d15] == [("error", f"{seed003.projects[0].amount:,.2f}")]
