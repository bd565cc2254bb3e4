"""Writes for disclosures: upload → parse (preview) → confirm or cancel; exports.

The upload goes through the form import's hostile-upload checks (``targets.uploads``); the
document is read by the core readers (``jixiao.disclosure``: text in the Hebei layout, or PDF).
Every write records an audit event in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from jixiao.errors import ImportFailed
from jixiao_web.audit.models import AuditEventType
from jixiao_web.audit.services import audit_record
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.disclosures.models import (
    Disclosure,
    DisclosureImport,
    DisclosureImportStatus,
    disclosure_findings,
)
from jixiao_web.targets.uploads import expand_uploads

DISCLOSURE_SUFFIXES = (".txt", ".text", ".pdf")
EXPORT_FORMATS = ("xlsx", "pdf")


def disclosure_parse(name: str, content: bytes) -> dict[str, Any]:
    """The preview of one document: ``{"data", "findings", "problems"}``.

    Raises:
        ApplicationError: not a text or PDF file, unreadable, or no table found.
    """
    if not name.lower().endswith(DISCLOSURE_SUFFIXES):
        raise ApplicationError(f"{name}：部门预算公开表应为 .txt 或 .pdf 文件", code="unsupported")
    try:
        from jixiao.importers.base import RawDocument

        raw = RawDocument.from_bytes(content, name=name)
        if raw.kind == "pdf":
            from jixiao.disclosure.parse_pdf import parse_disclosure_pdf

            core = parse_disclosure_pdf(raw.data, name=raw.name)
        elif raw.kind == "text" and raw.text is not None:
            from jixiao.disclosure.parse_text import parse_disclosure_text

            core = parse_disclosure_text(raw.text, file=raw.name)
        else:
            raise ApplicationError(f"{name}：部门预算公开表应为 PDF 或文本文件，实际为 {raw.kind}", code="unsupported")
    except ImportFailed as exc:
        raise ApplicationError(str(exc), code="import_failed") from exc
    except ApplicationError:
        raise
    except Exception as exc:  # a reader bug is reported, never a 500
        raise ApplicationError(f"{name}：读取程序出错（{type(exc).__name__}: {exc}）", code="reader_error") from exc
    if not core.tables:
        raise ApplicationError(f"{name}：文件中没有找到部门预算公开表", code="no_tables")
    return {"data": core.model_dump(mode="json"), "findings": disclosure_findings(core), "problems": list(core.problems)}


@transaction.atomic
def disclosure_import_create(*, actor, organisation, budget_year: int, files: list[tuple[str, bytes]]) -> DisclosureImport:
    """Check the upload (one document, or a zip holding one) and parse it for the preview.

    Raises:
        ApplicationError: the upload is refused, holds more than one document, or cannot be read.
    """
    documents = expand_uploads(files)
    if len(documents) != 1:
        raise ApplicationError(f"一次导入一个部门预算公开文件（收到 {len(documents)} 个）", code="one_file")
    document = documents[0]
    result = disclosure_parse(document.name, document.content)
    year = result["data"].get("year")
    if year and year != budget_year:
        result["problems"].append(f"文件中的预算年度为 {year}，将按所选的 {budget_year} 年保存")
    return DisclosureImport.objects.create(
        uploaded_by=actor, organisation=organisation, budget_year=budget_year,
        file_name=document.name[:255], result=result,
    )


@transaction.atomic
def disclosure_import_confirm(*, job: DisclosureImport, actor) -> Disclosure:
    """Store the parsed disclosure, replacing the organisation's disclosure of that year."""
    job = DisclosureImport.objects.select_for_update().get(pk=job.pk)
    if job.status != DisclosureImportStatus.READY:
        raise ApplicationError(f"此导入{job.get_status_display()}，不能再次确认", code="job_not_ready")
    existing = Disclosure.objects.select_for_update().filter(
        organisation=job.organisation, budget_year=job.budget_year
    ).first()
    disclosure = existing or Disclosure(organisation=job.organisation, budget_year=job.budget_year)
    disclosure.data = job.result["data"]
    disclosure.source_file = job.file_name
    disclosure.imported_by = actor
    disclosure.save()
    job.status = DisclosureImportStatus.CONFIRMED
    job.save(update_fields=["status"])
    audit_record(
        actor=actor, event=AuditEventType.DISCLOSURE_IMPORTED, organisation=job.organisation,
        extra={"disclosure": disclosure.pk, "year": job.budget_year, "file": job.file_name,
               "replaced": existing is not None, "errors": disclosure.error_count},
    )
    return disclosure


