"""Form builders: turn a :class:`~jixiao.importers.base.Grid` into target forms.

Every table-shaped source (tab-separated text, Word, Excel, PDF tables) is read into a Grid
first; a builder then recognises one layout family by its labels and builds the forms. Each
family module exposes the same two functions::

    def score(grid: Grid) -> Detection | None
    def build(grid: Grid, *, layout: str) -> ImportedDocument

so that :func:`build_forms` can serve every format alike.
"""

from __future__ import annotations

import importlib
from abc import abstractmethod
from typing import ClassVar

from jixiao.errors import UnsupportedDocument
from jixiao.importers.base import Detection, Grid, Importer, RawDocument
from jixiao.model import ImportedDocument

#: Family builder modules, asked in turn.
FAMILIES: tuple[str, ...] = (
    "jixiao.importers.builders.guangdong",
    "jixiao.importers.builders.hebei",
)


def detect_family(grid: Grid) -> tuple[str, Detection] | None:
    """The best-scoring family module name and its detection, or None."""
    best: tuple[str, Detection] | None = None
    for name in FAMILIES:
        detection = importlib.import_module(name).score(grid)
        if detection is not None and (best is None or detection.confidence > best[1].confidence):
            best = (name, detection)
    return best


def build_forms(
    grid: Grid, *, format_label: str, found: tuple[str, Detection] | None = None
) -> ImportedDocument:
    """Build the forms of a grid read from a ``format_label`` file ("docx", "xlsx", "pdf").

    ``found`` is the result of :func:`detect_family` when the caller already has it.

    Raises:
        UnsupportedDocument: no family recognised the grid.
    """
    found = found or detect_family(grid)
    if found is None:
        raise UnsupportedDocument(
            grid.file,
            f"{format_label} 文件中未找到部门整体绩效目标表或项目支出绩效目标表的表头"
            "（如“项目名称”“绩效指标”“一级指标”）",
        )
    module_name, detection = found
    module = importlib.import_module(module_name)
    result = module.build(grid, layout=format_layout(detection.layout, format_label))
    result.problems[:0] = grid.problems
    return result


def format_layout(family_layout: str, format_label: str) -> str:
    """``project-target/gd-county-2025`` read from a docx → ``project-target/docx-gd-county-2025``."""
    family, _, rest = family_layout.partition("/")
    return f"{family}/{format_label}-{rest}" if rest else family_layout


class GridImporter(Importer):
    """An importer whose files are read into a :class:`Grid` and built by the family builders.

    Subclasses say how to read the grid; detection and loading are the same for every format.
    The grid is read once per document and kept in ``RawDocument.memo`` between
    :meth:`detect` and :meth:`load` (importer instances are shared, so they keep no state).
    """

    format_label: ClassVar[str]
    """"docx", "xlsx" or "pdf": the prefix of the layout ids this importer reports."""
    format_name: ClassVar[str]
    """The format as users name it ("Word"), for the "nothing matched" message."""

    @abstractmethod
    def read_grid(self, doc: RawDocument) -> Grid:
        """Read the document into a Grid (raising ImportFailed for unreadable input)."""

    def grid(self, doc: RawDocument) -> Grid:
        key = f"grid:{self.format_label}"
        if key not in doc.memo:
            doc.memo[key] = self.read_grid(doc)
        return doc.memo[key]

    def detect(self, doc: RawDocument) -> Detection | None:
        found = detect_family(self.grid(doc))
        doc.memo[f"family:{self.format_label}"] = found
        if found is None:
            return None
        detection = found[1]
        return detection.model_copy(update={"layout": format_layout(detection.layout, self.format_label)})

    def load(self, doc: RawDocument, layout: str) -> ImportedDocument:
        found = doc.memo.get(f"family:{self.format_label}")
        return build_forms(self.grid(doc), format_label=self.format_label, found=found)

    def describe_rejection(self, doc: RawDocument) -> str:
        return f"{self.format_name}：未找到“项目名称”“绩效指标”“一级指标”等表头"
