"""Read the disclosure tables from PDF-extracted text (Hebei layout, seed 003).

Accepts the whole document text, or the verbatim texts of the ``disclosure-table`` sections the Hebei
text importer sets aside. Handles codes broken across lines (``206010`` + ``1``), names wrapping over
lines, tables continued across pages under repeated headers, the two-sided 收支总表 and empty-table
notes. The numbers of a row come without their columns; :mod:`jixiao.disclosure.assemble` places them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.disclosure.assemble import (
    NUMBER_RE,
    RawRow,
    SummarySide,
    build_classified,
    build_summary,
    build_three_public,
    is_expenditure_label,
    parse_number,
)
from jixiao.disclosure.catalogue import Catalogue, load_catalogue
from jixiao.disclosure.dates import find_dates
from jixiao.disclosure.model import (
    ClassifiedTable,
    Disclosure,
    GenericTable,
    ProjectAmount,
    TableKind,
)
from jixiao.errors import UnsupportedDocument
from jixiao.model import MoneyUnit, SourceRef

_UNIT_LINE = re.compile(r"单位[：:]\s*(万元|元)")
_HEADER_LINE = re.compile(r"^\s*(\d+)?\s*(\S+?)\s+预算年度[：:]\s*(\d{4})")
_PART_LINE = re.compile(r"^\s*第[一二三四五六七八九十]+部分")
_SEGMENT_START = re.compile(r"^[一二三四五六七八九十]+、|^(本年|上年|年终|年末|年初|收入总计|支出总计)")
_DECIMAL_RE = re.compile(r"^[-－]?[\d,]*\d\.\d+$")


def classify_title(text: str) -> TableKind | None:
    """Which of the nine tables (or the extras) a title names; None for anything else."""
    t = re.sub(r"\s", "", text)
    if "三公" in t:
        return TableKind.T9
    if "政府采购" in t:
        return TableKind.PROCUREMENT
    if "资产" in t and ("占用" in t or "固定资产" in t):
        return TableKind.ASSETS
    if "机关运行" in t or "项目支出" in t or ("会议费" in t and "三公" not in t):
        return None
    if "政府性基金" in t and "支出" in t and "收支" not in t:
        return TableKind.T7
    if "国有资本经营" in t and "支出" in t and "收支" not in t:
        return TableKind.T8
    if "财政拨款收支" in t:
        return TableKind.T4
    if "收支" in t and "总表" in t:
        return TableKind.T1
    if "收入" in t and "总表" in t:
        return TableKind.T2
    if "基本支出" in t:
        return TableKind.T6 if "一般公共预算" in t else None
    if "一般公共预算" in t and "支出" in t:
        return TableKind.T5
    if "支出" in t and "总表" in t:
        return TableKind.T3
    return None


@dataclass(slots=True)
class _Block:
    kind: TableKind
    title: str
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)


def _is_title(lines: list[str], index: int) -> TableKind | None:
    text = lines[index].strip()
    if not text or len(text) > 40 or not text.endswith(("表", "表）", "表)")):
        return None
    if not any(_UNIT_LINE.search(lines[j]) or "截止时间" in lines[j]
               for j in range(index + 1, min(index + 4, len(lines)))):
        return None
    return classify_title(text)


def _split_blocks(lines: list[str], numbers: list[int]) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for index, line in enumerate(lines):
        kind = _is_title(lines, index)
        if kind is not None:
            current = _Block(kind=kind, title=line.strip(), line=numbers[index])
            blocks.append(current)
            continue
        if current is None:
            continue
        if _PART_LINE.match(line) or re.match(r"^\s*[一二三四五六七八九十]+、", line):
            current = None
            continue
        current.lines.append((numbers[index], line))
    return blocks


def _tokens(text: str) -> list[str]:
    return text.split()


def _group_rows(body: list[tuple[int, str]]) -> tuple[list[tuple[int, int, list[str]]], str | None, list[str]]:
    """Rows as (first line, last line, tokens), the empty-table note, and the header lines."""
    rows: list[tuple[int, int, list[str]]] = []
    note: str | None = None
    headers: list[str] = []
    in_header = True
    expected = 1
    previous = ""
    for number, raw in body:
        line = raw.strip()
        if not line:
            continue
        if _UNIT_LINE.search(line) or "截止时间" in line:
            in_header = True
            continue
        if line.startswith("注"):
            if "空表" in line or "无" in line[:6]:
                note = line
            continue
        if in_header:
            headers.append(line)
            if line.startswith("栏次"):
                in_header = False
                continue
            if re.match(rf"^{expected}\s", line) and not line.startswith("栏次"):
                in_header = False
            else:
                continue
        tokens = _tokens(line)
        starts_row = (
            tokens and tokens[0] == str(expected)
            and not (previous.isdigit() and len(previous) in (2, 4, 6) and rows)
        )
        if starts_row:
            rows.append((number, number, tokens[1:]))
            expected += 1
        elif rows:
            first, _, tokens_so_far = rows[-1]
            rows[-1] = (first, number, tokens_so_far + tokens)
        previous = line
    return rows, note, headers


def _code_and_label(tokens: list[str]) -> tuple[str | None, str, list[Decimal], list[tuple[str, list[Decimal]]]]:
    """Code, label, numbers and the (label, numbers) segments of a row's tokens."""
    code: str | None = None
    index = 0
    while index < len(tokens) and tokens[index].isdigit() and len(code or "") < 7:
        candidate = (code or "") + tokens[index]
        if len(candidate) > 7:
            break
        code = candidate
        index += 1
    segments: list[tuple[str, list[Decimal]]] = []
    label = ""
    numbers: list[Decimal] = []
    for token in tokens[index:]:
        if _DECIMAL_RE.match(token) or (NUMBER_RE.match(token) and label):
            value = parse_number(token)
            if value is not None:
                numbers.append(value)
                continue
        if numbers or (label and _SEGMENT_START.match(token)):
            segments.append((label, numbers))
            label, numbers = "", []
        label += token
    segments.append((label, numbers))
    if code is not None and len(code) not in (3, 5, 7):
        # Not a classification code after all (e.g. a number inside the name): keep it in the name.
        segments[0] = (code + segments[0][0], segments[0][1])
        code = None
    first_label, first_numbers = segments[0]
    return code, first_label, first_numbers, segments


