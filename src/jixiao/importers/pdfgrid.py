"""A fast PDF table reader built directly on pdfium (pypdfium2's raw API).

Public API::

    doc = read_pdf(data, name="x.pdf")       # -> PdfDocument
    doc.pages[0].lines                       # running text outside tables: PdfLine(text, top, x0, x1)
    doc.pages[0].tables                      # tables as drawn on that page: PdfTable(page, bbox, rows)
    doc.tables                               # logical tables, continued across pages merged
    grid = pdf_grid(doc)                     # one Grid for the form builders

How it works, per page:

1. **Characters.** Every character comes from pdfium's text page with its loose box (the
   font's full height, so 一 and 丁 sit on one line). Generated characters (spaces and line
   breaks pdfium infers) are dropped; gaps are measured instead. Coordinates are turned into
   top-down page coordinates with the page's /Rotate applied, so landscape pages read upright.
   Text and rules outside the page box (invisible on screen and paper) are left out, with an
   info problem; rules on the page's very edge (page-sized backgrounds) are not table rules.
2. **Ruling lines.** Path objects (also inside form XObjects) give axis-aligned edges: thin
   filled rectangles and stroked segments alike. Collinear pieces are merged.
3. **Ruled tables.** Edges that touch form one table. Its distinct x and y positions cut it
   into elementary cells; two neighbouring elementary cells with no rule between them belong
   to one merged cell, which gets ``colspan``/``rowspan`` (a merged region that is not a
   rectangle becomes one cell per row run). Characters are put in the cell under their
   centre; a cell's wrapped lines are joined without a separator (CJK text and long budget
   codes such as ``206010`` + ``1`` wrap mid-word), with one space between two Latin letters;
   a line that stops well short of the cell's right edge ends a paragraph (``\n``).
4. **Unruled tables.** Runs of at least three text lines that each have two or more
   segments separated by wide gaps become a table; its columns are the gutters no segment
   crosses.
5. **Continued tables.** A table that ends a page continues on the next page when that page
   starts with a table (only page numbers or running heads repeated on both pages between)
   whose column edges fit the previous ones or whose header rows repeat, unless its first
   row is a title of its own ("政府性基金支出预算表") that does not repeat; repeated header
   rows are dropped, and every row keeps its own page in its :class:`~jixiao.model.SourceRef`.

:func:`pdf_grid` then lays the document out for the form builders, joining running lines
wrapped at the right margin into one paragraph row. A PDF with no text layer at all raises
:class:`~jixiao.errors.UnreadableDocument`; a page that only holds images in an otherwise
textual PDF is listed in ``PdfDocument.problems``. PDFium is not thread-safe, so every call
into it holds one module lock.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import threading
from bisect import bisect_right
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from jixiao.errors import UnreadableDocument
from jixiao.importers.base import Cell, Grid, Row
from jixiao.model import ImportProblem, ProblemSeverity, SourceRef

__all__ = ["PdfDocument", "PdfLine", "PdfPage", "PdfTable", "pdf_grid", "read_pdf"]

#: PDFium must not be called from two threads at once, not even for different documents.
_PDFIUM_LOCK = threading.RLock()
#: Two rule pieces closer than this (points) are one position.
SNAP = 2.0
#: A path thinner than this (points) in one direction is a rule.
THIN = 3.0
#: Page numbers and running heads that do not interrupt a table continued on the next page.
_PAGE_FURNITURE = re.compile(
    r"^[\s\-—–·•]*(第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?|\d{1,4}|[-—–]\s*\d{1,4}\s*[-—–]|\d+\s*/\s*\d+)[\s\-—–·•]*$"
)


_PDFIUM_ERRORS = {
    "Data format error": "文件结构损坏（数据格式错误）",
    "File access error": "无法读取文件内容",
    "Unsupported security scheme": "使用了不支持的加密方式",
    "Unknown error": "读取失败（未知错误）",
    "Page not found or content error": "页面内容损坏",
}


@dataclass(slots=True)
class PdfLine:
    """One line of running text outside tables, in top-down page coordinates (points)."""

    text: str
    top: float
    x0: float
    x1: float
    bottom: float = 0.0
    size: float = 0.0
    """Character height (the font size, roughly)."""


@dataclass(slots=True)
class PdfTable:
    """A table: rows of :class:`~jixiao.importers.base.Cell` following the Grid convention.

    Attributes:
        page: 1-based page the table starts on.
        bbox: ``(x0, top, x1, bottom)`` on that page, top-down points.
        rows: every row lists all its cells in column order, blank ones included; a merged
            cell appears once with ``colspan``/``rowspan``, the positions it covers are blank.
        ruled: True when cut from ruling lines, False when inferred from text alignment.
        continues_previous: on a page table, True when it continues the last table of the
            previous page (it is then part of the same logical table in ``PdfDocument.tables``).
        pages: the pages a logical table spans (a page table: just its own).
        columns: the x positions of its column edges (len = column count + 1).
    """

    page: int
    bbox: tuple[float, float, float, float]
    rows: list[Row]
    ruled: bool = True
    continues_previous: bool = False
    pages: list[int] = field(default_factory=list)
    columns: list[float] = field(default_factory=list)

    @property
    def column_count(self) -> int:
        return max(0, len(self.columns) - 1)

    def texts(self) -> list[list[str]]:
        """The table as a list of rows of cell texts (covered positions are ``""``)."""
        return [row.texts() for row in self.rows]


@dataclass(slots=True)
class PdfPage:
    """One page: its size, running text lines and tables, both in reading order."""

    number: int
    width: float
    height: float
    lines: list[PdfLine]
    tables: list[PdfTable]
    char_count: int = 0
    image_count: int = 0


@dataclass(slots=True)
class PdfDocument:
    """A text-based PDF read into lines and tables.

    Attributes:
        name: the file name used in every message and SourceRef.
        pages: the pages in order.
        tables: logical tables in reading order; a table continued across pages is one entry.
        problems: pages that could not be read (image-only pages, unmapped fonts).
    """

    name: str
    pages: list[PdfPage]
    tables: list[PdfTable] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Reading a page: characters and rules
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Char:
    ch: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


class _Transform:
    """PDF user space -> top-down display space of a possibly rotated page."""

    __slots__ = ("bottom", "left", "right", "rotation", "top")

    def __init__(self, box: tuple[float, float, float, float], rotation: int) -> None:
        self.left, self.bottom, self.right, self.top = box
        self.rotation = rotation % 360

    def point(self, x: float, y: float) -> tuple[float, float]:
        rot = self.rotation
        if rot == 0:
            return x - self.left, self.top - y
        if rot == 90:
            return y - self.bottom, x - self.left
        if rot == 180:
            return self.right - x, y - self.bottom
        return self.top - y, self.right - x

    def box(
        self, left: float, bottom: float, right: float, top: float
    ) -> tuple[float, float, float, float]:
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _read_chars(textpage: pdfium.PdfTextPage, tf: _Transform) -> tuple[list[_Char], int]:
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    rect = pdfium_c.FS_RECTF()
    rect_p = ctypes.byref(rect)
    get_unicode = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    chars: list[_Char] = []
    unmapped = 0
    upright, left, page_top = tf.rotation == 0, tf.left, tf.top
    for index in range(count):
        code = get_unicode(raw, index)
        if code in (0, 0xFFFE, 0xFFFF, 0xFFFD):
            unmapped += 1
            continue
        if code in (10, 13, 2) or is_generated(raw, index) == 1:
            continue
        if not loose_box(raw, index, rect_p):
            continue
        if upright:
            chars.append(
                _Char(
                    chr(code),
                    rect.left - left,
                    page_top - rect.top,
                    rect.right - left,
                    page_top - rect.bottom,
                )
            )
        else:
            x0, top, x1, bottom = tf.box(rect.left, rect.bottom, rect.right, rect.top)
            chars.append(_Char(chr(code), x0, top, x1, bottom))
    return chars, unmapped


@dataclass(slots=True)
class _Edges:
    horizontal: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)  # (x, y0, y1)
    images: int = 0


def _matrix(obj: ctypes.c_void_p) -> tuple[float, float, float, float, float, float]:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(
    inner: tuple[float, float, float, float, float, float],
    outer: tuple[float, float, float, float, float, float],
) -> tuple[float, float, float, float, float, float]:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _add_edge(edges: _Edges, x0: float, y0: float, x1: float, y1: float) -> None:
    if abs(y1 - y0) <= THIN and abs(x1 - x0) > THIN:
        edges.horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= THIN and abs(y1 - y0) > THIN:
        edges.vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _path_edges(
    obj: ctypes.c_void_p,
    matrix: tuple[float, float, float, float, float, float],
    tf: _Transform,
    edges: _Edges,
) -> None:
    a, b, c, d, e, f = matrix
    count = pdfium_c.FPDFPath_CountSegments(obj)
    px = ctypes.c_float()
    py = ctypes.c_float()
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for index in range(count):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(px), ctypes.byref(py))
        x, y = px.value, py.value
        point = tf.point(a * x + c * y + e, b * x + d * y + f)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            _add_edge(edges, prev[0], prev[1], point[0], point[1])
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        prev = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None and prev is not None:
            _add_edge(edges, prev[0], prev[1], start[0], start[1])
            prev = start


def _collect_edges(
    objects: list[ctypes.c_void_p],
    outer: tuple[float, float, float, float, float, float] | None,
    tf: _Transform,
    edges: _Edges,
    depth: int = 0,
) -> None:
    left = ctypes.c_float()
    bottom = ctypes.c_float()
    right = ctypes.c_float()
    top = ctypes.c_float()
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            if outer is None and pdfium_c.FPDFPageObj_GetBounds(
                obj,
                ctypes.byref(left),
                ctypes.byref(bottom),
                ctypes.byref(right),
                ctypes.byref(top),
            ):
                x0, y0, x1, y1 = tf.box(left.value, bottom.value, right.value, top.value)
                if (x1 - x0 <= THIN) != (y1 - y0 <= THIN):
                    # A thin rectangle or a single stroke: one rule, no need to walk the path.
                    if x1 - x0 <= THIN:
                        edges.vertical.append(((x0 + x1) / 2, y0, y1))
                    else:
                        edges.horizontal.append(((y0 + y1) / 2, x0, x1))
                    continue
                if x1 - x0 <= THIN:
                    continue
            matrix = _matrix(obj)
            if outer is not None:
                matrix = _compose(matrix, outer)
            _path_edges(obj, matrix, tf, edges)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
            matrix = _matrix(obj)
            if outer is not None:
                matrix = _compose(matrix, outer)
            inner = [
                pdfium_c.FPDFFormObj_GetObject(obj, i)
                for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))
            ]
            _collect_edges(inner, matrix, tf, edges, depth + 1)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            edges.images += 1


def _merge_segments(
    segments: list[tuple[float, float, float]],
) -> list[tuple[float, list[list[float]]]]:
    """Cluster (position, start, end) pieces by position and merge touching intervals."""
    result: list[tuple[float, list[list[float]]]] = []
    if not segments:
        return result
    segments.sort()
    groups: list[list[tuple[float, float, float]]] = [[segments[0]]]
    for seg in segments[1:]:
        if seg[0] - groups[-1][-1][0] <= SNAP:
            groups[-1].append(seg)
        else:
            groups.append([seg])
    for group in groups:
        position = sum(s[0] for s in group) / len(group)
        spans = sorted([s[1], s[2]] for s in group)
        merged: list[list[float]] = [spans[0]]
        for start, end in spans[1:]:
            if start <= merged[-1][1] + SNAP:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        result.append((position, merged))
    return result


# --------------------------------------------------------------------------------------------
# Ruled tables
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _RawCell:
    r0: int
    r1: int
    c0: int
    c1: int
    chars: list[_Char] = field(default_factory=list)
    text: str = ""


@dataclass(slots=True)
class _RawTable:
    page: int
    xs: list[float]
    ys: list[float]
    cells: list[_RawCell]
    ruled: bool = True
    continues_previous: bool = False

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])


class _UnionFind:
    __slots__ = ("parent",)

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _covers(spans: list[list[float]], lo: float, hi: float) -> bool:
    """True when a rule runs across the middle of [lo, hi] (rules may stop short of corners)."""
    mid = (lo + hi) / 2
    return any(start - SNAP <= mid <= end + SNAP for start, end in spans)


def _span_lookup(
    lines: list[tuple[float, list[list[float]]]], position: float
) -> list[list[float]]:
    for pos, spans in lines:
        if abs(pos - position) <= SNAP:
            return spans
    return []


def _ruled_tables(page_number: int, edges: _Edges) -> list[_RawTable]:
    hlines = _merge_segments(edges.horizontal)
    vlines = _merge_segments(edges.vertical)
    hsegs = [(y, s, e) for y, spans in hlines for s, e in spans]
    vsegs = [(x, s, e) for x, spans in vlines for s, e in spans]
    if len(hsegs) < 2 or len(vsegs) < 2:
        return []
    uf = _UnionFind(len(hsegs) + len(vsegs))
    offset = len(hsegs)
    for i, (y, hx0, hx1) in enumerate(hsegs):
        for j, (x, vy0, vy1) in enumerate(vsegs):
            if hx0 - SNAP <= x <= hx1 + SNAP and vy0 - SNAP <= y <= vy1 + SNAP:
                uf.union(i, offset + j)
    components: dict[
        int, tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]
    ] = {}
    for i, seg in enumerate(hsegs):
        components.setdefault(uf.find(i), ([], []))[0].append(seg)
    for j, seg in enumerate(vsegs):
        components.setdefault(uf.find(offset + j), ([], []))[1].append(seg)
    tables: list[_RawTable] = []
    for hs, vs in components.values():
        if len(hs) < 2 or len(vs) < 2:
            continue
        table = _grid_from_rules(page_number, hs, vs)
        if table is not None:
            tables.append(table)
    return tables


def _positions(values: list[float]) -> list[float]:
    values = sorted(values)
    groups: list[list[float]] = [[values[0]]]
    for value in values[1:]:
        if value - groups[-1][-1] <= SNAP:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def _grid_from_rules(
    page_number: int, hs: list[tuple[float, float, float]], vs: list[tuple[float, float, float]]
) -> _RawTable | None:
    xs = _positions([x for x, _, _ in vs] + [min(s for _, s, _ in hs), max(e for _, _, e in hs)])
    ys = _positions([y for y, _, _ in hs] + [min(s for _, s, _ in vs), max(e for _, _, e in vs)])
    if len(xs) < 2 or len(ys) < 2 or xs[-1] - xs[0] < 10 or ys[-1] - ys[0] < 5:
        return None
    vmap = _merge_segments(list(vs))
    hmap = _merge_segments(list(hs))
    nrows, ncols = len(ys) - 1, len(xs) - 1
    uf = _UnionFind(nrows * ncols)
    for r in range(nrows):
        for c in range(ncols - 1):
            if not _covers(_span_lookup(vmap, xs[c + 1]), ys[r], ys[r + 1]):
                uf.union(r * ncols + c, r * ncols + c + 1)
    for r in range(nrows - 1):
        spans = _span_lookup(hmap, ys[r + 1])
        for c in range(ncols):
            if not _covers(spans, xs[c], xs[c + 1]):
                uf.union(r * ncols + c, (r + 1) * ncols + c)
    members: dict[int, list[tuple[int, int]]] = {}
    for r in range(nrows):
        for c in range(ncols):
            members.setdefault(uf.find(r * ncols + c), []).append((r, c))
    boxes: list[list[int]] = []
    for region in members.values():
        r0 = min(r for r, _ in region)
        r1 = max(r for r, _ in region) + 1
        c0 = min(c for _, c in region)
        c1 = max(c for _, c in region) + 1
        if len(region) == (r1 - r0) * (c1 - c0):
            boxes.append([r0, r1, c0, c1])
            continue
        # Not a rectangle (a rule missing on one side only): one cell per row run, so
        # that no merged cell covers another.
        for r in range(r0, r1):
            run: list[int] = []
            for c in sorted(c for rr, c in region if rr == r):
                if run and c != run[-1] + 1:
                    boxes.append([r, r + 1, run[0], run[-1] + 1])
                    run = []
                run.append(c)
            if run:
                boxes.append([r, r + 1, run[0], run[-1] + 1])
    if len(boxes) < 2:
        return None
    cells = [_RawCell(*box) for box in boxes]
    cells.sort(key=lambda cell: (cell.r0, cell.c0))
    return _RawTable(page=page_number, xs=xs, ys=ys, cells=cells)


def _fill_cells(table: _RawTable, chars: list[_Char]) -> list[_Char]:
    """Put characters into the table's cells; return those outside it."""
    xs, ys = table.xs, table.ys
    ncols = len(xs) - 1
    owner: dict[tuple[int, int], _RawCell] = {}
    for cell in table.cells:
        for r in range(cell.r0, cell.r1):
            for c in range(cell.c0, cell.c1):
                owner[(r, c)] = cell
    outside: list[_Char] = []
    x_lo, x_hi, y_lo, y_hi = xs[0], xs[-1], ys[0], ys[-1]
    for ch in chars:
        cx = (ch.x0 + ch.x1) / 2
        cy = (ch.top + ch.bottom) / 2
        if not (x_lo <= cx <= x_hi and y_lo <= cy <= y_hi):
            outside.append(ch)
            continue
        c = min(max(bisect_right(xs, cx) - 1, 0), ncols - 1)
        r = min(max(bisect_right(ys, cy) - 1, 0), len(ys) - 2)
        owner[(r, c)].chars.append(ch)
    for cell in table.cells:
        cell.text = _cell_text(cell.chars, xs[cell.c1])
    return outside


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters grouped into text lines (top to bottom), each sorted left to right."""
    if not chars:
        return []
    ordered = sorted(chars, key=lambda ch: (ch.top + ch.bottom) / 2)
    lines: list[list[_Char]] = []
    line_top = line_bottom = 0.0
    for ch in ordered:
        centre = (ch.top + ch.bottom) / 2
        if lines and line_top <= centre <= line_bottom:
            lines[-1].append(ch)
            line_top = (
                min(line_top, ch.top) if ch.height < 3 * (line_bottom - line_top) else line_top
            )
        else:
            lines.append([ch])
            line_top, line_bottom = ch.top, ch.bottom
            if line_bottom - line_top < 1:
                line_top, line_bottom = centre - 2, centre + 2
    for line in lines:
        line.sort(key=lambda ch: ch.x0)
    return lines


def _line_text(line: list[_Char]) -> str:
    parts: list[str] = []
    prev: _Char | None = None
    for ch in line:
        if prev is not None:
            gap = ch.x0 - prev.x1
            size = max(min(prev.height, ch.height), 1.0)
            if gap > size * 0.6 and ch.ch != " " and prev.ch != " ":
                parts.append(" ")
            elif ch.ch == " " and prev.ch == " ":
                continue
        parts.append(ch.ch)
        prev = ch
    return "".join(parts).strip()


def _cell_text(chars: list[_Char], right: float) -> str:
    """A cell's text: wrapped lines joined as one, a line that stops short starts a new one.

    A line ending well before the cell's right edge ends a paragraph (``\n``); otherwise
    the text wrapped and the next line continues it without a separator.
    """
    text = ""
    previous: list[_Char] | None = None
    for line in _group_lines(chars):
        piece = _line_text(line)
        if not piece:
            continue
        if text and previous is not None:
            size = max(ch.height for ch in previous)
            if right - previous[-1].x1 > 3 * size:
                text += "\n"
            elif (
                text[-1].isascii()
                and text[-1].isalpha()
                and piece[0].isascii()
                and piece[0].isalpha()
            ):
                text += " "
        text += piece
        previous = line
    return text


# --------------------------------------------------------------------------------------------
# Text lines and unruled tables
# --------------------------------------------------------------------------------------------


def _segments(line: list[_Char]) -> list[list[_Char]]:
    """A line cut where the gap is wide enough to be a column gutter."""
    segments: list[list[_Char]] = [[]]
    prev: _Char | None = None
    for ch in line:
        if ch.ch == " ":
            continue
        if prev is not None:
            size = max(min(prev.height, ch.height), 1.0)
            if ch.x0 - prev.x1 > size * 1.5:
                segments.append([])
        segments[-1].append(ch)
        prev = ch
    return [seg for seg in segments if seg]


def _stream_tables(
    page_number: int, lines: list[list[_Char]]
) -> tuple[list[_RawTable], list[list[_Char]]]:
    """Tables made of aligned text: runs of >= 3 lines with >= 2 wide-gap segments each."""
    tables: list[_RawTable] = []
    rest: list[list[_Char]] = []
    segmented = [_segments(line) for line in lines]
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and len(segmented[end]) >= 2:
            end += 1
        if end - index >= 3:
            table = _stream_table(page_number, lines[index:end], segmented[index:end])
            if table is not None:
                tables.append(table)
                index = end
                continue
        rest.extend(lines[index : max(end, index + 1)])
        index = max(end, index + 1)
    return tables, rest


def _gutters(segmented: list[list[list[_Char]]], x_lo: float, x_hi: float) -> list[float]:
    """Column gutters: x ranges crossed by the segments of at most a few lines.

    A title or a long text spanning several columns crosses a gutter in one or two lines
    only; allowing 15 % of the lines to cross keeps the columns of the others.
    """
    origin = int(x_lo)
    coverage = [0] * (int(x_hi) - origin + 2)
    for segs in segmented:
        covered: set[int] = set()
        for seg in segs:
            covered.update(range(int(seg[0].x0) - origin, int(seg[-1].x1) - origin + 1))
        for x in covered:
            coverage[x] += 1
    allowed = int(0.15 * len(segmented))
    gutters: list[float] = []
    run_start: int | None = None
    for x, count in enumerate(coverage):
        if count <= allowed:
            if run_start is None:
                run_start = x
        elif run_start is not None:
            if run_start > 0 and x - run_start >= 2:
                gutters.append(origin + (run_start + x) / 2)
            run_start = None
    return gutters


def _stream_table(
    page_number: int, lines: list[list[_Char]], segmented: list[list[list[_Char]]]
) -> _RawTable | None:
    x_lo = min(seg[0].x0 for segs in segmented for seg in segs)
    x_hi = max(seg[-1].x1 for segs in segmented for seg in segs)
    gutters = _gutters(segmented, x_lo, x_hi)
    if not gutters:
        return None
    xs = [x_lo - 1, *gutters, x_hi + 1]
    ys = [min(ch.top for ch in lines[0]) - 1]
    for current, following in itertools.pairwise(lines):
        ys.append((max(ch.bottom for ch in current) + min(ch.top for ch in following)) / 2)
    ys.append(max(ch.bottom for ch in lines[-1]) + 1)
    cells: list[_RawCell] = []
    for r, segs in enumerate(segmented):
        taken: set[int] = set()
        for seg in segs:
            c0 = min(max(bisect_right(xs, seg[0].x0) - 1, 0), len(xs) - 2)
            c1 = min(max(bisect_right(xs, seg[-1].x1 - 0.01) - 1, c0), len(xs) - 2) + 1
            if any(c in taken for c in range(c0, c1)):
                existing = next(cell for cell in cells if cell.r0 == r and cell.c0 <= c0 < cell.c1)
                existing.chars.extend(seg)
                continue
            taken.update(range(c0, c1))
            cells.append(_RawCell(r, r + 1, c0, c1, list(seg)))
        for c in range(len(xs) - 1):
            if c not in taken:
                cells.append(_RawCell(r, r + 1, c, c + 1))
    for cell in cells:
        cell.text = _cell_text(cell.chars, xs[cell.c1])
    cells.sort(key=lambda cell: (cell.r0, cell.c0))
    return _RawTable(page=page_number, xs=xs, ys=ys, cells=cells, ruled=False)


def _pdf_line(line: list[_Char]) -> PdfLine:
    visible = [ch for ch in line if ch.ch != " "] or line
    return PdfLine(
        text=_line_text(line),
        top=min(ch.top for ch in visible),
        x0=min(ch.x0 for ch in visible),
        x1=max(ch.x1 for ch in visible),
        bottom=max(ch.bottom for ch in visible),
        size=max(ch.height for ch in visible),
    )


# --------------------------------------------------------------------------------------------
# Rows, continued tables, the public API
# --------------------------------------------------------------------------------------------


def _rows(
    table: _RawTable,
    *,
    file: str,
    table_index: int,
    columns: list[float],
    first_row: int = 1,
) -> list[Row]:
    """The table's rows following the Grid convention, columns mapped onto ``columns``."""
    col_of = [_nearest(columns, x) for x in table.xs]
    nrows = len(table.ys) - 1
    starts: dict[tuple[int, int], _RawCell] = {
        (cell.r0, col_of[cell.c0]): cell for cell in table.cells
    }
    rows: list[Row] = []
    ncols = len(columns) - 1
    for r in range(nrows):
        number = first_row + len(rows)
        source = SourceRef(file=file, page=table.page, table=table_index + 1, row=number)
        cells: list[Cell] = []
        for c in range(ncols):
            raw = starts.get((r, c))
            cell_source = SourceRef(
                file=file, page=table.page, table=table_index + 1, row=number, column=c + 1
            )
            if raw is None:
                cells.append(Cell(text="", col=c, source=cell_source))
            else:
                cells.append(
                    Cell(
                        text=raw.text,
                        col=c,
                        source=cell_source,
                        colspan=max(1, col_of[raw.c1] - col_of[raw.c0]),
                        rowspan=raw.r1 - raw.r0,
                    )
                )
        rows.append(Row(cells=cells, source=source, table=table_index))
    return rows


