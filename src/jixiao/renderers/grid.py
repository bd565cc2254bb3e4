"""Placing spanned cells on a rectangular grid, for the formats that draw one grid (xlsx, docx)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from jixiao.renderers.layout import Table, TCell


@dataclass(slots=True)
class Placed:
    row: int
    col: int
    cell: TCell
    header: bool = False

    @property
    def last_row(self) -> int:
        return self.row + self.cell.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.cell.colspan - 1


def table_rows(table: Table, *, merge_label: bool = True) -> tuple[list[list[TCell]], int]:
    """Head and body as one list of rows, and how many rows are head rows.

    With ``merge_label``, the 绩效指标 label of a head row and the blank cell that continues it
    down the body become one merged cell, as on the printed form.
    """
    head = [list(row) for row in table.head]
    body = [list(row) for row in table.body]
    if (
        merge_label
        and head
        and body
        and head[0]
        and head[0][0].kind == "label-head"
        and body[0]
        and body[0][0].kind == "label-cont"
    ):
        cont = body[0].pop(0)
        first = head[0][0]
        head[0][0] = TCell(first.text, colspan=first.colspan, rowspan=len(head) + cont.rowspan, kind="label")
        return head + body, 0
    return head + body, len(head)


def place(rows: Sequence[Sequence[TCell]], columns: int) -> Iterator[Placed]:
    """Each cell with its 0-based row and column, skipping positions taken by earlier spans."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c >= columns:
                break
            colspan = min(cell.colspan, columns - c)
            if colspan != cell.colspan:
                cell = TCell(cell.text, colspan=colspan, rowspan=cell.rowspan, kind=cell.kind, number=cell.number)
            for dr in range(cell.rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            yield Placed(r, c, cell)
            c += colspan
