"""The text reader on a fictional department (split codes, wrapped names, page continuation, empty table)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.disclosure.assemble import assign_columns, parse_number, row_identities
from jixiao.disclosure.model import TableKind
from jixiao.disclosure.parse_text import classify_title, parse_disclosure_text
from jixiao.errors import UnsupportedDocument

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "disclosure" / "fictional_tables.txt"


def test_parse_text_fictional_rows_recovered() -> None:
    """Every row comes back with its code, name (wrapped lines joined) and numbers in the right columns,
    including the rows after the repeated page header."""
    d = parse_disclosure_text(FIXTURE.read_text(encoding="utf-8"), file=FIXTURE.name)
    t3 = d.classified(TableKind.T3)
    got = [(r.code, r.name, r.total, r.basic, r.project) for r in t3.rows]
    d = Decimal
    assert got == [
        (None, "合计", d("330.00"), d("200.00"), d("130.00")),
        ("201", "一般公共服务支出", d("300.00"), d("200.00"), d("100.00")),
        ("20101", "人大事务", d("300.00"), d("200.00"), d("100.00")),
        ("2010101", "行政运行", d("200.00"), d("200.00"), None),
        ("2010102", "一般行政管理事务", d("100.00"), None, d("100.00")),
        ("206", "科学技术支出", d("30.00"), None, d("30.00")),
        ("20699", "其他科学技术支出", d("30.00"), None, d("30.00")),
        ("2069901", "科技奖励", d("30.00"), None, d("30.00")),
    ]


def test_parse_text_fictional_provenance_spans_lines() -> None:
    """A row split over several lines points at its first and last line in the file."""
    d = parse_disclosure_text(FIXTURE.read_text(encoding="utf-8"), file=FIXTURE.name)
    row = d.classified(TableKind.T3).row("2010102")
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert (lines[row.source.line - 1], lines[row.source.line_end - 1]) == ("5", "100.00 100.00")


def test_parse_text_setaside_sections_accepted() -> None:
    """The verbatim table texts (as the Hebei importer sets them aside) read like the whole file."""
    text = FIXTURE.read_text(encoding="utf-8")
    whole = parse_disclosure_text(text, file="x.txt")
    parts = text.split(" 部门预算政府性基金预算财政拨款支出表")
    pieces = parse_disclosure_text([parts[0], " 部门预算政府性基金预算财政拨款支出表" + parts[1]], file="x.txt")
    assert sorted(pieces.tables) == sorted(whole.tables) == [TableKind.T3, TableKind.T7]
    assert pieces.classified(TableKind.T3).rows == whole.classified(TableKind.T3).rows


def test_parse_text_no_tables_raises_chinese_message() -> None:
    """A text without any disclosure table title is refused with a message naming the file."""
    with pytest.raises(UnsupportedDocument) as info:
        parse_disclosure_text("项目名称 车保险\n预算数 0.40\n", file="a.txt")
    assert str(info.value).startswith("a.txt：没有找到部门预算公开表格")


@pytest.mark.parametrize(("title", "kind"), [
    ("部门预算收支总表", TableKind.T1), ("2025年部门财务收支预算总表", TableKind.T1),
    ("部门预算收入总表", TableKind.T2), ("部门预算支出总表", TableKind.T3),
    ("部门预算财政拨款收支总表", TableKind.T4), ("2025年部门一般公共预算支出功能分类预算表", TableKind.T5),
    ("部门预算一般公共预算财政拨款基本支出表", TableKind.T6), ("财政拨款政府性基金支出预算表", TableKind.T7),
    ("部门预算国有资本经营预算财政拨款支出表", TableKind.T8), ("“三公”经费、会议费、培训费支出预算表", TableKind.T9),
    ("一般公共预算机关运行经费支出预算表", None), ("财政拨款基本支出预算表（经济科目）", None),
])
def test_classify_title_known_titles_mapped(title: str, kind: TableKind | None) -> None:
    """Table titles of Hebei, Jiangsu and Shanghai name the right table; other tables are not taken."""
    assert classify_title(title) == kind


def test_assign_columns_ambiguous_row_gives_all_placements() -> None:
    """合计 + one number fits 基本 or 项目: both placements are offered, 基本 first."""
    identities = row_identities(TableKind.T3, ["total", "basic", "project"])
    got = assign_columns([Decimal("10.00"), Decimal("10.00")], ["total", "basic", "project"], identities)
    assert got == [{"total": Decimal("10.00"), "basic": Decimal("10.00")},
                   {"total": Decimal("10.00"), "project": Decimal("10.00")}]


def test_assign_columns_identity_decides() -> None:
    """For T2, 合计 = 小计 + 上年结转 decides which of the remaining columns is the carry-over."""
    columns = ["total", "subtotal", "fiscal", "carryover"]
    got = assign_columns([Decimal("202.50"), Decimal("102.50"), Decimal("102.50"), Decimal("100.00")], columns,
                         row_identities(TableKind.T2, columns))
    assert got == [dict(zip(columns, [Decimal("202.50"), Decimal("102.50"), Decimal("102.50"), Decimal("100.00")],
                            strict=True))]


@pytest.mark.parametrize(("text", "value"), [
    ("1,086.91", Decimal("1086.91")), ("371,514,655.00", Decimal("371514655.00")), ("-", None), ("", None),
    ("－3.50", Decimal("-3.50")),
])
def test_parse_number_formats(text: str, value: Decimal | None) -> None:
    """Thousands separators, full-width minus and dashes are read exactly (never through float)."""
    assert parse_number(text) == value