def _nearest(columns: list[float], x: float) -> int:
    index = bisect_right(columns, x)
    if index > 0 and (index == len(columns) or x - columns[index - 1] <= columns[index] - x):
        return index - 1
    return index


def _row_texts(table: _RawTable) -> list[tuple[str, ...]]:
    """Each row as the texts of the cells starting in it, left to right."""
    rows: list[list[tuple[int, str]]] = [[] for _ in range(len(table.ys) - 1)]
    for cell in table.cells:
        rows[cell.r0].append((cell.c0, cell.text))
    return [tuple(text for _, text in sorted(row)) for row in rows]


def _repeated_header(previous: _RawTable, following: _RawTable) -> int:
    """How many leading rows of ``following`` repeat a run of rows of ``previous``.

    A table header repeated on the next page (Word's 标题行重复, reportlab's repeatRows) is
    found wherever it sat in the previous part: the header of an indicator table often sits
    below the project rows of the same ruled table.
    """
    before = _row_texts(previous)
    after = _row_texts(following)
    for count in (3, 2, 1):
        if len(after) <= count:
            continue
        block = after[:count]
        if sum(1 for row in block for text in row if text) < 2:
            continue
        for start in range(len(before) - count + 1):
            if before[start : start + count] == block:
                return count
    return 0


