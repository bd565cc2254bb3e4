"""Read the disclosure tables from a real PDF (ruled tables), rebuilding rows and columns from positions.

Pages come from one of two readers, both turned into :class:`_PageView` (title lines with their
position, tables as grids): jixiao's own :mod:`jixiao.importers.pdfgrid` (default: fast, keeps
cell spans) or pdfplumber's ruled-table finder (``backend="pdfplumber"``, and the fallback when
pdfgrid fails). A title line (classified by :func:`classify_title`; on a page or in a table's
first cells) owns the tables below it; a table above every title continues the previous page's
table, with a repeated header dropped. Header cells are given to every column they span, so each
column gets a path of labels (``本年收入 / 财政拨款收入``) that is mapped to the model's column
keys; a body cell goes to the labelled column its span overlaps most. Transposed 三公 tables
(items as columns, Jiangsu) are turned back into rows. A title without a table under it (a table
printed as an image, or in another file) is reported, not read as an empty table.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.disclosure.assemble import (
    RawRow,
    SourceCells,
    SummarySide,
    build_by_source,
    build_classified,
    build_summary,
    build_three_public,
    is_expenditure_label,
    normalise_units,
    parse_number,
    purpose_key,
    three_public_key,
)
from jixiao.disclosure.catalogue import Catalogue, load_catalogue
from jixiao.disclosure.dates import find_dates
from jixiao.disclosure.model import Disclosure, GenericTable, TableKind
from jixiao.disclosure.parse_text import classify_title
from jixiao.errors import UnreadableDocument
from jixiao.model import MoneyUnit, SourceRef

_UNIT = re.compile(r"单位[：:]\s*(万元|元)")
_DEPT = re.compile(r"(?:编制部门|编制单位|部门(?:名称)?)[：:]\s*(\S+)")
_DEPT_CODE = re.compile(r"部门编码[：:]\s*(\d+)")
_YEAR = re.compile(r"(20\d{2})\s*年")
_BUDGET_YEAR = re.compile(r"预算年度[：:]\s*(20\d{2})")
_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(.*)$")

COLUMN_KEYS: dict[TableKind, list[tuple[str, str]]] = {
    TableKind.T2: [("小计", "subtotal"), ("财政拨款", "fiscal"), ("财政专户", "special_account"),
                   ("经营", "operating"), ("事业收入", "business"), ("上级补助", "superior_subsidy"),
                   ("附属单位", "subsidiary_remit"), ("其他收入", "other"), ("结转", "carryover"), ("合计", "total"),
                   ("总计", "total"), ("金额", "total")],
    TableKind.T3: [("基本", "basic"), ("项目", "project"), ("经营", "operating"), ("上解", "remit_superior"),
                   ("附属单位", "subsidy_subordinate"), ("机动", "reserve"), ("结转下年", "carry_next"),
                   ("合计", "total")],
    TableKind.T5: [("基本", "basic"), ("项目", "project"), ("合计", "total"), ("金额", "total")],
    TableKind.T6: [("人员", "personnel"), ("公用", "public"), ("合计", "total"), ("金额", "total")],
}
COLUMN_KEYS[TableKind.T7] = COLUMN_KEYS[TableKind.T5]
COLUMN_KEYS[TableKind.T8] = COLUMN_KEYS[TableKind.T5]
FUND_KEYS = [("一般公共预算", "general"), ("政府性基金", "fund"), ("国有资本经营", "capital"), ("合计", "amount"),
             ("小计", "amount"), ("金额", "amount"), ("预算数", "amount")]


@dataclass(slots=True)
class _Grid:
    page: int
    rows: list[list[str]]
    paths: list[list[str]]
    """Per column, the header labels above it (top to bottom)."""
    first_data: int
    anchors: list = field(default_factory=list)
    edges: list[float] = field(default_factory=list)
    """pdfgrid only: the x positions of the table's column edges."""
    header_texts: frozenset[str] = frozenset()
    """The texts of the header rows (to recognise a header repeated on the next page)."""
    """pdfgrid only: the labelled column spans, for a continuation without its own header."""


@dataclass(slots=True)
class _Found:
    kind: TableKind
    title: str
    unit: MoneyUnit
    page: int
    grids: list[_Grid] = field(default_factory=list)
    note: str | None = None


