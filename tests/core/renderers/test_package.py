"""Department packages, zips of single forms and the open-data CSV and JSON."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from dumps import docx_dump, pdf_dump, xlsx_dump
from sample_forms import gd_county_department, gd_county_project, hebei_project

from jixiao.errors import RenderFailed
from jixiao.model import ImportBatch, ImportedDocument
from jixiao.renderers import render_form, render_package
from jixiao.renderers.opendata import FORM_COLUMNS, INDICATOR_COLUMNS


def _forms():  # type: ignore[no-untyped-def]
    # Projects first on purpose: the package puts the department form first.
    return [gd_county_project(), hebei_project(), gd_county_department()]


def test_render_package_pdf_has_contents_with_page_numbers() -> None:
    """The package PDF opens with a cover and contents whose page numbers point at each form."""
    pages = pdf_dump(render_package(_forms(), "pdf"))["pages"]
    contents = [line for line in pages[0]["lines"] if line.endswith(tuple("0123456789"))]
    entries = [(line.rstrip("0123456789").rstrip(". "), int(line.split()[-1].lstrip("."))) for line in contents]
    assert len(entries) == 3
    assert entries[0][0].startswith("青禾县农业技术推广中心 部门整体绩效目标表")
    for name, page in entries:
        title_page = pages[page - 1]["lines"]
        assert any(part in " ".join(title_page) for part in name.split()[:1]), (name, page)
    assert pages[1]["lines"][-1] == "— 2 —"


def test_render_package_pdf_department_form_comes_first() -> None:
    """部门整体 precedes the project forms whatever the order given."""
    pages = pdf_dump(render_package(_forms(), "pdf"))["pages"]
    assert "2025年县级部门整体预算绩效目标表" in pages[1]["lines"]


def test_render_package_docx_has_contents_field_and_all_forms() -> None:
    """The Word package has a TOC field listing the forms, then every form's tables."""
    blocks = docx_dump(render_package(_forms(), "docx"))["blocks"]
    paragraphs = [text for kind, text in blocks if kind == "p"]
    assert "目　录" in paragraphs
    assert sum(1 for kind, _ in blocks if kind == "table") >= 6
    assert paragraphs.index("2025年县级部门整体预算绩效目标表") < paragraphs.index("2025年县级项目支出绩效目标表")


def test_render_package_xlsx_one_sheet_per_form() -> None:
    """The Excel package has one sheet per form, the department first."""
    sheets = [sheet["name"] for sheet in xlsx_dump(render_package(_forms(), "xlsx"))["sheets"]]
    assert sheets == ["2025年县级部门整体预算绩效目标表", "2025年县级项目支出绩效目标表", "农机安全检验经费绩效目标表"]


def test_render_package_zip_holds_single_forms_and_csv() -> None:
    """The zip holds each form in each requested format plus forms.csv and indicators.csv."""
    data = render_package(_forms(), "zip", formats=("pdf", "xlsx"))
    names = sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert names == [
        "01-青禾县农业技术推广中心-2025年县级部门整体预算绩效目标表.pdf",
        "01-青禾县农业技术推广中心-2025年县级部门整体预算绩效目标表.xlsx",
        "02-高产示范田建设经费-2025年县级项目支出绩效目标表.pdf",
        "02-高产示范田建设经费-2025年县级项目支出绩效目标表.xlsx",
        "03-农机安全检验经费绩效目标表.pdf", "03-农机安全检验经费绩效目标表.xlsx",
        "forms.csv", "indicators.csv",
    ]


def test_render_package_no_forms_raises() -> None:
    """An empty package is a RenderFailed, not an empty file."""
    with pytest.raises(RenderFailed):
        render_package([], "pdf")


def test_render_form_unknown_format_raises() -> None:
    """An unknown format names the supported ones."""
    with pytest.raises(RenderFailed, match="xlsx"):
        render_form(gd_county_project(), "odt")


def _read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_render_package_csv_one_row_per_form_and_per_indicator() -> None:
    """forms.csv has a row per form, indicators.csv a row per indicator keyed by form_id."""
    archive = zipfile.ZipFile(io.BytesIO(render_package(_forms(), "csv")))
    forms = _read_csv(archive.read("forms.csv"))
    indicators = _read_csv(archive.read("indicators.csv"))
    assert list(forms[0]) == list(FORM_COLUMNS)
    assert list(indicators[0]) == list(INDICATOR_COLUMNS)
    assert [row["kind"] for row in forms] == ["project", "project", "department"]
    assert len(indicators) == 10 + 7 + 10
    hebei = [row for row in indicators if row["form_id"] == "2"]
    assert hebei[0]["project_code"] == "13990125P00012345678K"
    assert (hebei[0]["annual_value_raw"], hebei[0]["annual_value_operator"], hebei[0]["annual_value_number"],
            hebei[0]["annual_value_unit"]) == ("≥1200台", "≥", "1200", "台")
    assert forms[1]["annual_amount"] == "86000.00" and forms[1]["money_unit"] == "元"


def test_render_form_csv_keeps_raw_and_parsed_value() -> None:
    """A single form's CSV keeps the raw 指标值 beside its parsed comparison."""
    rows = _read_csv(render_form(gd_county_project(), "csv"))
    quality = next(row for row in rows if row["name"] == "培训合格率（%）")
    assert (quality["annual_value_raw"], quality["annual_value_operator"], quality["annual_value_number"]) == (
        "98%以上", "≥", "98")


def test_render_package_json_is_import_batch() -> None:
    """The JSON export validates as an ImportBatch and keeps every form."""
    batch = ImportBatch.model_validate_json(render_package(_forms(), "json"))
    assert [form.kind.value for form in batch.documents[0].forms] == ["project", "project", "department"]


def test_render_batch_json_keeps_documents() -> None:
    """Imported documents are exported as they are, one per source file."""
    from jixiao.renderers.opendata import render_batch_json

    documents = [ImportedDocument(file="a.docx", layout="x", forms=[gd_county_project()])]
    batch = ImportBatch.model_validate_json(render_batch_json(documents))
    assert [d.file for d in batch.documents] == ["a.docx"]


def test_form_filename_is_numbered_and_safe() -> None:
    """Download names carry the sequence number, the project name and the title, without path separators."""
    from jixiao.renderers import form_filename

    form = gd_county_project().model_copy(update={"title": "2025年/县级 项目表"})
    assert form_filename(form, "PDF", index=3) == "03-高产示范田建设经费-2025年_县级_项目表.pdf"
