"""PDF target forms: text-based PDFs read by :mod:`jixiao.importers.pdfgrid`, built by family.

The PDF is read once into a :class:`~jixiao.importers.pdfgrid.PdfDocument` (running text and
ruled tables, tables continued across pages merged), flattened into a Grid by
:func:`~jixiao.importers.pdfgrid.pdf_grid`, and handed to the family builders like any
other grid. Every row keeps its page in its SourceRef. A PDF without a text layer (a scan)
is refused with a clear message; image-only pages inside a textual PDF are listed as
problems and the rest is imported.
"""

from __future__ import annotations

from jixiao.errors import UnreadableDocument
from jixiao.importers.base import Grid, RawDocument
from jixiao.importers.builders import GridImporter
from jixiao.importers.pdfgrid import pdf_grid, read_pdf

__all__ = ["PdfImporter", "read_pdf_grid"]


def read_pdf_grid(doc: RawDocument) -> Grid:
    """Read a PDF into a Grid.

    Args:
        doc: the raw document (``kind == "pdf"``).

    Returns:
        The grid: running text rows (``SourceRef(page=, line=)``) and table rows
        (``SourceRef(page=, table=, row=, column=)``), in reading order.

    Raises:
        UnreadableDocument: not a PDF, broken, encrypted, or without a text layer.
    """
    if b"%PDF" not in doc.data[:1024]:
        found = "文本文件" if b"\x00" not in doc.data[:8192] else "其他二进制内容"
        raise UnreadableDocument(
            doc.name,
            f"扩展名为 {doc.suffix or '（无）'}，应为 PDF 文件，实际是{found}（没有 %PDF 文件头）",
        )
    return pdf_grid(read_pdf(doc.data, name=doc.name))


class PdfImporter(GridImporter):
    """PDF target forms of every family the grid builders know (Guangdong, Hebei)."""

    formats = ("pdf",)
    layouts = ()
    format_label = "pdf"
    format_name = "PDF"

    def read_grid(self, doc: RawDocument) -> Grid:
        return read_pdf_grid(doc)
