"""Word importer: paragraphs and tables in body order, merged cells rebuilt as spans."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx
import native_forms as nf  # tests/core/importers is on sys.path
import pytest
from hypothesis import given, settings

from jixiao.errors import UnreadableDocument
from jixiao.importers import RawDocument, import_bytes
from jixiao.importers.docx import DocxImporter, read_docx_grid


def _grid(blocks: list[nf.Block], name: str = "表.docx"):
    return read_docx_grid(RawDocument.from_bytes(nf.to_docx(blocks), name=name))


def _table_spans(grid, table: int) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.colspan, c.rowspan) for c in row.cells] for row in grid.rows if row.table == table]


@pytest.mark.parametrize("blocks", [nf.guangdong_project(), nf.hebei_project()], ids=["guangdong", "hebei"])
def test_read_docx_grid_merged_cells_rebuilt_as_spans(blocks: list[nf.Block]) -> None:
    """Every table comes back in the Grid convention: spans at first positions, covered cells blank."""
    grid = _grid(blocks)
    tables = [block for block in blocks if isinstance(block, nf.Table)]
    assert [_table_spans(grid, index) for index in range(len(tables))] == [nf.expand(t) for t in tables]


def test_read_docx_grid_paragraphs_in_body_order_outside_tables() -> None:
    """Paragraphs are one-cell rows with table=None, in their place between the tables."""
    blocks = nf.guangdong_project()
    grid = _grid(blocks)
    order = [row.cells[0].text if row.table is None else f"table {row.table}" for row in grid.rows]
    expected: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            expected.append(block)
        else:
            expected.extend(["table 0"] * len(block.rows))
    assert order == expected


def test_read_docx_grid_cells_point_at_table_row_and_column() -> None:
    """Each cell's SourceRef names the file, the 1-based table, row and column."""
    grid = _grid(nf.hebei_project(), name="调解.docx")
    row = next(row for row in grid.rows if row.table == 1)
    assert [(c.source.file, c.source.table, c.source.row, c.source.column) for c in row.cells] == [
        ("调解.docx", 2, 1, column) for column in range(1, 7)
    ]


def test_read_docx_grid_paragraphs_in_cell_joined_by_newline() -> None:
    """A cell with two paragraphs gives their texts joined by a line break."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "绩效目标"
    table.cell(0, 1).text = "目标一"
    table.cell(0, 1).add_paragraph("目标二")
    out = BytesIO()
    document.save(out)
    grid = read_docx_grid(RawDocument.from_bytes(out.getvalue(), name="a.docx"))
    assert [row.texts() for row in grid.rows] == [["绩效目标", "目标一\n目标二"]]


@pytest.mark.parametrize(
    ("blocks", "kind"),
    [(nf.guangdong_project(), "ProjectTargetForm"), (nf.hebei_project(), "ProjectTargetForm")],
    ids=["guangdong", "hebei"],
)
def test_import_docx_fictional_form_builds_all_indicators(blocks: list[nf.Block], kind: str) -> None:
    """End to end: the Word file becomes one project form with every indicator of its table."""
    result = import_bytes(nf.to_docx(blocks), name="项目.docx")
    table = [block for block in blocks if isinstance(block, nf.Table)][-1]
    header_row = next(i for i, row in enumerate(nf.texts(table)) if "一级指标" in row)
    names = [indicator.name for indicator in result.forms[0].indicators]
    level3 = nf.texts(table)[header_row].index("三级指标")
    expected = [row[level3] for row in nf.texts(table)[header_row + 1 :]]
    assert ([type(form).__name__ for form in result.forms], names, result.problems) == (
        [kind],
        expected,
        [],
    )


def test_import_docx_layout_names_word_format() -> None:
    """The layout id says the form came from Word."""
    result = import_bytes(nf.to_docx(nf.hebei_project()), name="项目.docx")
    assert "docx-" in result.layout


def _picture() -> BytesIO:
    from PIL import Image

    picture = BytesIO()
    Image.new("L", (40, 30), color=128).save(picture, format="PNG")
    picture.seek(0)
    return picture


def test_read_docx_grid_pictures_listed_as_skipped() -> None:
    """A picture (a pasted screenshot of a table) is not read, and an info problem says so."""
    document = docx.Document()
    document.add_paragraph("项目名称")
    document.add_picture(_picture())
    out = BytesIO()
    document.save(out)
    grid = read_docx_grid(RawDocument.from_bytes(out.getvalue(), name="图.docx"))
    assert ([row.texts() for row in grid.rows], [p.code for p in grid.problems]) == (
        [["项目名称"]],
        ["pictures-skipped"],
    )


def test_import_docx_pictures_only_refused_naming_pictures() -> None:
    """A Word file holding only a scanned picture is refused, saying so."""
    document = docx.Document()
    document.add_picture(_picture())
    out = BytesIO()
    document.save(out)
    with pytest.raises(UnreadableDocument, match=r"^扫描\.docx：Word 文档没有任何文字.*1 张图片"):
        import_bytes(out.getvalue(), name="扫描.docx")


def test_docx_importer_detect_text_without_forms_returns_none() -> None:
    """A Word file with no target-form labels is not claimed."""
    doc = RawDocument.from_bytes(nf.to_docx(["会议纪要", "今天讨论了图书采购。"]), name="纪要.docx")
    assert DocxImporter().detect(doc) is None


_BODY = """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:tbl>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出指标</w:t></w:r></w:p></w:tc>
      <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>数量指标</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
      <w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>≥1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>
      <w:tc><w:p><w:r><w:t>乙</w:t></w:r><w:r><w:tab/><w:t>丙</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl></w:body></w:document>"""


def test_read_docx_grid_vmerge_gridspan_gridbefore_as_written_by_word() -> None:
    """Word's own markup: vMerge restart/continue, gridSpan, and a row starting one column in."""
    data = BytesIO()
    with zipfile.ZipFile(BytesIO(nf.to_docx(["x"]))) as source, zipfile.ZipFile(data, "w") as target:
        for info in source.infolist():
            body = _BODY.encode() if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info, body)
    grid = read_docx_grid(RawDocument.from_bytes(data.getvalue(), name="a.docx"))
    assert [[(c.text, c.colspan, c.rowspan) for c in row.cells] for row in grid.rows] == [
        [("产出指标", 1, 2), ("数量指标", 2, 1), ("", 1, 1)],
        [("", 1, 1), ("甲", 1, 1), ("≥1", 1, 1)],
        [("", 1, 1), ("乙 丙", 1, 1), ("", 1, 1)],
    ]


