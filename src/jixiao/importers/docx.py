"""Word (.docx) target forms: paragraphs and tables in body order, into a Grid.

The document XML is read directly (python-docx's parser and namespaces, none of its proxy
objects), because the grid needs what python-docx hides: ``w:gridSpan`` (horizontal merge),
``w:vMerge`` (vertical merge: a ``restart`` cell and its ``continue`` cells below) and
``w:gridBefore``/``w:gridAfter`` (rows that start or stop short). Each table row lists every
grid position: a merged cell appears once, at its first position, with ``colspan``/``rowspan``;
the positions it covers are blank cells. Paragraphs outside tables become one-cell rows with
``table=None``. A cell's paragraphs are joined with ``\\n``; a table nested in a cell is read
as that cell's text, row by row, except in a one-column frame table, whose contents are
read as if they stood in the body (forms are sometimes laid out inside such a frame).

Text in the alternate-content fallback of drawings (``mc:Fallback``) is skipped, because it
repeats the text box it stands for. Headers, footers, footnotes and comments are not read.
"""

from __future__ import annotations

import zipfile
import zlib

from lxml import etree

from jixiao.errors import UnreadableDocument
from jixiao.importers.base import Cell, Grid, RawDocument, Row, open_ooxml
from jixiao.importers.builders import GridImporter
from jixiao.model import ImportProblem, ProblemSeverity, SourceRef

__all__ = ["DocxImporter", "read_docx_grid"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS = {"w": _W, "mc": _MC}
_P, _TBL, _TR, _TC, _SDT = (f"{{{_W}}}{tag}" for tag in ("p", "tbl", "tr", "tc", "sdt"))
_T, _TAB, _BR, _CR = (f"{{{_W}}}{tag}" for tag in ("t", "tab", "br", "cr"))
_VAL = f"{{{_W}}}val"
_FALLBACK = f"{{{_MC}}}Fallback"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_RUN_PARTS = etree.XPath(
    ".//w:t[not(ancestor::mc:Fallback)] | .//w:tab[not(ancestor::mc:Fallback)]"
    " | .//w:br[not(ancestor::mc:Fallback)] | .//w:cr[not(ancestor::mc:Fallback)]",
    namespaces=_NS,
)


def _paragraph_text(p: etree._Element) -> str:
    parts: list[str] = []
    for node in _RUN_PARTS(p):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            # w:tab also appears in w:pPr/w:tabs as a tab stop definition: not text.
            if node.getparent() is not None and node.getparent().tag != f"{{{_W}}}tabs":
                parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc: etree._Element) -> str:
    lines: list[str] = []
    for child in tc:
        if child.tag == _P:
            lines.append(_paragraph_text(child))
        elif child.tag == _TBL:
            for tr in child.iter(_TR):
                texts = [_cell_text(inner) for inner in tr.findall(_TC)]
                lines.append(" ".join(text for text in texts if text.strip()))
        elif child.tag == _SDT:
            content = child.find(f"{{{_W}}}sdtContent")
            if content is not None:
                lines.append(_cell_text(content))
    return "\n".join(line for line in lines if line.strip()).strip()


def _int_val(parent: etree._Element | None, path: str, default: int) -> int:
    if parent is None:
        return default
    node = parent.find(path, _NS)
    if node is None:
        return default
    try:
        return max(int(node.get(_VAL, default)), 0)
    except ValueError:
        return default


def _table_rows(tbl: etree._Element, *, file: str, table_index: int) -> list[Row]:
    """The table's rows in the Grid convention (spans rebuilt from gridSpan and vMerge)."""
    raw_rows: list[list[Cell]] = []
    vertical_owner: dict[int, Cell] = {}  # grid column -> cell whose vertical merge is open
    for row_number, tr in enumerate(tbl.findall(_TR), start=1):
        trpr = tr.find("w:trPr", _NS)
        col = _int_val(trpr, "w:gridBefore", 0)

        def blank(position: int, row_number: int = row_number) -> Cell:
            return Cell(
                text="",
                col=position,
                source=SourceRef(
                    file=file, table=table_index + 1, row=row_number, column=position + 1
                ),
            )

        cells = [blank(position) for position in range(col)]
        seen: set[int] = set()
        for tc in tr.iter(_TC):
            if tc.getparent() is not tr and tc.getparent().tag != f"{{{_W}}}sdtContent":
                continue  # a cell of a nested table
            tcpr = tc.find("w:tcPr", _NS)
            span = max(1, _int_val(tcpr, "w:gridSpan", 1))
            vmerge = tcpr.find("w:vMerge", _NS) if tcpr is not None else None
            continued = vmerge is not None and vmerge.get(_VAL, "continue") == "continue"
            owner = vertical_owner.get(col)
            if continued and owner is not None:
                owner.rowspan += 1
                cells.extend(blank(col + k) for k in range(span))
                seen.update(range(col, col + span))
                col += span
                continue
            cell = Cell(
                text=_cell_text(tc),
                col=col,
                source=SourceRef(file=file, table=table_index + 1, row=row_number, column=col + 1),
                colspan=span,
            )
            cells.append(cell)
            cells.extend(blank(col + k) for k in range(1, span))
            for k in range(span):
                vertical_owner.pop(col + k, None)
            if vmerge is not None:
                vertical_owner[col] = cell
            seen.update(range(col, col + span))
            col += span
        for position in list(vertical_owner):
            if position not in seen:
                del vertical_owner[position]  # a row that stops short ends the merge
        raw_rows.append(cells)
    width = max((len(cells) for cells in raw_rows), default=0)
    rows: list[Row] = []
    for row_number, cells in enumerate(raw_rows, start=1):
        for position in range(len(cells), width):
            cells.append(
                Cell(
                    text="",
                    col=position,
                    source=SourceRef(
                        file=file, table=table_index + 1, row=row_number, column=position + 1
                    ),
                )
            )
        rows.append(
            Row(
                cells=cells,
                source=SourceRef(file=file, table=table_index + 1, row=row_number),
                table=table_index,
            )
        )
    return rows