def _clean(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


def _is_data_row(cells: list[str]) -> bool:
    return any(parse_number(cell) is not None and re.search(r"\d", cell) for cell in cells if cell)


def _is_title_line(text: str) -> bool:
    text = text.strip()
    return (len(text) <= 60 and "表" in text and not any(w in text for w in ("本表", "说明", "反映", "。", "详见", "附后"))
            and not text.startswith(("注", "（", "(")))


def _read_grids(page, number: int, previous: _Grid | None = None) -> list[tuple[float, _Grid]]:
    """The ruled tables of a page, top to bottom, as (top, grid); the first may repeat the header of
    ``previous`` (the last table of the previous page)."""
    out = []
    for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
        grid = _read_grid(table, number, previous if not out else None)
        if grid is not None and grid.rows:
            out.append((table.bbox[1], grid))
    return out


def _repeated_header(rows: list[list[str]], previous: _Grid | None) -> int:
    """How many leading rows repeat ``previous``'s header (0 when none or no previous)."""
    if previous is None or not previous.header_texts:
        return 0
    count = 0
    for row in rows:
        texts = {cell for cell in row if cell}
        if texts and texts <= previous.header_texts:
            count += 1
        else:
            break
    return count


def _read_grid(table, number: int, previous: _Grid | None = None) -> _Grid | None:
    """A pdfplumber table as rows of cleaned cells with a header path per column."""
    data = table.extract()
    if not data:
        return None
    width = max(len(row) for row in data)
    # Column x-ranges: the narrowest box seen in each column.
    spans: list[tuple[float, float] | None] = [None] * width
    for row in table.rows:
        for j, cell in enumerate(row.cells):
            if cell is None or j >= width:
                continue
            if spans[j] is None or (cell[2] - cell[0]) < (spans[j][1] - spans[j][0]):  # type: ignore[index]
                spans[j] = (cell[0], cell[2])
    rows = [[_clean(cell) for cell in row] + [""] * (width - len(row)) for row in data]
    first_data = _repeated_header(rows, previous) or next(
        (i for i, row in enumerate(rows) if _is_data_row(row)), len(rows))
    paths: list[list[str]] = [[] for _ in range(width)]
    for i in range(first_data):
        cells = table.rows[i].cells if i < len(table.rows) else []
        for j, box in enumerate(cells):
            text = rows[i][j] if j < width else ""
            if box is None or not text or "单位：" in text or "部门：" in text or text.endswith("表"):
                continue
            for k, span in enumerate(spans):
                if span is not None and box[0] - 1 <= (span[0] + span[1]) / 2 <= box[2] + 1:
                    paths[k].append(text)
    headers = frozenset(cell for row in rows[:first_data] for cell in row if cell)
    return _Grid(page=number, rows=rows, paths=paths, first_data=first_data,
                 header_texts=headers or (previous.header_texts if previous is not None else frozenset()))


def _key(path: list[str], table: list[tuple[str, str]]) -> str | None:
    for label in reversed(path):
        for word, key in table:
            if word in label:
                return key
    return None


def _code_columns(paths: list[list[str]]) -> tuple[list[int], int | None]:
    code_cols = [j for j, path in enumerate(paths) if path and (path[-1] in ("类", "款", "项") or "编码" in path[-1]
                                                               or "代码" in path[-1])]
    name_col = next((j for j, path in enumerate(paths) if path and ("名称" in path[-1] or path[-1] in ("项目", "科目"))),
                    None)
    return code_cols, name_col


def _classified_rows(found: _Found, file: str) -> tuple[list[RawRow], list[str]]:
    keys = COLUMN_KEYS[found.kind]
    raw: list[RawRow] = []
    columns: list[str] = []
    paths: list[list[str]] | None = None
    for grid in found.grids:
        if grid.first_data > 0 or paths is None:
            paths = grid.paths
        code_cols, name_col = _code_columns(paths)
        value_cols = {j: _key(path, keys) for j, path in enumerate(paths) if j not in code_cols and j != name_col}
        for key in value_cols.values():
            if key and key not in columns:
                columns.append(key)
        for index, row in enumerate(grid.rows[grid.first_data:], start=grid.first_data + 1):
            # A 款/项 part printed without its leading zero (``301 | 2`` for 30102, Putuo 2024) is padded.
            pieces = [_clean(row[j]) for j in code_cols if j < len(row)]
            code = "".join(p.zfill(2) if n and len(p) == 1 and p.isdigit() else p
                           for n, p in enumerate(pieces)) or None
            name = row[name_col] if name_col is not None and name_col < len(row) else ""
            if code is not None and not code.isdigit():
                name, code = code + name, None
            if code is None and name:
                match = _CODE.match(name)
                if match:
                    code, name = match.group(1), match.group(2)
            cells = {key: parse_number(row[j]) for j, key in value_cols.items() if key and j < len(row)}
            if code is None and not name and raw and raw[-1].code and raw[-1].cells is not None \
                    and not any(v is not None for v in raw[-1].cells.values()):
                # The amounts of a coded row printed one line lower (Jiangsu 2018): join them.
                raw[-1].cells.update({k: v for k, v in cells.items() if v is not None})
                continue
            if code is None and not ("合计" in name or "总计" in name or (not name and any(cells.values()))):
                continue
            if code is None and not any(v is not None for v in cells.values()):
                continue
            raw.append(RawRow(label=name, code=code, cells=cells,
                              source=SourceRef(file=file, page=grid.page, row=index)))
    # A 合计 row printed last (Shanghai) is moved first, as in the model.
    raw.sort(key=lambda r: 0 if r.code is None else 1)
    ordered = list(dict.fromkeys(["total", *[k for _, k in keys]]))
    return raw, [c for c in ordered if c in columns]


def _data_rows(found: _Found) -> list[tuple[int, int, list[str]]]:
    return [(grid.page, index, row) for grid in found.grids
            for index, row in enumerate(grid.rows[grid.first_data:], start=grid.first_data + 1)]


def _is_by_source(found: _Found) -> bool:
    """Whether an income table lists sources (``一般公共预算资金 | 小计``) rather than function classes."""
    rows = _data_rows(found)
    has_subtotal = any(_clean(cell) == "小计" for _, _, row in rows for cell in row)
    has_code = any(re.match(r"\d{3}(?:\d{2}){0,2}(?:$|[\u4e00-\u9fff])", _clean(cell))
                   for _, _, row in rows for cell in row[:3])
    return has_subtotal and not has_code


def _source_rows(found: _Found, file: str) -> list[SourceCells]:
    """The rows of an income-by-source table: labels, amount, and whether the row says 小计
    (printed in a column of its own, or glued to the amount when the grid merges them)."""
    out: list[SourceCells] = []
    for page, index, row in _data_rows(found):
        labels: list[str] = []
        amount: Decimal | None = None
        subtotal = False
        for cell in row:
            text = _clean(cell)
            if text.startswith("小计"):
                subtotal, text = True, text[2:]
            if not text:
                continue
            glued = re.fullmatch(r"(.*[\u4e00-\u9fff)）])(-?\d[\d,]*\.\d+)", text)  # 其他收入15.00: label and amount in one cell
            if glued:
                labels.append(glued.group(1))
                text = glued.group(2)
            number = parse_number(text) if re.search(r"\d", text) else None
            if number is not None:
                amount = number
            else:
                labels.append(text)
        out.append(SourceCells(labels, amount, subtotal, SourceRef(file=file, page=page, row=index)))
    return out


_ORDINAL_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、．])")
_TOTAL_WORDS = ("小计", "合计", "总计", "结转", "结余")
_GLUED = re.compile(r"(-?\d[\d,]*\.\d+)?(\D*[\u4e00-\u9fff]\D*?)(-?\d[\d,]*\.\d+)?")