#: The first line of a cell that names a table: "一般公共预算支出预算表", "公开07表", "表三".
_TABLE_TITLE = re.compile(
    r"^\S{2,40}表(?:[（(][^）)]*[）)])?$|^(?:公开|附)?表\s*[一二三四五六七八九十\d]+\s*表?$"
)


def _opens_with_title(table: _RawTable) -> bool:
    """The table's first row holds a table title (a new table, whose title sits inside it)."""
    first_row = [cell for cell in table.cells if cell.r0 == 0 and cell.text]
    return any(_TABLE_TITLE.match(cell.text.strip().split("\n")[0].strip()) for cell in first_row)


def _columns_continue(previous: list[float], following: list[float]) -> bool:
    if abs(previous[0] - following[0]) > 4 * SNAP or abs(previous[-1] - following[-1]) > 4 * SNAP:
        return False
    fewer, more = sorted((previous, following), key=len)
    return all(any(abs(x - y) <= 2 * SNAP for y in more) for x in fewer)


def _union_columns(columns: list[float], more: list[float]) -> list[float]:
    merged = list(columns)
    for x in more:
        if all(abs(x - y) > 2 * SNAP for y in merged):
            merged.append(x)
    return sorted(merged)


def read_pdf(data: bytes, *, name: str, max_pages: int | None = None) -> PdfDocument:
    """Read a text-based PDF into lines and tables.

    Args:
        data: the PDF bytes.
        name: the file name as the user knows it (used in messages and every SourceRef).
        max_pages: read only the first pages (None: all).

    Returns:
        The document with its pages (running text and page tables) and logical tables.

    Raises:
        UnreadableDocument: the PDF is broken, encrypted, or has no text layer at all.
    """
    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise _open_error(name, exc) from exc
        try:
            pages, raw_tables, problems = _read_pages(pdf, name, max_pages)
        finally:
            pdf.close()
    if not pages:
        raise UnreadableDocument(name, "PDF 中没有任何页面：应为绩效目标表，实际是空文档")
    if not any(page.char_count for page in pages):
        raise UnreadableDocument(
            name,
            "PDF 没有文本层，可能是扫描件，请先做文字识别（OCR）后再导入",
            place=f"共{len(pages)}页",
        )
    doc = PdfDocument(name=name, pages=pages, problems=problems)
    _link_tables(doc, raw_tables)
    return doc


