"""Properties of the hierarchy checks on generated tables (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.disclosure.checks import check_disclosure
from jixiao.disclosure.model import ClassifiedTable, Disclosure, ExpenditureRow, TableKind

CENTS = st.integers(min_value=0, max_value=10_000_000).map(lambda c: Decimal(c).scaleb(-2))
# 类 → 款 → 项 shapes: up to 3 classes, each with up to 3 款 of up to 3 项.
SHAPES = st.lists(st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=3), min_size=1, max_size=3)


@st.composite
def tables(draw: st.DrawFn) -> ClassifiedTable:
    """A T3 whose every parent is the exact sum of its children (basic and project columns)."""
    shape = draw(SHAPES)
    rows: list[ExpenditureRow] = []
    totals = [Decimal(0), Decimal(0)]
    for c, kuans in enumerate(shape):
        class_code = f"2{c + 1:02d}"
        class_rows: list[ExpenditureRow] = []
        class_sum = [Decimal(0), Decimal(0)]
        for k, items in enumerate(kuans):
            kuan_code = f"{class_code}{k + 1:02d}"
            leaves = [(draw(CENTS), draw(CENTS)) for _ in range(items)]
            basic, project = sum(b for b, _ in leaves), sum(p for _, p in leaves)
            class_rows.append(ExpenditureRow(code=kuan_code, name="款", total=basic + project, basic=basic,
                                             project=project))
            class_rows += [ExpenditureRow(code=f"{kuan_code}{i + 1:02d}", name="项", total=b + p, basic=b, project=p)
                           for i, (b, p) in enumerate(leaves)]
            class_sum = [class_sum[0] + basic, class_sum[1] + project]
        rows.append(ExpenditureRow(code=class_code, name="类", total=sum(class_sum), basic=class_sum[0],
                                   project=class_sum[1]))
        rows += class_rows
        totals = [totals[0] + class_sum[0], totals[1] + class_sum[1]]
    rows.insert(0, ExpenditureRow(name="合计", total=sum(totals), basic=totals[0], project=totals[1]))
    return ClassifiedTable(kind=TableKind.T3, title="支出总表", columns=["total", "basic", "project"], rows=rows)


def _codes(table: ClassifiedTable) -> list[str]:
    report = check_disclosure(Disclosure(file="g.txt", year=2025, tables={TableKind.T3: table}))
    return sorted(f.code for f in report.findings if f.code in ("JX605", "JX607"))


@settings(max_examples=60, deadline=None)
@given(tables())
def test_check_consistent_table_no_hierarchy_findings(table: ClassifiedTable) -> None:
    """A table built to add up exactly gives no JX605/JX607 finding (exact Decimal sums)."""
    assert _codes(table) == []


@settings(max_examples=60, deadline=None)
@given(tables(), st.data())
def test_check_one_leaf_changed_flags_row_and_parent(table: ClassifiedTable, data: st.DataObject) -> None:
    """Changing one 项's 合计 by a cent or more flags that row (JX607) and its 款 (JX605), nothing else."""
    leaves = [i for i, row in enumerate(table.rows) if row.level == 3]
    index = data.draw(st.sampled_from(leaves))
    delta = data.draw(st.integers(min_value=1, max_value=100_000).map(lambda c: Decimal(c).scaleb(-2)))
    rows = list(table.rows)
    rows[index] = rows[index].model_copy(update={"total": rows[index].total + delta})
    assert _codes(table.model_copy(update={"rows": rows})) == ["JX605", "JX607"]
