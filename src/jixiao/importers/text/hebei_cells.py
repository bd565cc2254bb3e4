"""Hebei target forms as one-cell-per-line text (seed 004's layout, a Word export).

The text is a Word document written out cell by cell::

    [bookmark: _Toc_4_4_0000000004]1.2025年……绩效目标表      ← a paragraph (no leading tab)
    <TAB>512001青川县科技和工业信息化局本级                   ← a table cell
    <TAB>单位：元
                                                              ← a blank line ends the row
    <TAB>项目编码
    <TAB>51082325P00311210004K
    …
    <TAB>                                                     ← a blank cell (merged 一级指标)
    <TAB>质量指标

Each line that starts with a tab is one cell of the current row (a tab inside the line starts a
further cell); an empty line ends the row; a line without a leading tab is a paragraph of
running text; a line of spaces only is an empty paragraph. The resulting
:class:`~jixiao.importers.base.Grid` goes to the Hebei builder
(:mod:`jixiao.importers.builders.hebei`), which the Word, Excel and PDF importers share.
"""

from __future__ import annotations

from jixiao.errors import UnsupportedDocument
from jixiao.importers.base import Cell, Detection, Grid, Importer, RawDocument, Row
from jixiao.importers.builders import hebei
from jixiao.model import ImportedDocument, SourceRef

LAYOUT_NAME = f"txt-hebei-cells-{hebei.TEMPLATE_YEAR}"
DOCUMENT_LAYOUTS = (f"department-target/{LAYOUT_NAME}", f"project-target/{LAYOUT_NAME}")


def read_grid(doc: RawDocument) -> Grid:
    """The rows of a one-cell-per-line text.

    Args:
        doc: a decoded text document.

    Returns:
        A grid whose table rows list their cells in order and whose paragraphs are one-cell rows
        with ``table=None``; every cell's source names its line.
    """
    name = doc.name
    grid = Grid(file=name)
    table = 0
    in_table = False
    cells: list[Cell] = []
    first_line = last_line = 0

    def close() -> None:
        nonlocal cells
        if cells:
            if last_line != first_line:
                source = SourceRef(file=name, line=first_line, line_end=last_line)
            else:
                source = SourceRef(file=name, line=first_line)
            grid.rows.append(Row(cells=cells, source=source, table=table))
        cells = []

    for number, line in enumerate(doc.lines, start=1):
        if line.startswith("\t"):
            if not in_table:
                table += 1
                in_table = True
            if not cells:
                first_line = number
            last_line = number
            for part in line[1:].split("\t"):
                cells.append(Cell(text=part, col=len(cells), place={"file": name, "line": number}))
            continue
        close()
        if not line.strip():
            continue
        in_table = False
        source = doc.source(line=number)
        grid.rows.append(Row(cells=[Cell(text=line, col=0, source=source)], source=source, table=None))
    close()
    return grid


_MEMO = "hebei-cells-grid"


def _grid(doc: RawDocument) -> Grid:
    """The grid of ``doc``, read once for detect() and the load() that follows."""
    grid = doc.memo.get(_MEMO)
    if grid is None:
        grid = doc.memo[_MEMO] = read_grid(doc)
    return grid


_SCORE = "hebei-cells-score"


def _score(doc: RawDocument) -> Detection | None:
    """:func:`hebei.score` of the grid of ``doc``, computed once for detect() and load()."""
    if _SCORE not in doc.memo:
        doc.memo[_SCORE] = hebei.score(_grid(doc))
    return doc.memo[_SCORE]


def _cell_lines(doc: RawDocument) -> tuple[int, int]:
    """(lines that are a single tab-led cell, lines with a tab between two texts); counted once
    per document, for detect() and describe_rejection() alike."""
    found = doc.memo.get("hebei-cells-lines")
    if found is None:
        found = doc.memo["hebei-cells-lines"] = _count_cell_lines(doc)
    return found


def _count_cell_lines(doc: RawDocument) -> tuple[int, int]:
    single = inner = 0
    for line in doc.lines:
        if "\t" not in line:
            continue
        body = line[1:] if line.startswith("\t") else line
        if line.startswith("\t") and "\t" not in body.rstrip("\t"):
            single += 1
        elif "\t" in line.strip("\t"):
            inner += 1
    return single, inner


class HebeiCellTextImporter(Importer):
    """Seed 004's layout: Hebei department part and project tables, one cell per line."""

    formats = ("text",)
    layouts = DOCUMENT_LAYOUTS

    def detect(self, doc: RawDocument) -> Detection | None:
        single, inner = _cell_lines(doc)
        if single < 20 or inner > single * 0.05:
            return None
        detection = _score(doc)
        if detection is None:
            return None
        kind = detection.layout.split("/", 1)[0]
        return Detection(
            layout=f"{kind}/{LAYOUT_NAME}",
            confidence=min(0.95, detection.confidence + 0.05),
            reasons=[f"{single} 行为“制表符 + 单个单元格”的逐格文本", *detection.reasons],
        )

    def describe_rejection(self, doc: RawDocument) -> str:
        single, inner = _cell_lines(doc)
        if single < 20 or inner > single * 0.05:
            return (f"{type(self).__name__}：不是逐格文本（以制表符开头的单格行 {single} 行，"
                    f"行内含多个单元格的行 {inner} 行）")
        return f"{type(self).__name__}：未找到河北版式的表头（绩效指标描述、指标值确定依据）或部门整体目标标题"

    def load(self, doc: RawDocument, layout: str) -> ImportedDocument:
        grid = _grid(doc)
        detection = _score(doc)
        doc.memo.pop(_MEMO, None)
        doc.memo.pop(_SCORE, None)
        if detection is None:
            raise UnsupportedDocument(
                doc.name, "未找到河北版式的项目支出绩效目标表表头（绩效指标描述、指标值确定依据）或部门整体绩效目标标题"
            )
        result = hebei.build(grid, layout=layout)
        result.problems[:0] = grid.problems
        result.encoding = doc.encoding
        return result
