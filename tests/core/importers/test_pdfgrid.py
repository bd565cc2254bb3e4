"""pdfgrid: ruled and aligned tables, merged cells, tables continued across pages, rotation."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import native_forms as nf  # tests/core/importers is on sys.path
import pypdfium2 as pdfium
import pytest
from hypothesis import assume, given, settings

from jixiao.errors import UnreadableDocument
from jixiao.importers.pdfgrid import pdf_grid, read_pdf


def _spans(table) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.colspan, c.rowspan) for c in row.cells] for row in table.rows]


def test_read_pdf_ruled_table_merged_cells_as_spans() -> None:
    """A ruled table with merged 一级/二级 cells comes back exactly in the Grid convention."""
    blocks = nf.guangdong_project()
    doc = read_pdf(nf.to_pdf(blocks), name="书屋.pdf")
    table = next(block for block in blocks if isinstance(block, nf.Table))
    assert [_spans(t) for t in doc.tables] == [nf.expand(table)]


def test_read_pdf_running_text_outside_tables_in_lines() -> None:
    """Titles and remarks outside the table are the page's lines, top to bottom."""
    blocks = nf.guangdong_project()
    doc = read_pdf(nf.to_pdf(blocks), name="书屋.pdf")
    assert [line.text for page in doc.pages for line in page.lines] == [b for b in blocks if isinstance(b, str)]


def test_read_pdf_table_continued_on_next_page_merged_once() -> None:
    """A table running onto the next page is one logical table, its repeated header dropped."""
    blocks = nf.hebei_project(indicator_rows=30)
    doc = read_pdf(nf.to_pdf(blocks), name="调解.pdf")
    head, indicators = (block for block in blocks if isinstance(block, nf.Table))
    pages = [row.source.page for row in doc.tables[0].rows]
    assert (
        [t.texts() for t in doc.tables],
        doc.tables[0].pages,
        pages == sorted(pages),
        [t.continues_previous for page in doc.pages for t in page.tables],
    ) == ([nf.texts(head) + nf.texts(indicators)], [1, 2], True, [False, True])


def test_read_pdf_page_number_and_running_head_do_not_break_continuation() -> None:
    """A page number under the table and a running head above it still let the table continue."""
    blocks = nf.hebei_project(indicator_rows=30)
    doc = read_pdf(nf.to_pdf(blocks, furniture=True), name="调解.pdf")
    head, indicators = (block for block in blocks if isinstance(block, nf.Table))
    assert ([t.texts() for t in doc.tables], doc.tables[0].pages) == (
        [nf.texts(head) + nf.texts(indicators)],
        [1, 2],
    )


def test_read_pdf_next_page_table_with_its_own_title_row_not_merged() -> None:
    """Two tables of the same columns on consecutive pages stay two when the second is titled."""

    def titled(title: str, amount: str) -> nf.Table:
        return nf.Table(
            rows=[[nf.Span(title, colspan=3)], ["科目编码", "科目名称", "金额"], ["201", "一般公共服务支出", amount]],
            widths=[100, 200, 100],
        )

    first, second = titled("一般公共预算支出预算表", "10.00"), titled("政府性基金支出预算表", "0.00")
    doc = read_pdf(nf.to_pdf([first, nf.PAGE_BREAK, second]), name="a.pdf")
    assert [t.texts() for t in doc.tables] == [nf.texts(first), nf.texts(second)]


def test_read_pdf_continued_table_rows_keep_their_page() -> None:
    """Rows read from the second page say page 2 and are numbered on from the first page."""
    doc = read_pdf(nf.to_pdf(nf.hebei_project(indicator_rows=30)), name="调解.pdf")
    rows = doc.tables[0].rows
    first_on_2 = next(i for i, row in enumerate(rows) if row.source.page == 2)
    assert ([row.source.row for row in rows], rows[first_on_2].cells[2].source.page) == (
        list(range(1, len(rows) + 1)),
        2,
    )


def test_read_pdf_max_pages_reads_only_first_pages() -> None:
    """With max_pages=1 only page 1 is read, and its table stands alone."""
    doc = read_pdf(nf.to_pdf(nf.hebei_project(indicator_rows=30)), name="调解.pdf", max_pages=1)
    assert ([page.number for page in doc.pages], [t.pages for t in doc.tables]) == ([1], [[1]])


def test_read_pdf_unruled_aligned_text_read_as_table() -> None:
    """Without any rules, columns of aligned text still make a table (ruled=False)."""
    table = nf.Table(
        rows=[["项目", "金额", "备注"], ["办公费", "1200.00", "日常"], ["差旅费", "800.00", "出差"]],
        widths=[120, 120, 120],
    )
    doc = read_pdf(nf.to_pdf([table], ruled=False, font_size=10), name="a.pdf")
    assert [(t.ruled, t.texts()) for t in doc.tables] == [(False, nf.texts(table))]