def _source(file: str, first: int, last: int) -> SourceRef:
    return SourceRef(file=file, line=first, line_end=last if last != first else None)


def parse_disclosure_text(
    text: str | Iterable[str | tuple[str, int]], *, file: str = "", catalogue: Catalogue | None = None,
    first_line: int = 1,
) -> Disclosure:
    """Read the disclosure tables from text: the whole document, or the set-aside section texts.

    ``text`` may be one string (its first line is ``first_line`` of the file) or several pieces,
    each a string or a ``(text, first line in the file)`` pair, so that provenance points into the
    user's file. Raises :class:`UnsupportedDocument` when no table title is found.
    """
    pieces = [(text, first_line)] if isinstance(text, str) else [
        piece if isinstance(piece, tuple) else (piece, None) for piece in text]
    lines: list[str] = []
    numbers: list[int] = []
    for piece, start in pieces:
        piece_lines = piece.splitlines()
        base = start if start is not None else (numbers[-1] + 1 if numbers else first_line)
        lines.extend(piece_lines)
        numbers.extend(range(base, base + len(piece_lines)))
    blocks = _split_blocks(lines, numbers)
    line_numbers = list(numbers)
    if not blocks:
        raise UnsupportedDocument(file, "没有找到部门预算公开表格：应有“部门预算收支总表”等表名，其下一行写明单位")
    disclosure = Disclosure(file=file)
    for line in lines[:400]:
        match = _HEADER_LINE.match(line)
        if match and disclosure.department_name is None:
            disclosure.department_code = match.group(1)
            disclosure.department_name = match.group(2)
            disclosure.year = int(match.group(3))
    catalogue = catalogue or load_catalogue(disclosure.year)
    for block in blocks:
        unit = MoneyUnit.WAN_YUAN
        for _, line in block.lines[:4]:
            match = _UNIT_LINE.search(line)
            if match:
                unit = MoneyUnit(match.group(1))
                break
        rows, note, _ = _group_rows(block.lines)
        end = block.lines[-1][0] if block.lines else block.line
        where = SourceRef(file=file, line=block.line, line_end=end)
        if block.kind in disclosure.tables:
            disclosure.problems.append(f"{file} 第{block.line}行：表“{block.title}”重复出现，已忽略后一张")
            continue
        if block.kind in (TableKind.T1, TableKind.T4):
            income: list[SummarySide] = []
            expenditure: list[SummarySide] = []
            for first, last, tokens in rows:
                _, _, _, segments = _code_and_label(tokens)
                src = _source(file, first, last)
                sides = [(label, numbers) for label, numbers in segments if label]
                if len(sides) >= 2:
                    income.append(SummarySide(sides[0][0], sides[0][1], source=src))
                    expenditure.append(SummarySide(sides[1][0], sides[1][1], source=src))
                elif sides:
                    label, numbers = sides[0]
                    target = expenditure if is_expenditure_label(label) else income
                    target.append(SummarySide(label, numbers, source=src))
            disclosure.tables[block.kind] = build_summary(
                block.kind, income, expenditure, unit=unit, catalogue=catalogue, title=block.title, source=where
            )
        elif block.kind == TableKind.T9:
            raw = []
            for first, last, tokens in rows:
                _, label, numbers, _ = _code_and_label(tokens)
                raw.append(RawRow(label=label, numbers=numbers, source=_source(file, first, last)))
            disclosure.tables[block.kind] = build_three_public(raw, unit=unit, title=block.title, empty_note=note,
                                                               source=where)
        elif block.kind in (TableKind.PROCUREMENT, TableKind.ASSETS):
            disclosure.tables[block.kind] = GenericTable(kind=block.kind, title=block.title, unit=unit,
                                                         empty_note=note, source=where)
        else:
            raw = []
            for first, last, tokens in rows:
                code, label, numbers, _ = _code_and_label(tokens)
                if code is None and "合计" not in label and not numbers:
                    continue
                raw.append(RawRow(label=label, code=code, numbers=numbers, source=_source(file, first, last)))
            reference = None
            t3 = disclosure.classified(TableKind.T3)
            if block.kind in (TableKind.T5, TableKind.T7, TableKind.T8) and t3 is not None:
                reference = _reference_total(t3, {row.code for row in raw if row.code and len(row.code) == 3})
            disclosure.tables[block.kind] = build_classified(block.kind, raw, unit=unit, title=block.title,
                                                             empty_note=note, source=where, reference_total=reference)
        if block.kind in disclosure.tables:
            disclosure.unit = disclosure.tables[TableKind.T1].unit if TableKind.T1 in disclosure.tables else unit
    disclosure.explanation = _explanation(lines)
    disclosure.approved_on, disclosure.published_on = find_dates(_date_windows(lines, line_numbers, file))
    disclosure.projects = parse_projects(lines, file=file, numbers=line_numbers)
    return disclosure


