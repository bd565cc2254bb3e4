"""Excel (.xlsx) target forms: every worksheet into a Grid, merged ranges kept as spans.

The workbook is opened with openpyxl in read-only mode with ``data_only=True`` (formulas give
their cached values, as Excel shows them). Read-only worksheets do not parse merged ranges,
which the Grid needs (a merged range is one cell with ``colspan``/``rowspan`` at its top-left
position, the positions it covers are blank), so the ``<mergeCell ref=…>`` elements are read
from the sheet's XML part directly. A value hidden under a merged range (Excel shows only the
top-left one) is not imported, and a warning names it. The sheet's stored ``<dimension>`` is
ignored, so a stale one cannot cut rows off. Hidden sheets (drop-down lists and other helper
data) and chart sheets are skipped, each with an info problem naming it; a formula saved
without its result (a file never opened in Excel or WPS) is named in a warning.

**Numbers are given as text, as Excel shows them, and never through float arithmetic.**
openpyxl parses a stored number with ``float()``; ``repr()`` of that float is the shortest
text that reads back to the same binary value, so ``Decimal(repr(value))`` recovers the digits
Excel stored (``684.4769``, not ``684.47689999999999``). Excel itself keeps 15 significant
digits, so the value is then rounded to 15 significant digits in Decimal (``0.1 + 0.2`` stored
as ``0.30000000000000004`` shows as ``0.3``); under the ``General`` format that is the text
given, in full, even where a narrow column would make Excel round it for display. Other
number formats are applied in Decimal: the number of decimals (``0.00`` → two, rounded half up as Excel does), thousands
separators (``#,##0``) and percent (``0.0%`` → value × 100 and ``%``). Literal text, colours
and padding in a format are left out; dates are written ``2025-03-31``. Empty rows are left
out (their sheet row numbers stay in every SourceRef).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from io import BytesIO

from jixiao.errors import UnreadableDocument
from jixiao.importers.base import Cell, Grid, RawDocument, Row, open_ooxml
from jixiao.importers.builders import GridImporter
from jixiao.model import ImportProblem, ProblemSeverity, SourceRef

__all__ = ["XlsxImporter", "display_number", "read_xlsx_grid"]

_EXCEL_DIGITS = Context(prec=15, rounding=ROUND_HALF_UP)
_QUOTED = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')


def display_number(value: int | float | Decimal, number_format: str | None = "General") -> str:
    """A number as Excel shows it under ``number_format``, computed in Decimal.

    Args:
        value: the cell value openpyxl gives (a float is taken by its shortest repr).
        number_format: the cell's number format (``General``, ``0.00``, ``#,##0.00``, ``0%``…).

    Returns:
        The displayed text, e.g. ``display_number(1234.5, "#,##0.00") == "1,234.50"``.
    """
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        number = Decimal(repr(value))
    else:
        number = Decimal(value)
    number = _EXCEL_DIGITS.plus(number)
    section = _QUOTED.sub("", (number_format or "General").split(";")[0]).strip()
    if (
        not section
        or section.lower() == "general"
        or section == "@"
        or not re.search(r"[0#?]", section)
    ):
        return _plain(number)
    if "E+" in section.upper() or "E-" in section.upper():
        return _plain(number)
    percent = "%" in section
    if percent:
        number *= 100
    numeric = re.search(
        r"[#0?,]*(?:\.[#0?]*)?", section[re.search(r"[#0?.,]", section).start() :]
    ).group()
    integer, _, fraction = numeric.partition(".")
    decimals = sum(1 for ch in fraction if ch in "0#?")
    required = sum(1 for ch in fraction if ch == "0")
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}" if "," in integer else f"{rounded:.{decimals}f}"
    if decimals > required and "." in text:
        # '#' places are optional: drop trailing zeros beyond the required ones.
        keep = len(text) - (decimals - required)
        while len(text) > keep and text.endswith("0"):
            text = text[:-1]
        text = text.rstrip(".")
    return text + ("%" if percent else "")


def _plain(number: Decimal) -> str:
    if number == 0:
        return "0"
    text = format(number.normalize(), "f")
    return text


def _display(value: object, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float | Decimal):
        try:
            return display_number(value, number_format)
        except (InvalidOperation, ValueError, AttributeError):
            return _plain(Decimal(repr(value))) if isinstance(value, float) else str(value)
    return str(value)


def read_xlsx_grid(doc: RawDocument) -> Grid:
    """Read every worksheet of a .xlsx into one Grid (``Row.table`` is the sheet's index).

    Args:
        doc: the raw document (``kind == "xlsx"``).

    Returns:
        The grid; every row and cell carries ``SourceRef(sheet=, row=, column=)`` with the
        sheet's own 1-based row and column numbers.

    Raises:
        UnreadableDocument: the container is broken or not a workbook, or no sheet has content.
    """
    import openpyxl

    open_ooxml(doc, "xlsx").close()
    try:
        workbook = openpyxl.load_workbook(BytesIO(doc.data), data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises KeyError, ValueError, TypeError, lxml and zip errors
        raise UnreadableDocument(
            doc.name,
            f"应为 Excel 工作簿，但文件内容已损坏或不完整，无法读取：{type(exc).__name__}: {exc}",
        ) from exc
    grid = Grid(file=doc.name)
    try:
        for sheet in getattr(workbook, "chartsheets", []):
            grid.problems.append(
                ImportProblem(
                    severity=ProblemSeverity.INFO,
                    code="sheet-skipped",
                    message=f"{doc.name}：工作表“{sheet.title}”是图表，没有单元格，已跳过",
                    source=SourceRef(file=doc.name, sheet=sheet.title),
                )
            )
        for index, ws in enumerate(workbook.worksheets):
            if getattr(ws, "sheet_state", "visible") != "visible":
                grid.problems.append(
                    ImportProblem(
                        severity=ProblemSeverity.INFO,
                        code="sheet-skipped",
                        message=f"{doc.name}：工作表“{ws.title}”是隐藏的（常用于下拉选项等辅助数据），未导入",
                        source=SourceRef(file=doc.name, sheet=ws.title),
                    )
                )
                continue
            try:
                xml = _sheet_xml(workbook, ws)
                merges = _merged_ranges(ws, xml)
                grid.rows.extend(_sheet_rows(ws, merges, grid, table_index=index))
                for row, column, formula in _uncalculated_formulas(xml):
                    grid.problems.append(
                        ImportProblem(
                            severity=ProblemSeverity.WARNING,
                            code="formula-not-calculated",
                            message=f"{doc.name}：工作表“{ws.title}”第{row}行第{column}列是公式“{formula}”，"
                            "文件中没有保存计算结果（可能未用 Excel 或 WPS 保存过），该格按空白读入；"
                            "请用 Excel 或 WPS 打开并保存后再导入",
                            source=SourceRef(file=doc.name, sheet=ws.title, row=row, column=column),
                            text=formula,
                        )
                    )
            except Exception as exc:  # one broken sheet must not lose the others
                grid.problems.append(
                    ImportProblem(
                        severity=ProblemSeverity.ERROR,
                        code="sheet-unreadable",
                        message=f"{doc.name}：工作表“{ws.title}”无法读取（{type(exc).__name__}: {exc}），已跳过",
                        source=SourceRef(file=doc.name, sheet=ws.title),
                    )
                )
    finally:
        workbook.close()
    if not grid.rows:
        raise UnreadableDocument(
            doc.name, "Excel 工作簿中没有任何内容：应为绩效目标表，实际所有工作表都是空的"
        )
    return grid


_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)\"")


def _sheet_xml(workbook: object, ws: object) -> bytes | None:
    """The worksheet's XML part (read-only workbooks keep the zip open), or None."""
    archive = getattr(workbook, "_archive", None)
    path = getattr(ws, "_worksheet_path", None)
    if archive is None or path is None:
        return None
    return archive.read(path)


def _merged_ranges(ws: object, xml: bytes | None) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges as (min_col, min_row, max_col, max_row).

    Read-only worksheets do not parse ``<mergeCells>``, so the references are read from
    the sheet's XML part directly.
    """
    from openpyxl.utils.cell import range_boundaries

    if xml is None:  # a normal (not read-only) worksheet
        merged = getattr(ws, "merged_cells", None)
        return [tuple(r.bounds) for r in merged.ranges] if merged is not None else []
    ranges: list[tuple[int, int, int, int]] = []
    for ref in _MERGE_REF.findall(xml):
        bounds = range_boundaries(ref.decode("ascii"))
        if None not in bounds:
            ranges.append(bounds)  # type: ignore[arg-type]
    return ranges


def _uncalculated_formulas(xml: bytes | None) -> list[tuple[int, int, str]]:
    """Cells holding a formula but no cached result: (row, column, formula).

    Excel and WPS save the result with the formula; files written by some tools do not,
    and reading values only would then show a blank where a total stands.
    """
    if not xml or b"<f" not in xml:
        return []
    from lxml import etree
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    found: list[tuple[int, int, str]] = []
    parser = etree.XMLParser(resolve_entities=False, huge_tree=False)
    root = etree.fromstring(xml, parser=parser)
    for cell in root.iter(f"{{{main}}}c"):
        formula = cell.find(f"{{{main}}}f")
        value = cell.find(f"{{{main}}}v")
        if formula is not None and (value is None or not (value.text or "").strip()):
            column, row = coordinate_from_string(cell.get("r", "A1"))
            found.append((row, column_index_from_string(column), "=" + (formula.text or "")))
    return found


def _sheet_rows(
    ws: object, merges: list[tuple[int, int, int, int]], grid: Grid, *, table_index: int
) -> list[Row]:
    file = grid.file
    sheet = ws.title  # type: ignore[attr-defined]
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # a stale <dimension> must not cut rows off
    values: dict[tuple[int, int], str] = {}
    for row in ws.iter_rows():  # type: ignore[attr-defined]
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            text = _display(value, getattr(cell, "number_format", "General"))
            if text != "":
                values[(cell.row, cell.column)] = text
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for min_col, min_row, max_col, max_row in merges:
        spans[(min_row, min_col)] = (max_col - min_col + 1, max_row - min_row + 1)
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                if (r, c) != (min_row, min_col) and (r, c) in values:
                    # Excel shows only the top-left value of a merged range.
                    hidden = values.pop((r, c))
                    grid.problems.append(
                        ImportProblem(
                            severity=ProblemSeverity.WARNING,
                            code="merged-cell-hidden-value",
                            message=f"{file}：工作表“{sheet}”第{r}行第{c}列在合并单元格内被遮住，"
                            f"其内容“{hidden}”在 Excel 中不显示，未导入",
                            source=SourceRef(file=file, sheet=sheet, row=r, column=c),
                            text=hidden,
                        )
                    )
    used = set(values) | set(spans)
    if not used:
        return []
    first_col = min(c for _, c in used)
    last_col = max(
        max(c for _, c in values) if values else first_col,
        max((c + span[0] - 1 for (_, c), span in spans.items()), default=first_col),
    )
    # Rows covered by a merged range stay, blank, so that every rowspan has its rows.
    row_numbers = sorted(
        {r for r, _ in values}
        | {r0 + k for (r0, _), (_, rowspan) in spans.items() for k in range(rowspan)}
    )
    rows: list[Row] = []
    for r in row_numbers:
        cells: list[Cell] = []
        for c in range(first_col, last_col + 1):
            colspan, rowspan = spans.get((r, c), (1, 1))
            cells.append(
                Cell(
                    text=values.get((r, c), ""),
                    col=c - first_col,
                    source=SourceRef(file=file, sheet=sheet, row=r, column=c),
                    colspan=colspan,
                    rowspan=rowspan,
                )
            )
        rows.append(
            Row(cells=cells, source=SourceRef(file=file, sheet=sheet, row=r), table=table_index)
        )
    return rows


class XlsxImporter(GridImporter):
    """Excel target forms of every family the grid builders know (Guangdong, Hebei)."""

    formats = ("xlsx",)
    layouts = ()
    format_label = "xlsx"
    format_name = "Excel"

    def read_grid(self, doc: RawDocument) -> Grid:
        return read_xlsx_grid(doc)
