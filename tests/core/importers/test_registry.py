"""Registry: which importer reads which native file, and how files are found on disk."""

from __future__ import annotations

from pathlib import Path

import native_forms as nf  # tests/core/importers is on sys.path
import pytest

from jixiao.importers import RawDocument, choose, expand_paths, import_file
from jixiao.importers.docx import DocxImporter
from jixiao.importers.pdf import PdfImporter
from jixiao.importers.xlsx import XlsxImporter


@pytest.mark.parametrize(
    ("name", "write", "importer", "label"),
    [
        ("项目.docx", nf.to_docx, DocxImporter, "docx-"),
        ("项目.xlsx", nf.to_xlsx, XlsxImporter, "xlsx-"),
        ("项目.pdf", nf.to_pdf, PdfImporter, "pdf-"),
    ],
    ids=["docx", "xlsx", "pdf"],
)
def test_choose_native_file_picks_its_format_importer(name, write, importer, label) -> None:
    """Each native format goes to its importer, with the format in the layout id."""
    chosen, layout = choose(RawDocument.from_bytes(write(nf.hebei_project()), name=name))
    assert (type(chosen), label in layout) == (importer, True)


def test_raw_document_office_zip_without_suffix_sniffed() -> None:
    """A Word file saved without a suffix is recognised by its content."""
    docx_doc = RawDocument.from_bytes(nf.to_docx(nf.hebei_project()), name="项目")
    xlsx_doc = RawDocument.from_bytes(nf.to_xlsx(nf.hebei_project()), name="项目.zip")
    assert (docx_doc.kind, xlsx_doc.kind) == ("docx", "xlsx")


def test_import_file_native_file_on_disk_keeps_name(tmp_path: Path) -> None:
    """import_file reads a .docx from disk; the document and its sources carry the file name."""
    path = tmp_path / "调解.docx"
    path.write_bytes(nf.to_docx(nf.hebei_project()))
    result = import_file(path)
    sources = {ind.source.file for ind in result.forms[0].indicators if ind.source is not None}
    assert (result.file, sources) == ("调解.docx", {"调解.docx"})


def test_expand_paths_directory_lists_native_files_sorted(tmp_path: Path) -> None:
    """A directory gives its .docx, .xlsx and .pdf files (and text), sorted, nothing else."""
    for name in ("b.xlsx", "a.docx", "c.pdf", "d.txt", "e.png"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.docx", "b.xlsx", "c.pdf", "d.txt"]
