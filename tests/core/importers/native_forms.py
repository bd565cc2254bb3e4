"""Fictional target forms written as Word, Excel and PDF files, for the native importer tests.

A form is a list of blocks: a paragraph (``str``) or a :class:`Table` whose rows list only the
cells that start there (as Word and HTML do), each a text or a :class:`Span`. :func:`expand`
turns a table into the Grid convention (every position, covered ones blank), which is what
the importers must give back. The departments, projects and figures are invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

FONT_PATH = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@dataclass(frozen=True)
class Span:
    """A merged cell: ``colspan`` columns wide, ``rowspan`` rows high."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    rows: list[list[str | Span]]
    widths: list[float] = field(default_factory=list)
    """Column widths in points (PDF only)."""
    repeat_header: int = 0
    """Rows repeated at the top of each PDF page."""


Block = str | Table

#: A block that starts a new page (Word and PDF; ignored in Excel).
PAGE_BREAK = "\f"


def _span(cell: str | Span) -> Span:
    return cell if isinstance(cell, Span) else Span(cell)


def placed(table: Table) -> list[list[tuple[int, Span]]]:
    """Each row's starting cells with their column, skipping positions covered from above."""
    covered: set[tuple[int, int]] = set()
    result: list[list[tuple[int, Span]]] = []
    for r, row in enumerate(table.rows):
        col = 0
        out: list[tuple[int, Span]] = []
        for cell in row:
            span = _span(cell)
            while (r, col) in covered:
                col += 1
            out.append((col, span))
            for dr in range(span.rowspan):
                for dc in range(span.colspan):
                    covered.add((r + dr, col + dc))
            col += span.colspan
        result.append(out)
    return result


def width(table: Table) -> int:
    return max(col + span.colspan for row in placed(table) for col, span in row)


def expand(table: Table) -> list[list[tuple[str, int, int]]]:
    """The table in the Grid convention: ``(text, colspan, rowspan)`` at every position."""
    cols = width(table)
    grid = [[("", 1, 1) for _ in range(cols)] for _ in table.rows]
    for r, row in enumerate(placed(table)):
        for col, span in row:
            grid[r][col] = (span.text, span.colspan, span.rowspan)
    return grid


def texts(table: Table) -> list[list[str]]:
    return [[text for text, _, _ in row] for row in expand(table)]


# --- the fictional forms ----------------------------------------------------------------------


def guangdong_project() -> list[Block]:
    """A Guangdong county 项目支出绩效目标表 with merged 一级/二级 cells."""
    table = Table(rows=[
        ["项目名称", Span("乡村书屋运营补助经费", colspan=6)],
        ["项目类型", Span("331-部门预算部门职能类", colspan=6)],
        ["项目等级", Span("二级项目", colspan=6)],
        ["主管部门", Span("901-临江县文化广电旅游体育局", colspan=2), "用款单位",
         Span("901001-临江县文化馆", colspan=3)],
        ["实施期限", "起始年度", "2025", "到期年度", Span("2025", colspan=3)],
        ["预算金额", "总金额（万元）", "48.5", "当年度金额（万元）", Span("48.5", colspan=3)],
        ["项目概述", Span("支持全县乡村书屋日常开放、图书更新和阅读推广活动。", colspan=6)],
        [Span("总体绩效目标", rowspan=2), Span("实施周期总目标（跨年度项目需填写）", colspan=3),
         Span("当年度目标", colspan=3)],
        [Span("", colspan=3), Span("保障乡村书屋正常开放，年内开展阅读推广活动不少于24场。", colspan=3)],
        [Span("绩效指标", rowspan=9), "一级指标", "二级指标", Span("三级指标", colspan=2),
         "实施周期指标值", "当年度指标值"],
        [Span("产出指标", rowspan=4), Span("数量指标", rowspan=2), Span("开放乡村书屋数（个）", colspan=2),
         "≥60", "≥60"],
        [Span("阅读推广活动场次（场）", colspan=2), "≥24", "≥24"],
        ["质量指标", Span("新增图书上架率（%）", colspan=2), "≥95%", "≥95%"],
        ["时效指标", Span("补助资金拨付时间", colspan=2), "2025年9月底前", "2025年9月底前"],
        ["成本指标", "经济成本指标", Span("书屋运营补助标准（万元/个）", colspan=2), "≤0.8", "≤0.8"],
        [Span("效益指标", rowspan=2), "社会效益指标", Span("群众阅读参与人次（人次）", colspan=2),
         "≥5000", "≥5000"],
        ["可持续影响指标", Span("书屋常态化开放机制", colspan=2), "长期有效", "长期有效"],
        ["满意度指标", "服务对象满意度指标", Span("读者满意度（%）", colspan=2), "≥90%", "≥90%"],
    ], widths=[60.0, 60.0, 80.0, 90.0, 50.0, 80.0, 80.0])
    return [
        "附件2",
        "2025年县级项目支出绩效目标表",
        table,
        "备注：1. 本表的填报主体是预算单位，主管部门可进行代编。",
    ]