def read_docx_grid(doc: RawDocument) -> Grid:
    """Read a .docx into a Grid: body paragraphs and tables in order.

    Args:
        doc: the raw document (``kind == "docx"``).

    Returns:
        The grid; paragraphs carry ``SourceRef(line=<paragraph number>)``, table rows and
        cells ``SourceRef(table=, row=, column=)`` (all 1-based).

    Raises:
        UnreadableDocument: the container is broken, not a Word document, or its XML is invalid.
    """
    archive = open_ooxml(doc, "docx")
    try:
        with archive:
            xml = archive.read("word/document.xml")
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise UnreadableDocument(
            doc.name, f"应为 Word 文档，但其正文部分已损坏，无法解压：{exc}"
        ) from exc
    try:
        root = etree.fromstring(
            xml, parser=etree.XMLParser(resolve_entities=False, huge_tree=False)
        )
    except etree.XMLSyntaxError as exc:
        raise UnreadableDocument(
            doc.name, f"应为 Word 文档，但正文 XML 不完整或已损坏（第 {exc.lineno} 行）：{exc.msg}"
        ) from exc
    body = root.find("w:body", _NS)
    grid = Grid(file=doc.name)
    if body is None:
        raise UnreadableDocument(doc.name, "应为 Word 文档，但文件中没有正文（w:body）")
    counters = {"paragraph": 0, "table": 0}
    _read_block(body, grid, counters)
    pictures = sum(1 for _ in body.iter(_BLIP))
    if not grid.rows:
        found = f"正文只有 {pictures} 张图片（可能是截图或扫描件）" if pictures else "正文为空"
        raise UnreadableDocument(doc.name, f"Word 文档没有任何文字：应为绩效目标表，实际{found}")
    if pictures:
        grid.problems.append(
            ImportProblem(
                severity=ProblemSeverity.INFO,
                code="pictures-skipped",
                message=f"{doc.name}：文档中有 {pictures} 张图片，图片里的内容（如截图的表格）未导入",
                source=SourceRef(file=doc.name),
            )
        )
    return grid


def _is_layout_table(tbl: etree._Element) -> bool:
    """A table of one column whose cells hold tables: a frame, not a form."""
    rows = tbl.findall(_TR)
    if not rows:
        return False
    for tr in rows:
        cells = tr.findall(_TC)
        if len(cells) != 1:
            return False
    return any(tc.find(_TBL) is not None for tr in rows for tc in tr.findall(_TC))


def _read_block(parent: etree._Element, grid: Grid, counters: dict[str, int]) -> None:
    for child in parent:
        tag = child.tag
        if tag == _P:
            counters["paragraph"] += 1
            text = _paragraph_text(child).strip()
            if text:
                source = SourceRef(file=grid.file, line=counters["paragraph"])
                grid.rows.append(Row(cells=[Cell(text=text, col=0, source=source)], source=source))
        elif tag == _TBL and _is_layout_table(child):
            # A one-column frame around the real form: read what is inside it.
            for tc in child.iter(_TC):
                if tc.getparent() is not None and tc.getparent().getparent() is child:
                    _read_block(tc, grid, counters)
        elif tag == _TBL:
            index = counters["table"]
            counters["table"] += 1
            try:
                grid.rows.extend(_table_rows(child, file=grid.file, table_index=index))
            except (ValueError, TypeError, AttributeError) as exc:
                grid.problems.append(
                    ImportProblem(
                        severity=ProblemSeverity.ERROR,
                        code="table-unreadable",
                        message=f"{grid.file}：第{index + 1}个表格的结构无法读取（{exc}），已跳过该表格",
                        source=SourceRef(file=grid.file, table=index + 1),
                    )
                )
        elif tag == _SDT:
            content = child.find("w:sdtContent", _NS)
            if content is not None:
                _read_block(content, grid, counters)
        elif tag == f"{{{_W}}}altChunk":
            grid.problems.append(
                ImportProblem(
                    severity=ProblemSeverity.WARNING,
                    code="embedded-document-skipped",
                    message=f"{grid.file}：文档中嵌入了另一个文档（altChunk），其内容未导入",
                    source=SourceRef(file=grid.file, line=counters["paragraph"] or None),
                )
            )


class DocxImporter(GridImporter):
    """Word target forms of every family the grid builders know (Guangdong, Hebei)."""

    formats = ("docx",)
    layouts = ()
    format_label = "docx"
    format_name = "Word"

    def read_grid(self, doc: RawDocument) -> Grid:
        return read_docx_grid(doc)
