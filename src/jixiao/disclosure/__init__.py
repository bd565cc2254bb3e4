"""部门预算公开: the nine disclosure tables — model, code catalogue, readers, checks (JX6xx), export."""

from __future__ import annotations

from pathlib import Path

from jixiao.disclosure.model import Disclosure, TableKind

__all__ = ["Disclosure", "TableKind", "load_disclosure"]


def load_disclosure(path: str | Path, *, name: str | None = None) -> Disclosure:
    """Read a disclosure from a PDF or a text file (raises ImportFailed with a Chinese message)."""
    from jixiao.importers.base import RawDocument

    raw = RawDocument.from_path(path, name=name)
    if raw.kind == "pdf":
        from jixiao.disclosure.parse_pdf import parse_disclosure_pdf

        return parse_disclosure_pdf(raw.data, name=raw.name)
    if raw.kind == "text" and raw.text is not None:
        from jixiao.disclosure.parse_text import parse_disclosure_text

        return parse_disclosure_text(raw.text, file=raw.name)
    from jixiao.errors import UnsupportedDocument

    raise UnsupportedDocument(raw.name, f"部门预算公开表应为 PDF 或文本文件，实际为 {raw.kind}")