_HEBEI_LEVELS = [
    ("产出指标", "数量指标", "培训基层调解员人次（人次）", "≥{n}百分比"),
    ("产出指标", "质量指标", "调解案件归档合格率（%）", "≥95%"),
    ("产出指标", "时效指标", "案件受理及时率（%）", "≥98%"),
    ("成本指标", "经济成本指标", "人均培训成本（元）", "≤300元"),
    ("效益指标", "社会效益指标", "矛盾纠纷化解率（%）", "≥90%"),
    ("满意度指标", "服务对象满意度指标", "当事人满意度（%）", "≥95%"),
]


def hebei_project(*, indicator_rows: int = 12) -> list[Block]:
    """A Hebei county 项目支出绩效目标表; ``indicator_rows`` indicators, grouped under merged 一级/二级."""
    head = [
        ["项目编码", Span("13990125P00991234ZZ01", colspan=2), "项目名称", Span("人民调解能力提升经费", colspan=2)],
        ["预算规模及资金用途", "预算数", "186000.00", "其中：财政资金", "186000.00", "其他资金"],
        ["", Span("用于基层人民调解员培训和案件卷宗管理。", colspan=5)],
        ["资金支出计划（%）", "3月底", "6月底", "10月底", Span("12月底", colspan=2)],
        ["", "25%", "50%", "75%", Span("100%", colspan=2)],
        ["绩效目标", Span("提升基层调解能力，及时化解矛盾纠纷。", colspan=5)],
    ]
    header = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    groups: dict[tuple[str, str], list[list[str]]] = {}
    for number in range(indicator_rows):
        level1, level2, name, value = _HEBEI_LEVELS[number % len(_HEBEI_LEVELS)]
        label = name if number < len(_HEBEI_LEVELS) else f"{name}{number // len(_HEBEI_LEVELS) + 1}"
        groups.setdefault((level1, level2), []).append(
            [label, f"{label}的年度目标", value.format(n=80 + number), "依据本局年度工作计划"]
        )
    body: list[list[str | Span]] = []
    level1_rows: dict[str, int] = {}
    for (level1, _), rows in groups.items():
        level1_rows[level1] = level1_rows.get(level1, 0) + len(rows)
    seen_level1: set[str] = set()
    for (level1, level2), rows in groups.items():
        for index, row in enumerate(rows):
            cells: list[str | Span] = []
            if level1 not in seen_level1:
                cells.append(Span(level1, rowspan=level1_rows[level1]))
                seen_level1.add(level1)
            if index == 0:
                cells.append(Span(level2, rowspan=len(rows)))
            body.append(cells + list(row))
    widths = [62.0, 72.0, 100.0, 110.0, 60.0, 96.0]
    return [
        "1.人民调解能力提升经费绩效目标表",
        "139901临江县司法局本级 单位：元",
        Table(rows=head, widths=widths),
        Table(rows=[header, *body], widths=widths, repeat_header=1),
    ]


# --- writers ------------------------------------------------------------------------------------


