"""Disclosure services: upload checks, parse for the preview, confirm (stored, cached findings,
audited), replace, cancel, export."""

from __future__ import annotations

import io
import zipfile

import pytest

from jixiao_web.audit.models import AuditEvent, AuditEventType
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.disclosures.models import Disclosure, DisclosureImport, DisclosureImportStatus
from jixiao_web.disclosures.services import (
    disclosure_export,
    disclosure_import_cancel,
    disclosure_import_confirm,
    disclosure_import_create,
)

pytestmark = pytest.mark.django_db


def _create(world, files, year=2026):
    return disclosure_import_create(actor=world.dept_reviewer_a, organisation=world.dept_a, budget_year=year, files=files)


def test_disclosure_import_create_text_preview_has_tables_and_findings(world, disclosure_text):
    """The upload is parsed at once: the preview holds the core model, its findings and stores no Disclosure."""
    job = _create(world, [("公开.txt", disclosure_text)])
    assert job.status == DisclosureImportStatus.READY
    assert list(job.result["data"]["tables"]) == ["T3"]
    assert [r["code"] for r in job.result["data"]["tables"]["T3"]["rows"]] == [
        None, "201", "20101", "2010101", "2010102", "20102", "2010201"
    ]
    jx605 = [f for f in job.result["findings"] if f["code"] == "JX605"]
    assert [(f["severity"], f["loc"]) for f in jx605] == [("error", ["tables", "T3", "20102"])]
    assert Disclosure.objects.count() == 0


def test_disclosure_import_confirm_stores_data_findings_and_audit(world, disclosure_text):
    """Confirming stores the validated data with cached findings and counts and one 601 event."""
    job = _create(world, [("公开.txt", disclosure_text)])
    disclosure = disclosure_import_confirm(job=job, actor=world.dept_reviewer_a)
    disclosure.refresh_from_db()
    assert (disclosure.organisation, disclosure.budget_year, disclosure.source_file, disclosure.table_count) == (
        world.dept_a, 2026, "公开.txt", 1
    )
    # 8 missing tables (JX622) + the 款 that does not add up (JX605).
    assert disclosure.error_count == 9
    assert disclosure.findings == job.result["findings"]
    event = AuditEvent.objects.get(event_type=AuditEventType.DISCLOSURE_IMPORTED)
    assert (event.actor, event.organisation, event.extra) == (
        world.dept_reviewer_a, world.dept_a,
        {"disclosure": disclosure.pk, "year": 2026, "file": "公开.txt", "replaced": False, "errors": 9},
    )
    assert DisclosureImport.objects.get(pk=job.pk).status == DisclosureImportStatus.CONFIRMED


def test_disclosure_import_confirm_twice_refused(world, disclosure_text):
    """A confirmed import cannot be confirmed again."""
    job = _create(world, [("公开.txt", disclosure_text)])
    disclosure_import_confirm(job=job, actor=world.dept_reviewer_a)
    with pytest.raises(ApplicationError) as info:
        disclosure_import_confirm(job=job, actor=world.dept_reviewer_a)
    assert info.value.code == "job_not_ready"


def test_disclosure_import_same_year_replaces_existing(world, disclosure_text):
    """A second import for the same department and year replaces the row (one per pair)."""
    first = disclosure_import_confirm(job=_create(world, [("a.txt", disclosure_text)]), actor=world.dept_reviewer_a)
    fixed = disclosure_text.replace(b"7 2010201 \xe8\xa1\x8c\xe6\x94\xbf\xe8\xbf\x90\xe8\xa1\x8c 8.00 0.00 8.00",
                                    "7 2010201 行政运行 10.00 0.00 10.00".encode())
    second = disclosure_import_confirm(job=_create(world, [("b.txt", fixed)]), actor=world.dept_reviewer_a)
    assert second.pk == first.pk
    assert list(Disclosure.objects.values_list("source_file", "error_count")) == [("b.txt", 8)]
    assert AuditEvent.objects.filter(event_type=AuditEventType.DISCLOSURE_IMPORTED).latest("id").extra["replaced"] is True


