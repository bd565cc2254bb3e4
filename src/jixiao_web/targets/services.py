"""Writes to target forms: create, update (optimistic locking), start 二上 from 一上.

Each service runs in one transaction and writes its audit row in it. Permissions are checked
by the caller (view or API) through ``rules``; services check state.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from jixiao_web.audit.models import AuditEventType
from jixiao_web.audit.services import audit_record
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.orgs.models import Organisation
from jixiao_web.targets.coremodel import CoreForm, InvalidFormData, core_dump, core_load
from jixiao_web.targets.diff import diff_summary
from jixiao_web.targets.models import EDITABLE_STATUSES, Stage, Status, TargetForm


def _validated(data: dict[str, Any]) -> dict[str, Any]:
    try:
        return core_dump(core_load(data))
    except InvalidFormData as exc:
        raise ApplicationError(str(exc), code="invalid_data", extra={"errors": exc.errors[:20]}) from exc


@transaction.atomic
def target_create(
    *,
    organisation: Organisation,
    budget_year: int,
    core_form: CoreForm | dict[str, Any],
    actor,
    stage: str = Stage.FIRST_SUBMISSION,
    source_file: str = "",
    event: AuditEventType = AuditEventType.FORM_CREATED,
) -> TargetForm:
    """Store a new draft form. A department user filing for a unit is recorded as ``filed_by``."""
    data = core_form if isinstance(core_form, dict) else core_dump(core_form)
    data = _validated(data)
    if data.get("budget_year") is None:
        data["budget_year"] = budget_year
    form = TargetForm(
        organisation=organisation,
        budget_year=budget_year,
        stage=stage,
        data=data,
        source_file=source_file[:255],
        created_by=actor,
        updated_by=actor,
        filed_by=actor if actor.organisation_id != organisation.pk else None,
    )
    form.full_clean(exclude=["kind"])
    form.save()
    audit_record(
        actor=actor, event=event, form=form,
        extra={"new": {"name": form.name, "stage": stage}, "file": source_file},
    )
    return form


@transaction.atomic
def target_update(
    *, form: TargetForm, actor, data: dict[str, Any], expected_version: int
) -> TargetForm:
    """Replace a form's data, refusing a save based on an outdated version.

    Raises:
        ApplicationError: ``stale`` when someone saved since ``expected_version`` (``extra``
            holds who and what they changed); ``not_editable`` outside draft/returned.
    """
    locked = TargetForm.objects.select_for_update().select_related("organisation").get(pk=form.pk)
    if locked.version != expected_version:
        theirs = locked.history.filter(version=expected_version).order_by("-history_id").first()
        base = theirs.data if theirs is not None else {}
        changes = diff_summary(base, locked.data) if theirs is not None else {}
        who = locked.updated_by.display_name or locked.updated_by.username if locked.updated_by else "他人"
        raise ApplicationError(
            f"保存失败：{who}在您打开后已修改此表（当前为第{locked.version}版，您编辑的是第{expected_version}版）。"
            "请查看对方的修改后重新编辑。",
            code="stale",
            extra={"current_version": locked.version, "by": who, "changes": changes},
        )
    if locked.status not in EDITABLE_STATUSES:
        raise ApplicationError(
            f"“{locked.get_status_display()}”状态的绩效目标表不能修改", code="not_editable"
        )
    new_data = _validated(data)
    changes = diff_summary(locked.data, new_data)
    if not changes["fields"] and not changes["indicators"]:
        return locked
    locked.data = new_data
    locked.version += 1
    locked.updated_by = actor
    locked.save()
    audit_record(
        actor=actor, event=AuditEventType.FORM_UPDATED, form=locked,
        extra={"old": {"version": expected_version}, "new": {"version": locked.version}, "changes": changes},
    )
    return locked


@transaction.atomic
def target_start_second_stage(*, form: TargetForm, actor) -> TargetForm:
    """Start the 二上 version of an approved 一上 form, as a draft copy linked to it."""
    source = TargetForm.objects.select_for_update().get(pk=form.pk)
    if source.stage != Stage.FIRST_SUBMISSION or source.status != Status.APPROVED:
        raise ApplicationError("只有审核通过的一上绩效目标表可以开始二上", code="not_approved_first")
    if source.next_stages.exists():
        raise ApplicationError("此表已开始二上", code="second_stage_exists")
    second = TargetForm(
        organisation=source.organisation, budget_year=source.budget_year,
        stage=Stage.SECOND_SUBMISSION, data=source.data, previous=source,
        source_file=source.source_file, created_by=actor, updated_by=actor,
        filed_by=actor if actor.organisation_id != source.organisation_id else None,
    )
    second.save()
    audit_record(
        actor=actor, event=AuditEventType.FORM_STAGE_STARTED, form=second,
        extra={"old": {"form": source.pk, "stage": source.stage}, "new": {"stage": second.stage}},
    )
    return second


@transaction.atomic
def target_start_adjustment(*, form: TargetForm, actor, reason: str) -> TargetForm:
    """Start a budget adjustment (REV-03) of an approved form: a draft copy linked to it, which
    goes through the whole review again. The approved version itself never changes."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("调整已批复的绩效目标必须说明理由（预算调整）", code="reason_required")
    source = TargetForm.objects.select_for_update().get(pk=form.pk)
    if source.status != Status.APPROVED:
        raise ApplicationError("只有审核通过的绩效目标表可以申请调整", code="not_approved")
    if source.adjustments.exclude(status__in=(Status.APPROVED, Status.REJECTED)).exists():
        raise ApplicationError("此表已有一个进行中的调整", code="adjustment_open")
    copy = TargetForm(
        organisation=source.organisation, budget_year=source.budget_year, stage=source.stage,
        data=source.data, previous=source.previous, adjusts=source, adjustment_reason=reason,
        source_file=source.source_file, created_by=actor, updated_by=actor,
        filed_by=actor if actor.organisation_id != source.organisation_id else None,
    )
    copy.save()
    audit_record(
        actor=actor, event=AuditEventType.FORM_ADJUSTMENT_STARTED, form=copy,
        extra={"old": {"form": source.pk}, "new": {"form": copy.pk}, "reason": reason},
    )
    return copy


