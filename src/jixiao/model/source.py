"""Provenance: where a form, a field or an indicator row came from in the user's own file."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class SourceRef(BaseModel):
    """A place in a source document.

    Text files use ``line``/``line_end`` (1-based); spreadsheets use ``sheet`` with
    ``row``/``row_end`` and ``column`` (1-based); PDFs use ``page`` (1-based) and may add
    ``line``; Word documents use ``table`` (1-based), ``row`` and ``column``.
    """

    model_config = ConfigDict(frozen=True)

    file: str
    sheet: str | None = None
    page: int | None = None
    table: int | None = None
    line: int | None = None
    line_end: int | None = None
    row: int | None = None
    row_end: int | None = None
    column: int | None = None

    def describe(self) -> str:
        """A short Chinese description: ``a.txt 第12–14行``."""
        parts: list[str] = [self.file]
        if self.sheet:
            parts.append(f"工作表“{self.sheet}”")
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            parts.append(f"第{self.table}个表格")
        if self.line is not None:
            span = f"{self.line}–{self.line_end}" if self.line_end and self.line_end != self.line else f"{self.line}"
            parts.append(f"第{span}行")
        if self.row is not None:
            span = f"{self.row}–{self.row_end}" if self.row_end and self.row_end != self.row else f"{self.row}"
            parts.append(f"第{span}行（表格行）" if self.sheet is None and self.table is not None else f"第{span}行")
        if self.column is not None:
            parts.append(f"第{self.column}列")
        return " ".join(parts)

    def spanning(self, other: SourceRef | None) -> SourceRef:
        """This place extended to the end of ``other`` (same file), for multi-line rows."""
        if other is None:
            return self
        update: dict[str, int | None] = {}
        if other.line is not None:
            update["line_end"] = other.line_end or other.line
        if other.row is not None:
            update["row_end"] = other.row_end or other.row
        return self.model_copy(update=update)