def _part(path: list[str]) -> str | None:
    """Which part of a summary table a column belongs to, from its header path."""
    text = "".join(path)
    if "支出用途" in text:
        return "purpose"
    if "支出" in text:
        return "expenditure"
    if "收入" in text:
        return "income"
    return None


def _summary_sides(found: _Found, file: str) -> tuple[list[SummarySide], list[SummarySide]]:
    """The income and expenditure labels of T1/T4 with their amounts (the expenditure half includes
    Jiangsu's 支出用途 part). An amount is taken from the label's own part of the table (except for
    the totals, printed across parts); a label wrapped over two lines (``1.一般公共预`` / ``算``) is
    joined, and an amount printed on the line between (the other part's label line) goes to it."""
    income: list[SummarySide] = []
    expenditure: list[SummarySide] = []
    paths: list[list[str]] | None = None
    for grid in found.grids:
        if grid.first_data > 0 or paths is None:
            paths = grid.paths
        width = len(paths)
        parts = [_part(path) for path in paths]
        label_cols = [j for j in range(width) if not any(parse_number(r[j]) is not None and re.search(r"\d", r[j])
                                                           for r in grid.rows[grid.first_data:] if j < len(r))
                      and any(r[j] for r in grid.rows[grid.first_data:] if j < len(r))]
        numeric_cols = {j for j in range(width) if any(j < len(r) and re.search(r"\d", r[j]) and parse_number(r[j])
                                                        is not None for r in grid.rows[grid.first_data:])}
        # An amount column is in the part of the label column before it (a spanning header cell can
        # put the wrong part in its path).
        for k in range(width):
            if k not in label_cols:
                parts[k] = next((parts[j] for j in reversed(label_cols) if j < k), parts[k])
        last: dict[int, tuple[SummarySide, int]] = {}
        for index, row in enumerate(grid.rows[grid.first_data:], start=grid.first_data + 1):
            src = SourceRef(file=file, page=grid.page, row=index)
            # A label printed in an amount column (a total spanning it, 当年支出小计) is a label too.
            filled = [j for j in range(min(width, len(row))) if row[j] and (j in label_cols or (
                parse_number(row[j]) is None and not re.search(r"\d", row[j])))]
            used: set[int] = set()
            row_sides: list[SummarySide] = []
            for j in filled:
                n = label_cols.index(j) if j in label_cols else len(label_cols)
                label = row[j]
                # Amounts glued to a label (``13,649.07支出合计13,649.07``): the leading one is the
                # previous label's on this line, the trailing one this label's.
                glued = _GLUED.fullmatch(_clean(label))
                lead = trail = None
                if glued and (glued.group(1) or glued.group(3)):
                    lead, label, trail = (parse_number(glued.group(1)) if glued.group(1) else None, glued.group(2),
                                          parse_number(glued.group(3)) if glued.group(3) else None)
                    if lead is not None and row_sides and not row_sides[-1].numbers:
                        row_sides[-1].cells = {**(row_sides[-1].cells or {}), "amount": lead}
                        row_sides[-1].numbers = [lead]
                is_total = any(word in _clean(label) for word in _TOTAL_WORDS)
                # The amount belongs up to the next label printed in this row (a total label spanning
                # the next part's label column keeps its amount there, Jiangsu's 支出小计).
                stop = next((k for k in filled if k > j), width)
                cells: dict[str, Decimal | None] = {}
                for k in range(j + 1, stop):
                    if k not in numeric_cols:
                        continue
                    if not is_total and parts[j] and parts[k] and parts[k] != parts[j]:
                        continue
                    key = _key(paths[k], FUND_KEYS) or ("amount" if not cells else None)
                    if key and (key not in cells or cells[key] is None):
                        cells[key] = parse_number(row[k]) if k < len(row) else None
                        used.add(k)
                previous = last.get(j)
                if (previous is not None and index - previous[1] <= 3 and not is_total and j in label_cols
                        and not _ORDINAL_LABEL.match(_clean(label)) and _ORDINAL_LABEL.match(_clean(previous[0].label))
                        and not any(v is not None for v in cells.values())):
                    previous[0].label = previous[0].label.strip() + label.strip()  # the rest of a wrapped label
                    continue
                if trail is not None and not any(v is not None for v in cells.values()):
                    cells = {"amount": trail}
                side = SummarySide(label, [v for v in cells.values() if v is not None], cells=cells, source=src)
                row_sides.append(side)
                last[j] = (side, index)
                if parts[j] == "income" or (parts[j] is None and n == 0 and not is_expenditure_label(label)):
                    income.append(side)
                elif parts[j] is not None or n == 0 or n == 1 or purpose_key(label) is not None:
                    # A third part (Jiangsu's 支出用途) is kept as purpose lines.
                    expenditure.append(side)
            for k in sorted(numeric_cols - used):
                value = parse_number(row[k]) if k < len(row) and row[k] else None
                if value is None or parts[k] is None:
                    continue
                # An amount with no label of its part on its line: the label wrapped around it.
                owner = max(((side, at) for j, (side, at) in last.items() if parts[j] == parts[k] and j < k
                             and index - at <= 2 and not side.numbers
                             and not any(word in _clean(side.label) for word in _TOTAL_WORDS)),
                            key=lambda item: item[1], default=None)
                if owner is not None:
                    side = owner[0]
                    key = _key(paths[k], FUND_KEYS) or "amount"
                    side.cells = {**(side.cells or {}), key: value}
                    side.numbers = [v for v in side.cells.values() if v is not None]
    return income, expenditure