EXPORT_FORMATS = ("xlsx", "docx", "pdf", "html", "csv", "json")


@transaction.atomic
def target_export(*, form: TargetForm, actor, fmt: str) -> tuple[bytes, str, str]:
    """Render a form in an official layout through the core renderers; audited.

    Returns:
        ``(content, media_type, file_name)``.

    Raises:
        ApplicationError: unknown format, renderers missing, or the renderer refused.
    """
    if fmt not in EXPORT_FORMATS:
        raise ApplicationError(f"不支持的导出格式“{fmt}”", code="bad_format")
    try:
        from jixiao.errors import RenderFailed
        from jixiao.renderers import MEDIA_TYPES, render_form
    except ImportError as exc:
        raise ApplicationError("导出功能尚未安装", code="renderers_missing") from exc
    try:
        content = render_form(form.core(), fmt)
    except RenderFailed as exc:
        raise ApplicationError(str(exc), code="render_failed") from exc
    audit_record(actor=actor, event=AuditEventType.FORM_EXPORTED, form=form, extra={"format": fmt, "version": form.version})
    stem = (form.name or f"form-{form.pk}").replace("/", "_").replace("\\", "_")[:80]
    return content, MEDIA_TYPES.get(fmt, "application/octet-stream"), f"{stem}.{fmt}"


PACKAGE_FORMATS = ("pdf", "docx", "html", "xlsx", "zip", "csv", "json")
PACKAGE_MAX_FORMS = 300


