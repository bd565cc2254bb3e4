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

from jixiao.errors import UnsupportedDocument
from jixiao.importers.base import Detection, Grid
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


def build_forms(grid: Grid, *, format_label: str) -> ImportedDocument:
    """Build the forms of a grid read from a ``format_label`` file ("docx", "xlsx", "pdf").

    Raises:
        UnsupportedDocument: no family recognised the grid.
    """
    found = detect_family(grid)
    if found is None:
        raise UnsupportedDocument(
            grid.file,
            f"{format_label} 文件中未找到部门整体绩效目标表或项目支出绩效目标表的表头"
            "（如“项目名称”“绩效指标”“一级指标”）",
        )
    module_name, detection = found
    module = importlib.import_module(module_name)
    family_layout = detection.layout.split("/", 1)
    layout = f"{family_layout[0]}/{format_label}-{family_layout[1]}" if len(family_layout) == 2 else detection.layout
    result = module.build(grid, layout=layout)
    result.problems[:0] = grid.problems
    return result