def _three_public_column(path: list[str]) -> tuple[str | None, str]:
    """The 三公 item of a transposed column from its header path; labels split over header rows
    (``因公出`` / ``国（境）`` / ``费``) are joined from the bottom up until they name an item."""
    if path[-1] == "小计" and len(path) > 1:
        parent = "".join(path[:-1])
        return ("subtotal" if parent.endswith(("三公”经费", "三公经费")) else three_public_key(path[-2])), path[-2]
    for start in range(len(path) - 1, -1, -1):
        label = "".join(path[start:])
        key = three_public_key(label)
        if key is not None:
            return key, label
    return None, path[-1]


def _three_public_rows(found: _Found, file: str) -> list[RawRow]:
    raw: list[RawRow] = []
    grid = found.grids[0]
    paths = grid.paths
    transposed = any("因公出国" in "".join(path) for path in paths)
    if transposed:
        extra = any("会议" in "".join(p) or "培训" in "".join(p) or "机关运行" in "".join(p) for p in paths)
        data = grid.rows[grid.first_data] if grid.first_data < len(grid.rows) else []
        seen: dict[str, int] = {}
        for j, path in enumerate(paths):
            if not path or j >= len(data):
                continue
            key, label = _three_public_column(path)
            if key is None or (key == "total" and extra) or "机关运行" in "".join(path):
                continue
            value = parse_number(data[j])
            if key in seen:  # a spacer column under the same heading, or the same item again
                if value is not None and raw[seen[key]].cells.get("total") is None:
                    raw[seen[key]].cells["total"] = value
                continue
            seen[key] = len(raw)
            raw.append(RawRow(label=label, cells={"total": value},
                              source=SourceRef(file=file, page=grid.page, row=grid.first_data + 1, column=j + 1)))
        return raw
    for g in found.grids:
        label_col = 0
        value_cols = {j: _key(path, [("一般公共预算", "general"), ("政府性基金", "fund"), ("国有资本", "capital"),
                                     ("合计", "total")]) for j, path in enumerate(g.paths) if j != label_col}
        for index, row in enumerate(g.rows[g.first_data:], start=g.first_data + 1):
            label = next((cell for cell in row if cell and parse_number(cell) is None), "")
            cells = {key: parse_number(row[j]) for j, key in value_cols.items() if key and j < len(row)}
            raw.append(RawRow(label=label, cells=cells, source=SourceRef(file=file, page=g.page, row=index)))
    return raw