def test_read_pdf_unruled_table_wide_cell_spans_columns() -> None:
    """A wide cell crossing a gutter of an unruled table spans the columns; the others stay."""
    table = nf.Table(
        rows=[
            ["项目", "金额", "备注"],
            ["办公费", "1200.00", "日常"],
            ["差旅费", "800.00", "出差"],
            ["培训费", "500.00", "年度"],
            [nf.Span("小计（本年新增与上年结转合计数）", colspan=2), "全年"],
            ["会议费", "300.00", "季度"],
            ["印刷费", "100.00", "全年"],
        ],
        widths=[120, 120, 120],
    )
    doc = read_pdf(nf.to_pdf(["支出明细表", table], ruled=False, font_size=10), name="a.pdf")
    assert ([line.text for line in doc.pages[0].lines], [(t.ruled, _spans(t)) for t in doc.tables]) == (
        ["支出明细表"],
        [(False, nf.expand(table))],
    )


def test_read_pdf_rotated_page_reads_upright() -> None:
    """A landscape table on a portrait page with /Rotate 90 reads upright, spans and all."""
    table = next(block for block in nf.guangdong_project() if isinstance(block, nf.Table))
    doc = read_pdf(nf.to_pdf_landscape_rotated(table), name="横版.pdf")
    assert ([_spans(t) for t in doc.tables], doc.pages[0].width > doc.pages[0].height) == (
        [nf.expand(table)],
        True,
    )


def test_pdf_grid_tables_and_text_in_reading_order() -> None:
    """The grid holds the title lines, then the table rows once, then the remark."""
    blocks = nf.guangdong_project()
    grid = pdf_grid(read_pdf(nf.to_pdf(blocks), name="书屋.pdf"))
    table = next(block for block in blocks if isinstance(block, nf.Table))
    expected = [[b] if isinstance(b, str) else None for b in blocks]
    flat: list[list[str]] = []
    for item in expected:
        flat.extend([item] if item is not None else nf.texts(table))
    assert [row.texts() for row in grid.rows] == flat


def test_pdf_grid_paragraph_wrapped_at_margin_is_one_row() -> None:
    """A remark wrapping onto a second line is one grid row; the page still lists both lines."""
    remark = "备注：" + "本表用于填报项目支出绩效目标或修订完善已入库项目的绩效目标，" * 3
    doc = read_pdf(nf.to_pdf(["附件2", remark, "2025年县级项目支出绩效目标表"]), name="a.pdf")
    grid = pdf_grid(doc)
    assert (
        [row.texts() for row in grid.rows],
        len(doc.pages[0].lines) > 3,
        [(row.source.line, row.source.line_end) for row in grid.rows][1][0],
    ) == ([["附件2"], [remark], ["2025年县级项目支出绩效目标表"]], True, 2)


def test_pdf_grid_line_filling_measure_then_label_starts_new_row() -> None:
    """A paragraph ending exactly at the margin does not swallow the next "绩效指标：" line."""
    goal = "绩效目标：" + "保" * 34  # 39 characters of 11 points: exactly one full line
    doc = read_pdf(nf.to_pdf(["附件", goal, "绩效指标：无线电安全率"]), name="a.pdf")
    assert [row.texts() for row in pdf_grid(doc).rows] == [["附件"], [goal], ["绩效指标：无线电安全率"]]


def test_read_pdf_image_only_page_listed_as_problem() -> None:
    """A scanned page inside a text PDF is named in the problems; the other pages are read."""
    doc = read_pdf(nf.to_pdf(nf.guangdong_project(), image_page=True), name="扫描.pdf")
    assert ([(p.code, p.source.page) for p in doc.problems], len(doc.tables)) == ([("page-no-text", 1)], 1)


def test_read_pdf_no_text_layer_raises_unreadable() -> None:
    """A PDF with pictures only is refused with the OCR hint."""
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    out = BytesIO()
    pdf.save(out)
    with pytest.raises(UnreadableDocument, match="没有文本层，可能是扫描件"):
        read_pdf(out.getvalue(), name="扫描件.pdf")


@pytest.mark.corpus
def test_read_pdf_corpus_tables_keep_grid_convention(corpus_dir: Path) -> None:
    """On every corpus page, each table row has one cell per column and spans cover blanks only."""
    broken: list[str] = []
    for path in sorted(corpus_dir.glob("*.pdf")):
        doc = read_pdf(path.read_bytes(), name=path.name)
        for page in doc.pages:
            for table in page.tables:
                covered: set[tuple[int, int]] = set()
                for r, row in enumerate(table.rows):
                    if [c.col for c in row.cells] != list(range(table.column_count)):
                        broken.append(f"{path.name} p.{page.number}: row {r} columns")
                    for cell in row.cells:
                        if (r, cell.col) in covered and not cell.blank:
                            broken.append(f"{path.name} p.{page.number}: text under a span at {r},{cell.col}")
                        for dr in range(cell.rowspan):
                            for dc in range(cell.colspan):
                                if dr or dc:
                                    covered.add((r + dr, cell.col + dc))
    assert broken == []


@settings(max_examples=60, deadline=None)
@given(table=nf.span_tables(visible_rules=True))
def test_read_pdf_random_merges_round_trip(table: nf.Table) -> None:
    """Any ruled layout of merged cells drawn in a PDF comes back exactly in the Grid convention.

    A single box is not a table (a frame around text), so tables of one cell are left out.
    """
    assume(sum(len(row) for row in table.rows) >= 2)
    doc = read_pdf(nf.to_pdf([table], row_height=20), name="a.pdf")
    assert [_spans(t) for t in doc.tables] == [nf.expand(table)]
