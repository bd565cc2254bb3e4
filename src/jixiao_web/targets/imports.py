"""Import services: upload → parse (preview) → confirm (store all forms) or cancel.

Nothing becomes a target form before confirmation, and confirmation stores the whole batch in
one transaction or nothing. Parsing a large batch runs as a django-tasks job that updates the
job's progress after each file.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction

from jixiao.errors import ImportFailed
from jixiao_web.audit.models import AuditEventType
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.orgs.models import Organisation
from jixiao_web.orgs.selectors import organisation_list_for_user
from jixiao_web.review.adapter import review_core_form
from jixiao_web.targets.coremodel import core_summary
from jixiao_web.targets.models import ImportFile, ImportJob, ImportStatus, TargetForm
from jixiao_web.targets.services import target_create
from jixiao_web.targets.uploads import SUPPORTED, expand_uploads


def parse_document(name: str, content: bytes) -> dict[str, Any]:
    """One file's preview entry; never raises (an import failure is the entry's ``error``)."""
    entry: dict[str, Any] = {"file": name, "layout": "", "error": "", "problems": [], "forms": []}
    if not name.lower().endswith(SUPPORTED):
        entry["error"] = f"{name}：不支持的文件类型（支持 {'、'.join(SUPPORTED)} 和 .zip）"
        return entry
    try:
        from jixiao.importers import import_bytes

        document = import_bytes(content, name=name)
    except ImportFailed as exc:
        entry["error"] = str(exc)
        return entry
    except Exception as exc:  # an importer bug must not lose the rest of the batch
        entry["error"] = f"{name}：导入程序出错（{type(exc).__name__}: {exc}）"
        return entry
    entry["layout"] = document.layout
    entry["problems"] = [p.model_dump(mode="json") for p in document.problems]
    for form in document.forms:
        outcome = review_core_form(form)
        entry["forms"].append(
            {
                "org_code": core_summary(form).org_code,
                "data": form.model_dump(mode="json"),
                "name": getattr(form, "display_name", ""),
                "kind": form.kind.value,
                "indicator_count": sum(1 for _ in form.iter_indicators()),
                "findings": outcome.findings,
                "review_available": outcome.available,
                "review_note": outcome.note,
            }
        )
    if not document.forms and not entry["error"]:
        entry["error"] = f"{name}：文件中没有找到绩效目标表"
    return entry


@transaction.atomic
def import_job_create(*, actor, organisation, budget_year: int, stage: str, files: list[tuple[str, bytes]]) -> ImportJob:
    """Check the upload and keep its files for parsing.

    Raises:
        ApplicationError: the upload is refused (size, names, zip bombs).
    """
    documents = expand_uploads(files)
    job = ImportJob.objects.create(
        uploaded_by=actor, organisation=organisation, budget_year=budget_year, stage=stage,
        total_files=len(documents),
    )
    ImportFile.objects.bulk_create(
        ImportFile(job=job, position=i, name=d.name, content=d.content) for i, d in enumerate(documents)
    )
    return job


def import_job_parse(*, job_id: int) -> ImportJob:
    """Parse every file of a job, saving progress after each one."""
    job = ImportJob.objects.get(pk=job_id)
    results: list[dict[str, Any]] = []
    for done, upload in enumerate(job.files.all().iterator(), start=1):
        results.append(parse_document(upload.name, bytes(upload.content)))
        ImportJob.objects.filter(pk=job.pk).update(done_files=done)
    job.result = results
    job.done_files = len(results)
    job.status = ImportStatus.READY
    job.save(update_fields=["result", "done_files", "status"])
    return job


def import_job_start(*, job: ImportJob) -> None:
    """Parse now, or as a background job when the batch is large."""
    if job.total_files > settings.JIXIAO_IMPORT_BACKGROUND_THRESHOLD:
        from jixiao_web.targets.tasks import import_job_parse_task

        transaction.on_commit(lambda: import_job_parse_task.enqueue(job_id=job.pk))
    else:
        import_job_parse(job_id=job.pk)


def import_homes(*, job: ImportJob, actor) -> dict[str, Organisation]:
    """Organisation code → organisation, for the codes printed on the job's forms that name an
    organisation the user may file for (a department importing its units' forms: 代编). Forms
    whose code names none of them go to the job's organisation."""
    codes = {f.get("org_code") for entry in job.result for f in entry.get("forms", []) if f.get("org_code")}
    if not codes:
        return {}
    return {org.code: org for org in organisation_list_for_user(user=actor).filter(code__in=codes)}


@transaction.atomic
def import_job_confirm(*, job: ImportJob, actor) -> list[TargetForm]:
    """Store every parsed form of the job, all or none."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status != ImportStatus.READY:
        raise ApplicationError(f"此批次{job.get_status_display()}，不能再次确认", code="job_not_ready")
    homes = import_homes(job=job, actor=actor)
    created = []
    for entry in job.result:
        for form in entry.get("forms", []):
            created.append(
                target_create(
                    organisation=homes.get(form.get("org_code") or "", job.organisation),
                    budget_year=job.budget_year,
                    core_form=form["data"], actor=actor, stage=job.stage,
                    source_file=entry["file"], event=AuditEventType.FORM_IMPORTED,
                )
            )
    if not created:
        raise ApplicationError("此批次没有可导入的绩效目标表", code="nothing_to_import")
    job.status = ImportStatus.CONFIRMED
    job.save(update_fields=["status"])
    job.files.all().delete()
    return created


@transaction.atomic
def import_job_cancel(*, job: ImportJob) -> None:
    job.status = ImportStatus.CANCELLED
    job.save(update_fields=["status"])
    job.files.all().delete()