@dataclass(slots=True)
class _PageView:
    """What the table finder needs of one page, whichever PDF reader produced it."""

    number: int
    text: str
    titles: list[tuple[float, str]]
    """Candidate title lines with their top (points)."""
    grids: list[tuple[float, _Grid]]
    continues_previous: bool = False
    """The page's first table continues the previous page's last table (pdfgrid's judgement)."""


def _pages_pdfplumber(data: bytes, name: str, problems: list[str], max_pages: int | None) -> list[_PageView]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds of error for broken files
        raise UnreadableDocument(name, f"无法打开 PDF：{exc}") from exc
    views: list[_PageView] = []
    with pdf:
        for number, page in enumerate(pdf.pages[:max_pages], start=1):
            try:
                text = page.extract_text() or ""
                lines = page.extract_text_lines() if "表" in text else []
                previous = next((g for v in reversed(views) for _, g in reversed(v.grids)), None)
                grids = _read_grids(page, number, previous) if "表" in text or views else []
            except Exception as exc:
                problems.append(f"{name} 第{number}页：无法读取（{exc}）")
                views.append(_PageView(number, "", [], []))
                continue
            views.append(_PageView(number, text, [(line["top"], line["text"]) for line in lines], grids))
    return views


@dataclass(slots=True)
class _Anchor:
    lo: int
    hi: int
    path: list[str]
    x0: float | None = None
    x1: float | None = None
    """The column's left and right edge on the page, when the table knows its column edges."""