def to_docx(blocks: list[Block]) -> bytes:
    """Write the blocks as a Word document (merged cells merged the Word way)."""
    import docx

    document = docx.Document()
    for block in blocks:
        if block == PAGE_BREAK:
            document.add_page_break()
            continue
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block.rows), cols=width(block))
        table.style = "Table Grid"
        for r, row in enumerate(placed(block)):
            for col, span in row:
                cell = table.cell(r, col)
                if span.colspan > 1 or span.rowspan > 1:
                    cell = cell.merge(table.cell(r + span.rowspan - 1, col + span.colspan - 1))
                cell.text = span.text
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def to_xlsx(blocks: list[Block], *, sheet: str = "项目支出绩效目标表", numbers: bool = False) -> bytes:
    """Write the blocks on one sheet (paragraphs in column A, tables below each other).

    With ``numbers``, cells that look like money are written as numbers with a ``0.00`` format.
    """
    import openpyxl

    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    r0 = 1
    for block in blocks:
        if block == PAGE_BREAK:
            continue
        if isinstance(block, str):
            ws.cell(row=r0, column=1, value=block)
            r0 += 1
            continue
        for r, row in enumerate(placed(block)):
            for col, span in row:
                cell = ws.cell(row=r0 + r, column=col + 1)
                value: str | float = span.text
                if numbers and span.text.replace(".", "", 1).isdigit() and "." in span.text:
                    value = float(span.text)
                    cell.number_format = "0.00"
                cell.value = value
                if span.colspan > 1 or span.rowspan > 1:
                    ws.merge_cells(start_row=r0 + r, start_column=col + 1,
                                   end_row=r0 + r + span.rowspan - 1, end_column=col + span.colspan)
        r0 += len(block.rows)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _auto_widths(table: Table, total: float = 480.0) -> list[float]:
    """Column widths shared out by the longest text of each column (none under 24 points)."""
    longest = [1] * width(table)
    for row in placed(table):
        for col, span in row:
            if span.colspan == 1:
                longest[col] = max(longest[col], min(len(span.text), 30))
    shares = [total * n / sum(longest) for n in longest]
    return [max(24.0, share) for share in shares]


def _cjk_font() -> str:
    """Noto Sans CJK when reportlab can embed it, else the built-in STSong-Light CID font.

    reportlab embeds TrueType outlines only, and the Noto CJK collection has PostScript
    (CFF) outlines, so the fallback is the usual case; its text is still extractable because
    the CID font maps to Unicode through the UniGB-UCS2-H CMap.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    registered = pdfmetrics.getRegisteredFontNames()
    for name in ("NotoCJK", "STSong-Light"):
        if name in registered:
            return name
    try:
        pdfmetrics.registerFont(TTFont("NotoCJK", str(FONT_PATH), subfontIndex=0))
        return "NotoCJK"
    except (TTFError, OSError):
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        return "STSong-Light"


def to_pdf(
    blocks: list[Block],
    *,
    font_size: float = 9,
    ruled: bool = True,
    image_page: bool = False,
    furniture: bool = False,
    row_height: float | None = None,
) -> bytes:
    """Write the blocks as a PDF with ruled tables (reportlab, Noto Sans CJK).

    Args:
        blocks: the form.
        font_size: the table text size.
        ruled: draw the table grid; without it the tables are aligned text only.
        image_page: start with a page holding only a picture (a scanned page).
        furniture: print a running head and a page number ("- 1 -") on every page.
        row_height: a fixed height for every table row (reportlab otherwise gives a row
            whose cells all start higher up almost no height).
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle
    from reportlab.platypus import Table as PdfTable

    font = _cjk_font()
    para = ParagraphStyle("p", fontName=font, fontSize=font_size + 2, leading=font_size * 2)
    cell_style = ParagraphStyle("c", fontName=font, fontSize=font_size, leading=font_size * 1.3)
    story: list[object] = []
    if image_page:
        from PIL import Image as PilImage
        from reportlab.platypus import Image, PageBreak

        picture = BytesIO()
        PilImage.new("L", (200, 280), color=200).save(picture, format="PNG")
        picture.seek(0)
        story += [Image(picture, width=400, height=560), PageBreak()]
    for block in blocks:
        if block == PAGE_BREAK:
            from reportlab.platypus import PageBreak

            story.append(PageBreak())
            continue
        if isinstance(block, str):
            story.append(Paragraph(block, para))
            continue
        cols = width(block)
        data: list[list[object]] = [["" for _ in range(cols)] for _ in block.rows]
        commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for r, row in enumerate(placed(block)):
            for col, span in row:
                data[r][col] = Paragraph(span.text, cell_style) if span.text else ""
                corner = (col + span.colspan - 1, r + span.rowspan - 1)
                if span.colspan > 1 or span.rowspan > 1:
                    commands.append(("SPAN", (col, r), corner))
                if ruled:
                    # One box per (merged) cell: reportlab's GRID drops rules next to some spans.
                    commands.append(("BOX", (col, r), corner, 0.5, colors.black))
        story.append(PdfTable(
            data, colWidths=block.widths or _auto_widths(block),
            rowHeights=[row_height] * len(block.rows) if row_height else None,
            style=TableStyle(commands), repeatRows=block.repeat_header,
        ))
    out = BytesIO()
    def decorate(canvas: object, document: object) -> None:
        canvas.setFont(font, 8)  # type: ignore[attr-defined]
        canvas.drawString(72, A4[1] - 40, "临江县2025年部门预算公开材料")  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 30, f"- {document.page} -")  # type: ignore[attr-defined]

    template = SimpleDocTemplate(out, pagesize=A4, title="fixture")
    if furniture:
        template.build(story, onFirstPage=decorate, onLaterPages=decorate)
    else:
        template.build(story)
    return out.getvalue()


