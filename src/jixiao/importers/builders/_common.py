"""What every family builder shares: layout ids, per-row item memo, problem recording.

The families differ in how they clean cell text and which labels they know, so each keeps its
own ``_items``; the scaffolding around it is here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from jixiao.importers.base import Cell, Grid, Row
from jixiao.model import ImportProblem, ProblemSeverity, SourceRef

ItemT = TypeVar("ItemT")


@dataclass(slots=True)
class CellItem:
    """A non-blank cell with its cleaned text (each family adds its own ``key``)."""

    text: str
    cell: Cell

    @property
    def col(self) -> int:
        return self.cell.col

    @property
    def source(self) -> SourceRef:
        return self.cell.source


class BuilderBase(Generic[ItemT]):
    """One grid → one ImportedDocument; holds the problems met on the way.

    Attributes:
        doc_layout: the document's layout id without the form kind (``tsv-gd-county-2025``).
        department_layout, project_layout: the forms' layout ids.
    """

    def __init__(self, grid: Grid, layout: str, read_items: Callable[[Row], list[ItemT]]) -> None:
        self.grid = grid
        self.doc_layout = layout.split("/", 1)[1] if "/" in layout else layout
        self.department_layout = f"department-target/{self.doc_layout}"
        self.project_layout = f"project-target/{self.doc_layout}"
        self.problems: list[ImportProblem] = []
        self._read_items = read_items
        self._row_items: dict[int, list[ItemT]] = {}

    def items(self, row: Row) -> list[ItemT]:
        """The non-blank cells of a row of this grid, read once (rows are read in several passes)."""
        found = self._row_items.get(id(row))
        if found is None:
            found = self._row_items[id(row)] = self._read_items(row)
        return found

    def problem(
        self,
        code: str,
        reason: str,
        source: SourceRef | None,
        *,
        text: str | None = None,
        severity: ProblemSeverity = ProblemSeverity.WARNING,
    ) -> None:
        """Record an ImportProblem whose message starts with its place."""
        where = source.describe() if source else self.grid.file
        self.problems.append(ImportProblem(
            severity=severity, code=code, message=f"{where}：{reason}", source=source, text=text
        ))