def _open_error(name: str, exc: Exception) -> UnreadableDocument:
    message = str(exc)
    if "password" in message.lower():
        return UnreadableDocument(name, "PDF 已加密，需要密码才能打开；请先取消加密再导入")
    reason = message.split("PDFium:")[-1].strip(" ).") if "PDFium:" in message else ""
    detail = _PDFIUM_ERRORS.get(reason, f"读取失败（{message}）")
    return UnreadableDocument(
        name,
        f"PDF 文件已损坏或不完整（可能只下载了一部分），无法打开：应为完整的 PDF 文件，实际{detail}",
    )


def _read_pages(
    pdf: pdfium.PdfDocument, name: str, max_pages: int | None = None
) -> tuple[list[PdfPage], list[list[_RawTable]], list[ImportProblem]]:
    pages: list[PdfPage] = []
    raw_tables: list[list[_RawTable]] = []
    problems: list[ImportProblem] = []
    count = len(pdf) if max_pages is None else min(len(pdf), max(max_pages, 0))
    for index in range(count):
        number = index + 1
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            problems.append(
                ImportProblem(
                    severity=ProblemSeverity.ERROR,
                    code="page-unreadable",
                    message=f"{name}：第{number}页无法读取（文件可能不完整），已跳过该页",
                    source=SourceRef(file=name, page=number),
                )
            )
            continue
        try:
            pdf_page, tables = _read_page(page, number, name, problems)
        finally:
            page.close()
        pages.append(pdf_page)
        raw_tables.append(tables)
    return pages, raw_tables, problems


