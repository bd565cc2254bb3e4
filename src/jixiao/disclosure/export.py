"""Export a disclosure: .xlsx (one sheet per table), HTML/.pdf (WeasyPrint) and an SVG bar chart of
expenditure by function class, hand-written (no plotting library).

``render_disclosure(disclosure, fmt)`` with ``fmt`` in ``xlsx``, ``pdf``, ``html``, ``svg``.
"""

from __future__ import annotations

import html
import io
from decimal import Decimal

from jixiao.disclosure.model import (
    ClassifiedTable,
    Disclosure,
    GenericTable,
    SourceTable,
    SummaryLine,
    SummaryTable,
    TableKind,
    ThreePublicRow,
    ThreePublicTable,
)
from jixiao.errors import RenderFailed

FORMATS = ("xlsx", "pdf", "html", "svg")
NUMBER_FORMAT = "#,##0.00"


def _table_grid(table: SummaryTable | ClassifiedTable | ThreePublicTable | SourceTable | GenericTable,
                ) -> tuple[list[str], list[list[str | Decimal | None]]]:
    """Header and rows of a table, as plain cells (numbers stay Decimal)."""
    if isinstance(table, SummaryTable):
        columns = [c for c in SummaryLine.COLUMNS if c in table.columns] or ["amount"]
        header = ["收入项目", "金额", "支出项目", *[SummaryLine.COLUMNS[c] for c in columns]]
        if table.purposes:
            header += ["支出用途", "金额"]
        body: list[list[str | Decimal | None]] = []
        for i in range(max(len(table.income), len(table.expenditure), len(table.purposes))):
            left = table.income[i] if i < len(table.income) else None
            right = table.expenditure[i] if i < len(table.expenditure) else None
            cells: list[str | Decimal | None] = [
                left.label if left else "", left.amount if left else None,
                right.label if right else "", *[(right.get(c) if right else None) for c in columns],
            ]
            if table.purposes:
                purpose = table.purposes[i] if i < len(table.purposes) else None
                cells += [purpose.label if purpose else "", purpose.amount if purpose else None]
            body.append(cells)
        return header, body
    if isinstance(table, SourceTable):
        return ["收入来源", "项目", "金额"], [
            [row.label, "", row.amount] if row.key == "total" else
            [row.group, "小计", row.amount] if row.key == "subtotal" else ["", row.label, row.amount]
            for row in table.rows]
    if isinstance(table, ClassifiedTable):
        if not table.rows:
            return ["科目编码", "科目名称"], []
        row_class = type(table.rows[0])
        columns = [c for c in row_class.COLUMNS if c in table.columns] or list(row_class.COLUMNS)
        header = ["科目编码", "科目名称", *[row_class.COLUMNS[c] for c in columns]]
        return header, [[row.code or "", row.name or "合计", *[row.get(c) for c in columns]] for row in table.rows]
    if isinstance(table, ThreePublicTable):
        columns = list(ThreePublicRow.COLUMNS)
        header = ["项目", *ThreePublicRow.COLUMNS.values()]
        return header, [[row.label, *[row.get(c) for c in columns]] for row in table.rows]
    return ["项目"], [[row.label, *row.values.values()] for row in table.rows]


def _heading(disclosure: Disclosure) -> str:
    parts = [disclosure.department_code or "", disclosure.department_name or "", f"{disclosure.year or ''}年度"]
    return " ".join(p for p in parts if p).strip()


def _meta(disclosure: Disclosure) -> str:
    """The line under each title, in the words readers (and our PDF reader) look for."""
    parts = [f"编制部门：{disclosure.department_name}" if disclosure.department_name else "",
             f"部门编码：{disclosure.department_code}" if disclosure.department_code else "",
             f"预算年度：{disclosure.year}" if disclosure.year else ""]
    return " ".join(p for p in parts if p)


