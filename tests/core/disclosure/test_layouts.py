"""Layout variants (Jiangsu 2017–2019): T2 by income source, T3 as totals only, 支出用途 in T1/T4."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.disclosure.assemble import SourceCells, build_by_source, purpose_key
from jixiao.disclosure.checks import check_disclosure
from jixiao.disclosure.model import (
    ClassifiedTable,
    Disclosure,
    ExpenditureRow,
    SourceLine,
    SourceTable,
    SummaryLine,
    SummaryTable,
    TableKind,
    TableLayout,
)
from jixiao.disclosure.parse_pdf import parse_disclosure_pdf
from jixiao.model import MoneyUnit
from support import CORPUS_DIR  # tests/ is on sys.path (pyproject pythonpath)

D = Decimal
IDENTITIES = {f"JX6{n:02d}" for n in range(1, 16)}


def _by_source(general: str = "100.00", items: tuple[str, str] = ("90.00", "10.00")) -> SourceTable:
    return build_by_source([
        SourceCells(["收入总计"], D("100.00")),
        SourceCells(["一般公共预算资金"], D(general), subtotal=True),
        SourceCells(["公共财政拨款(补助)资金"], D(items[0])),
        SourceCells(["专项收入"], D(items[1])),
        SourceCells(["政府性基金"], None, subtotal=True),
        SourceCells(["上年结转和结余资金"], None, subtotal=True),
        SourceCells(["其中：动用上年结转和结余资金"], None),
    ], unit=MoneyUnit.WAN_YUAN, title="收入预算总表")


def _jiangsu(t2: SourceTable, *, basic: str = "60.00") -> Disclosure:
    t1 = SummaryTable(kind=TableKind.T1, title="收支预算总表", columns=["amount"], income=[
        SummaryLine(key="general", label="1.一般公共预算", amount=D("100.00")),
        SummaryLine(key="current_total", label="当年收入小计", amount=D("100.00")),
        SummaryLine(key="grand_total", label="收入合计", amount=D("100.00")),
    ], expenditure=[
        SummaryLine(key="class", code="201", label="一、一般公共服务支出", amount=D("100.00")),
        SummaryLine(key="current_total", label="当年支出小计", amount=D("100.00")),
        SummaryLine(key="grand_total", label="支出合计", amount=D("100.00")),
    ], purposes=[
        SummaryLine(key="basic", label="一、基本支出", amount=D(basic)),
        SummaryLine(key="project", label="二、项目支出", amount=D("40.00")),
    ])
    t3 = ClassifiedTable(kind=TableKind.T3, title="支出预算总表", columns=["total", "basic", "project"],
                         layout=TableLayout.TOTALS,
                         rows=[ExpenditureRow(name="合计", total=D("100.00"), basic=D("60.00"), project=D("40.00"))])
    return Disclosure(file="x.pdf", year=2018, tables={TableKind.T1: t1, TableKind.T2: t2, TableKind.T3: t3})


def test_build_by_source_groups_subtotals_and_items() -> None:
    """Rows become the 收入总计 line, each group's 小计 and its items; a 其中 line is marked part_of."""
    table = _by_source()
    assert [(r.key, r.group, r.label, r.amount, r.part_of) for r in table.rows] == [
        ("total", "", "收入总计", D("100.00"), False),
        ("subtotal", "一般公共预算资金", "一般公共预算资金 小计", D("100.00"), False),
        ("item", "一般公共预算资金", "公共财政拨款(补助)资金", D("90.00"), False),
        ("item", "一般公共预算资金", "专项收入", D("10.00"), False),
        ("subtotal", "政府性基金", "政府性基金 小计", None, False),
        ("subtotal", "上年结转和结余资金", "上年结转和结余资金 小计", None, False),
        ("item", "上年结转和结余资金", "其中：动用上年结转和结余资金", None, True),
    ]
    assert (table.layout, table.kind) == (TableLayout.SOURCE, TableKind.T2)


def test_purpose_key_ordinal_labels() -> None:
    """支出用途 labels with their ordinals map to T3's columns; a function class does not."""
    assert [purpose_key(x) for x in ("一、基本支出", "二、项目支出", "三、单位预留机动经费", "一、一般公共服务支出")] == [
        "basic", "project", "reserve", None]