def to_pdf_landscape_rotated(table: Table, *, font_size: float = 9) -> bytes:
    """One landscape page stored the way scanners and some printers store it.

    The page is portrait (595 × 842) with ``/Rotate 90``, and the table is drawn turned a
    quarter to the left, so that it reads upright on screen.
    """
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, TableStyle
    from reportlab.platypus import Table as PdfTable

    font = _cjk_font()
    cell_style = ParagraphStyle("c", fontName=font, fontSize=font_size, leading=font_size * 1.3)
    data: list[list[object]] = [["" for _ in range(width(table))] for _ in table.rows]
    commands: list[tuple[object, ...]] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    for r, row in enumerate(placed(table)):
        for col, span in row:
            data[r][col] = Paragraph(span.text, cell_style) if span.text else ""
            if span.colspan > 1 or span.rowspan > 1:
                commands.append(("SPAN", (col, r), (col + span.colspan - 1, r + span.rowspan - 1)))
    flowable = PdfTable(data, colWidths=table.widths or None, style=TableStyle(commands))
    out = BytesIO()
    canvas = Canvas(out, pagesize=(842, 595))  # reportlab swaps the sides of a rotated page
    canvas.setPageRotation(90)
    canvas.translate(595, 0)
    canvas.rotate(90)
    _, height = flowable.wrapOn(canvas, 800, 555)
    flowable.drawOn(canvas, 20, 595 - 20 - height)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def span_tables(*, max_rows: int = 5, max_cols: int = 5, visible_rules: bool = False):
    """A hypothesis strategy of tables with random non-overlapping merged cells.

    Args:
        max_rows: at most this many rows.
        max_cols: at most this many columns.
        visible_rules: only tables where every row and column edge shows somewhere (what a
            PDF can show: a row entirely covered by merges has no rule of its own).
    """
    from hypothesis import strategies as st

    @st.composite
    def build(draw: st.DrawFn) -> Table:
        nrows = draw(st.integers(1, max_rows))
        ncols = draw(st.integers(1, max_cols))
        covered: set[tuple[int, int]] = set()
        rows: list[list[str | Span]] = []
        for r in range(nrows):
            row: list[str | Span] = []
            for c in range(ncols):
                if (r, c) in covered:
                    continue
                width = 1
                while c + width < ncols and (r, c + width) not in covered:
                    width += 1
                colspan = draw(st.integers(1, width))
                rowspan = draw(st.integers(1, nrows - r))
                while any((r + dr, c + dc) in covered for dr in range(rowspan) for dc in range(colspan)):
                    rowspan -= 1
                for dr in range(rowspan):
                    for dc in range(colspan):
                        covered.add((r + dr, c + dc))
                row.append(Span(f"格{r}-{c}", colspan=colspan, rowspan=rowspan))
            rows.append(row)
        return Table(rows=rows, widths=[60.0] * ncols)

    def shows_every_rule(table: Table) -> bool:
        cells = [(r, col, span) for r, row in enumerate(placed(table)) for col, span in row]
        ncols, nrows = width(table), len(table.rows)
        row_edges = {r + span.rowspan for r, _, span in cells} | {r for r, _, _ in cells}
        col_edges = {col + span.colspan for _, col, span in cells} | {col for _, col, _ in cells}
        return row_edges >= set(range(nrows + 1)) and col_edges >= set(range(ncols + 1))

    strategy = build()
    return strategy.filter(shows_every_rule) if visible_rules else strategy


def blocks_from_grid(grid: object) -> list[Block]:
    """A grid read from text turned back into paragraphs and tables (no merges), to rewrite
    a text document as Word, Excel or PDF; used on the seeds at test time, never stored."""
    blocks: list[Block] = []
    current: list[list[str]] | None = None
    current_table: int | None = None
    for row in grid.rows:  # type: ignore[attr-defined]
        if row.table is None:
            if row.cells[0].text.strip():
                blocks.append(row.cells[0].text.strip())
                current = None
            continue
        if current is None or row.table != current_table:
            current, current_table = [], row.table
            blocks.append(Table(rows=current))  # type: ignore[arg-type]
        current.append(row.texts())
    for block in blocks:
        if isinstance(block, Table):
            cols = max(len(row) for row in block.rows)
            block.rows = [list(row) + [""] * (cols - len(row)) for row in block.rows]
    return blocks
