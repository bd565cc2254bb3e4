"""Turn raw table rows (a label, maybe a code, numbers) into the disclosure model.

Both readers produce :class:`RawRow` lists. A PDF reader knows which column each number sits in
(``cells``); the text reader only knows the numbers in order, with empty cells dropped. For those
rows the columns are chosen by :func:`assign_columns`: every order-preserving placement of the
numbers into the columns the table uses (those with a value in its 合计 line) is tried against the
row identities (合计 = Σ parts); a row with several placements that satisfy them is settled by its
parent (the placement of the children whose column sums come closest to the parent's).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.disclosure.catalogue import Catalogue
from jixiao.disclosure.model import (
    ClassifiedRow,
    ClassifiedTable,
    Disclosure,
    EconomicRow,
    ExpenditureRow,
    FundExpenditureRow,
    IncomeRow,
    SourceLine,
    SourceTable,
    SummaryLine,
    SummaryTable,
    TableKind,
    TableLayout,
    ThreePublicRow,
    ThreePublicTable,
)
from jixiao.model import MoneyUnit, SourceRef

CENT = Decimal("0.01")
ZERO = Decimal(0)
NUMBER_RE = re.compile(r"^[-－]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-－]?\d+\.\d+$|^[-－]?\d+$")


def parse_number(text: str) -> Decimal | None:
    """``"1,086.91"`` → Decimal("1086.91"); dashes and blanks are None."""
    text = text.strip().replace("－", "-").replace(",", "").replace("，", "")
    if not text or text in {"-", "--", "—", "/"}:
        return None
    try:
        return Decimal(text)
    except ArithmeticError:
        return None


@dataclass(slots=True)
class RawRow:
    label: str
    code: str | None = None
    numbers: list[Decimal] = field(default_factory=list)
    cells: dict[str, Decimal | None] | None = None
    """Column key → value, when the reader knows the columns (PDF)."""
    source: SourceRef | None = None


ROW_CLASSES: dict[TableKind, type[ClassifiedRow]] = {
    TableKind.T2: IncomeRow,
    TableKind.T3: ExpenditureRow,
    TableKind.T5: FundExpenditureRow,
    TableKind.T6: EconomicRow,
    TableKind.T7: FundExpenditureRow,
    TableKind.T8: FundExpenditureRow,
}


def _v(values: dict[str, Decimal | None], key: str) -> Decimal:
    return values.get(key) or ZERO


def row_identities(kind: TableKind, columns: Sequence[str]) -> Callable[[dict], list[tuple[Decimal, Decimal]]]:
    """The per-row identities of a table as (left, right) pairs."""

    def income(values: dict) -> list[tuple[Decimal, Decimal]]:
        types = sum((_v(values, c) for c in IncomeRow.INCOME_TYPES), ZERO)
        if "subtotal" in columns:
            return [(_v(values, "total"), _v(values, "subtotal") + _v(values, "carryover")),
                    (_v(values, "subtotal"), types)]
        return [(_v(values, "total"), types + _v(values, "carryover"))]

    def parts(total: str, items: Sequence[str]) -> Callable[[dict], list[tuple[Decimal, Decimal]]]:
        return lambda values: [(_v(values, total), sum((_v(values, c) for c in items), ZERO))]

    if kind == TableKind.T2:
        return income
    if kind == TableKind.T3:
        return parts("total", [c for c in ExpenditureRow.COLUMNS if c != "total"])
    if kind == TableKind.T6:
        return parts("total", ["personnel", "public"])
    if kind == TableKind.T9:
        return parts("total", ["general", "fund", "capital"])
    if kind == TableKind.T4:
        return parts("amount", ["general", "fund", "capital"])
    return parts("total", ["basic", "project"])


def assign_columns(
    numbers: Sequence[Decimal], columns: Sequence[str], identities: Callable[[dict], list[tuple[Decimal, Decimal]]]
) -> list[dict[str, Decimal]]:
    """Every order-preserving placement of ``numbers`` into ``columns``, best first.

    The first column (合计) is always taken by the first number. Placements that satisfy the
    identities (within one cent per added term) come first, in column order; when none does, all
    placements are returned, the ones failing fewest identities first.
    """
    if not numbers:
        return [{}]
    if len(numbers) > len(columns):
        return []
    first, rest = columns[0], columns[1:]
    scored: list[tuple[int, int, dict[str, Decimal]]] = []
    for order, combo in enumerate(itertools.combinations(rest, len(numbers) - 1)):
        values = dict(zip((first, *combo), numbers, strict=True))
        failures = sum(1 for left, right in identities(values) if abs(left - right) > CENT * len(columns))
        scored.append((failures, order, values))
    scored.sort(key=lambda item: (item[0], item[1]))
    best = scored[0][0]
    return [values for failures, _, values in scored if failures == best]


def _distance(parent: dict[str, Decimal], children: Sequence[dict[str, Decimal]], columns: Sequence[str]) -> Decimal:
    total = ZERO
    for column in columns:
        total += abs(_v(parent, column) - sum((_v(child, column) for child in children), ZERO))
    return total


def resolve_group(
    parent: dict[str, Decimal], children: list[list[dict[str, Decimal]]], columns: Sequence[str], limit: int = 4096
) -> list[dict[str, Decimal]]:
    """Choose one placement per child so that the children's columns add up to the parent's."""
    fixed = [options[0] for options in children if len(options) == 1]
    open_idx = [i for i, options in enumerate(children) if len(options) > 1]
    chosen = [options[0] for options in children]
    if not open_idx:
        return chosen
    size = 1
    for i in open_idx:
        size *= len(children[i])
    if size <= limit:
        best: tuple[Decimal, tuple[dict[str, Decimal], ...]] | None = None
        for combo in itertools.product(*(children[i] for i in open_idx)):
            dist = _distance(parent, [*fixed, *combo], columns)
            if best is None or dist < best[0]:
                best = (dist, combo)
        assert best is not None
        for i, values in zip(open_idx, best[1], strict=True):
            chosen[i] = values
        return chosen
    # Too many: settle one child at a time against the remaining residual.
    for i in open_idx:
        others = [chosen[j] for j in range(len(children)) if j != i]
        chosen[i] = min(children[i], key=lambda values: _distance(parent, [*others, values], columns))
    return chosen


def _parent_index(codes: list[str | None], index: int) -> int | None:
    code = codes[index]
    if code is None:
        return None
    if len(code) == 3:
        return next((i for i, c in enumerate(codes) if c is None), None)
    parent_code = code[: len(code) - 2]
    return next((i for i, c in enumerate(codes) if c == parent_code), None)


def build_classified(
    kind: TableKind, raw_rows: list[RawRow], *, unit: MoneyUnit, title: str = "",
    columns: Sequence[str] | None = None, empty_note: str | None = None, source: SourceRef | None = None,
    reference_total: dict[str, Decimal] | None = None,
) -> ClassifiedTable:
    """A classified table (T2/T3/T5–T8) from raw rows.

    ``reference_total`` (e.g. T3's column sums over the same 类) settles a 合计 row whose numbers fit
    more than one set of columns.
    """
    row_class = ROW_CLASSES[kind]
    all_columns = list(row_class.COLUMNS)
    identities = row_identities(kind, columns or all_columns)
    codes = [row.code for row in raw_rows]
    options: list[list[dict[str, Decimal]]] = []
    used = list(columns) if columns else all_columns
    total_index = next((i for i, row in enumerate(raw_rows) if row.code is None and row.cells is None), None)
    if total_index is not None and columns is None:
        total_options = assign_columns(raw_rows[total_index].numbers, all_columns, identities)
        if total_options and reference_total:
            total_options.sort(key=lambda values: _distance(values, [reference_total], all_columns))
        if total_options:
            used = [c for c in all_columns if c in total_options[0]]
    for row in raw_rows:
        if row.cells is not None:
            options.append([{k: v for k, v in row.cells.items() if v is not None}])
            continue
        found = assign_columns(row.numbers, used, identities) or assign_columns(row.numbers, all_columns, identities)
        if row.code is None and found and reference_total:
            found.sort(key=lambda values: _distance(values, [reference_total], used))
            found = found[:1]
        options.append(found or [{}])
    chosen: list[dict[str, Decimal] | None] = [opts[0] if len(opts) == 1 else None for opts in options]
    order = sorted(range(len(raw_rows)), key=lambda i: -1 if codes[i] is None else len(codes[i] or ""))
    for index in order:
        if chosen[index] is None:
            chosen[index] = options[index][0]
        kids = [i for i in range(len(raw_rows)) if _parent_index(codes, i) == index]
        if not kids:
            continue
        resolved = resolve_group(chosen[index] or {}, [options[i] if chosen[i] is None else [chosen[i]] for i in kids],
                                 used)
        for i, values in zip(kids, resolved, strict=True):
            chosen[i] = values
    rows = []
    for raw, values in zip(raw_rows, chosen, strict=True):
        rows.append(row_class(code=raw.code, name=raw.label if raw.code else (raw.label or "合计"),
                              source=raw.source, **(values or {})))
    # A table with a 合计 and no coded row is printed as totals only (Jiangsu's 支出预算总表).
    layout = TableLayout.TOTALS if rows and all(row.code is None for row in rows) else TableLayout.FUNCTION
    return ClassifiedTable(kind=kind, title=title or kind.title, unit=unit, columns=used, rows=rows,
                           empty_note=empty_note, layout=layout, source=source)


@dataclass(slots=True)
class SourceCells:
    """One row of an income-by-source table: its labels, its amount, whether it says 小计."""

    labels: list[str]
    amount: Decimal | None
    subtotal: bool = False
    source: SourceRef | None = None


SOURCE_GROUP = re.compile(r"^(一般公共预算资金|政府性基金(?:预算)?(?:资金)?|国有资本经营预算(?:资金)?|财政转?专户管理资金|其他资金"
                          r"|上年结转和结余资金)")
"""The source groups of Jiangsu's 收入预算总表 (a group cell printed beside its first item, or mid-block)."""


def build_by_source(rows: list[SourceCells], *, unit: MoneyUnit, title: str = "", empty_note: str | None = None,
                    source: SourceRef | None = None) -> SourceTable:
    """T2 listed by income source from its rows: the 收入总计 line, each group's 小计 and the items under
    it. A group is named by a known group name or by the label beside ``小计``; a ``小计`` line
    printed before the group name (the name centred in a tall cell) opens a group named later."""
    lines: list[SourceLine] = []
    head: SourceLine | None = None
    named = False
    items_in_group = 0
    pending: Decimal | None = None

    def open_group(name: str, amount: Decimal | None, where: SourceRef | None) -> SourceLine:
        nonlocal head, named, items_in_group
        head = SourceLine(key="subtotal", group=name, label=f"{name} 小计" if name else "小计", amount=amount,
                          source=where)
        lines.append(head)
        named, items_in_group = bool(name), 0
        return head

    def name_group(name: str) -> None:
        nonlocal named
        assert head is not None
        head.group, head.label, named = name, f"{name} 小计", True
        for line in lines:
            if line.key == "item" and line.group == "" and lines.index(line) > lines.index(head):
                line.group = name

    for row in rows:
        labels = [text for text in (re.sub(r"\s", "", t) for t in row.labels) if text]
        if not labels and not row.subtotal:
            if row.amount is not None and lines and lines[-1].amount is None:
                lines[-1].amount = row.amount  # an amount printed a line below its label
            elif row.amount is not None:
                pending = row.amount  # … or a line above it (a label centred in a tall cell)
            continue
        text = "".join(labels)
        if labels and ("总计" in labels[0] or (labels[0].endswith("合计") and not lines)):
            lines.append(SourceLine(key="total", label=labels[0], amount=row.amount, source=row.source))
            continue
        match = SOURCE_GROUP.match(text)
        group_name = match.group(1) if match else (text if row.subtotal and text else None)
        rest = text[match.end():] if match else ("" if group_name else text)
        if group_name is not None:
            if head is not None and not named and items_in_group <= 2:
                name_group(group_name)  # the 小计 line came first
                if row.subtotal and head.amount is None:
                    head.amount = row.amount
            else:
                open_group(group_name, row.amount if row.subtotal or not rest else None, row.source)
        elif row.subtotal:
            if head is not None and items_in_group == 0:
                head.amount = head.amount if row.amount is None else row.amount
            else:
                open_group("", row.amount, row.source)
            continue
        if rest:
            group = head.group if head is not None else ""
            amount = row.amount if not (group_name and row.subtotal) else None
            if amount is None and pending is not None and lines and lines[-1].amount == pending:
                amount = pending
            pending = None
            lines.append(SourceLine(key="item", group=group, label=rest, amount=amount,
                                    part_of=rest.startswith("其中"), source=row.source))
            items_in_group += 1
    return SourceTable(kind=TableKind.T2, title=title or TableKind.T2.title, unit=unit, columns=["amount"],
                       rows=lines, empty_note=empty_note, source=source)


THREE_PUBLIC_KEYS: list[tuple[str, str]] = [
    ("教学科研", "abroad_research"),
    ("其他因公出国", "abroad_other"),
    ("因公出国", "abroad"),
    ("购置费", "vehicle_purchase"),
    ("运行", "vehicle_operation"),
    ("运维", "vehicle_operation"),
    ("公务用车", "vehicle"),
    ("接待", "reception"),
    ("小计", "subtotal"),
    ("合计", "total"),
]


def three_public_key(label: str) -> str | None:
    text = label.replace(" ", "")
    if "购置及" in text or "购置和" in text:
        return "vehicle"
    for word, key in THREE_PUBLIC_KEYS:
        if word in text:
            return key
    return None


def build_three_public(raw_rows: list[RawRow], *, unit: MoneyUnit, title: str = "", empty_note: str | None = None,
                       source: SourceRef | None = None) -> ThreePublicTable:
    columns = list(ThreePublicRow.COLUMNS)
    identities = row_identities(TableKind.T9, columns)
    rows: list[ThreePublicRow] = []
    for raw in raw_rows:
        key = three_public_key(raw.label)
        if key is None:
            continue
        if raw.cells is not None:
            values = {k: v for k, v in raw.cells.items() if v is not None and k in columns}
        else:
            found = assign_columns(raw.numbers, columns, identities)
            values = found[0] if found else {}
        rows.append(ThreePublicRow(key=key, label=raw.label, source=raw.source, **values))
    return ThreePublicTable(kind=TableKind.T9, title=title or TableKind.T9.title, unit=unit, columns=columns,
                            rows=rows, empty_note=empty_note, source=source)


INCOME_KEYS: list[tuple[str, str]] = [
    ("年初财政拨款结转", "carryover"),
    ("上年结转", "carryover"),
    ("本年收入合计", "current_total"),
    ("当年收入小计", "current_total"),
    ("当年收入", "current_total"),  # 当年收入小计 wrapped, the 小计 lost
    ("收入小计", "current_total"),
    ("收入总计", "grand_total"),
    ("收入合计", "current_total"),
    ("一般公共预算", "general"),
    ("政府性基金", "fund"),
    ("国有资本经营", "capital"),
    ("财政专户", "special"),
    ("单位资金", "unit"),
    ("财政拨款收入", "fiscal"),
    ("经营收入", "operating"),
    ("事业收入", "business"),
    ("上级补助", "superior"),
    ("附属单位", "subsidiary"),
    ("其他收入", "other"),
    ("其他资金", "other"),
    ("财政拨款", "fiscal"),
]
EXPENDITURE_TOTALS: list[tuple[str, str]] = [
    ("本年支出合计", "current_total"),
    ("当年支出小计", "current_total"),
    ("支出小计", "current_total"),
    ("支出总计", "grand_total"),
    ("年终结转", "closing_carryover"),
    ("年末", "closing_carryover"),
    ("结转下年", "closing_carryover"),
    ("支出合计", "current_total"),
]


PURPOSE_KEYS: dict[str, str] = {
    "基本支出": "basic", "项目支出": "project", "单位预留机动经费": "reserve", "经营支出": "operating",
    "上缴上级支出": "remit_superior", "对附属单位补助支出": "subsidy_subordinate",
}
"""支出用途 lines of a summary table (Jiangsu) and the T3 column each matches."""
_ORDINAL = re.compile(r"^[一二三四五六七八九十]+[、.．]|^\d+[、.．]")


def purpose_key(label: str) -> str | None:
    """The 支出用途 key of a summary-table label (``一、基本支出`` → basic), None for anything else."""
    text = _ORDINAL.sub("", re.sub(r"\s", "", label))
    if text.startswith("单位预留机动"):  # 单位预留机动经费, wrapped or not
        return "reserve"
    return PURPOSE_KEYS.get(text)


def income_key(label: str) -> str | None:
    text = re.sub(r"\s", "", label)
    for word, key in INCOME_KEYS:
        if word in text:
            return key
    return None


def is_expenditure_label(label: str) -> bool:
    text = re.sub(r"\s", "", label)
    if any(word in text for word, _ in EXPENDITURE_TOTALS):
        return True
    if "支出" in text:
        return True
    return income_key(text) is None


def expenditure_line(label: str, catalogue: Catalogue | None) -> tuple[str, str | None]:
    text = re.sub(r"\s", "", label)
    for word, key in EXPENDITURE_TOTALS:
        if word in text:
            return key, None
    code = catalogue.class_code_for_name(text) if catalogue else None
    return "class", code


@dataclass(slots=True)
class SummarySide:
    label: str
    numbers: list[Decimal]
    cells: dict[str, Decimal | None] | None = None
    source: SourceRef | None = None


def build_summary(
    kind: TableKind, income: list[SummarySide], expenditure: list[SummarySide], *, unit: MoneyUnit,
    catalogue: Catalogue | None, title: str = "", source: SourceRef | None = None,
) -> SummaryTable:
    """T1 or T4 from its two halves (labels with their numbers)."""
    income_lines: list[SummaryLine] = []
    after_carryover = False
    for side in income:
        key = income_key(side.label) or "other_item"
        if key == "current_total" and any(line.key == "current_total" for line in income_lines):
            key = "grand_total"  # 收入小计 … 收入合计 (Jiangsu): the second total is the grand total
        if kind == TableKind.T4 and after_carryover and key in ("general", "fund", "capital"):
            key = f"carryover_{key}"
        if key == "carryover":
            after_carryover = True
        elif key in ("grand_total", "current_total"):
            after_carryover = False
        amount = side.cells.get("amount") if side.cells else (side.numbers[0] if side.numbers else None)
        income_lines.append(SummaryLine(key=key, label=side.label, amount=amount, source=side.source))
    fund_columns = ["amount"]
    if kind == TableKind.T4:
        for fund in ("general", "fund", "capital"):
            if any(line.amount for line in income_lines if line.key in (fund, f"carryover_{fund}")):
                fund_columns.append(fund)
    identities = row_identities(TableKind.T4, fund_columns)
    raw_exp: list[tuple[str, str | None, SummarySide, list[dict[str, Decimal]]]] = []
    purposes: list[SummaryLine] = []
    for side in expenditure:
        purpose = purpose_key(side.label)
        if purpose is not None:
            amount = side.cells.get("amount") if side.cells else (side.numbers[0] if side.numbers else None)
            purposes.append(SummaryLine(key=purpose, label=side.label, amount=amount, source=side.source))
            continue
        key, code = expenditure_line(side.label, catalogue)
        if key == "current_total" and any(item[0] == "current_total" for item in raw_exp):
            key = "grand_total"  # 支出小计 … 支出合计 (Jiangsu)
        if side.cells is not None:
            opts = [{k: v for k, v in side.cells.items() if v is not None}]
        elif kind == TableKind.T4:
            opts = assign_columns(side.numbers, fund_columns, identities) or [{"amount": side.numbers[0]}]
        else:
            opts = [{"amount": side.numbers[0]}] if side.numbers else [{}]
        raw_exp.append((key, code, side, opts))
    # Settle ambiguous class lines against the 本年支出合计 line.
    total_values = next((opts[0] for key, _, _, opts in raw_exp if key == "current_total"), None)
    class_idx = [i for i, item in enumerate(raw_exp) if item[0] == "class"]
    if total_values is not None and kind == TableKind.T4:
        resolved = resolve_group(total_values, [raw_exp[i][3] for i in class_idx], fund_columns)
        for i, values in zip(class_idx, resolved, strict=True):
            key, code, side, _ = raw_exp[i]
            raw_exp[i] = (key, code, side, [values])
    expenditure_lines = [
        SummaryLine(key=key, label=side.label, code=code, source=side.source, **opts[0])
        for key, code, side, opts in raw_exp
    ]
    has_classes = any(line.key == "class" for line in expenditure_lines)
    layout = TableLayout.PURPOSE if purposes and not has_classes else TableLayout.FUNCTION
    return SummaryTable(kind=kind, title=title or kind.title, unit=unit, columns=fund_columns,
                        income=income_lines, expenditure=expenditure_lines, purposes=purposes, layout=layout,
                        source=source)


def normalise_units(disclosure: Disclosure) -> None:
    """Convert every table to the disclosure's unit (exactly), so tables can be compared."""
    for kind, table in list(disclosure.tables.items()):
        if table.unit == disclosure.unit:
            continue
        factor = Decimal(10000) if disclosure.unit == MoneyUnit.YUAN else Decimal(1) / Decimal(10000)

        def scale(values: dict, factor: Decimal = factor) -> dict:
            return {k: (v * factor if isinstance(v, Decimal) else v) for k, v in values.items()}

        update: dict = {"unit": disclosure.unit}
        if isinstance(table, SummaryTable):
            update["income"] = [line.model_copy(update=scale(line.__dict__)) for line in table.income]
            update["expenditure"] = [line.model_copy(update=scale(line.__dict__)) for line in table.expenditure]
        elif isinstance(table, ClassifiedTable | ThreePublicTable):
            update["rows"] = [row.model_copy(update=scale(row.__dict__)) for row in table.rows]
        disclosure.tables[kind] = table.model_copy(update=update)
        disclosure.problems.append(
            f"{disclosure.file}：表“{table.title}”以{table.unit.value}为单位，已换算为{disclosure.unit.value}后核对")