def _date_windows(lines: list[str], numbers: list[int], file: str) -> Iterable[tuple[str, SourceRef]]:
    """Each non-empty line, joined with the next when its sentence runs on (a date broken over lines)."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if i + 1 < len(lines) and lines[i + 1].strip() and not line.rstrip().endswith(("。", "；")):
            yield line.rstrip() + lines[i + 1].strip(), SourceRef(file=file, line=numbers[i], line_end=numbers[i + 1])
        else:
            yield line, SourceRef(file=file, line=numbers[i])


def _reference_total(table: ClassifiedTable, classes: set[str]) -> dict[str, Decimal]:
    """The column sums of ``table``'s 类 rows in ``classes``: how a fund table's 合计 row should split."""
    out: dict[str, Decimal] = {}
    for row in table.rows:
        if row.code in classes:
            for column in type(row).COLUMNS:
                value = row.get(column)
                if value is not None:
                    out[column] = out.get(column, Decimal(0)) + value
    return out


def _explanation(lines: list[str]) -> str | None:
    start = next((i for i, line in enumerate(lines) if "情况说明" in line and len(line.strip()) < 60), None)
    if start is None:
        return None
    return "\n".join(lines[start:])


_PROJECT_NAME = re.compile(r"项目编码\s+\S+\s+项目名称\s*(.*)$")
_PROJECT_AMOUNT = re.compile(r"^\s*预算数\s+([\d,]+(?:\.\d+)?)")


def parse_projects(lines: list[str], *, file: str, numbers: list[int] | None = None) -> list[ProjectAmount]:
    """Project budgets from the performance-target section (``项目名称 …`` then ``预算数 N``)."""
    numbers = numbers or list(range(1, len(lines) + 1))
    projects: list[ProjectAmount] = []
    pending: tuple[str, int] | None = None
    for index, line in enumerate(lines):
        match = _PROJECT_NAME.search(line)
        if match:
            name = match.group(1).strip()
            if not name:
                following = [lines[j].strip() for j in range(index + 1, min(index + 4, len(lines)))]
                name = "".join(part for part in following if part and "预算规模" not in part)[:80]
            pending = (name, index)
            continue
        amount = _PROJECT_AMOUNT.match(line)
        if amount and pending is not None:
            value = parse_number(amount.group(1))
            if value is not None:
                projects.append(ProjectAmount(
                    name=pending[0], amount=value,
                    source=SourceRef(file=file, line=numbers[pending[1]], line_end=numbers[index]),
                ))
            pending = None
    return projects