def _clip(chars: list[_Char], edges: _Edges, tf: _Transform) -> tuple[list[_Char], int]:
    """Drop what lies outside the visible page; return the characters kept and the count dropped.

    Some generators leave text and rules beyond the page box (a table drawn twice, the copy
    off the page): viewers and printers do not show it, so neither does the grid. Rules on
    the page's very edge are dropped too.
    """
    width, height = tf.right - tf.left, tf.top - tf.bottom
    if tf.rotation in (90, 270):
        width, height = height, width
    kept = [
        ch
        for ch in chars
        if -1 <= (ch.x0 + ch.x1) / 2 <= width + 1 and -1 <= (ch.top + ch.bottom) / 2 <= height + 1
    ]
    # Rules on the page edge are a page-sized background or frame, never a table rule.
    edges.horizontal = [
        (y, max(x0, 0.0), min(x1, width))
        for y, x0, x1 in edges.horizontal
        if 1.5 < y < height - 1.5 and min(x1, width) - max(x0, 0.0) > THIN
    ]
    edges.vertical = [
        (x, max(y0, 0.0), min(y1, height))
        for x, y0, y1 in edges.vertical
        if 1.5 < x < width - 1.5 and min(y1, height) - max(y0, 0.0) > THIN
    ]
    return kept, len(chars) - len(kept)