def test_disclosure_json_keeps_source_table() -> None:
    """A by-source T2 and T1's purposes survive JSON (the table classes are told apart by layout)."""
    disclosure = _jiangsu(_by_source())
    back = Disclosure.model_validate_json(disclosure.model_dump_json())
    assert back == disclosure and isinstance(back.tables[TableKind.T2], SourceTable)


def test_check_jiangsu_layout_identities_hold() -> None:
    """By-source T2, totals-only T3 and T1's 支出用途 that agree give no finding of D01–D15, and the
    by-source and purpose comparisons are made (JX606: group and total; JX603: classes, totals and
    purposes; JX608: T2 and T3 totals, the general-budget group and two purposes)."""
    report = check_disclosure(_jiangsu(_by_source()))
    assert [f.code for f in report.findings if f.code in IDENTITIES] == []
    assert (report.evaluated["JX606"], report.evaluated["JX603"], report.evaluated["JX608"]) == (2, 3, 5)


def test_check_by_source_subtotal_mismatch_jx606() -> None:
    """A group 小计 that is not the sum of its items is a JX606 error naming the group and the numbers."""
    report = check_disclosure(_jiangsu(_by_source(items=("80.00", "10.00"))))
    assert [(f.code, f.severity.value, f.message) for f in report.findings if f.code in IDENTITIES] == [
        ("JX606", "error", "“收入预算总表”“一般公共预算资金”：小计 100.00 ≠ 其下各收入来源之和 = 90.00，相差 10.00")]


def test_check_purpose_mismatch_jx603_and_jx608() -> None:
    """A 基本支出 purpose line off by 5 fails T1's own sum (JX603) and T3's 基本支出 (JX608)."""
    report = check_disclosure(_jiangsu(_by_source(), basic="65.00"))
    assert sorted((f.code, f.ctx["difference"]) for f in report.findings if f.code in IDENTITIES) == [
        ("JX603", "-5.00"), ("JX608", "-5.00")]


JIANGSU = "jiangsu__江苏省委办公厅__江苏省委办公厅2018年度部门预算公开表.pdf"


@pytest.mark.skipif(not (CORPUS_DIR / JIANGSU).is_file(), reason="disclosure corpus absent")
def test_parse_pdf_jiangsu_layouts_read_fully() -> None:
    """The provincial 2018 layout: T2 read by source (15 lines), T1's 支出用途 and T4's purposes read,
    T3 marked totals only; none of the identities fails."""
    path = CORPUS_DIR / JIANGSU
    disclosure = parse_disclosure_pdf(path.read_bytes(), name=path.name)
    t1, t2, t3, t4 = (disclosure.tables[k] for k in (TableKind.T1, TableKind.T2, TableKind.T3, TableKind.T4))
    assert (type(t2).__name__, len(t2.rows), t2.total_line.amount) == ("SourceTable", 15, D("24458.43"))
    assert [(line.key, line.amount) for line in t1.purposes] == [
        ("basic", D("10403.11")), ("project", D("12081.46")), ("reserve", D("1973.86"))]
    assert (t3.layout, t4.layout, [line.key for line in t4.purposes]) == (
        TableLayout.TOTALS, TableLayout.PURPOSE, ["basic", "project", "reserve"])
    report = check_disclosure(disclosure)
    assert [f.message for f in report.findings if f.code in IDENTITIES] == []
    assert isinstance(t2.rows[0], SourceLine)


def _corpus(part: str):
    path = next(CORPUS_DIR.glob(f"*{part}*"), None) if CORPUS_DIR.is_dir() else None
    if path is None:
        pytest.skip("disclosure corpus absent")
    return parse_disclosure_pdf(path.read_bytes(), name=path.name)


def test_parse_pdf_jiangsu_wrapped_labels_and_amounts_in_their_part() -> None:
    """省检察院 2018: ``1.一般公共预`` / ``算`` joined; the 单位预留机动经费 amount printed on the 国防支出
    line goes to the purpose, not to 国防; the by-source T2 (小计 before its group name) adds up."""
    disclosure = _corpus("2018年省检察院部门预算公开")
    t1, t2 = disclosure.tables[TableKind.T1], disclosure.tables[TableKind.T2]
    assert (t1.income_line("general").label, t1.purpose_line("reserve").amount) == ("1.一般公共预算", D("2388.04"))
    assert [line.code for line in t1.class_lines if line.amount is not None] == ["204", "208", "221"]
    assert [(r.group, r.amount) for r in t2.rows if r.key == "subtotal" and r.amount is not None] == [
        ("一般公共预算资金", D("21940.96")), ("其他资金", D("14.39"))]
    assert [f.code for f in check_disclosure(disclosure).findings if f.code in IDENTITIES] == []


