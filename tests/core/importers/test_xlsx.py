"""Excel importer: every sheet into the Grid, merged ranges as spans, numbers as Excel shows them."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import native_forms as nf  # tests/core/importers is on sys.path
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.importers import RawDocument, import_bytes
from jixiao.importers.xlsx import display_number, read_xlsx_grid


def _workbook_bytes(workbook: openpyxl.Workbook) -> bytes:
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_read_xlsx_grid_merged_ranges_rebuilt_as_spans() -> None:
    """Rows of the sheet come back in the Grid convention, with the sheet's own row numbers."""
    blocks = nf.hebei_project()
    grid = read_xlsx_grid(RawDocument.from_bytes(nf.to_xlsx(blocks), name="调解.xlsx"))
    expected: list[list[tuple[str, int, int]]] = []
    for block in blocks:
        if isinstance(block, str):
            expected.append([(block, 1, 1)] + [("", 1, 1)] * 5)
        else:
            expected.extend(nf.expand(block))
    got = [[(c.text, c.colspan, c.rowspan) for c in row.cells] for row in grid.rows]
    assert (got, [row.source.row for row in grid.rows]) == (expected, list(range(1, len(expected) + 1)))


def test_read_xlsx_grid_cells_point_at_sheet_row_and_column() -> None:
    """A cell's SourceRef names the sheet and its 1-based row and column."""
    grid = read_xlsx_grid(RawDocument.from_bytes(nf.to_xlsx(nf.hebei_project(), sheet="项目表"), name="a.xlsx"))
    cell = grid.rows[2].cells[3]
    assert (cell.text, cell.source.sheet, cell.source.row, cell.source.column) == ("项目名称", "项目表", 3, 4)


def test_read_xlsx_grid_every_sheet_is_its_own_table() -> None:
    """Two sheets give two tables, in sheet order, with leading empty columns trimmed."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "甲"
    first["B2"] = "项目名称"
    first["C2"] = "甲项目"
    second = workbook.create_sheet("乙")
    second["A1"] = "项目名称"
    second["B1"] = "乙项目"
    grid = read_xlsx_grid(RawDocument.from_bytes(_workbook_bytes(workbook), name="a.xlsx"))
    assert [(row.table, row.source.sheet, row.texts()) for row in grid.rows] == [
        (0, "甲", ["项目名称", "甲项目"]),
        (1, "乙", ["项目名称", "乙项目"]),
    ]


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (684.4769, "General", "684.4769"),
        (0.1 + 0.2, "General", "0.3"),  # Excel keeps 15 significant digits
        (1234.5, "#,##0.00", "1,234.50"),
        (2.675, "0.00", "2.68"),  # half up on the decimal digits, not the binary float
        (0.955, "0.0%", "95.5%"),
        (235000, "0.00", "235000.00"),
        (3.0, "#,##0.##", "3"),
        (-1234.5, "#,##0.00_);[Red](#,##0.00)", "-1,234.50"),
        (0.0000001, "General", "0.0000001"),
    ],
)
def test_display_number_format_applied_in_decimal(value: float, number_format: str, shown: str) -> None:
    """Numbers are shown as Excel shows them, with no float artefacts."""
    assert display_number(value, number_format) == shown


def test_read_xlsx_grid_money_cells_parse_to_exact_decimal() -> None:
    """A money cell stored as a binary float reads back as the exact amount the user typed."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    amounts = ["684.4769", "0.07", "1234567.89", "0.3"]
    for row, amount in enumerate(amounts, start=1):
        sheet.cell(row=row, column=1, value="金额")
        sheet.cell(row=row, column=2, value=float(amount) if amount != "0.3" else 0.1 + 0.2)
    grid = read_xlsx_grid(RawDocument.from_bytes(_workbook_bytes(workbook), name="a.xlsx"))
    assert [Decimal(row.cells[1].text) for row in grid.rows] == [Decimal(a) for a in amounts]


def test_read_xlsx_grid_chart_sheet_listed_as_skipped() -> None:
    """A chart sheet has no cells: it is skipped with a problem naming it."""
    from openpyxl.chart import BarChart, Reference

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["项目名称", 1])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=1))
    workbook.create_chartsheet("图表1").add_chart(chart)
    grid = read_xlsx_grid(RawDocument.from_bytes(_workbook_bytes(workbook), name="a.xlsx"))
    assert [(p.code, p.source.sheet if p.source else None) for p in grid.problems] == [("sheet-skipped", "图表1")]