def _grid_from_pdftable(table, number: int, previous: _Grid | None) -> _Grid:
    """A pdfgrid table as a dense grid over its labelled columns.

    Header cells give each elementary column a path of labels; consecutive columns with the same
    path form one labelled column (an anchor). A body cell goes to the anchor its span overlaps most
    on the page (by the table's column edges; by column index when they are unknown or when a
    continuation is drawn with a grid of its own), so values printed a little off their header
    (merged cells drawn unevenly) still land right.
    """
    rows = table.rows
    width = max([table.column_count] + [c.col + c.colspan for row in rows for c in row.cells] + [1])
    first_data = next((i for i, row in enumerate(rows) if _is_data_row([_clean(c.text) for c in row.cells])),
                      len(rows))
    if previous is not None and previous.header_texts:
        # A continuation: only the rows repeating the previous header are header rows (rows without
        # amounts after them are data, e.g. empty 类 lines of the 收支总表).
        repeated = 0
        for row in rows:
            texts = {_clean(c.text) for c in row.cells if _clean(c.text)}
            if texts and texts <= previous.header_texts:
                repeated += 1
            else:
                break
        first_data = repeated
    paths: list[list[str]] = [[] for _ in range(width)]
    for row in rows[:first_data]:
        for cell in row.cells:
            text = _clean(cell.text)
            if not text or "单位：" in text or "部门：" in text or text.endswith("表"):
                continue
            for j in range(cell.col, min(width, cell.col + cell.colspan)):
                if not paths[j] or paths[j][-1] != text:
                    paths[j].append(text)
    anchors: list[_Anchor] = []
    for j, path in enumerate(paths):
        if not path:
            continue
        if anchors and anchors[-1].path == path and anchors[-1].hi == j - 1:
            anchors[-1].hi = j
        else:
            anchors.append(_Anchor(j, j, path))
    edges = list(getattr(table, "columns", []) or [])
    by_x = len(edges) == width + 1
    if by_x:
        for anchor in anchors:
            anchor.x0, anchor.x1 = edges[anchor.lo], edges[anchor.hi + 1]
    if previous is not None and (first_data == 0 or not anchors) and previous.anchors:
        if by_x and all(a.x0 is not None for a in previous.anchors) and _same_edges(edges, previous.edges):
            # Same page geometry: place this table's cells under the previous table's columns by position.
            anchors = [_Anchor(a.lo, a.hi, list(a.path), a.x0, a.x1) for a in previous.anchors]
        else:
            anchors = _continued_anchors(rows, previous.anchors)
            by_x = False
    if not anchors:
        anchors = [_Anchor(j, j, [], edges[j] if by_x else None, edges[j + 1] if by_x else None)
                   for j in range(width)]
    dense_rows: list[list[str]] = []
    for row in rows:
        dense = [""] * len(anchors)
        for cell in row.cells:
            text = _clean(cell.text)
            if not text:
                continue
            if by_x:
                lo_x, hi_x = edges[cell.col], edges[min(cell.col + cell.colspan, width)]

                def score(k: int, lo: float = lo_x, hi: float = hi_x, dense: list[str] = dense) -> tuple:
                    a = anchors[k]
                    overlap = min(hi, a.x1) - max(lo, a.x0)  # type: ignore[operator]
                    distance = 0.0 if overlap > 0 else min(abs(a.x0 - hi), abs(lo - a.x1))  # type: ignore[operator]
                    return (-max(overlap, 0.0), distance, 1 if dense[k] else 0)
            else:
                lo_i, hi_i = cell.col, cell.col + cell.colspan - 1

                def score(k: int, lo: int = lo_i, hi: int = hi_i, dense: list[str] = dense) -> tuple:
                    a = anchors[k]
                    overlap = min(hi, a.hi) - max(lo, a.lo) + 1
                    distance = 0 if overlap > 0 else min(abs(a.lo - hi), abs(lo - a.hi))
                    return (-max(overlap, 0), distance, 1 if dense[k] else 0)

            k = min(range(len(anchors)), key=score)
            dense[k] = dense[k] + text if dense[k] else text
        dense_rows.append(dense)
    grid = _Grid(page=number, rows=dense_rows, paths=[a.path for a in anchors], first_data=first_data)
    grid.anchors = anchors
    grid.edges = edges
    grid.header_texts = frozenset(_clean(c.text) for row in rows[:first_data] for c in row.cells if _clean(c.text)) \
        or (previous.header_texts if previous is not None else frozenset())
    return grid


def _same_edges(edges: list[float], previous: list[float], tolerance: float = 2.0) -> bool:
    """Whether a continuation is drawn with the previous table's column edges (Shanghai) rather
    than a grid of its own (Jiangsu's continuation pages)."""
    return bool(edges) and bool(previous) and all(
        any(abs(x - y) <= tolerance for y in previous) for x in edges)