@transaction.atomic
def target_export_package(*, forms: list[TargetForm], actor, fmt: str) -> tuple[bytes, str, str]:
    """Render several forms as one package (departments first); audited once, listing the forms.

    Raises:
        ApplicationError: no forms, too many, unknown format, renderers missing or refused.
    """
    if fmt not in PACKAGE_FORMATS:
        raise ApplicationError(f"不支持的导出格式“{fmt}”", code="bad_format")
    if not forms:
        raise ApplicationError("没有可导出的绩效目标表", code="nothing_to_export")
    if len(forms) > PACKAGE_MAX_FORMS:
        raise ApplicationError(f"一次最多导出 {PACKAGE_MAX_FORMS} 张表，请先筛选", code="too_many_forms")
    try:
        from jixiao.errors import RenderFailed
        from jixiao.renderers import MEDIA_TYPES, render_package
    except ImportError as exc:
        raise ApplicationError("导出功能尚未安装", code="renderers_missing") from exc
    try:
        content = render_package([f.core() for f in forms], fmt)
    except RenderFailed as exc:
        raise ApplicationError(str(exc), code="render_failed") from exc
    audit_record(
        actor=actor, event=AuditEventType.FORM_EXPORTED, organisation=actor.organisation,
        extra={"format": fmt, "forms": [f.pk for f in forms]},
    )
    ext = "zip" if fmt == "csv" else fmt
    return content, MEDIA_TYPES.get(ext, "application/octet-stream"), f"绩效目标表-{len(forms)}张.{ext}"


OPEN_DATA_MAX_FORMS = 5000


@transaction.atomic
def target_open_data_year(*, forms: list[TargetForm], actor, year: int) -> tuple[bytes, str, str]:
    """A whole budget year's open data as one zip: ``forms.csv`` and ``indicators.csv`` (the
    core's open-data CSV, docs/open-data.md), ``forms.json`` (the core JSON export) and a
    ``README.txt``. ``forms`` are the year's approved forms the caller may see (the view passes
    them from the selector). Each stored form is its own document named ``jixiao-form-<id>``, so
    ``source_file`` is the form's stable id in the system; audited once (503).

    Raises:
        ApplicationError: no approved forms, too many, or the renderers missing.
    """
    if not forms:
        raise ApplicationError(f"{year} 年没有可下载的已批复绩效目标表", code="nothing_to_export")
    if len(forms) > OPEN_DATA_MAX_FORMS:
        raise ApplicationError(f"一次最多下载 {OPEN_DATA_MAX_FORMS} 张表", code="too_many_forms")
    try:
        from jixiao.model import ImportedDocument
        from jixiao.renderers.opendata import (
            render_batch_json,
            render_forms_csv,
            render_indicators_csv,
        )
    except ImportError as exc:
        raise ApplicationError("导出功能尚未安装", code="renderers_missing") from exc
    import io
    import zipfile

    documents = [ImportedDocument(file=f"jixiao-form-{f.pk}", layout="jixiao-web", forms=[f.core()]) for f in forms]
    readme = (
        f"{year} 年已批复的预算绩效目标表开放数据（{len(forms)} 张）\r\n"
        "forms.csv：每张表一行；indicators.csv：每个绩效指标一行，用 form_id 关联 forms.csv。\r\n"
        "forms.json：完整数据模型（ImportBatch）。source_file 为表在本系统中的编号 jixiao-form-<id>。\r\n"
        "CSV 为 UTF-8（带 BOM），列的含义见数据字典 docs/open-data.md。\r\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme.encode("utf-8"))
        archive.writestr("forms.csv", render_forms_csv(documents))
        archive.writestr("indicators.csv", render_indicators_csv(documents))
        archive.writestr("forms.json", render_batch_json(documents))
    audit_record(
        actor=actor, event=AuditEventType.OPEN_DATA_EXPORTED, organisation=actor.organisation,
        extra={"year": year, "forms": len(forms), "format": "zip"},
    )
    return buffer.getvalue(), "application/zip", f"{year}年绩效目标开放数据.zip"