def test_disclosure_import_zip_with_one_document_accepted(world, disclosure_text):
    """A zip holding one document goes through the form import's zip checks and is read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("公开.txt", disclosure_text)
    job = _create(world, [("公开.zip", buffer.getvalue())])
    assert (job.file_name, list(job.result["data"]["tables"])) == ("公开.txt", ["T3"])


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ([("../etc/passwd.txt", b"x")], "unsafe_name"),
        ([("a.txt", b"x"), ("b.txt", b"y")], "one_file"),
        ([("a.docx", b"PK")], "unsupported"),
        ([("a.txt", "没有表格的文字。\n".encode())], "import_failed"),
        ([("a.pdf", b"%PDF-1.4 broken")], "import_failed"),
        ([], "no_files"),
    ],
    ids=["traversal", "two-files", "docx", "no-tables", "broken-pdf", "empty"],
)
def test_disclosure_import_create_hostile_or_wrong_upload_refused(world, files, code):
    """Unsafe names, several documents, other types and unreadable files are refused, nothing kept."""
    with pytest.raises(ApplicationError) as info:
        _create(world, files)
    assert info.value.code == code
    assert DisclosureImport.objects.count() == 0


def test_disclosure_import_cancel_clears_result(world, disclosure_text):
    """Cancelling keeps no parsed data and stores nothing."""
    job = _create(world, [("公开.txt", disclosure_text)])
    disclosure_import_cancel(job=job)
    job.refresh_from_db()
    assert (job.status, job.result, Disclosure.objects.count()) == (DisclosureImportStatus.CANCELLED, {}, 0)


@pytest.mark.parametrize(("fmt", "magic", "media"), [
    ("xlsx", b"PK", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("pdf", b"%PDF", "application/pdf"),
])
def test_disclosure_export_format_renders_and_audits(world, stored_disclosure, fmt, magic, media):
    """The core renderer makes the file; one 502 event names the disclosure and format."""
    content, media_type, name = disclosure_export(disclosure=stored_disclosure, actor=world.finance, fmt=fmt)
    assert (content[:len(magic)], media_type, name) == (magic, media, f"101-示例县教育局-2026年部门预算公开.{fmt}")
    event = AuditEvent.objects.get(event_type=AuditEventType.DISCLOSURE_EXPORTED)
    assert (event.actor, event.extra) == (world.finance, {"disclosure": stored_disclosure.pk, "format": fmt, "year": 2026})


def test_disclosure_export_unknown_format_refused(world, stored_disclosure):
    """Only xlsx and pdf are offered."""
    with pytest.raises(ApplicationError) as info:
        disclosure_export(disclosure=stored_disclosure, actor=world.finance, fmt="docx")
    assert info.value.code == "bad_format"
    assert not AuditEvent.objects.filter(event_type=AuditEventType.DISCLOSURE_EXPORTED).exists()


def test_disclosure_save_invalid_data_refused(world):
    """Data that is not a core Disclosure never reaches the database."""
    with pytest.raises(ValueError, match="部门预算公开数据无效"):
        Disclosure(organisation=world.dept_a, budget_year=2026, data={"tables": {"T3": {"kind": "X"}}}).save()
    assert Disclosure.objects.count() == 0


def test_disclosure_import_pdf_rendered_by_core_reads_back(world, stored_disclosure):
    """A PDF of the tables (rendered by the core) imports through the PDF reader with the same
    codes and amounts, and its JX605 finding still points at the 款 20102."""
    pdf, _media, _name = disclosure_export(disclosure=stored_disclosure, actor=world.dept_reviewer_a, fmt="pdf")
    job = _create(world, [("公开.pdf", pdf)])
    rows = job.result["data"]["tables"]["T3"]["rows"]
    original = stored_disclosure.data["tables"]["T3"]["rows"]
    assert [(r["code"], r["total"]) for r in rows] == [(r["code"], r["total"]) for r in original]
    assert [f["loc"] for f in job.result["findings"] if f["code"] == "JX605"] == [["tables", "T3", "20102"]]
    assert rows[5]["source"]["page"] is not None
    from jixiao.disclosure import Disclosure as CoreDisclosure
    from jixiao_web.disclosures.selectors import disclosure_tables

    tables, _rest = disclosure_tables(CoreDisclosure.model_validate(job.result["data"]), job.result["findings"])
    t3 = next(t for t in tables if t["kind"] == "T3")
    assert [(r["cells"][0]["value"], [f["code"] for f in r["findings"]]) for r in t3["rows"] if r["findings"]] == [
        ("20101", ["JX621"]), ("2010101", ["JX621"]), ("2010102", ["JX621"]), ("20102", ["JX605", "JX621"]),
        ("2010201", ["JX621"]),
    ]