def _continued_anchors(rows, previous: list[_Anchor]) -> list[_Anchor]:
    """Columns of a continuation without its own header: the previous table's when the cell positions
    fit them, else the distinct cell positions of this table taken in order (cells merged differently)."""
    starts = sorted({(c.col, c.col + c.colspan - 1) for row in rows for c in row.cells if c.text.strip()})
    fits = all(any(a.lo <= lo <= a.hi or lo <= a.lo <= hi for a in previous) for lo, hi in starts)
    if fits and max((hi for _, hi in starts), default=0) <= previous[-1].hi + 1:
        return [_Anchor(a.lo, a.hi, list(a.path)) for a in previous]
    merged: list[tuple[int, int]] = []
    for lo, hi in starts:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    paths = [a.path for a in previous]
    if len(merged) < len(paths) and len(merged) >= 2:
        # The code and name share one cell: give the first span the code/name path, the rest the values.
        paths = [paths[0], *paths[len(paths) - len(merged) + 1:]]
    return [_Anchor(lo, hi, list(paths[i]) if i < len(paths) else []) for i, (lo, hi) in enumerate(merged)]


def _pages_pdfgrid(data: bytes, name: str, problems: list[str], max_pages: int | None) -> list[_PageView]:
    from jixiao.importers.pdfgrid import read_pdf

    document = read_pdf(data, name=name)
    problems.extend(problem.message for problem in document.problems)
    views: list[_PageView] = []
    previous: _Grid | None = None
    for page in document.pages[:max_pages]:
        text_parts = [line.text for line in page.lines]
        grids: list[tuple[float, _Grid]] = []
        titles = [(line.top, line.text) for line in page.lines]
        for table in page.tables:
            # Some layouts print the title inside the table's first row (Jiangsu 2019).
            for row in table.rows[:2]:
                for cell in row.cells:
                    for line in cell.text.strip().splitlines()[:3]:
                        if _is_title_line(line) and ("预算" in line or "经费" in line):
                            titles.append((table.bbox[1] - 1, line.strip()))
                            break
            grid = _grid_from_pdftable(table, page.number, previous if table.continues_previous else None)
            grids.append((table.bbox[1], grid))
            text_parts.extend(" ".join(row.texts()) for row in table.rows[:3])
            previous = grid
        continues = bool(page.tables) and page.tables[0].continues_previous
        views.append(_PageView(page.number, "\n".join(text_parts), titles, grids, continues))
    return views