def _read_page(
    page: pdfium.PdfPage, number: int, name: str, problems: list[ImportProblem]
) -> tuple[PdfPage, list[_RawTable]]:
    box = page.get_bbox()
    tf = _Transform((box[0], box[1], box[2], box[3]), page.get_rotation())
    width, height = page.get_width(), page.get_height()
    textpage = page.get_textpage()
    try:
        chars, unmapped = _read_chars(textpage, tf)
    finally:
        textpage.close()
    edges = _Edges()
    raw = page.raw
    objects = [
        pdfium_c.FPDFPage_GetObject(raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw))
    ]
    _collect_edges(objects, None, tf, edges)
    chars, off_page = _clip(chars, edges, tf)
    if off_page:
        problems.append(
            ImportProblem(
                severity=ProblemSeverity.INFO,
                code="page-text-off-page",
                message=f"{name}：第{number}页有 {off_page} 个字符位于页面范围之外（屏幕和打印都看不到），未导入",
                source=SourceRef(file=name, page=number),
            )
        )
    if unmapped and unmapped > len(chars):
        problems.append(
            ImportProblem(
                severity=ProblemSeverity.ERROR,
                code="page-text-unmapped",
                message=f"{name}：第{number}页有 {unmapped} 个字符的字体缺少编码映射，无法提取文字，该页内容可能不全",
                source=SourceRef(file=name, page=number),
            )
        )
    elif not chars and edges.images:
        problems.append(
            ImportProblem(
                severity=ProblemSeverity.ERROR,
                code="page-no-text",
                message=f"{name}：第{number}页只有图片没有文本层（可能是扫描页），该页内容未能读取，请做文字识别后再导入",
                source=SourceRef(file=name, page=number),
            )
        )
    tables = _ruled_tables(number, edges)
    tables.sort(key=lambda t: (t.ys[0], t.xs[0]))
    rest = chars
    kept: list[_RawTable] = []
    for table in tables:
        before = len(rest)
        outside = _fill_cells(table, rest)
        if len(outside) == before and len(table.cells) < 4:
            continue  # a box around nothing (a frame, a signature line): not a table
        rest = outside
        kept.append(table)
    lines = _group_lines(rest)
    stream, text_lines = _stream_tables(number, lines)
    kept.extend(stream)
    kept.sort(key=lambda t: (t.ys[0], t.xs[0]))
    pdf_lines = [_pdf_line(line) for line in text_lines]
    pdf_lines = [line for line in pdf_lines if line.text]
    pdf_lines.sort(key=lambda line: (line.top, line.x0))
    return (
        PdfPage(
            number=number,
            width=width,
            height=height,
            lines=pdf_lines,
            tables=[],
            char_count=len(chars),
            image_count=edges.images,
        ),
        kept,
    )


