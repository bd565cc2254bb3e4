"""Which importer reads which file: detection by score, one clear error when none fits."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from jixiao.errors import ImportFailed, UnsupportedDocument
from jixiao.importers.base import Importer, RawDocument
from jixiao.model import ImportedDocument, ImportProblem, ProblemSeverity

#: Importers in the order they are asked; each is "module:Class".
IMPORTERS: tuple[str, ...] = (
    "jixiao.importers.text.guangdong:GuangdongTextImporter",
    "jixiao.importers.text.hebei_cells:HebeiCellTextImporter",
    "jixiao.importers.text.hebei_pdftext:HebeiPdfTextImporter",
    "jixiao.importers.docx:DocxImporter",
    "jixiao.importers.xlsx:XlsxImporter",
    "jixiao.importers.pdf:PdfImporter",
)

SUPPORTED_SUFFIXES = (".txt", ".tsv", ".text", ".docx", ".xlsx", ".pdf")


@cache
def importers() -> tuple[Importer, ...]:
    """Instances of every registered importer."""
    found: list[Importer] = []
    for spec in IMPORTERS:
        module_name, class_name = spec.split(":")
        module = importlib.import_module(module_name)
        found.append(getattr(module, class_name)())
    return tuple(found)


def choose(doc: RawDocument) -> tuple[Importer, str]:
    """The importer and layout with the highest confidence for ``doc``.

    Raises:
        UnsupportedDocument: nothing matched, or two layouts tie; the message lists every
            layout tried and why it was rejected.
    """
    scored: list[tuple[float, Importer, str, list[str]]] = []
    rejected: list[str] = []
    for importer in importers():
        if doc.kind not in importer.formats:
            continue
        detection = importer.detect(doc)
        if detection is None:
            rejected.append(importer.describe_rejection(doc))
            continue
        scored.append((detection.confidence, importer, detection.layout, detection.reasons))
    if not scored:
        expected = "部门整体绩效目标表或项目支出绩效目标表"
        kind = {"text": "文本", "docx": "Word", "xlsx": "Excel", "pdf": "PDF"}.get(doc.kind, doc.kind)
        raise UnsupportedDocument(
            doc.name,
            f"未识别出绩效目标表：应为{expected}，实际的{kind}内容不符合任何已知版式"
            + ("（" + "；".join(rejected) + "）" if rejected else ""),
            tried=rejected,
        )
    scored.sort(key=lambda item: item[0], reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][2] != scored[1][2]:
        raise UnsupportedDocument(
            doc.name,
            f"版式无法确定：{scored[0][2]} 与 {scored[1][2]} 的匹配程度相同",
            tried=[item[2] for item in scored],
        )
    return scored[0][1], scored[0][2]


def import_document(doc: RawDocument) -> ImportedDocument:
    """Import an already-read document."""
    importer, layout = choose(doc)
    result = importer.load(doc, layout)
    if doc.problems:
        result.problems[:0] = doc.problems
    if result.encoding is None:
        result.encoding = doc.encoding
    return result


def import_file(path: str | Path, *, name: str | None = None) -> ImportedDocument:
    """Read and import one file.

    Raises:
        ImportFailed: the file is unreadable or of no known layout.
    """
    return import_document(RawDocument.from_path(path, name=name))


def import_bytes(data: bytes, *, name: str) -> ImportedDocument:
    """Import an upload held in memory."""
    return import_document(RawDocument.from_bytes(data, name=name))


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the supported files inside named directories (sorted)."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            yield path


def failed_document(path: str | Path, error: ImportFailed) -> ImportedDocument:
    """A placeholder result for a file that could not be imported at all."""
    return ImportedDocument(
        file=Path(path).name,
        layout="unrecognised",
        problems=[ImportProblem(severity=ProblemSeverity.ERROR, code="unusable-input", message=str(error))],
    )
