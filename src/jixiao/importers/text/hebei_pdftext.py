"""Hebei department budget disclosure as PDF text (seed 003's layout).

The file is the text a PDF extractor gives for a whole 部门预算公开 document::

    部门预算收支总表 … 部门预算财政拨款“三公”经费支出表     nine disclosure tables
    第一部分 …部门预算信息公开情况说明                       explanation chapters 一、 … 四、
    五、部门整体绩效目标                                     the department target (read)
    六、部门主管专项资金预算安排情况及绩效目标               (read when it holds tables)
    七、部门项目预算安排情况及绩效目标                       one table per project (read)
    八、政府采购预算情况 九、国有资产信息 十、名词解释 …      kept aside

Each page begins with a line indented by one space (or a form feed); table pages repeat a
header such as ``402 安平市商务局 预算年度：2025 单位：万元``, which gives the department, the
year and the unit and is skipped elsewhere. Everything that is not a target is kept verbatim as
a :class:`~jixiao.model.SetAsideSection` (kind ``disclosure-table`` per table, ``explanation``,
``procurement``, ``assets``, ``glossary``), never read as a target.

The target parts are rebuilt into a :class:`~jixiao.importers.base.Grid` and handed to the Hebei
builder (:mod:`jixiao.importers.builders.hebei`), like the Word and one-cell-per-line layouts:
wrapped paragraphs of the department part are joined by line width; the head of each project
table is read by its labels (a 21-character 项目编码 split over lines or glued to 项目名称 is
joined; "资金支出计 / 划（%）" is one label); indicator rows are rebuilt cell by cell by
:mod:`jixiao.importers.text.hebei_rows`. Every cell's source names its page and lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jixiao.errors import UnsupportedDocument
from jixiao.importers.base import Cell, Detection, Grid, Importer, RawDocument, Row
from jixiao.importers.builders import hebei
from jixiao.importers.text.hebei_rows import (
    LEVEL1_ONLY,
    Fragment,
    RebuiltRow,
    RowText,
    learn_widths,
    rebuild_row,
    split_level_labels,
    visual_width,
)
from jixiao.model import (
    DepartmentTargetForm,
    ImportedDocument,
    ImportProblem,
    MoneyUnit,
    ProblemSeverity,
    SetAsideSection,
    SourceRef,
)

LAYOUT_NAME = f"txt-hebei-pdftext-{hebei.TEMPLATE_YEAR}"
DOCUMENT_LAYOUTS = (f"department-target/{LAYOUT_NAME}", f"project-target/{LAYOUT_NAME}")

_CN_DIGITS = {ch: index for index, ch in enumerate("一二三四五六七八九", start=1)}
_PAGE_HEADER = re.compile(
    r"^\s*(?P<code>\d{2,})\s+(?P<name>\S+)\s+(?:预算年度\s*[:：]\s*(?P<year>\d{4})\s*)?"
    r"(?:单位\s*[:：]\s*(?P<unit>万元|元)|截止时间\s*[:：]\s*\S+)\s*$"
)
_TABLE_TITLE = re.compile(r"^部门\S*预算\S*表$")
_EXPLANATION = re.compile(r"公开情况说明$|公开说明$")
_CHAPTER = re.compile(r"^([一二三四五六七八九十]+)、\s*(\S.*)$")
_PROJECT_TITLE = re.compile(r"^(\d{1,3})\s*[、.．]\s*(\S.*绩效目标表)$")
_PARAGRAPH_MARK = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+\s*[、.．]|绩效目标\s*[:：]|绩效指标\s*[:：])"
)
_GOAL_ITEM = re.compile(r"^\d+\s*[、.．]")
_CODE_LINE = re.compile(r"^项目编码\s*(?P<code>.*?)\s*(?:项目名称\s*(?P<name>.*))?$")
_BUDGET_LINE = re.compile(
    r"^预算数\s*(?P<total>[\d.,，]*)\s*(?P<fiscal_label>其中\s*[:：]?\s*财政\s*资金)\s*(?P<fiscal>[\d.,，]*)\s*"
    r"其他资金\s*(?P<other>[\d.,，]*)\s*$"
)
_MONTH = re.compile(r"(\d{1,2})\s*月底")
_HEADER_WORDS = "指标值确定依据"
_SPACES = re.compile(r"\s+")
_ENDS_IN_DIGIT = re.compile(r"\d\s*$")
_PLAN_VALUES = re.compile(r"[\d.,%％\s]+")


@lru_cache(maxsize=16384)
def _flat(text: str) -> str:
    """``text`` without whitespace (cached: the reader asks again for the same lines)."""
    return _SPACES.sub("", text)


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    page: int
    text: str  # stripped

    @property
    def flat(self) -> str:
        return _flat(self.text)

    @property
    def fragment(self) -> Fragment:
        return Fragment(self.text, self.number, self.page)


@dataclass(slots=True)
class _Section:
    kind: str
    title: str
    lines: list[_Line] = field(default_factory=list)
    heading: _Line | None = None


def _chapter_number(text: str) -> int | None:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0) if len(text) == 2 else None
    if text.endswith("十") and len(text) == 2:
        return _CN_DIGITS.get(text[0], 0) * 10
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    if len(text) == 3 and text[1] == "十":
        return _CN_DIGITS.get(text[0], 0) * 10 + _CN_DIGITS.get(text[2], 0)
    return None


def read_lines(text: str) -> list[_Line]:
    """The non-blank lines with their 1-based numbers and pages.

    A page starts at a form feed or at a line indented by a space (the extractor's mark of a
    new page); the first line is on page 1.
    """
    lines: list[_Line] = []
    page = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip("\r")
        if "\f" in raw:
            before = raw.split("\f", 1)[0]
            if number > 1 or before.strip():
                page += raw.count("\f")
            raw = raw.replace("\f", "")
        elif number > 1 and raw[:1] == " " and raw.strip():
            page += 1
        if raw.strip():
            lines.append(_Line(number, page, raw.strip()))
    return lines


def _place(file: str, first: _Line | Fragment, last: _Line | Fragment | None = None) -> dict[str, Any]:
    line = first.number if isinstance(first, _Line) else first.line
    end = None
    if last is not None:
        end = last.number if isinstance(last, _Line) else last.line
    return {"file": file, "page": first.page, "line": line, "line_end": end if end and end != line else None}


def _source(file: str, first: _Line | Fragment, last: _Line | Fragment | None = None) -> SourceRef:
    return SourceRef(**_place(file, first, last))


def _cell(file: str, text: str, col: int, lines: list[_Line] | list[Fragment]) -> Cell:
    if not lines:
        return Cell(text=text, col=col, place={"file": file})
    return Cell(text=text, col=col, place=_place(file, lines[0], lines[-1]))


def _row(file: str, cells: list[Cell], table: int | None) -> Row:
    """A row whose source runs from its first line to its last (cells made by :func:`_cell`)."""
    places = [(cell.where("line"), cell.where("line_end"), cell.where("page")) for cell in cells]
    places = [place for place in places if place[0] is not None]
    if not places:
        return Row(cells=cells, source=SourceRef(file=file), table=table)
    first = min(places, key=lambda p: p[0] or 0)
    last = max(places, key=lambda p: p[1] or p[0] or 0)
    end = last[1] or last[0]
    source = SourceRef(file=file, page=first[2], line=first[0], line_end=end if end != first[0] else None)
    return Row(cells=cells, source=source, table=table)


@dataclass(slots=True)
class _Header:
    code: str | None = None
    name: str | None = None
    year: int | None = None
    unit: str | None = None
    line: _Line | None = None


class _Reader:
    """One document: sections, set-aside parts, and the grid of its target parts."""

    def __init__(self, doc: RawDocument) -> None:
        self.doc = doc
        self.file = doc.name
        self.raw_lines = [line.rstrip("\r") for line in (doc.text or "").split("\n")]
        self.lines = read_lines(doc.text or "")
        self.header = _Header()
        self.problems: list[ImportProblem] = []

    def problem(self, code: str, reason: str, source: SourceRef | None, *, text: str | None = None,
                severity: ProblemSeverity = ProblemSeverity.WARNING) -> None:
        where = source.describe() if source else self.file
        self.problems.append(ImportProblem(severity=severity, code=code, message=f"{where}：{reason}",
                                           source=source, text=text))

    def is_page_header(self, line: _Line) -> bool:
        match = _PAGE_HEADER.match(line.text)
        if match is None:
            return False
        if self.header.line is None and match.group("year"):
            self.header = _Header(code=match.group("code"), name=match.group("name"),
                                  year=int(match.group("year")), unit=match.group("unit"), line=line)
        return True

    # sections -------------------------------------------------------------------------------

    def sections(self) -> list[_Section]:
        sections: list[_Section] = []
        current: _Section | None = None
        explained = False
        expected, chapters = 1, 0
        for line in self.lines:
            if self.is_page_header(line):
                if current is not None:
                    current.lines.append(line)
                continue
            flat = line.flat
            chapter = _CHAPTER.match(line.text)
            number = _chapter_number(chapter.group(1)) if chapter else None
            if not explained and _TABLE_TITLE.match(flat):
                current = _Section("disclosure-table", line.text, heading=line)
            elif not explained and _EXPLANATION.search(flat) and len(flat) < 80:
                explained = True
                current = _Section("explanation", line.text, heading=line)
            elif chapter and number is not None and (number == expected or not chapters) and not _ENDS_IN_DIGIT.search(
                line.text
            ):
                # chapters count on from the first one seen (an excerpt may start at 四、)
                expected, chapters = number + 1, chapters + 1
                current = _Section(_chapter_kind(flat), line.text, heading=line)
            elif _PROJECT_TITLE.match(line.text) and (
                current is None or current.kind not in ("projects", "department")
            ):
                # project tables without a chapter heading of their own
                current = _Section("projects", "项目支出绩效目标表", heading=line)
                sections.append(current)
                current.lines.append(line)
                continue
            elif current is None:
                current = _Section("explanation", line.text, heading=line)
            else:
                current.lines.append(line)
                continue
            sections.append(current)
            current.lines.append(line)
        return sections

    def set_aside(self, section: _Section, kind: str | None = None) -> SetAsideSection:
        first, last = section.lines[0], section.lines[-1]
        text = "\n".join(self.raw_lines[first.number - 1:last.number]).strip("\n")
        return SetAsideSection(kind=kind or section.kind, title=section.title, text=text,
                               source=_source(self.file, first, last))

    # the department part ----------------------------------------------------------------------

    def paragraphs(self, lines: list[_Line]) -> list[list[_Line]]:
        """Wrapped lines joined into paragraphs: a mark or a short previous line starts one."""
        body = [line for line in lines if not self.is_page_header(line)]
        if not body:
            return []
        full = max(visual_width(line.text) for line in body)
        paragraphs: list[list[_Line]] = []
        for line in body:
            if (not paragraphs or _PARAGRAPH_MARK.match(line.text)
                    or visual_width(paragraphs[-1][-1].text) < full - 8):
                paragraphs.append([line])
            else:
                paragraphs[-1].append(line)
        return paragraphs

    def department_rows(self, section: _Section) -> list[Row]:
        rows: list[Row] = []
        for paragraph in self.paragraphs(section.lines):
            text = "".join(line.text for line in paragraph)
            cell = _cell(self.file, text, 0, paragraph)
            rows.append(Row(cells=[cell], source=cell.source, table=None))
        return rows

    # project tables -----------------------------------------------------------------------------

    def project_blocks(self, section: _Section) -> list[list[_Line]]:
        blocks: list[list[_Line]] = []
        for line in section.lines:
            if _PROJECT_TITLE.match(line.text):
                blocks.append([line])
            elif blocks:
                blocks[-1].append(line)
        return blocks

    def project(self, block: list[_Line], table: int) -> tuple[list[Row | list[RowText]], Fragment | None]:
        """The head rows of one project table and its indicator rows (rebuilt later)."""
        file = self.file
        out: list[Row | list[RowText]] = []
        title = block[0]
        out.append(Row(cells=[_cell(file, title.text, 0, [title])], source=_source(file, title), table=None))
        lines = [line for line in block[1:] if not self.is_page_header(line)]
        header_basis: Fragment | None = None
        i = 0
        while i < len(lines):
            line = lines[i]
            flat = line.flat
            if flat.startswith("单位") and ("万元" in flat or flat.endswith("元")) and len(flat) < 12:
                out.append(_row(file, [_cell(file, line.text, 0, [line])], table))
                i += 1
            elif flat.startswith("项目编码"):
                i = self.code_and_name(lines, i, table, out)
            elif flat in ("预算规模及", "资金用途", "预算规模及资金用途"):
                i += 1
            elif flat.startswith("预算数"):
                i = self.budget(lines, i, table, out)
            elif flat.startswith("资金支出计"):
                i = self.spending_plan(lines, i, table, out)
            elif flat.startswith("绩效目标"):
                i = self.goal(lines, i, table, out)
            elif "一级指标" in flat and "三级指标" in flat:
                i, header_basis = self.indicator_header(lines, i, table, out)
                rows, i = self.indicator_rows(lines, i)
                out.append(rows)
            else:
                out.append(_row(file, [_cell(file, line.text, 0, [line])], table))
                i += 1
        return out, header_basis

    def code_and_name(self, lines: list[_Line], i: int, table: int, out: list[Row | list[RowText]]) -> int:
        file = self.file
        used = [lines[i]]
        text = lines[i].text
        while "项目名称" not in text and i + 1 < len(lines) and len(used) < 3 and not (
            lines[i + 1].flat.startswith(("预算规模", "预算数"))
        ):
            i += 1
            used.append(lines[i])
            text += lines[i].text
        match = _CODE_LINE.match(text)
        code_text = (match.group("code") if match else text.removeprefix("项目编码")).strip()
        code = _SPACES.sub("", code_text)
        name = (match.group("name") or "").strip() if match else ""
        name_lines: list[_Line] = []
        if code != code_text or (len(used) > 1 and "项目名称" not in used[0].text):
            self.problem("project-code-joined", f"项目编码被空格或换行分开，已连接为“{code}”",
                         _source(file, used[0], used[-1]), text=code_text, severity=ProblemSeverity.INFO)
        i += 1
        if not name:
            while i < len(lines) and not lines[i].flat.startswith(("预算规模", "预算数", "资金用途")):
                name_lines.append(lines[i])
                i += 1
            name = "".join(line.text for line in name_lines)
        cells = [
            _cell(file, "项目编码", 0, [used[0]]),
            _cell(file, code, 1, used),
            _cell(file, "项目名称", 2, [used[-1]]),
            _cell(file, name, 3, name_lines or [used[-1]]),
        ]
        out.append(_row(file, cells, table))
        return i

    def budget(self, lines: list[_Line], i: int, table: int, out: list[Row | list[RowText]]) -> int:
        file = self.file
        line = lines[i]
        match = _BUDGET_LINE.match(line.text)
        if match is None:
            self.problem("budget-line-unreadable",
                         "“预算数 … 其中：财政资金 … 其他资金 …”一行未能读出，原文已保留", _source(file, line),
                         text=line.text)
            out.append(_row(file, [_cell(file, line.text, 0, [line])], table))
            return i + 1
        texts = ["预算规模及资金用途", "预算数", match.group("total"), "其中：财政资金", match.group("fiscal"),
                 "其他资金", match.group("other")]
        out.append(_row(file, [_cell(file, text, col, [line]) for col, text in enumerate(texts)], table))
        i += 1
        purpose: list[_Line] = []
        while i < len(lines) and not lines[i].flat.startswith(("资金支出计", "绩效目标")):
            purpose.append(lines[i])
            i += 1
        if purpose:
            text = "".join(p.text for p in purpose)
            out.append(_row(file, [_cell(file, "", 0, []), _cell(file, text, 1, purpose)], table))
        return i

    def spending_plan(self, lines: list[_Line], i: int, table: int, out: list[Row | list[RowText]]) -> int:
        file = self.file
        label_lines = [lines[i]]
        label = lines[i].flat
        i += 1
        while "划" not in label and i < len(lines) and len(label_lines) < 3:
            label_lines.append(lines[i])
            label += lines[i].flat
            i += 1
        months: list[str] = []
        month_line: _Line | None = None
        if i < len(lines) and _MONTH.search(lines[i].text):
            month_line = lines[i]
            months = [f"{m}月底" for m in _MONTH.findall(month_line.text)]
            i += 1
        values: list[str] = []
        value_line: _Line | None = None
        if i < len(lines) and _PLAN_VALUES.fullmatch(lines[i].text):
            value_line = lines[i]
            values = value_line.text.split()
            i += 1
        head = [_cell(file, label, 0, label_lines)]
        head += [_cell(file, month, col, [month_line]) for col, month in enumerate(months, start=1)
                 if month_line is not None]
        out.append(_row(file, head, table))
        if value_line is not None:
            cells = [_cell(file, "", 0, [])]
            cells += [_cell(file, value, col, [value_line]) for col, value in enumerate(values, start=1)]
            out.append(_row(file, cells, table))
        else:
            self.problem("spending-plan-values-missing", "资金支出计划下没有找到数值行",
                         _source(file, label_lines[0], label_lines[-1]))
        return i

    def goal(self, lines: list[_Line], i: int, table: int, out: list[Row | list[RowText]]) -> int:
        file = self.file
        first = lines[i]
        inline = first.text.removeprefix("绩效目标").strip()
        used = [first]
        paragraphs: list[str] = [inline] if inline else []
        i += 1
        while i < len(lines) and not ("一级指标" in lines[i].flat and "三级指标" in lines[i].flat):
            line = lines[i]
            if not paragraphs or _GOAL_ITEM.match(line.text):
                paragraphs.append(line.text)
            else:
                paragraphs[-1] += line.text
            used.append(line)
            i += 1
        body = used[1:] if not inline else used
        out.append(_row(file, [_cell(file, "绩效目标", 0, [first]),
                               _cell(file, "\n".join(paragraphs), 1, body)], table))
        return i

    def indicator_header(self, lines: list[_Line], i: int, table: int,
                         out: list[Row | list[RowText]]) -> tuple[int, Fragment | None]:
        file = self.file
        first = lines[i]
        i, used = self.skip_header(lines, i)
        basis = used[1].fragment if len(used) > 1 else None
        labels = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
        out.append(_row(file, [_cell(file, label, col, used if col == 5 else [first])
                               for col, label in enumerate(labels)], table))
        return i, basis

    @staticmethod
    def skip_header(lines: list[_Line], i: int) -> tuple[int, list[_Line]]:
        """Step over the header row and the wrapped lines of its last cell ("指标值确定 / 依据")."""
        used = [lines[i]]
        tail = lines[i].flat.split("指标值", 1)[1] if "指标值" in lines[i].flat else ""
        tail = re.sub(r"^(?:确定依据|确定|)", "", tail) if tail.startswith("确定") else ""
        done = "依据" in lines[i].flat
        seen = ""
        i += 1
        while not done and i < len(lines):
            candidate = seen + lines[i].flat
            if _HEADER_WORDS.startswith(candidate) or _HEADER_WORDS.endswith(candidate):
                used.append(lines[i])
                seen = candidate
                i += 1
                done = candidate.endswith("依据")
            else:
                break
        del tail
        return i, used

    def indicator_rows(self, lines: list[_Line], i: int) -> tuple[list[RowText], int]:
        rows: list[RowText] = []
        pending: Fragment | None = None
        current: RowText | None = None
        while i < len(lines):
            line = lines[i]
            flat = line.flat
            if "一级指标" in flat and "三级指标" in flat:
                i, _ = self.skip_header(lines, i)
                if current is not None:
                    current.parts.append([])
                continue
            if _PROJECT_TITLE.match(line.text):
                break
            level1, level2, rest = split_level_labels(line.text)
            if level2 is not None:
                start = Fragment(line.text, line.number, line.page)
                current = RowText(
                    level1=Fragment(level1, line.number, line.page) if level1 else pending,
                    level2=level2, start=start, rest=rest, parts=[[]],
                )
                pending = None
                rows.append(current)
            elif level1 is not None and not rest:
                pending = line.fragment
            elif current is None:
                self.problem("line-before-indicators", "指标表头之后、第一个指标行之前有一行无法归属，原文已保留在此",
                             _source(self.file, line), text=line.text)
            else:
                current.parts[-1].append(line.fragment)
            i += 1
        # a lone 成本指标 line followed by a cost 二级 is the 一级 of that block
        merged: list[RowText] = []
        carry: Fragment | None = None
        for row in rows:
            empty = not row.rest.strip() and not any(row.parts)
            if empty and row.level2 == "成本指标" and row.level1 is None:
                carry = row.start
                continue
            if carry is not None and row.level1 is None:
                row.level1 = carry
            carry = None
            merged.append(row)
        return merged, i

    def indicator_grid_rows(self, rows: list[RowText], widths: dict[int, int], table: int,
                            readings: dict[int, RebuiltRow] | None = None) -> list[Row]:
        file = self.file
        out: list[Row] = []
        for row in rows:
            rebuilt = (readings or {}).get(id(row)) or rebuild_row(row, widths)
            assert row.start is not None
            level1 = row.level1
            cells = [
                _cell(file, level1.text if level1 else "", 0, [level1] if level1 else []),
                _cell(file, row.level2 or "", 1, [row.start]),
            ]
            for column, (text, sources) in enumerate(zip(rebuilt.cells, rebuilt.sources, strict=True), start=2):
                cells.append(_cell(file, text, column, sources))
            grid_row = _row(file, cells, table)
            out.append(grid_row)
            if rebuilt.uncertain:
                lone = [level1] if level1 is not None and level1.line != row.start.line else []
                raw = "\n".join(f.text for f in lone + row.fragments())
                self.problem("indicator-split-uncertain", f"指标行“{rebuilt.cells[0]}”：{rebuilt.uncertain}",
                             grid_row.source, text=raw)
        return out

    # the whole document ---------------------------------------------------------------------------

    def read(self, layout: str) -> ImportedDocument:
        sections = self.sections()
        set_aside: list[SetAsideSection] = []
        grid = Grid(file=self.file)
        pending: list[tuple[int, list[Row | list[RowText]]]] = []
        header_basis: Fragment | None = None
        table = 0
        for section in sections:
            if section.kind == "department":
                grid.rows.append(Row(cells=[_cell(self.file, section.title, 0, [section.lines[0]])],
                                     source=_source(self.file, section.lines[0]), table=None))
                grid.rows.extend(self.department_rows(_Section("department", "", section.lines[1:])))
                continue
            if section.kind == "projects":
                blocks = self.project_blocks(section)
                if blocks:
                    for block in blocks:
                        table += 1
                        parts, basis = self.project(block, table)
                        header_basis = header_basis or basis
                        pending.append((table, parts))
                    continue
                set_aside.append(self.set_aside(section, "explanation"))
                continue
            set_aside.append(self.set_aside(section))
        all_rows = [row for _, parts in pending for part in parts if isinstance(part, list) for row in part]
        readings: dict[int, RebuiltRow] = {}  # the rows as read with the final widths
        widths = learn_widths(all_rows, header_basis, readings=readings)
        for table_index, parts in pending:
            for part in parts:
                if isinstance(part, list):
                    grid.rows.extend(self.indicator_grid_rows(part, widths, table_index, readings))
                else:
                    grid.rows.append(part)
        if hebei.score(grid) is None:
            raise UnsupportedDocument(self.file, "未找到“部门整体绩效目标”或项目绩效目标表（一级指标 二级指标 三级指标 绩效指标描述 指标值）")
        result = hebei.build(grid, layout=layout)
        result.problems[:0] = self.problems
        result.set_aside = set_aside
        self.finish(result)
        return result

    def finish(self, result: ImportedDocument) -> None:
        """Fill what only the page header says: department, year, unit."""
        header = self.header
        source = _source(self.file, header.line) if header.line else None
        for form in result.forms:
            if header.year is not None and form.budget_year is None:
                form.budget_year = header.year
                if source:
                    form.field_sources["budget_year"] = source
            if isinstance(form, DepartmentTargetForm):
                if header.name and form.department_name is None:
                    form.department_name = header.name
                    form.department_code = header.code
                    if source:
                        form.field_sources["department_name"] = source
                if header.unit and form.money_unit is None:
                    form.money_unit = MoneyUnit(header.unit)


def _chapter_kind(flat: str) -> str:
    if "部门整体绩效目标" in flat:
        return "department"
    if ("绩效目标" in flat and "项目" in flat) or ("专项资金" in flat and "绩效目标" in flat):
        return "projects"
    if "政府采购" in flat:
        return "procurement"
    if "资产" in flat:
        return "assets"
    if "名词解释" in flat:
        return "glossary"
    return "explanation"


def _signals(doc: RawDocument) -> tuple[int, int, int]:
    """(indicator header lines, 项目编码 lines with the code inline, tab-led lines); counted once
    per document, for detect() and describe_rejection() alike."""
    found = doc.memo.get("hebei-pdftext-signals")
    if found is None:
        found = doc.memo["hebei-pdftext-signals"] = _count_signals(doc)
    return found


def _count_signals(doc: RawDocument) -> tuple[int, int, int]:
    headers = codes = tabs = 0
    for line in doc.lines:
        if line.startswith("\t"):
            tabs += 1
            continue
        if "指" not in line and "项" not in line:
            continue  # neither label below can be in the line
        flat = _SPACES.sub("", line)
        if "一级指标二级指标三级指标绩效指标描述" in flat:
            headers += 1
        elif flat.startswith("项目编码") and len(flat) > 8:
            codes += 1
    return headers, codes, tabs


class HebeiPdfTextImporter(Importer):
    """Seed 003's layout: a Hebei 部门预算公开 document as PDF text."""

    formats = ("text",)
    layouts = DOCUMENT_LAYOUTS

    def detect(self, doc: RawDocument) -> Detection | None:
        headers, codes, tabs = _signals(doc)
        if not headers or not codes or tabs > 10:
            return None
        text = doc.text or ""
        department = "部门整体绩效目标" in text
        reasons = [f"{headers} 行为一行排开的河北指标表头（一级指标 … 绩效指标描述 指标值）",
                   f"{codes} 行“项目编码 … 项目名称 …”"]
        if department:
            reasons.append("有“部门整体绩效目标”一章")
        kind = "department-target" if department else "project-target"
        return Detection(layout=f"{kind}/{LAYOUT_NAME}", confidence=0.9, reasons=reasons)

    def describe_rejection(self, doc: RawDocument) -> str:
        headers, codes, tabs = _signals(doc)
        return (f"{type(self).__name__}：不是河北部门预算公开的 PDF 文本（一行排开的指标表头 {headers} 行，"
                f"含编码的“项目编码”行 {codes} 行，制表符开头的行 {tabs} 行）")

    def load(self, doc: RawDocument, layout: str) -> ImportedDocument:
        result = _Reader(doc).read(layout)
        result.encoding = doc.encoding
        return result


__all__ = ["DOCUMENT_LAYOUTS", "LAYOUT_NAME", "LEVEL1_ONLY", "HebeiPdfTextImporter", "read_lines"]