def parse_disclosure_pdf(data: bytes, *, name: str, catalogue: Catalogue | None = None,
                         max_pages: int | None = None, backend: str = "pdfgrid") -> Disclosure:
    """Read the disclosure tables of a PDF. Raises :class:`UnreadableDocument` for a broken PDF.

    ``backend``: ``"pdfgrid"`` (jixiao's pdfium reader, fast, cell spans kept) or ``"pdfplumber"``.
    """
    disclosure = Disclosure(file=name)
    found: dict[TableKind, _Found] = {}
    texts: list[str] = []
    if backend == "pdfgrid":
        try:
            views = _pages_pdfgrid(data, name, disclosure.problems, max_pages)
        except UnreadableDocument:
            raise
        except Exception as exc:  # the fast reader failing must not lose the file
            disclosure.problems.append(f"{name}：pdfgrid 无法读取（{type(exc).__name__}: {exc}），已改用 pdfplumber")
            views = _pages_pdfplumber(data, name, disclosure.problems, max_pages)
    else:
        views = _pages_pdfplumber(data, name, disclosure.problems, max_pages)
    current: _Found | None = None
    for view in views:
        number, text = view.number, view.text
        texts.append(text)
        all_titles = [(top, classify_title(line), line.strip()) for top, line in view.titles if _is_title_line(line)]
        titles = [(top, kind, line) for top, kind, line in all_titles if kind is not None]
        tables = view.grids
        if not titles and (current is None or not tables or not (view.continues_previous or tables[0][0] < 200)):
            current = None
            continue
        unit_match = _UNIT.search(text)
        if disclosure.department_name is None:
            dept = _DEPT.search(text)
            if dept:
                disclosure.department_name = dept.group(1)
            code = _DEPT_CODE.search(text)
            if code:
                disclosure.department_code = code.group(1)
        if disclosure.year is None and titles:
            year = _YEAR.search(titles[0][2]) or _BUDGET_YEAR.search(text) or _YEAR.search(text)
            if year:
                disclosure.year = int(year.group(1))
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        note = next((line for line in lines if line.startswith("注") and ("空表" in line or "无" in line[:8])), None)
        # Tables above the first title continue the previous page's table.
        for top, grid in tables:
            owner = max((t for t in all_titles if t[0] < top), default=None, key=lambda t: t[0])
            if owner is None:
                if current is not None:
                    current.grids.append(grid)
                continue
            _, kind, title = owner
            if kind is None:  # a table we do not read (机关运行经费, 项目支出 …)
                current = None
                continue
            if kind in found and found[kind].title != title and found[kind].grids:
                current = None
                continue
            if kind not in found or not found[kind].grids:
                # (A title seen before without a table under it, e.g. in the table of contents.)
                unit = MoneyUnit(unit_match.group(1)) if unit_match else MoneyUnit.WAN_YUAN
                found[kind] = _Found(kind=kind, title=title, unit=unit, page=number, note=note)
            current = found[kind]
            if not any(g is grid for g in current.grids):
                current.grids.append(grid)
        for _, kind, title in titles:
            if kind not in found or (not found[kind].grids and unit_match):
                # A title without a table under it: an empty table, a table printed as an image, or a
                # table of contents (replaced when the table itself comes).
                unit = MoneyUnit(unit_match.group(1)) if unit_match else MoneyUnit.WAN_YUAN
                found[kind] = _Found(kind=kind, title=title, unit=unit, page=number, note=note)
                current = None
        if titles:
            last_top, last_kind, _ = max(titles, key=lambda t: t[0])
            if not any(top > last_top for top, _ in tables) and not found[last_kind].grids:
                current = found[last_kind]  # its table starts on the next page
    catalogue = catalogue or load_catalogue(disclosure.year)
    for kind, item in list(found.items()):
        if not item.grids and not item.note:
            # A title with no table under it and no note: the table is an image, or in another file.
            disclosure.problems.append(
                f"{name} 第{item.page}页：有表名“{item.title}”，但没有读到表格（可能是图片，或表格在另一个文件中）")
            del found[kind]
    for kind, item in found.items():
        where = SourceRef(file=name, page=item.page)
        try:
            if kind in (TableKind.T1, TableKind.T4):
                income, expenditure = _summary_sides(item, name)
                disclosure.tables[kind] = build_summary(kind, income, expenditure, unit=item.unit, catalogue=catalogue,
                                                        title=item.title, source=where)
            elif kind == TableKind.T9:
                raw = _three_public_rows(item, name) if item.grids else []
                disclosure.tables[kind] = build_three_public(raw, unit=item.unit, title=item.title,
                                                             empty_note=item.note, source=where)
            elif kind == TableKind.T2 and item.grids and _is_by_source(item):
                disclosure.tables[kind] = build_by_source(_source_rows(item, name), unit=item.unit, title=item.title,
                                                          empty_note=item.note, source=where)
            elif kind in (TableKind.PROCUREMENT, TableKind.ASSETS):
                disclosure.tables[kind] = GenericTable(kind=kind, title=item.title, unit=item.unit,
                                                       empty_note=item.note, source=where)
            else:
                raw, columns = _classified_rows(item, name) if item.grids else ([], [])
                disclosure.tables[kind] = build_classified(kind, raw, unit=item.unit, title=item.title,
                                                           columns=columns or None, empty_note=item.note, source=where)
        except (ValueError, IndexError, KeyError) as exc:
            disclosure.problems.append(f"{name} 第{item.page}页：表“{item.title}”无法读取（{exc}）")
    t1 = disclosure.tables.get(TableKind.T1)
    disclosure.unit = t1.unit if t1 is not None else next(
        (t.unit for t in disclosure.tables.values()), MoneyUnit.WAN_YUAN)
    normalise_units(disclosure)
    full = "\n".join(texts)
    start = full.find("情况说明")
    disclosure.explanation = full[start:] if start >= 0 else None
    first_table = min((item.page for item in found.values()), default=None)
    cover = texts[0] if texts and (first_table is None or first_table > 1) else None
    disclosure.approved_on, disclosure.published_on = find_dates(
        ((text, SourceRef(file=name, page=view.number)) for view, text in zip(views, texts, strict=True)),
        cover=cover, cover_source=SourceRef(file=name, page=1))
    return disclosure
