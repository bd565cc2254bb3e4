"""Importers: text layouts of the seed families, Word, Excel and PDF, all into one model."""

from jixiao.importers.base import Cell, Detection, Grid, Importer, RawDocument, Row
from jixiao.importers.registry import (
    choose,
    expand_paths,
    import_bytes,
    import_document,
    import_file,
    importers,
)

__all__ = [
    "Cell",
    "Detection",
    "Grid",
    "Importer",
    "RawDocument",
    "Row",
    "choose",
    "expand_paths",
    "import_bytes",
    "import_document",
    "import_file",
    "importers",
]