@transaction.atomic
def disclosure_dates_update(*, disclosure: Disclosure, actor, approved_on, published_on) -> Disclosure:
    """Set the 批复 and 公开 dates of a stored disclosure (``None`` clears one); the findings
    (JX624, DIS-06) are refreshed by the save. A date set here is marked as given by the user;
    an unchanged date keeps the evidence it was read with."""
    from jixiao.disclosure.dates import supplied

    disclosure = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    core = disclosure.core()
    who = f"由 {getattr(actor, 'display_name', '') or actor.username} 在系统中填写"
    before = {}
    for field, value in (("approved_on", approved_on), ("published_on", published_on)):
        current = getattr(core, field)
        before[field] = current.value.isoformat() if current else None
        if (current.value if current else None) != value:
            setattr(core, field, supplied(value, who))
    if before == {"approved_on": approved_on and approved_on.isoformat(),
                  "published_on": published_on and published_on.isoformat()}:
        return disclosure
    disclosure.data = core.model_dump(mode="json")
    disclosure.save()
    # No audit type of its own yet (audit/models.py is not this app's): recorded as a change to the
    # imported disclosure, with the dates before and after.
    audit_record(
        actor=actor, event=AuditEventType.DISCLOSURE_IMPORTED, organisation=disclosure.organisation,
        extra={"disclosure": disclosure.pk, "year": disclosure.budget_year, "dates": {
            "before": before, "after": {"approved_on": approved_on and approved_on.isoformat(),
                                        "published_on": published_on and published_on.isoformat()}},
               "errors": disclosure.error_count},
    )
    return disclosure


@transaction.atomic
def disclosure_import_cancel(*, job: DisclosureImport) -> None:
    job.status = DisclosureImportStatus.CANCELLED
    job.result = {}
    job.save(update_fields=["status", "result"])


@transaction.atomic
def disclosure_export(*, disclosure: Disclosure, actor, fmt: str) -> tuple[bytes, str, str]:
    """The tables as ``xlsx`` or ``pdf`` through the core renderer; audited (501 band).

    Returns:
        ``(content, media_type, file_name)``.
    """
    if fmt not in EXPORT_FORMATS:
        raise ApplicationError(f"不支持的导出格式“{fmt}”", code="bad_format")
    from jixiao.disclosure.export import render_disclosure
    from jixiao.errors import RenderFailed
    from jixiao.renderers import MEDIA_TYPES

    try:
        content = render_disclosure(disclosure.core(), fmt)
    except RenderFailed as exc:
        raise ApplicationError(str(exc), code="render_failed") from exc
    audit_record(
        actor=actor, event=AuditEventType.DISCLOSURE_EXPORTED, organisation=disclosure.organisation,
        extra={"disclosure": disclosure.pk, "format": fmt, "year": disclosure.budget_year},
    )
    name = f"{disclosure.organisation.code}-{disclosure.organisation.name}-{disclosure.budget_year}年部门预算公开.{fmt}"
    return content, MEDIA_TYPES.get(fmt, "application/octet-stream"), name.replace("/", "_")


def disclosure_chart_svg(disclosure: Disclosure) -> str:
    """The core's bar chart of expenditure by function class (an SVG string)."""
    from jixiao.disclosure.export import render_svg

    return render_svg(disclosure.core())
