"""Pages of disclosures: list, the nine tables of one organisation and year (findings next to
their rows, the chart, downloads), import (upload → preview → confirm)."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.core.views import get_or_404, require_perm
from jixiao_web.disclosures.models import DisclosureImport, DisclosureImportStatus
from jixiao_web.disclosures.selectors import (
    disclosure_get_for_user,
    disclosure_list_for_user,
    disclosure_tables,
)
from jixiao_web.disclosures.services import (
    EXPORT_FORMATS,
    disclosure_chart_svg,
    disclosure_dates_update,
    disclosure_export,
    disclosure_import_cancel,
    disclosure_import_confirm,
    disclosure_import_create,
)
from jixiao_web.orgs.selectors import budget_year_active, organisation_list_for_user
from jixiao_web.targets.uploads import request_uploads
from jixiao_web.targets.views import _year


def download(content: bytes, media_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def disclosure_list(request: HttpRequest) -> TemplateResponse:
    year = request.GET.get("year", "").strip()
    rows = list(disclosure_list_for_user(user=request.user, year=year)[:500])
    can_import = request.user.role in ("unit_filer", "department_reviewer")
    return TemplateResponse(request, "disclosures/list.html", {"rows": rows, "year": year, "can_import": can_import})


@login_required
def disclosure_detail(request: HttpRequest, pk: int) -> TemplateResponse:
    disclosure = get_or_404(disclosure_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "disclosures.view_disclosure", disclosure)
    core = disclosure.core()
    tables, other = disclosure_tables(core, disclosure.findings)
    return TemplateResponse(
        request, "disclosures/detail.html",
        {
            "disclosure": disclosure, "core": core, "tables": tables, "other_findings": other,
            # The core writes the SVG and escapes every label it prints.
            "chart": mark_safe(disclosure_chart_svg(disclosure)),
            "export_formats": EXPORT_FORMATS,
            "can_export": request.user.has_perm("disclosures.export_disclosure", disclosure),
            "can_edit_dates": request.user.has_perm("disclosures.import_disclosure", disclosure),
            "dates_finding": next((f for f in disclosure.findings if f["code"] == "JX624"), None),
        },
    )


def _date_field(request: HttpRequest, name: str, label: str):
    """A ``YYYY-MM-DD`` field of the POST, None when empty (ApplicationError when malformed)."""
    from datetime import date

    raw = request.POST.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise ApplicationError(f"{label}“{raw}”不是有效日期，应为 年-月-日（如 2025-01-20）", code="bad_date") from exc


@login_required
@require_POST
def disclosure_dates_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the 批复 and 公开 dates (DIS-06, JX624) of a stored disclosure."""
    disclosure = get_or_404(disclosure_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "disclosures.import_disclosure", disclosure)
    try:
        approved_on = _date_field(request, "approved_on", "批复日期")
        published_on = _date_field(request, "published_on", "公开日期")
        disclosure_dates_update(disclosure=disclosure, actor=request.user, approved_on=approved_on,
                                published_on=published_on)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("disclosures:detail", pk=pk)
    messages.success(request, "已保存批复日期和公开日期")
    return redirect("disclosures:detail", pk=pk)


@login_required
def disclosure_by_org_year(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """A stable address per organisation code and budget year: redirects to the disclosure."""
    found = get_or_404(
        disclosure_list_for_user(user=request.user, year=str(year)).filter(organisation__code=code).first()
    )
    return redirect("disclosures:detail", pk=found.pk)


@login_required
def disclosure_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    disclosure = get_or_404(disclosure_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "disclosures.export_disclosure", disclosure)
    try:
        return download(*disclosure_export(disclosure=disclosure, actor=request.user, fmt=fmt))
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("disclosures:detail", pk=pk)


@login_required
def disclosure_import_upload(request: HttpRequest) -> HttpResponse:
    orgs = organisation_list_for_user(user=request.user)
    active = budget_year_active()
    context = {"orgs": orgs, "year": active.year if active else 2025}
    if request.method == "POST":
        try:
            uploads = request_uploads(request)
        except ApplicationError as exc:
            context["error"] = exc
            return TemplateResponse(request, "disclosures/import_upload.html", context, status=400)
        org = get_object_or_404(orgs, pk=request.POST.get("organisation"))
        require_perm(request.user, "disclosures.import_disclosure", org)
        try:
            year = _year(request.POST.get("budget_year"), context["year"])
            job = disclosure_import_create(actor=request.user, organisation=org, budget_year=year, files=uploads)
        except ApplicationError as exc:
            context["error"] = exc
            return TemplateResponse(request, "disclosures/import_upload.html", context, status=400)
        return redirect("disclosures:import_preview", pk=job.pk)
    if not orgs.exists():
        require_perm(request.user, "disclosures.import_disclosure", None)
    return TemplateResponse(request, "disclosures/import_upload.html", context)


def _own_job(request: HttpRequest, pk: int) -> DisclosureImport:
    return get_object_or_404(DisclosureImport.objects.select_related("organisation"), pk=pk, uploaded_by=request.user)


@login_required
def disclosure_import_preview(request: HttpRequest, pk: int) -> TemplateResponse:
    job = _own_job(request, pk)
    context = {"job": job, "tables": [], "other_findings": []}
    if job.status == DisclosureImportStatus.READY:
        from jixiao.disclosure import Disclosure as CoreDisclosure

        core = CoreDisclosure.model_validate(job.result["data"])
        context["tables"], context["other_findings"] = disclosure_tables(core, job.result["findings"])
        context["core"] = core
    return TemplateResponse(request, "disclosures/import_preview.html", context)


@login_required
@require_POST
def disclosure_import_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    require_perm(request.user, "disclosures.import_disclosure", job.organisation)
    try:
        disclosure = disclosure_import_confirm(job=job, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("disclosures:import_preview", pk=job.pk)
    messages.success(request, f"已导入 {disclosure.budget_year} 年部门预算公开表")
    return redirect("disclosures:detail", pk=disclosure.pk)


@login_required
@require_POST
def disclosure_import_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    if job.status == DisclosureImportStatus.READY:
        disclosure_import_cancel(job=job)
    messages.info(request, "已取消导入，未保存部门预算公开表")
    return redirect("disclosures:import_upload")