def _link_tables(doc: PdfDocument, raw_tables: list[list[_RawTable]]) -> None:
    """Build page tables and logical tables, merging tables continued on the next page."""
    logical: list[tuple[list[float], list[_RawTable]]] = []
    previous_page: PdfPage | None = None
    for page, tables in zip(doc.pages, raw_tables, strict=True):
        for position, table in enumerate(tables):
            merged = False
            if position == 0 and logical and previous_page is not None:
                columns, parts = logical[-1]
                last = parts[-1]
                repeats = any(_repeated_header(part, table) for part in parts)
                if (
                    last.page == previous_page.number
                    and _ends_page(previous_page, last, page)
                    and _starts_page(page, table, previous_page)
                    and (repeats or not _opens_with_title(table))
                    and (repeats or _columns_continue(columns, table.xs))
                ):
                    table.continues_previous = True
                    logical[-1] = (_union_columns(columns, table.xs), [*parts, table])
                    merged = True
            if not merged:
                logical.append((list(table.xs), [table]))
        previous_page = page
    page_by_number = {page.number: page for page in doc.pages}
    for index, (columns, parts) in enumerate(logical):
        rows: list[Row] = []
        for part_number, part in enumerate(parts):
            part_rows = _rows(
                part, file=doc.name, table_index=index, columns=columns, first_row=len(rows) + 1
            )
            if part_number:
                skip = max(_repeated_header(earlier, part) for earlier in parts[:part_number])
                part_rows = part_rows[skip:]
                part_rows = _renumber(part_rows, len(rows) + 1)
            rows.extend(part_rows)
            if len(parts) == 1:
                page_rows = part_rows  # same table, same columns: the page shares the rows
            else:
                page_rows = _rows(part, file=doc.name, table_index=index, columns=list(part.xs))
            page_by_number[part.page].tables.append(
                PdfTable(
                    page=part.page,
                    bbox=part.bbox,
                    rows=page_rows,
                    ruled=part.ruled,
                    continues_previous=part.continues_previous,
                    pages=[part.page],
                    columns=list(part.xs),
                )
            )
        doc.tables.append(
            PdfTable(
                page=parts[0].page,
                bbox=parts[0].bbox,
                rows=rows,
                ruled=parts[0].ruled,
                pages=[part.page for part in parts],
                columns=columns,
            )
        )