def render_xlsx(disclosure: Disclosure) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind, table in disclosure.tables.items():
        sheet = workbook.create_sheet(title=f"{kind.value} {table.title}"[:31].replace("/", "-"))
        header, body = _table_grid(table)
        sheet.append([table.title])
        sheet.append([f"{_meta(disclosure)} 单位：{table.unit.value}"])
        sheet.append(header)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for row in body:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, Decimal):
                    cell.number_format = NUMBER_FORMAT
        if table.empty_note:
            sheet.append([table.empty_note])
        sheet.column_dimensions["A"].width = 14
        sheet.column_dimensions["B"].width = 34
        sheet.column_dimensions["C"].width = 24
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def class_amounts(disclosure: Disclosure) -> list[tuple[str, str, Decimal]]:
    """(code, name, amount) per function 类 with a non-zero amount, from T3 (or T1)."""
    t3 = disclosure.classified(TableKind.T3)
    if t3 is not None and any(row.level == 1 for row in t3.rows):
        return [(row.code or "", row.name, row.get("total") or Decimal(0)) for row in t3.rows
                if row.level == 1 and row.get("total")]
    t1 = disclosure.summary(TableKind.T1)
    if t1 is None:
        return []
    return [(line.code or "", line.label, line.amount) for line in t1.class_lines if line.amount]


def render_svg(disclosure: Disclosure, *, width: int = 640) -> str:
    """A horizontal bar chart of expenditure by function class."""
    items = class_amounts(disclosure)
    bar_h, gap, left, top = 22, 8, 220, 36
    height = top + len(items) * (bar_h + gap) + 20
    biggest = max((amount for _, _, amount in items), default=Decimal(1)) or Decimal(1)
    unit = disclosure.unit.value
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="Noto Sans CJK SC, sans-serif" font-size="12">',
           f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">支出功能分类（类）预算（{unit}）</text>']
    span = width - left - 90
    for i, (code, name, amount) in enumerate(items):
        y = top + i * (bar_h + gap)
        length = float(amount / biggest) * span if amount > 0 else 0.0
        label = html.escape(f"{code} {name}".strip())
        out.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{label}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="#3b6ea8"/>')
        out.append(f'<text x="{left + length + 4:.1f}" y="{y + 15}">{amount:,.2f}</text>')
    out.append("</svg>")
    return "\n".join(out)


def render_html(disclosure: Disclosure) -> str:
    parts = ["<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
             f"<title>{html.escape(_heading(disclosure))} 部门预算公开表</title><style>",
             "@page { size: A4 landscape; margin: 12mm; }",
             "body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif; font-size: 10pt; }",
             "h1 { font-size: 16pt; text-align: center; } h2 { font-size: 13pt; text-align: center; "
             "page-break-before: always; } .meta { display: flex; justify-content: space-between; }",
             "table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #444; padding: 2px 4px; }",
             "td.n { text-align: right; white-space: nowrap; } .note { margin-top: 4px; }",
             "</style></head><body>",
             f"<h1>{html.escape(_heading(disclosure))} 部门预算公开表</h1>",
             render_svg(disclosure)]
    for table in disclosure.tables.values():
        header, body = _table_grid(table)
        parts.append(f"<h2>{html.escape(table.title)}</h2>")
        parts.append(f"<div class='meta'><span>{html.escape(_meta(disclosure))}</span>"
                     f"<span>单位：{table.unit.value}</span></div><table><thead><tr>")
        parts.extend(f"<th>{html.escape(h)}</th>" for h in header)
        parts.append("</tr></thead><tbody>")
        for row in body:
            cells = []
            for value in row:
                if isinstance(value, Decimal):
                    cells.append(f"<td class='n'>{value:,.2f}</td>")
                else:
                    cells.append(f"<td>{html.escape(value or '')}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</tbody></table>")
        if table.empty_note:
            parts.append(f"<p class='note'>{html.escape(table.empty_note)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def render_disclosure(disclosure: Disclosure, fmt: str) -> bytes:
    """The disclosure tables as ``xlsx``, ``pdf``, ``html`` or ``svg`` (the chart) bytes."""
    if fmt == "xlsx":
        return render_xlsx(disclosure)
    if fmt == "html":
        return render_html(disclosure).encode("utf-8")
    if fmt == "svg":
        return render_svg(disclosure).encode("utf-8")
    if fmt == "pdf":
        from weasyprint import HTML

        return HTML(string=render_html(disclosure)).write_pdf()
    raise RenderFailed(f"{disclosure.file or '部门预算公开'}：不支持的导出格式“{fmt}”，应为 {'/'.join(FORMATS)}")
