"""Rebuild the six cells of Hebei indicator rows from PDF text (seed 003's layout).

PDF text extraction prints a table row as lines: the cells that fit on one printed line share a
text line, separated by spaces; a cell that wraps prints its lines one below the other, after the
cells to its left::

    数量指标 举办培训班 全年举办培训班期数 ≤4 期       ← 二级, 三级, 描述, 指标值 (one line each)
    年度培训计                                      ← 指标值确定依据, wrapped at 5 characters
    划

    效益指标 社会效益指标                            ← 一级, 二级
    带动农村劳动力在县域内就                         ← 三级, wrapped at 12 characters
    近就业
    当年新增就近就业人数 ≥200 人                     ← 描述, 指标值
    县就业工作                                      ← 依据
    实施方案

A row is therefore a sequence of lines, each either a group of whole cells or one line of a
wrapped cell, in column order. :func:`rebuild_row` tries every way of cutting the lines into the
four cells after the 二级 label (三级, 描述, 指标值, 依据) and keeps the most plausible one: the
指标值 should read as a value, a number should stay with its unit, the lines of a wrapped cell
should be as wide as its column (learnt from the document by :func:`learn_widths`). When a row
runs over a page break, the part on the next page continues some of the cells (those whose last
line was full), again in column order. When the best reading is not clearly better than the
next one, the row says so (``uncertain``) and the importer records an ImportProblem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, pairwise
from statistics import median

from jixiao.model import ValueKind, parse_value

__all__ = [
    "CONTENT_COLUMNS",
    "LEVEL1_ONLY",
    "LEVEL2_LABELS",
    "Fragment",
    "RebuiltRow",
    "RowText",
    "learn_widths",
    "rebuild_row",
    "split_level_labels",
    "visual_width",
]

#: The cells after the 二级 label, in column order.
CONTENT_COLUMNS = ("name", "description", "value", "basis")

LEVEL1_ONLY = frozenset({"产出指标", "效益指标", "满意度指标"})
LEVEL2_LABELS = frozenset({
    "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
})
_COST_LEVEL2 = frozenset({"经济成本指标", "社会成本指标", "生态环境成本指标"})

# Score weights: a value that reads as a value, a number kept with its unit, wrapped lines as
# wide as their column. Tuned on seed 003 and the fixtures; see tests/core/importers.
_SPLIT_NUMBER_UNIT = -2.5
_INNER_CJK_SPACE = -1.5
_SHORT_INNER_LINE = -1.5
_TOO_WIDE = -3.0
_NOT_FULL = -1.0
_VALUE_LIKE_ELSEWHERE = -2.0
_WIDTH_SLACK = 3
#: Column widths of the official Hebei project table relative to the 指标值确定依据 column
#: (三级, 描述, 指标值, 依据), as printed in the 2025 disclosure documents.
TEMPLATE_RATIOS = {0: 2.4, 1: 4.8, 2: 1.8, 3: 1.0}
_TOO_WIDE_SLACK = 1
_FULL_SLACK = 2
_NEW_RUN = -0.5
_LAST_COLUMN_BONUS = 0.25  # 依据 is the longest cell, the likeliest to run over a page
_SENTENCE_END_INSIDE = -0.75
_UNCERTAIN_MARGIN = 1.0
_END_PUNCTUATION = "。；;，,、 "
_INNER_CJK = re.compile(r"[^\x00-\x7f]\s+[^\x00-\x7f]")
_NUMBER_TOKEN = re.compile(r"^[≥≤><＞＜=]?\d[\d.,]*%?$")
_SPACES = re.compile(r"\s+")
_VALUE_TAIL = re.compile(r"(?<=[^\x00-\x7f])\s+((?:[≥≤><＞＜=]\s*)?\d[\d.,]*\s*\S{0,8})$")


@dataclass(frozen=True, slots=True)
class Fragment:
    """One printed line of the table with its place."""

    text: str
    line: int
    page: int | None = None

    @property
    def width(self) -> int:
        return visual_width(self.text)


@dataclass(slots=True)
class RowText:
    """The printed lines of one indicator row, split at page breaks."""

    level1: Fragment | None = None
    """A 一级 label printed on its own line before the row, or at the start of its first line."""
    level2: str | None = None
    start: Fragment | None = None
    rest: str = ""
    """The first line after its 一级/二级 labels."""
    parts: list[list[Fragment]] = field(default_factory=list)
    """parts[0]: the lines after the first line; parts[1:]: lines after each page break."""

    def fragments(self) -> list[Fragment]:
        found = [self.start] if self.start else []
        for part in self.parts:
            found.extend(part)
        return [fragment for fragment in found if fragment is not None]


@dataclass(slots=True)
class RebuiltRow:
    """Four content cells (三级, 描述, 指标值, 依据) with the lines each came from."""

    cells: list[str]
    sources: list[list[Fragment]]
    score: float
    uncertain: str | None = None
    """Why the split is doubtful (Chinese), or None."""


@lru_cache(maxsize=16384)
def visual_width(text: str) -> int:
    """Printed width in half-width units: CJK and full-width characters count two (cached by text)."""
    return sum(1 if ord(ch) < 0x2000 and unicodedata.east_asian_width(ch) in "NaH" else 2
               for ch in text)


def _is_cjk(ch: str) -> bool:
    return not ch.isascii() and unicodedata.east_asian_width(ch) in "WFA"


def split_level_labels(text: str) -> tuple[str | None, str | None, str]:
    """Split the labels off the first line of a row.

    Args:
        text: e.g. ``"效益指标 社会效益指标 示范带动 引导……"``.

    Returns:
        ``(level1, level2, rest)``; ``"成本指标 成本指标 …"`` is 二级 成本指标 followed by a 三级 of
        the same name, unless a cost 二级 (经济成本指标 …) follows.
    """
    tokens = text.split()
    level1 = level2 = None
    if len(tokens) >= 2 and tokens[1] in LEVEL2_LABELS and (
        tokens[0] in LEVEL1_ONLY or (tokens[0] == "成本指标" and tokens[1] in _COST_LEVEL2)
    ):
        level1, level2, tokens = tokens[0], tokens[1], tokens[2:]
    elif tokens and tokens[0] in LEVEL2_LABELS:
        level2, tokens = tokens[0], tokens[1:]
    elif tokens and tokens[0] in LEVEL1_ONLY:
        level1, tokens = tokens[0], tokens[1:]
    return level1, level2, " ".join(tokens)


# --- scoring ----------------------------------------------------------------------------------


def _value_score(text: str) -> float:
    value = parse_value(text.rstrip(_END_PUNCTUATION))
    flat = _SPACES.sub("", text)
    if value.kind == ValueKind.QUANTITATIVE:
        return 4.5 if value.unit else 4.0
    if value.kind == ValueKind.DEADLINE:
        return 4.0
    if value.kind == ValueKind.QUALITATIVE:
        return 2.5 if len(flat) <= 6 else 1.0 if len(flat) <= 10 else -1.0
    return 1.0 if len(flat) <= 12 else -0.5


def _looks_like_value(text: str) -> bool:
    value = parse_value(text)
    return value.kind == ValueKind.QUANTITATIVE and value.operator is not None


def _inner_space_penalty(tokens: Sequence[str]) -> float:
    penalty = 0.0
    for left, right in pairwise(tokens):
        if _is_cjk(left[-1]) and _is_cjk(right[0]):
            penalty += _INNER_CJK_SPACE
    return penalty


@lru_cache(maxsize=16384)
def _text_space_penalty(text: str) -> float:
    """:func:`_inner_space_penalty` of the tokens of ``text`` (cached by text)."""
    return _inner_space_penalty(text.split())


def _wrapped_space_penalty(texts: Sequence[str]) -> float:
    return sum(_text_space_penalty(text) for text in texts)


def _cut_penalty(left: str, right: str) -> float:
    if (left[-1].isdigit() or left[-1] in ".%") and _is_cjk(right[0]):
        return _SPLIT_NUMBER_UNIT
    return 0.0


def _lines_penalty(widths: Sequence[int], column_width: int | None) -> float:
    penalty = 0.0
    top = max(widths)
    for width in widths[:-1]:
        if width < top - _WIDTH_SLACK:
            penalty += _SHORT_INNER_LINE
        if column_width and width < column_width - _WIDTH_SLACK:
            penalty += _NOT_FULL
    if column_width:
        penalty += sum(_TOO_WIDE for width in widths if width > column_width + _TOO_WIDE_SLACK)
    return penalty


@lru_cache(maxsize=16384)
def _text_score(is_value: bool, text: str) -> float:
    """The part of a cell's score that depends on its text only (cached: the search meets the
    same candidate texts again in every round of :func:`learn_widths`)."""
    if is_value:
        return _value_score(text)
    if _looks_like_value(text):
        return _VALUE_LIKE_ELSEWHERE
    # a text cell that ends in " 2024 年底前" or " 3 家" has swallowed the value
    tail = _VALUE_TAIL.search(text.rstrip(_END_PUNCTUATION))
    return _VALUE_LIKE_ELSEWHERE * 0.75 if tail and parse_value(tail.group(1)).kind in (
        ValueKind.QUANTITATIVE, ValueKind.DEADLINE) else 0.0


def _cell_score(column: int, text: str, widths: Sequence[int], widths_by_column: dict[int, int]) -> float:
    score = _text_score(CONTENT_COLUMNS[column] == "value", text)
    return score + _lines_penalty(widths, widths_by_column.get(column))


# --- the search -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    """A printed line of part 1: its tokens and where it came from."""

    tokens: list[str]
    fragment: Fragment
    first: bool  # the row's first line (holds the labels): never part of a wrapped cell


_Choice = tuple[float, list[tuple[str, list[Fragment]]]]


def _top2(options: Iterable[_Choice]) -> list[_Choice]:
    return sorted(options, key=lambda option: option[0], reverse=True)[:2]


def _search(units: list[_Unit], widths: dict[int, int], ncells: int) -> list[_Choice]:
    """Best two ways to cut ``units`` into exactly ``ncells`` cells, by dynamic programming."""
    memo: dict[tuple[int, int], list[_Choice]] = {}

    def best(i: int, k: int) -> list[_Choice]:
        if (i, k) in memo:
            return memo[(i, k)]
        if i == len(units):
            result: list[_Choice] = [(0.0, [])] if k == ncells else []
            memo[(i, k)] = result
            return result
        if k == ncells:
            memo[(i, k)] = []
            return []
        options: list[_Choice] = []
        unit = units[i]
        tokens = unit.tokens
        # (A) the line holds c whole cells.
        for count in range(1, min(len(tokens), ncells - k) + 1):
            tails = best(i + 1, k + count)
            if not tails:
                continue
            for cuts in combinations(range(1, len(tokens)), count - 1):
                bounds = (0, *cuts, len(tokens))
                cells: list[tuple[str, list[Fragment]]] = []
                score = 0.0
                for index in range(count):
                    part = tokens[bounds[index]:bounds[index + 1]]
                    text = " ".join(part)
                    score += _cell_score(k + index, text, [visual_width(text)], widths)
                    score += _text_space_penalty(text)  # the tokens of text are part
                    cells.append((text, [unit.fragment]))
                for cut in cuts:
                    score += _cut_penalty(tokens[cut - 1], tokens[cut])
                    if (cut >= 2 and tokens[cut][0].isdigit() and _NUMBER_TOKEN.match(tokens[cut - 2])
                            and len(tokens[cut - 1]) <= 2):
                        score += _SPLIT_NUMBER_UNIT / 2  # "2025 年 | 12 月底前"
                for tail_score, tail in tails:
                    options.append((score + tail_score, cells + tail))
        # (B) lines i..j are one wrapped cell.
        if not unit.first:
            for j in range(i + 1, len(units)):
                if units[j].first:
                    break
                tails = best(j + 1, k + 1)
                if not tails:
                    continue
                block = units[i:j + 1]
                texts = [u.fragment.text for u in block]
                text = "".join(texts)
                score = _cell_score(k, text, [visual_width(t) for t in texts], widths)
                score += _wrapped_space_penalty(texts)
                score += sum(_SENTENCE_END_INSIDE for t in texts[:-1] if t.rstrip().endswith("。"))
                for tail_score, tail in tails:
                    options.append((score + tail_score, [(text, [u.fragment for u in block]), *tail]))
        memo[(i, k)] = _top2(options)
        return memo[(i, k)]

    found = best(0, 0)
    # best() refers to itself, so its memo would wait for the cycle collector: free it now
    memo.clear()
    return found


def _continue(
    cells: list[tuple[str, list[Fragment]]],
    part: list[Fragment],
    widths: dict[int, int],
) -> tuple[float, list[tuple[int, list[Fragment]]], float]:
    """Assign the lines after a page break to the cells they continue (in column order).

    Returns:
        (best score, runs as (column, lines), margin over the second best).
    """
    last_widths = [
        visual_width(text) if len(lines) == 1 else lines[-1].width for text, lines in cells
    ]
    column_widths = {
        column: widths.get(column) or max(
            [last_widths[column]] + [f.width for f in cells[column][1][:-1]]
        ) for column in range(len(cells))
    }

    def run_score(column: int, lines: list[Fragment]) -> float:
        width = column_widths[column]
        last_before = last_widths[column]
        score = _NEW_RUN + (_LAST_COLUMN_BONUS if column == len(cells) - 1 else 0.0)
        if column in widths or len(cells[column][1]) > 1:
            # a cell whose last line before the break was not full had already ended
            score += 0.0 if last_before >= width - _FULL_SLACK else -2.0
        return score + _lines_penalty([f.width for f in lines], width)

    results: list[tuple[float, list[tuple[int, list[Fragment]]]]] = []

    def walk(i: int, column: int, score: float, runs: list[tuple[int, list[Fragment]]]) -> None:
        if i == len(part):
            results.append((score, runs))
            return
        for col in range(column, len(cells)):
            for j in range(i + 1, len(part) + 1):
                lines = part[i:j]
                step = run_score(col, lines)
                if j < len(part) and lines[-1].width >= column_widths[col] - _FULL_SLACK:
                    step += _NEW_RUN  # a full last line: the cell most likely goes on
                walk(j, col + 1, score + step, [*runs, (col, lines)])

    walk(0, 0, 0.0, [])
    if not results:
        return 0.0, [], 0.0
    results.sort(key=lambda item: item[0], reverse=True)
    margin = results[0][0] - results[1][0] if len(results) > 1 else 99.0
    top = results[0]
    results.clear()  # walk() refers to itself and to results: free them without the collector
    return top[0], top[1], margin


def rebuild_row(row: RowText, widths: dict[int, int] | None = None) -> RebuiltRow:
    """The four content cells of one row (三级, 描述, 指标值, 依据).

    Args:
        row: the printed lines of the row.
        widths: learnt column widths by content column index (0 = 三级 … 3 = 依据), if any.

    Returns:
        The cells (wrapped lines joined without a separator, spaces inside a line kept) with the
        lines each came from; ``uncertain`` names the doubt when the best reading is not clearly
        the only one, or when fewer than four cells could be found.
    """
    widths = widths or {}
    parts = list(row.parts)
    if not row.rest.strip():
        while len(parts) > 1 and not parts[0]:
            parts.pop(0)  # the labels ended a page; the cells begin on the next
    row = RowText(level1=row.level1, level2=row.level2, start=row.start, rest=row.rest, parts=parts)
    units: list[_Unit] = []
    if row.rest.strip() and row.start is not None:
        units.append(_Unit(row.rest.split(), row.start, True))
    for fragment in row.parts[0] if row.parts else []:
        units.append(_Unit(fragment.text.split(), fragment, False))
    total_tokens = sum(len(unit.tokens) for unit in units)
    ncells = min(len(CONTENT_COLUMNS), total_tokens)
    choices = _search(units, widths, ncells) if ncells else []
    uncertain: str | None = None
    if not choices:
        return RebuiltRow(cells=[""] * 4, sources=[[] for _ in range(4)], score=0.0,
                          uncertain="指标行没有可读的单元格")
    score, cells = choices[0]
    if len(choices) > 1 and score - choices[1][0] < _UNCERTAIN_MARGIN:
        other = " | ".join(text for text, _ in choices[1][1])
        uncertain = f"单元格的切分不确定，另一种可能的读法为：{other}"
    for text, lines in cells:
        if len(lines) == 1 and _INNER_CJK.search(text) and uncertain is None:
            uncertain = f"单元格“{text}”中的空格两侧可能分属两个单元格，已按一个单元格读入"
    if ncells < len(CONTENT_COLUMNS):
        uncertain = f"只找到 {ncells} 个单元格（应有三级指标、绩效指标描述、指标值、指标值确定依据 4 个），已按顺序填入"
    texts = [text for text, _ in cells] + [""] * (4 - len(cells))
    sources = [list(lines) for _, lines in cells] + [[] for _ in range(4 - len(cells))]
    for part in row.parts[1:]:
        if not part:
            continue
        if len(cells) < 4:
            texts[len(cells) - 1] += "".join(f.text for f in part)
            sources[len(cells) - 1].extend(part)
            continue
        part_score, runs, margin = _continue(cells, part, widths)
        score += part_score
        for column, lines in runs:
            texts[column] += "".join(f.text for f in lines)
            sources[column].extend(lines)
        if margin < _UNCERTAIN_MARGIN and uncertain is None:
            uncertain = "跨页续行归属的单元格不确定，已按列宽推断"
    return RebuiltRow(cells=texts, sources=sources, score=score, uncertain=uncertain)


def learn_widths(rows: Iterable[RowText], header_basis: Fragment | None = None,
                 *, rounds: int = 3, readings: dict[int, RebuiltRow] | None = None) -> dict[int, int]:
    """Column widths of a document, from the wrapped cells of a first reading.

    Args:
        rows: every indicator row of the document.
        header_basis: the first line of the wrapped header "指标值确定依据" ("指标值确定"), whose
            width is the 依据 column's when no row wraps there.
        readings: when given, filled with ``id(row)`` → :func:`rebuild_row` of the row with the
            returned widths, when the last round already read every row with them (the widths
            settled), so that the caller need not rebuild the rows again.

    Returns:
        Content column index → width in half-width units, for the columns seen wrapping.
    """
    rows = list(rows)
    widths: dict[int, int] = {}
    if header_basis is not None:
        # the header's own wrap ("指标值确定 / 依据") measures the 依据 column; the other columns
        # start from the proportions of the official template and are then re-learnt
        basis = header_basis.width
        widths = {column: round(basis * ratio) for column, ratio in TEMPLATE_RATIOS.items()}
    for _ in range(rounds):
        seen: dict[int, list[int]] = {}
        current: dict[int, RebuiltRow] = {}
        for row in rows:
            reading = rebuild_row(row, widths)
            current[id(row)] = reading
            for column, lines in enumerate(reading.sources):
                part1 = [f for f in lines if row.parts and f in row.parts[0]]
                inner = [f.width for f in part1[:-1]]
                if inner and max(inner) - min(inner) <= _WIDTH_SLACK:
                    seen.setdefault(column, []).append(max(inner))
        learnt = dict(widths)  # columns that never wrap keep their template width
        learnt.update({column: int(median(values)) for column, values in seen.items()})
        if learnt == widths:
            if readings is not None:
                readings.update(current)
            break
        widths = learnt
    return widths