def _renumber(rows: list[Row], first: int) -> list[Row]:
    for offset, row in enumerate(rows):
        number = first + offset
        row.source = row.source.model_copy(update={"row": number})
        for cell in row.cells:
            cell.source = cell.source.model_copy(update={"row": number})
    return rows


def _is_furniture(line: PdfLine, other: PdfPage) -> bool:
    """A page number, or a running head or foot printed at the same place on the other page."""
    if _PAGE_FURNITURE.match(line.text):
        return True
    return any(o.text == line.text and abs(o.top - line.top) <= 3 for o in other.lines)


def _ends_page(page: PdfPage, table: _RawTable, following: PdfPage) -> bool:
    bottom = table.ys[-1]
    return not any(
        line.top >= bottom - 1 and not _is_furniture(line, following) for line in page.lines
    )


def _starts_page(page: PdfPage, table: _RawTable, previous: PdfPage) -> bool:
    top = table.ys[0]
    return not any(
        line.bottom <= top + 1 and not _is_furniture(line, previous) for line in page.lines
    )


#: A line starting like this starts a paragraph even under a line that fills the measure:
#: a numbered item (一、 （二） 3. 4）) or a short label with a colon (绩效指标： 备注：).
_PARAGRAPH_START = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十百\d]{1,3}[）)、.．]|[^，。；：:,\s]{1,8}[：:]|备注|注\s*[：:\d])"
)


def _wraps_into(previous: PdfLine, line: PdfLine, left: float, right: float) -> bool:
    """True when ``line`` continues the paragraph ``previous`` wrapped at the right margin."""
    size = max(previous.size, 1.0)
    return (
        abs(line.size - previous.size) <= 0.15 * size
        and right - previous.x1 <= 1.5 * size
        and previous.x0 - left <= 2.5 * size
        and line.x0 <= previous.x0 + 0.5 * size
        and 0 <= line.top - previous.bottom <= 1.0 * size
        and len(previous.text) >= 10
        and not _PARAGRAPH_START.match(line.text)
    )


def pdf_grid(doc: PdfDocument) -> Grid:
    """The document as one :class:`~jixiao.importers.base.Grid`, in reading order.

    Args:
        doc: a document from :func:`read_pdf`.

    Returns:
        The grid: running text as one-cell rows with ``table=None`` and
        ``SourceRef(page=, line=, line_end=)`` (lines counted 1-based among the page's
        running lines; a paragraph wrapped at the right margin is one row, its lines joined
        as in table cells); the rows of each logical table once, ``Row.table`` being its
        index in ``doc.tables`` and its cells carrying ``SourceRef(page=, table=, row=,
        column=)``. The grid's problems are the document's (image-only pages, unmapped fonts).
    """
    grid = Grid(file=doc.name, problems=list(doc.problems))
    table_at: dict[tuple[int, int], int] = {}
    for index, table in enumerate(doc.tables):
        table_at[(table.page, round(table.bbox[1] * 100))] = index
    for page in doc.pages:
        items: list[tuple[float, int, object]] = []
        for number, line in enumerate(page.lines, start=1):
            items.append((line.top, 0, (number, line)))
        for table in page.tables:
            if table.continues_previous:
                continue
            index = table_at.get((page.number, round(table.bbox[1] * 100)))
            if index is not None:
                items.append((table.bbox[1], 1, index))
        items.sort(key=lambda item: (item[0], item[1]))
        left = min((line.x0 for line in page.lines), default=0.0)
        # The text block's right edge: page margins are usually symmetric.
        right = max([line.x1 for line in page.lines] + [page.width - left])
        paragraph: list[tuple[int, PdfLine]] = []
        for _, kind, payload in items:
            if kind == 0:
                number, line = payload  # type: ignore[misc]
                if paragraph and _wraps_into(paragraph[-1][1], line, left, right):
                    paragraph.append((number, line))
                    continue
                _flush_paragraph(grid, page.number, paragraph)
                paragraph = [(number, line)]
            else:
                _flush_paragraph(grid, page.number, paragraph)
                paragraph = []
                grid.rows.extend(doc.tables[payload].rows)  # type: ignore[index]
        _flush_paragraph(grid, page.number, paragraph)
    return grid


def _flush_paragraph(grid: Grid, page: int, paragraph: list[tuple[int, PdfLine]]) -> None:
    if not paragraph:
        return
    text = ""
    for _, line in paragraph:
        if (
            text
            and text[-1].isascii()
            and text[-1].isalpha()
            and line.text[:1].isascii()
            and line.text[:1].isalpha()
        ):
            text += " "
        text += line.text
    first, last = paragraph[0][0], paragraph[-1][0]
    source = SourceRef(
        file=grid.file, page=page, line=first, line_end=last if last != first else None
    )
    grid.rows.append(Row(cells=[Cell(text=text, col=0, source=source)], source=source))
