"""PDF importer: text-based PDF forms end to end, pages kept in every SourceRef."""

from __future__ import annotations

import native_forms as nf  # tests/core/importers is on sys.path
import pytest

from jixiao.errors import UnreadableDocument
from jixiao.importers import RawDocument, import_bytes
from jixiao.importers.pdf import PdfImporter


def _expected_indicator_names(blocks: list[nf.Block]) -> list[str]:
    table = [block for block in blocks if isinstance(block, nf.Table)][-1]
    rows = nf.texts(table)
    header = next(i for i, row in enumerate(rows) if "一级指标" in row)
    level3 = rows[header].index("三级指标")
    return [row[level3] for row in rows[header + 1 :]]


@pytest.mark.parametrize(
    "blocks", [nf.guangdong_project(), nf.hebei_project(indicator_rows=30)], ids=["guangdong", "hebei-2-pages"]
)
def test_import_pdf_fictional_form_builds_all_indicators(blocks: list[nf.Block]) -> None:
    """End to end: the PDF becomes one project form with every indicator, none twice."""
    result = import_bytes(nf.to_pdf(blocks), name="项目.pdf")
    assert ([ind.name for ind in result.forms[0].indicators], result.problems, "pdf-" in result.layout) == (
        _expected_indicator_names(blocks),
        [],
        True,
    )


def test_import_pdf_indicators_on_second_page_point_at_page_two() -> None:
    """An indicator read from the continued table names page 2 as its source."""
    result = import_bytes(nf.to_pdf(nf.hebei_project(indicator_rows=30)), name="项目.pdf")
    pages = [ind.source.page for ind in result.forms[0].indicators if ind.source is not None]
    assert (pages[0], pages[-1], len(pages)) == (1, 2, 30)


def test_import_pdf_with_scanned_page_imports_rest_and_lists_page() -> None:
    """A scanned first page is listed as a problem; the form on page 2 is still imported."""
    blocks = nf.guangdong_project()
    result = import_bytes(nf.to_pdf(blocks, image_page=True), name="混合.pdf")
    assert (
        [ind.name for ind in result.forms[0].indicators],
        [(p.code, p.source.page if p.source else None) for p in result.problems],
    ) == (_expected_indicator_names(blocks), [("page-no-text", 1)])


def test_pdf_importer_detect_pdf_without_forms_returns_none() -> None:
    """A PDF with text but no target-form labels is not claimed."""
    doc = RawDocument.from_bytes(nf.to_pdf(["会议纪要", "今天讨论了图书采购。"]), name="纪要.pdf")
    assert PdfImporter().detect(doc) is None


def test_import_pdf_not_a_pdf_names_what_was_found() -> None:
    """A .pdf file holding text is refused, saying a PDF was expected and text was found."""
    with pytest.raises(UnreadableDocument) as caught:
        import_bytes("项目名称\t乡村书屋".encode(), name="假的.pdf")
    assert (caught.value.file, "应为 PDF 文件" in caught.value.reason, "文本文件" in caught.value.reason) == (
        "假的.pdf",
        True,
        True,
    )


def _seed_grid(prefix: str):
    from jixiao.importers.text import guangdong, hebei_cells
    from support import seed_path  # tests/ is on sys.path (pyproject pythonpath)

    doc = RawDocument.from_path(seed_path(prefix))
    if prefix == "004":
        return doc, hebei_cells.read_grid(doc)
    return doc, guangdong.read_grid(doc.name, doc.lines)


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_import_pdf_seed_rewritten_as_pdf_same_indicators_as_text(prefix: str) -> None:
    """A seed's tables written as a pdf file give the same forms and indicators as the text.

    The file is made at test time from the seed (never stored)."""
    doc, grid = _seed_grid(prefix)
    text_result = import_bytes(doc.data, name="seed.txt")
    native = import_bytes(nf.to_pdf(nf.blocks_from_grid(grid)), name="seed.pdf")

    def names(result) -> list[list[str | None]]:
        return [["".join(name.split()) if name else name for name in (ind.name for ind in form.indicators)] for form in result.forms]

    assert names(native) == names(text_result)