def test_read_xlsx_grid_formula_without_result_named_in_warning() -> None:
    """A formula saved without its result reads blank, and a warning names the cell and formula."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["预算数", 100, 200, "=B1+C1"])
    grid = read_xlsx_grid(RawDocument.from_bytes(_workbook_bytes(workbook), name="a.xlsx"))
    assert (
        [row.texts() for row in grid.rows],
        [(p.code, p.source.row, p.source.column, p.text) for p in grid.problems],
    ) == ([["预算数", "100", "200"]], [("formula-not-calculated", 1, 4, "=B1+C1")])


def test_read_xlsx_grid_hidden_sheet_skipped_with_info() -> None:
    """A hidden sheet of drop-down lists is not read as a form; an info problem names it."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["项目名称", "乡村书屋"])
    hidden = workbook.create_sheet("选项")
    hidden.append(["产出指标", "效益指标", "满意度指标"])
    hidden.sheet_state = "hidden"
    grid = read_xlsx_grid(RawDocument.from_bytes(_workbook_bytes(workbook), name="a.xlsx"))
    assert (
        [row.texts() for row in grid.rows],
        [(p.code, p.severity.value, p.source.sheet) for p in grid.problems],
    ) == ([["项目名称", "乡村书屋"]], [("sheet-skipped", "info", "选项")])


@pytest.mark.parametrize("blocks", [nf.guangdong_project(), nf.hebei_project()], ids=["guangdong", "hebei"])
def test_import_xlsx_fictional_form_builds_all_indicators(blocks: list[nf.Block]) -> None:
    """End to end: the workbook becomes one project form with every indicator of its table."""
    result = import_bytes(nf.to_xlsx(blocks, numbers=True), name="项目.xlsx")
    table = [block for block in blocks if isinstance(block, nf.Table)][-1]
    rows = nf.texts(table)
    header = next(i for i, row in enumerate(rows) if "一级指标" in row)
    level3 = rows[header].index("三级指标")
    expected = [row[level3] for row in rows[header + 1 :]]
    assert ([ind.name for ind in result.forms[0].indicators], result.problems, "xlsx-" in result.layout) == (
        expected,
        [],
        True,
    )


def test_read_xlsx_grid_value_hidden_under_merge_reported_not_imported() -> None:
    """A value stored under a merged range (Excel does not show it) is left out with a warning."""
    import xlsxwriter

    out = BytesIO()
    workbook = xlsxwriter.Workbook(out)
    sheet = workbook.add_worksheet("表")
    sheet.merge_range("A1:C1", "项目名称")
    sheet.write("B1", "遮住的字")
    sheet.write("A2", "预算数")
    workbook.close()
    grid = read_xlsx_grid(RawDocument.from_bytes(out.getvalue(), name="a.xlsx"))
    assert (
        [[(c.text, c.colspan) for c in row.cells] for row in grid.rows],
        [(p.code, p.text, p.source.row, p.source.column) for p in grid.problems],
    ) == (
        [[("项目名称", 3), ("", 1), ("", 1)], [("预算数", 1), ("", 1), ("", 1)]],
        [("merged-cell-hidden-value", "遮住的字", 1, 2)],
    )


@settings(max_examples=60, deadline=None)
@given(table=nf.span_tables())
def test_read_xlsx_grid_random_merges_round_trip(table: nf.Table) -> None:
    """Any layout of merged ranges comes back exactly in the Grid convention, covered rows kept."""
    grid = read_xlsx_grid(RawDocument.from_bytes(nf.to_xlsx([table]), name="a.xlsx"))
    assert [[(c.text, c.colspan, c.rowspan) for c in row.cells] for row in grid.rows] == nf.expand(table)


@settings(max_examples=100, deadline=None)
@given(cents=st.integers(min_value=-10**13, max_value=10**13))
def test_display_number_two_decimal_money_exact(cents: int) -> None:
    """Any amount with two decimals, stored as a float, shows as exactly that amount."""
    amount = Decimal(cents).scaleb(-2)
    assert display_number(float(amount), "0.00") == f"{amount:.2f}"


def _seed_grid(prefix: str):
    from jixiao.importers.text import guangdong, hebei_cells
    from support import seed_path  # tests/ is on sys.path (pyproject pythonpath)

    doc = RawDocument.from_path(seed_path(prefix))
    if prefix == "004":
        return doc, hebei_cells.read_grid(doc)
    return doc, guangdong.read_grid(doc.name, doc.lines)


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_import_xlsx_seed_rewritten_as_xlsx_same_indicators_as_text(prefix: str) -> None:
    """A seed's tables written as a xlsx file give the same forms and indicators as the text.

    The file is made at test time from the seed (never stored)."""
    doc, grid = _seed_grid(prefix)
    text_result = import_bytes(doc.data, name="seed.txt")
    native = import_bytes(nf.to_xlsx(nf.blocks_from_grid(grid)), name="seed.xlsx")

    def names(result) -> list[list[str | None]]:
        return [[name for name in (ind.name for ind in form.indicators)] for form in result.forms]

    assert names(native) == names(text_result)