@settings(max_examples=60, deadline=None)
@given(table=nf.span_tables())
def test_read_docx_grid_random_merges_round_trip(table: nf.Table) -> None:
    """Any layout of merged cells written by Word comes back exactly in the Grid convention."""
    grid = _grid([table])
    assert _table_spans(grid, 0) == nf.expand(table)


def test_read_docx_grid_form_inside_frame_table_read_as_body() -> None:
    """A form laid out inside a one-cell frame table is read as if it stood in the body."""
    blocks = nf.hebei_project()
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = str(blocks[0])
    for block in blocks[1:]:
        if isinstance(block, str):
            frame.add_paragraph(block)
            continue
        table = frame.add_table(rows=len(block.rows), cols=nf.width(block))
        for r, row in enumerate(nf.placed(block)):
            for col, span in row:
                cell = table.cell(r, col)
                if span.colspan > 1 or span.rowspan > 1:
                    cell = cell.merge(table.cell(r + span.rowspan - 1, col + span.colspan - 1))
                cell.text = span.text
    out = BytesIO()
    document.save(out)
    grid = read_docx_grid(RawDocument.from_bytes(out.getvalue(), name="框.docx"))
    tables = [block for block in blocks if isinstance(block, nf.Table)]
    assert (
        [row.cells[0].text for row in grid.rows if row.table is None],
        [_table_spans(grid, index) for index in range(len(tables))],
    ) == ([b for b in blocks if isinstance(b, str)], [nf.expand(t) for t in tables])


def _seed_grid(prefix: str):
    from jixiao.importers.text import guangdong, hebei_cells
    from support import seed_path  # tests/ is on sys.path (pyproject pythonpath)

    doc = RawDocument.from_path(seed_path(prefix))
    if prefix == "004":
        return doc, hebei_cells.read_grid(doc)
    return doc, guangdong.read_grid(doc.name, doc.lines)


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_import_docx_seed_rewritten_as_docx_same_indicators_as_text(prefix: str) -> None:
    """A seed's tables written as a docx file give the same forms and indicators as the text.

    The file is made at test time from the seed (never stored)."""
    doc, grid = _seed_grid(prefix)
    text_result = import_bytes(doc.data, name="seed.txt")
    native = import_bytes(nf.to_docx(nf.blocks_from_grid(grid)), name="seed.docx")

    def names(result) -> list[list[str | None]]:
        return [[name for name in (ind.name for ind in form.indicators)] for form in result.forms]

    assert names(native) == names(text_result)
