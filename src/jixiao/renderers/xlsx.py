"""Excel workbooks of the official layouts (XlsxWriter): one sheet per form.

Merged cells follow the printed form (一级/二级 labels merged over their rows, the 绩效指标 label
down the whole indicator block); money and counts are numbers with a number format, every 指标值
is text exactly as written. Page setup: A4 portrait, fit to one page wide, the indicator header
row repeated when printed, and the 备注 at the foot.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from jixiao.model import MoneyUnit
from jixiao.renderers.grid import place, table_rows
from jixiao.renderers.layout import FormLayout, Para, Table, TargetForm, ValueMode, build_layout

#: Total width of a sheet in Excel character units.
SHEET_WIDTH = 110
MONEY_FORMATS = {MoneyUnit.WAN_YUAN: "0.00##", MoneyUnit.YUAN: "#,##0.00"}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        font = {"font_name": "宋体", "font_size": 10.5, "valign": "vcenter", "text_wrap": True}
        border = {"border": 1}
        self.cell = {
            "label": book.add_format(font | border | {"align": "center"}),
            "head": book.add_format(font | border | {"align": "center"}),
            "text": book.add_format(font | border | {"align": "center"}),
            "value": book.add_format(font | border | {"align": "center"}),
            "long": book.add_format(font | border | {"align": "left"}),
            "number": book.add_format(font | border | {"align": "center", "num_format": "0"}),
        }
        self.money = {
            unit: book.add_format(font | border | {"align": "right", "num_format": fmt})
            for unit, fmt in MONEY_FORMATS.items()
        }
        self.para = {
            "number": book.add_format(font | {"font_name": "黑体", "font_size": 12}),
            "title": book.add_format(font | {"font_name": "黑体", "font_size": 16, "bold": True, "align": "center"}),
            "subtitle": book.add_format(font | {"align": "center", "font_size": 12}),
            "unit": book.add_format(font | {"align": "right"}),
            "unit_left": book.add_format(font | {"align": "left"}),
            "heading": book.add_format(font | {"font_name": "黑体", "bold": True, "font_size": 12}),
            "subheading": book.add_format(font | {"bold": True}),
            "body": book.add_format(font | {"align": "left"}),
            "continued": book.add_format(font | {"align": "left", "indent": 4}),
            "remark": book.add_format(font | {"align": "left", "font_size": 9.5}),
        }


def sheet_name(title: str, used: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub("", title).strip("'") or "表"
    base = base[:28]
    name, counter = base, 1
    while name.lower() in used:
        counter += 1
        suffix = f"({counter})"
        name = base[: 31 - len(suffix)] + suffix
    used.add(name.lower())
    return name


def _column_widths(layout: FormLayout) -> list[float]:
    tables = [b for b in layout.blocks if isinstance(b, Table) and b.columns == layout.columns]
    if not tables:
        return [SHEET_WIDTH / layout.columns] * layout.columns
    shares = [0.0] * layout.columns
    for table in tables:
        total = sum(table.widths)
        for index, width in enumerate(table.widths):
            shares[index] = max(shares[index], width / total)
    scale = SHEET_WIDTH / sum(shares)
    return [share * scale for share in shares]


def _lines(text: str, width_chars: float) -> int:
    if not text:
        return 1
    per_line = max(1.0, width_chars / 2.1)  # a Han character is about two width units
    return sum(max(1, -(-len(part) // int(per_line))) for part in text.split("\n"))


def write_layout(book: xlsxwriter.Workbook, formats: _Formats, layout: FormLayout, name: str, unit: MoneyUnit) -> None:
    sheet: Worksheet = book.add_worksheet(name)
    widths = _column_widths(layout)
    last_col = layout.columns - 1
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.set_paper(9)
    sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.6, right=0.6, top=0.7, bottom=0.7)
    sheet.set_footer("&C第 &P 页，共 &N 页")
    row = 0
    heights: dict[int, float] = {}
    repeat: tuple[int, int] | None = None
    previous_table = False
    for block in layout.blocks:
        if isinstance(block, Para):
            if previous_table and block.style != "remark":
                row += 1
            fmt = formats.para.get(block.style, formats.para["body"])
            if block.style == "unit" and block.left:
                split = max(1, last_col - 1)
                sheet.merge_range(row, 0, row, split - 1, block.left, formats.para["unit_left"])
                sheet.merge_range(row, split, row, last_col, block.text, fmt)
            elif last_col > 0:
                sheet.merge_range(row, 0, row, last_col, block.text, fmt)
            else:
                sheet.write_string(row, 0, block.text, fmt)
            lines = _lines(block.text, sum(widths)) if block.style in ("body", "remark", "continued") else 1
            heights[row] = {"title": 28, "heading": 20}.get(block.style, 15 * lines + 3)
            row += 1
            previous_table = False
            continue
        if previous_table and not block.joined:
            row += 1
        rows, _ = table_rows(block)
        if block.role == "indicators" and repeat is None:
            repeat = (row, row)
        col_widths = _column_widths(layout) if block.columns == layout.columns else [SHEET_WIDTH / block.columns] * block.columns
        for placed in place(rows, block.columns):
            cell = placed.cell
            r0, c0 = row + placed.row, placed.col
            r1, c1 = row + placed.last_row, placed.last_col
            if cell.kind == "money" and isinstance(cell.number, Decimal):
                fmt = formats.money[unit]
                value: object = float(cell.number)
            elif cell.kind == "number" and cell.number is not None:
                fmt = formats.cell["number"]
                value = cell.number
            else:
                fmt = formats.cell.get(cell.kind, formats.cell["text"])
                if cell.kind in ("label-head", "label-cont"):
                    fmt = formats.cell["label"]
                value = cell.text
            if (r0, c0) != (r1, c1):
                sheet.merge_range(r0, c0, r1, c1, "", fmt)
            if isinstance(value, str):
                sheet.write_string(r0, c0, value, fmt)
            else:
                sheet.write_number(r0, c0, value, fmt)  # type: ignore[arg-type]
            width = sum(col_widths[c0 : c1 + 1])
            needed = 15 * _lines(cell.text, width) + 4
            per_row = needed / (r1 - r0 + 1)
            for r in range(r0, r1 + 1):
                heights[r] = max(heights.get(r, 18), per_row)
        row += len(rows)
        previous_table = True
    for r, height in heights.items():
        sheet.set_row(r, min(height, 409))  # Excel caps a row at 409 points
    if repeat is not None:
        sheet.repeat_rows(*repeat)
    sheet.print_area(0, 0, max(row - 1, 0), last_col)


def render_layouts_xlsx(layouts: Sequence[tuple[FormLayout, MoneyUnit]]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    book.set_properties({"title": layouts[0][0].title if layouts else "", "creator": "jixiao"})
    formats = _Formats(book)
    used: set[str] = set()
    for layout, unit in layouts:
        write_layout(book, formats, layout, sheet_name(layout.title, used), unit)
    book.close()
    return buffer.getvalue()


def _unit(form: TargetForm, layout: FormLayout) -> MoneyUnit:
    return form.money_unit or (MoneyUnit.YUAN if layout.family == "hebei" else MoneyUnit.WAN_YUAN)


def render_form_xlsx(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    layout = build_layout(form, template=template, values=values)
    return render_layouts_xlsx([(layout, _unit(form, layout))])


def render_department_xlsx(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """部门整体绩效目标表 as an .xlsx workbook."""
    return render_form_xlsx(form, template=template, values=values)


def render_project_xlsx(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """项目支出绩效目标表 as an .xlsx workbook."""
    return render_form_xlsx(form, template=template, values=values)


def render_forms_xlsx(forms: Sequence[TargetForm], *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """Several forms in one workbook, one sheet each (the xlsx department package)."""
    pairs = []
    for form in forms:
        layout = build_layout(form, template=template, values=values)
        pairs.append((layout, _unit(form, layout)))
    return render_layouts_xlsx(pairs)
