"""The PDF reader: round trip through our own PDF export, and the real corpus (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.disclosure.checks import check_disclosure
from jixiao.disclosure.export import render_disclosure
from jixiao.disclosure.model import NINE_TABLES, Disclosure, SummaryTable, TableKind
from jixiao.disclosure.parse_pdf import parse_disclosure_pdf
from jixiao.disclosure.parse_text import parse_disclosure_text
from jixiao.errors import UnreadableDocument
from support import seed_path  # tests/ is on sys.path (pyproject pythonpath)

IDENTITIES = [f"JX6{n:02d}" for n in range(1, 14)]


def _content(table) -> list:
    """A table's content without provenance (which differs between a text and a PDF)."""
    if isinstance(table, SummaryTable):
        return [line.model_dump(exclude={"source", "label"}) for line in table.income + table.expenditure]
    return [row.model_dump(exclude={"source"}) for row in table.rows]


@pytest.fixture(scope="module")
def seed003() -> Disclosure:
    path = seed_path("003")
    return parse_disclosure_text(path.read_text(encoding="utf-8"), file=path.name)


@pytest.mark.parametrize("backend", ["pdfgrid", "pdfplumber"])
def test_parse_pdf_roundtrip_of_export_equal_tables(seed003: Disclosure, backend: str) -> None:
    """Seed 003 exported to PDF and read back gives the same rows in every table (both readers),
    with the department, year and the empty-table note."""
    back = parse_disclosure_pdf(render_disclosure(seed003, "pdf"), name="rt.pdf", backend=backend)
    differing = [kind for kind in seed003.tables if _content(seed003.tables[kind]) != _content(back.tables[kind])]
    assert (differing, back.department_name, back.department_code, back.year) == ([], "科技和工信部门", "350", 2025)
    assert back.tables[TableKind.T7].empty_note == "注：无政府性基金预算财政拨款预算，空表列示。"


def test_parse_pdf_page_provenance(seed003: Disclosure) -> None:
    """Rows read from a PDF carry their page and table row."""
    back = parse_disclosure_pdf(render_disclosure(seed003, "pdf"), name="rt.pdf")
    source = back.classified(TableKind.T3).row("2060101").source
    assert (source.file, source.page is not None, source.row is not None) == ("rt.pdf", True, True)


def test_parse_pdf_broken_file_message() -> None:
    """A file that is not a PDF is refused with the file name."""
    with pytest.raises(UnreadableDocument) as info:
        parse_disclosure_pdf(b"%PDF-1.4 broken", name="bad.pdf")
    assert info.value.file == "bad.pdf"


def _corpus_file(corpus_dir: Path, name: str) -> Path:
    path = corpus_dir / name
    if not path.is_file():
        pytest.skip(f"{name} is absent from the corpus")
    return path


def test_parse_pdf_shanghai_all_tables_identities_hold(corpus_dir: Path) -> None:
    """A Shanghai Putuo 2025 disclosure: all nine tables, and every table identity holds."""
    path = _corpus_file(corpus_dir, "shanghai-putuo__上海市普陀区商务委员会25年预算.pdf")
    disclosure = parse_disclosure_pdf(path.read_bytes(), name=path.name)
    report = check_disclosure(disclosure)
    assert [k for k in NINE_TABLES if k in disclosure.tables] == list(NINE_TABLES)
    assert [(c, report.failed[c]) for c in IDENTITIES if report.failed[c]] == []
    rows = sum(len(disclosure.classified(k).rows) for k in (TableKind.T2, TableKind.T3, TableKind.T5, TableKind.T6))
    assert sum(report.evaluated[c] for c in IDENTITIES) >= rows > 0


def test_parse_pdf_shanghai_source_error_found(corpus_dir: Path) -> None:
    """The 2026 unit budget prints 行政运行's 项目支出 as its 款's (64,840,547.00): the row check says so."""
    path = _corpus_file(corpus_dir, "shanghai-putuo__2026_unit_budget.pdf")
    report = check_disclosure(parse_disclosure_pdf(path.read_bytes(), name=path.name))
    rows = [f.message for f in report.findings if f.code == "JX607" and "2040601" in f.message]
    assert rows == ["“2026年预算单位支出预算总表”“2040601 行政运行”：合计 14,348,853.34 ≠ 基本、项目等各项支出之和 "
                    "= 79,189,400.34，相差 -64,840,547.00"]


def test_parse_pdf_jiangsu_tables_found(corpus_dir: Path) -> None:
    """A Jiangsu 2019 table file (titles inside the tables): the eight tables Jiangsu publishes are read."""
    path = _corpus_file(corpus_dir, "jiangsu__江苏省委办公厅__江苏省委办公厅2019年度部门预算公开表格.pdf")
    disclosure = parse_disclosure_pdf(path.read_bytes(), name=path.name)
    assert ([k for k in NINE_TABLES if k not in disclosure.tables], disclosure.department_name, disclosure.year) == (
        [TableKind.T8], "中共江苏省委办公厅", 2019)
    assert disclosure.summary(TableKind.T1).income_line("grand_total").amount == \
        disclosure.summary(TableKind.T1).expenditure_line("grand_total").amount
