"""Tab-separated text of the Guangdong target forms (seeds 000 and 001).

Such text is what copying the tables of a Guangdong 绩效目标表 out of Word or a web page gives:
one line per table row, cells separated by tabs, merged cells left as empty fields, headings and
remarks as lines without tabs. :func:`read_grid` turns the lines into a
:class:`~jixiao.importers.base.Grid` (one Row per line, 1-based line numbers, a table index per
run of tabbed lines); the forms themselves are built by
:mod:`jixiao.importers.builders.guangdong`, which the Word, Excel and PDF importers share.
"""

from __future__ import annotations

from jixiao.importers.base import Cell, Detection, Grid, Importer, RawDocument, Row
from jixiao.importers.builders import guangdong
from jixiao.model import ImportedDocument, SourceRef

_FORMAT = "tsv"
_MAX_CELL_LINES = 50
_HINTS = ("项目名称", "部门名称", "绩效指标", "一级指标")
_MEMO = "guangdong-text-grid"


def read_grid(name: str, lines: list[str]) -> Grid:
    """One Row per table row; lines with a tab are table rows, the others running text.

    A table is a run of tabbed lines; blank lines inside the run do not end it (the seeds put
    blank lines between rows of one table), a line of running text does. A cell copied from a
    spreadsheet with line breaks inside arrives quoted (``"第一段<newline>第二段"``); such a row
    spans several lines and its SourceRef says so with ``line_end``.

    Args:
        name: the file name, for the SourceRefs.
        lines: the decoded lines, without line ends.

    Returns:
        The grid, with ``SourceRef(file=name, line=n)`` on every row and
        ``SourceRef(file=name, line=n, column=k)`` on every cell (both 1-based).
    """
    grid = Grid(file=name)
    table = -1
    in_table = False
    index = 0
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if "\t" not in line:
            if line.strip():
                in_table = False
            grid.rows.append(Row(
                cells=[Cell(text=line, col=0, place={"file": name, "line": number, "column": 1})],
                source=SourceRef(file=name, line=number),
                table=None,
            ))
            index += 1
            continue
        if not in_table:
            table += 1
            in_table = True
        fields, used = _record(lines, index)
        last = number + used - 1
        span = {"line_end": last} if last != number else {}
        cells = [
            Cell(text=text, col=col, place={"file": name, "line": number, "column": col + 1, **span})
            for col, text in enumerate(fields)
        ]
        grid.rows.append(Row(cells=cells, source=SourceRef(file=name, line=number, **span), table=table))
        index += used
    return grid


def _record(lines: list[str], start: int) -> tuple[list[str], int]:
    """The fields of the table row starting at ``lines[start]`` and how many lines it uses.

    Fields are split at tabs; a field that starts with a double quote runs to the closing quote,
    across lines if need be (``""`` inside is a quote). A quote that is not closed within
    :data:`_MAX_CELL_LINES` lines, or closes somewhere other than at the end of a field, is taken
    literally, so a stray quote never swallows the following rows.
    """
    fields = _split_quoted(lines[start])
    if fields is not None:
        return fields, 1
    parts = [lines[start]]
    for used in range(2, _MAX_CELL_LINES + 1):
        if start + used > len(lines):
            break
        line = lines[start + used - 1]
        parts.append(line)
        # Only a line with a quote can close the open cell; skip re-reading the others.
        if '"' not in line:
            continue
        try:
            fields = _split_quoted("\n".join(parts), multiline=True)
        except _StrayQuote:
            break
        if fields is not None:
            return fields, used
    return lines[start].split("\t"), 1


class _StrayQuote(Exception):
    """A quoted cell closed across lines but not at the end of a field: not a quoted cell."""


def _split_quoted(text: str, *, multiline: bool = False) -> list[str] | None:
    """Tab-separated fields with spreadsheet quoting; None while a quoted field is still open.

    Raises:
        _StrayQuote: (``multiline`` only) the quote that closes a field spanning lines is
            followed by more text, so the quote was never a cell quote.
    """
    if '"' not in text:
        return text.split("\t")
    fields: list[str] = []
    position = 0
    while True:
        if text.startswith('"', position):
            end = position + 1
            value: list[str] = []
            while True:
                quote = text.find('"', end)
                if quote < 0:
                    return None
                value.append(text[end:quote])
                if text.startswith('""', quote):
                    value.append('"')
                    end = quote + 2
                    continue
                end = quote + 1
                break
            if end < len(text) and text[end] != "\t":
                if multiline and "\n" in text[position:end]:
                    raise _StrayQuote
                # A quote inside a plain field ("x"y): the field is plain text.
                tab = text.find("\t", position)
                fields.append(text[position:] if tab < 0 else text[position:tab])
                if tab < 0:
                    return fields
                position = tab + 1
                continue
            fields.append("".join(value))
            if end >= len(text):
                return fields
            position = end + 1
        else:
            tab = text.find("\t", position)
            if tab < 0:
                fields.append(text[position:])
                return fields
            fields.append(text[position:tab])
            position = tab + 1


def _may_pair_cells(doc: RawDocument) -> bool:
    """Whether some table row of ``doc`` may hold two filled cells, without reading the grid.

    :func:`guangdong.score` reads labels only from rows with two or more filled cells. Without a
    double quote every row is one line split at tabs, and two filled cells need a tab between
    two non-blank characters of the line; so a one-cell-per-line text (Hebei, seed 004) is
    refused here exactly as score() would refuse its grid, at a fraction of the cost.
    """
    if '"' in (doc.text or ""):
        return True  # a quoted cell may span lines: let the grid decide
    return any("\t" in line.strip() for line in doc.lines)


class GuangdongTextImporter(Importer):
    """Reads tab-separated Guangdong department and project target forms (county and city)."""

    formats = ("text",)
    layouts = (
        *guangdong.layout_ids(_FORMAT, "county")[1:],  # department-target/tsv-gd-county-2025, project-…
        *guangdong.layout_ids(_FORMAT, "city")[1:],
    )

    def _grid(self, doc: RawDocument) -> Grid:
        # The grid read by detect(), kept on the document for the load() that usually follows.
        grid = doc.memo.get(_MEMO)
        if grid is None:
            grid = doc.memo[_MEMO] = read_grid(doc.name, doc.lines)
        return grid

    def detect(self, doc: RawDocument) -> Detection | None:
        head = doc.head_text
        if "\t" not in head or not any(hint in head for hint in _HINTS) or not _may_pair_cells(doc):
            return None
        found = guangdong.score(self._grid(doc))
        if found is None:
            return None
        kind, family = found.layout.split("/", 1)
        return Detection(
            layout=f"{kind}/{_FORMAT}-{family}",
            confidence=found.confidence,
            reasons=["制表符分隔的文本", *found.reasons],
        )

    def load(self, doc: RawDocument, layout: str) -> ImportedDocument:
        grid = self._grid(doc)
        doc.memo.pop(_MEMO, None)
        return guangdong.build(grid, layout=layout)

    def describe_rejection(self, doc: RawDocument) -> str:
        if "\t" not in doc.head_text:
            return "广东版式（制表符分隔文本）：文本中没有制表符分隔的表格行"
        return "广东版式（制表符分隔文本）：未找到“项目等级”“用款单位”“基本信息”“预算整体情况”等标签"
