"""Background jobs (django-tasks): entry points into services that take ids only."""

from __future__ import annotations

from django_tasks import task


@task()
def import_job_parse_task(*, job_id: int) -> int:
    from jixiao_web.targets.imports import import_job_parse
    from jixiao_web.targets.models import ImportJob, ImportStatus

    try:
        import_job_parse(job_id=job_id)
    except Exception as exc:
        ImportJob.objects.filter(pk=job_id).update(status=ImportStatus.FAILED, error=str(exc)[:2000])
        raise
    return job_id