def test_parse_pdf_jiangsu_totals_glued_and_spanning() -> None:
    """省人大 2017: 当年支出小计 printed across the amount column and ``13,649.07支出合计13,649.07``
    in one cell still give the totals their amounts; only the T6 302 row (no 合计 amount) fails."""
    disclosure = _corpus("江苏省人大办公厅2017")
    t1 = disclosure.tables[TableKind.T1]
    totals = [(line.key, line.amount) for line in t1.income + t1.expenditure if line.key.endswith("total")]
    assert totals == [("current_total", D("13649.07")), ("grand_total", D("13649.07")),
                      ("current_total", D("13649.07")), ("grand_total", D("13649.07"))]
    assert [f.code for f in check_disclosure(disclosure).findings if f.code in IDENTITIES] == ["JX611"]


def test_check_text_change_amount_not_taken_for_total() -> None:
    """In the explanation, ``增加基本支出844.15万元`` (a change) and ``政府性基金收入预算0万元`` are not
    read as the 基本支出 or the total income; the later plain statements are compared and hold."""
    disclosure = _jiangsu(_by_source())
    disclosure.explanation = ("情况说明 政府性基金收入预算0万元。因调资增加基本支出844.15万元。"
                              "本年收入预算100.00万元。支出预算合计100万元，其中：基本支出60.00万元。")
    report = check_disclosure(disclosure)
    assert ([f.message for f in report.findings if f.code == "JX614"], report.evaluated["JX614"]) == ([], 2)


def test_parse_pdf_code_part_without_leading_zero_padded() -> None:
    """万里街道 2024 prints 津贴补贴's 款 as ``301 | 2``: read as 30102, so 301 = Σ 款 holds."""
    disclosure = _corpus("万里街道办事处24")
    t6 = disclosure.tables[TableKind.T6]
    assert [row.code for row in t6.rows[1:5]] == ["301", "30101", "30102", "30107"]
    assert [f.code for f in check_disclosure(disclosure).findings if f.code in IDENTITIES] == []


def test_render_pdf_jiangsu_layouts_read_back() -> None:
    """The PDF export of a Jiangsu disclosure reads back with T2 by source (same lines) and T1's purposes."""
    from jixiao.disclosure.export import render_disclosure

    disclosure = _corpus("江苏省委办公厅2018年度部门预算公开表")
    back = parse_disclosure_pdf(render_disclosure(disclosure, "pdf"), name="back.pdf")
    lines = [(r.key, r.group, r.label, r.amount) for r in disclosure.tables[TableKind.T2].rows]
    assert [(r.key, r.group, r.label, r.amount) for r in back.tables[TableKind.T2].rows] == lines
    assert back.tables[TableKind.T1].purposes == [
        line.model_copy(update={"source": back.tables[TableKind.T1].purposes[i].source})
        for i, line in enumerate(disclosure.tables[TableKind.T1].purposes)]


def test_check_codes_of_year_without_catalogue_not_checked() -> None:
    """A 2018 disclosure checked with only the 2025 list: no JX621 per code (names have changed since),
    one info saying the codes were not checked; JX620 structure checks still run."""
    disclosure = _jiangsu(_by_source())
    disclosure.tables[TableKind.T5] = ClassifiedTable(
        kind=TableKind.T5, title="一般公共预算支出预算表", columns=["total"],
        rows=[ExpenditureRow(name="合计", total=D("1")), ExpenditureRow(code="207", name="文化体育与传媒支出", total=D("1"))])
    report = check_disclosure(disclosure)
    assert [(f.code, f.severity.value, f.message) for f in report.findings if f.code == "JX621"] == [
        ("JX621", "info", "没有 2018 年或更早年度的政府收支分类科目目录（最早为 2025 年），未核对科目编码和名称")]
    assert report.evaluated["JX620"] == 1
