"""Pages of target forms: list, detail, create, edit (with the htmx indicator editor), diff,
import (upload → preview → confirm)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from jixiao.model import DepartmentTargetForm, ProjectTargetForm, parse_value, unit_in_name
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.core.rendering import render_page
from jixiao_web.core.views import get_or_404, require_perm
from jixiao_web.dashboards.selectors import indicator_library_for_user
from jixiao_web.orgs.frameworks import framework_levels
from jixiao_web.orgs.models import BudgetYear
from jixiao_web.orgs.selectors import budget_year_active, organisation_list_for_user
from jixiao_web.review.adapter import review_core_form
from jixiao_web.targets import editor
from jixiao_web.targets.coremodel import InvalidFormData, core_load
from jixiao_web.targets.diff import diff_fields, diff_indicators
from jixiao_web.targets.imports import (
    import_homes,
    import_job_cancel,
    import_job_confirm,
    import_job_create,
    import_job_start,
)
from jixiao_web.targets.models import FormKindChoice, ImportJob, ImportStatus, Stage, Status
from jixiao_web.targets.selectors import target_get_for_user, target_list_for_user, target_review
from jixiao_web.targets.services import (
    EXPORT_FORMATS,
    OPEN_DATA_MAX_FORMS,
    PACKAGE_FORMATS,
    target_create,
    target_export,
    target_export_package,
    target_open_data_year,
    target_start_adjustment,
    target_start_second_stage,
    target_update,
)
from jixiao_web.targets.uploads import request_uploads

LIST_FILTERS = ("status", "kind", "stage", "year", "organisation", "q")


def _year(value: str | None, default: int) -> int:
    """A budget year from a form field, or a refusal with a message."""
    value = (value or "").strip()
    if not value:
        return default
    if not value.isdigit() or not 2000 <= int(value) <= 2100:
        raise ApplicationError(f"预算年度“{value}”无效，应为四位年份", code="bad_year")
    return int(value)


@login_required
def form_list(request: HttpRequest) -> TemplateResponse:
    filters = {k: request.GET.get(k, "") for k in LIST_FILTERS}
    page = Paginator(target_list_for_user(user=request.user, filters=filters), 50).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page, "filters": filters, "statuses": Status.choices, "kinds": FormKindChoice.choices,
        "stages": Stage.choices, "years": BudgetYear.objects.values_list("year", flat=True),
        "organisations": organisation_list_for_user(user=request.user) if request.user.role != "unit_filer" else [],
        "querystring": urlencode({k: v for k, v in filters.items() if v}),
        "package_formats": PACKAGE_FORMATS,
    }
    return render_page(request, "targets/form_list.html", context, partial="targets/_form_table.html")


def _framework(form) -> dict[str, list[str]]:
    """The 一级/二级 lists for the editor: regime B when the form already has a 成本 一级,
    otherwise the budget year's regime."""
    if any(ind.get("category") == "成本指标" for ind in form.data.get("indicators", [])):
        return framework_levels("B")
    year = BudgetYear.objects.filter(year=form.budget_year).first()
    return framework_levels(year.framework if year else "A")


def _comments_by_row(form) -> tuple[list, dict[int, list]]:
    """Comments on the whole form, and row comments keyed by the row's current index.

    Rows move and get deleted after a comment was written: a comment follows its indicator by
    name when the row at its index now holds another one, and falls back to the form-level list
    (its ``indicator_name`` still says which row it was about) when the indicator is gone.
    """
    names = [(ind.get("name") or "").strip() for ind in form.data.get("indicators", [])]
    index_of = {}
    for i, name in enumerate(names):
        index_of.setdefault(name, i)
    general, by_row = [], {}
    for comment in form.comments.select_related("author"):
        index = comment.indicator_index
        if index is not None and not (index < len(names) and names[index] == comment.indicator_name.strip()):
            index = index_of.get(comment.indicator_name.strip()) if comment.indicator_name.strip() else None
        if index is None:
            general.append(comment)
        else:
            by_row.setdefault(index, []).append(comment)
    return general, by_row


def detail_context(request: HttpRequest, form) -> dict:
    core = form.core()
    outcome = target_review(form=form)
    general, by_row = _comments_by_row(form)
    findings_by_row: dict[int, list] = {}
    for finding in outcome.findings:
        if finding["indicator_index"] is not None:
            findings_by_row.setdefault(finding["indicator_index"], []).append(finding)
    waived = {(w.code, w.loc): w for w in form.waivers.select_related("author")}
    for finding in outcome.findings:
        finding["waiver"] = waived.get((finding["code"], finding["loc_text"]))
    # Plain strings per row: the template then does dict lookups, not pydantic attribute chains.
    rows = [
        {
            "index": i, "number": i + 1, "comments": by_row.get(i, []), "findings": findings_by_row.get(i, []),
            "placeholder": ind.is_placeholder, "name": ind.name or "",
            "level1": ind.category.value if ind.category else (ind.level1 or ""),
            "level2": ind.subcategory.value if ind.subcategory else (ind.level2 or ""),
            "period_value": ind.period_value.raw if ind.period_value else "",
            "annual_value": ind.annual_value.raw if ind.annual_value else "",
        }
        for i, ind in enumerate(core.indicators)
    ]
    user = request.user
    return {
        "form": form, "core": core, "outcome": outcome, "rows": rows, "general_comments": general,
        "reviews": form.reviews.select_related("reviewer"),
        "header": editor.display_header(form.data, form.kind),
        "budget_rows": editor.display_budget(form.data), "plan_points": editor.display_plan(form.data),
        "can": {
            "change": user.has_perm("targets.change_form", form),
            "submit": user.has_perm("targets.submit_form", form),
            "waive": user.has_perm("targets.waive_finding", form),
            "forward": user.has_perm("targets.forward_form", form),
            "department_return": user.has_perm("targets.department_return_form", form),
            "finance_review": user.has_perm("targets.finance_review_form", form),
            "comment": user.has_perm("targets.comment_form", form),
            "second_stage": user.has_perm("targets.start_second_stage", form),
            "adjust": user.has_perm("targets.start_adjustment", form),
            "reply": user.has_perm("targets.reply_form", form),
        },
        "next_stage": form.next_stages.order_by("pk").only("pk").first(),
        "export_formats": EXPORT_FORMATS,
        "comment_url": reverse("workflow:comment", args=[form.pk]),
    }


@login_required
def form_detail(request: HttpRequest, pk: int) -> TemplateResponse:
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.view_form", form)
    return TemplateResponse(request, "targets/form_detail.html", detail_context(request, form))


@login_required
def form_create(request: HttpRequest) -> HttpResponse:
    orgs = organisation_list_for_user(user=request.user)
    active = budget_year_active()
    if request.method == "POST":
        org = get_object_or_404(orgs, pk=request.POST.get("organisation"))
        require_perm(request.user, "targets.create_form_for_org", org)
        kind = request.POST.get("kind")
        try:
            year = _year(request.POST.get("budget_year"), active.year if active else 2025)
        except ApplicationError as exc:
            return TemplateResponse(
                request, "targets/form_create.html",
                {"orgs": orgs, "kinds": FormKindChoice.choices, "year": active.year if active else 2025, "error": exc},
                status=400,
            )
        if kind == "department":
            core = DepartmentTargetForm(budget_year=year, department_name=org.name, department_code=org.code)
        else:
            name = request.POST.get("name", "").strip() or "新项目"
            core = ProjectTargetForm(budget_year=year, project_name=name)
        form = target_create(organisation=org, budget_year=year, core_form=core, actor=request.user)
        messages.success(request, "已创建绩效目标表草稿")
        return redirect("targets:edit", pk=form.pk)
    if not orgs.exists():
        require_perm(request.user, "targets.create_form_for_org", None)
    return TemplateResponse(
        request, "targets/form_create.html",
        {"orgs": orgs, "kinds": FormKindChoice.choices, "year": active.year if active else 2025},
    )


def _edit_context(form, *, data, rows, tasks, errors=None, error=None, posted=None) -> dict:
    header = editor.initial_header(data, form.kind)
    if posted is not None:
        other_tasks = editor.tasks_from_post(posted, "othertask")
        measures = posted.get("guarantee_measures", "")
        sub_goals = editor.sub_goals_from_post(posted)
        budget, plan = editor.budget_from_post(data, posted), editor.plan_from_post(data, posted)
    else:
        other_tasks = editor.tasks_from_data(data, "other_tasks")
        measures = "\n".join(data.get("guarantee_measures", []))
        sub_goals = editor.sub_goals_from_data(data)
        budget, plan = editor.budget_from_data(data), editor.plan_from_data(data)
    if posted is not None:
        # A refused save shows what the user typed, so nothing typed is lost.
        header.update({f: posted[f] for f, _label, _w in editor.header_fields(form.kind) if f in posted})
    levels = _framework(form)
    return {
        "form": form, "header_fields": [(f, label, w, header.get(f, "")) for f, label, w in editor.header_fields(form.kind)],
        "rows": editor.mark_known_levels(rows, levels), "tasks": tasks, "levels": levels,
        "other_tasks": other_tasks, "measures": measures, "sub_goals": editor.annotate_sub_goals(sub_goals),
        "budget": budget, "plan": plan, "errors": errors or {},
        "error": error, "version": form.version,
        "money_unit": editor.money_unit_of(data).value,
    }


@login_required
def form_edit(request: HttpRequest, pk: int) -> HttpResponse:
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.change_form", form)
    if request.method == "POST":
        raw_version = request.POST.get("version", "")
        expected = int(raw_version) if raw_version.isdigit() else 0
        try:
            data = editor.data_from_post(form.data, form.kind, request.POST)
            target_update(form=form, actor=request.user, data=data, expected_version=expected)
        except editor.EditorError as exc:
            ctx = _edit_context(form, data=form.data, rows=editor.rows_from_post(request.POST),
                                tasks=editor.tasks_from_post(request.POST), errors=exc.errors, posted=request.POST)
            return TemplateResponse(request, "targets/form_edit.html", ctx, status=400)
        except ApplicationError as exc:
            ctx = _edit_context(form, data=form.data, rows=editor.rows_from_post(request.POST),
                                tasks=editor.tasks_from_post(request.POST), error=exc, posted=request.POST)
            ctx["version"] = expected
            return TemplateResponse(request, "targets/form_edit.html", ctx, status=409 if exc.code == "stale" else 400)
        messages.success(request, "已保存")
        return redirect("targets:detail", pk=form.pk)
    _general, by_row = _comments_by_row(form)
    outcome = target_review(form=form)
    findings: dict[int, list] = {}
    for finding in outcome.findings:
        if finding["indicator_index"] is not None and (finding["severity"] != "info" or finding["fix"]):
            findings.setdefault(finding["indicator_index"], []).append(finding)
    rows = editor.attach_notes(editor.rows_from_data(form.data), by_row, findings)
    ctx = _edit_context(form, data=form.data, rows=rows, tasks=editor.tasks_from_data(form.data))
    ctx |= {"outcome": outcome, "header_findings": _header_findings(outcome)}
    library = indicator_library_for_user(user=request.user)
    ctx["library_names"] = [e.name for e in sorted(library, key=lambda e: -e.uses)[:300]]
    return TemplateResponse(request, "targets/form_edit.html", ctx)


def _header_findings(outcome) -> list[dict]:
    """Findings not on an indicator row that the editor shows: warnings and errors, and any
    finding with a safe fix."""
    return [f for f in outcome.findings if f["indicator_index"] is None and (f["severity"] != "info" or f["fix"])]


@login_required
@require_POST
def form_rows(request: HttpRequest, pk: int) -> TemplateResponse:
    """htmx: add, delete or move an indicator row; nothing is saved until 保存."""
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.change_form", form)
    rows = editor.rows_from_post(request.POST)
    try:
        index = int(request.POST.get("index", "-1"))
    except ValueError:
        index = -1
    rows = editor.apply_row_op(rows, request.POST.get("op", ""), index)
    # The rows are shown with their comments and with the findings of the form as it would be
    # with these rows, so findings stay next to the rows they concern after a move.
    _general, by_row = _comments_by_row(form)
    rows = editor.attach_notes(rows, by_row, {})
    try:
        data = editor.data_from_post(form.data, form.kind, editor.post_of_rows(rows))
        rows = editor.attach_findings_by_position(rows, review_core_form(core_load(data)).findings)
    except (editor.EditorError, InvalidFormData):
        pass
    levels = _framework(form)
    return TemplateResponse(
        request, "targets/_indicator_rows.html",
        {"rows": editor.mark_known_levels(rows, levels), "levels": levels, "form": form},
    )


@login_required
@require_POST
def form_subgoals(request: HttpRequest, pk: int) -> TemplateResponse:
    """htmx: add or delete a 分项绩效目标 or one of its indicator rows; nothing is saved until 保存."""
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.change_form", form)
    if form.kind != "department":
        raise Http404
    goals = editor.sub_goals_from_post(request.POST)
    numbers = [request.POST.get(k, "-1") for k in ("goal", "index")]
    goal, index = (int(n) if n.lstrip("-").isdigit() else -1 for n in numbers)
    goals = editor.apply_sub_goal_op(goals, request.POST.get("op", ""), goal, index)
    return TemplateResponse(
        request, "targets/_subgoals.html", {"sub_goals": editor.annotate_sub_goals(goals), "form": form},
    )


@login_required
@require_POST
def form_fix(request: HttpRequest, pk: int) -> TemplateResponse:
    """htmx: apply one finding's safe fix to the editor's unsaved input and show the editor again.

    The finding (``code`` and ``loc``) is looked up in a review of what is posted, so the fix
    applied is the one the engine makes for the text on the page; nothing is saved until 保存.
    """
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.change_form", form)
    post, notice, errors = request.POST, None, {}
    try:
        outcome = review_core_form(core_load(editor.data_from_post(form.data, form.kind, post)))
        wanted = (request.POST.get("code", ""), request.POST.get("loc", ""))
        fix = next((f["fix"] for f in outcome.findings if (f["code"], f["loc_text"]) == wanted and f["fix"]), None)
        if fix is None:
            raise editor.EditorError({"fix": "按当前输入已没有这条审核发现，未修正"})
        post = editor.apply_fix(post, form.kind, fix)
        notice = f"已修正：{fix['description']}。保存后生效。"
    except editor.EditorError as exc:
        errors = exc.errors
    except InvalidFormData as exc:
        errors = {"data": str(exc)}
    ctx = _edit_context(form, data=form.data, rows=editor.rows_from_post(post),
                        tasks=editor.tasks_from_post(post), errors=errors, posted=post)
    ctx["version"] = post.get("version", form.version)
    try:
        outcome = review_core_form(core_load(editor.data_from_post(form.data, form.kind, post)))
    except (editor.EditorError, InvalidFormData):
        outcome = None
    if outcome is not None:
        _general, by_row = _comments_by_row(form)
        rows = editor.attach_notes(ctx["rows"], by_row, {})
        ctx["rows"] = editor.attach_findings_by_position(rows, outcome.findings)
        ctx |= {"outcome": outcome, "header_findings": _header_findings(outcome), "posted_review": True}
    ctx["notice"] = notice
    return TemplateResponse(request, "targets/_editor.html", ctx)


@login_required
@require_POST
def form_recheck(request: HttpRequest, pk: int) -> TemplateResponse:
    """htmx: review the editor's unsaved input and show the findings; nothing is saved."""
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.change_form", form)
    try:
        data = editor.data_from_post(form.data, form.kind, request.POST)
        outcome = review_core_form(core_load(data))
        error = None
    except (editor.EditorError, ValueError) as exc:
        outcome, error = None, str(exc)
    context = {"outcome": outcome, "recheck_error": error, "form": form}
    if outcome is not None and outcome.available and "row-count" in request.POST:
        # The indicator rows come back too (an htmx out-of-band swap), each with its findings.
        _general, by_row = _comments_by_row(form)
        rows = editor.attach_notes(editor.rows_from_post(request.POST), by_row, {})
        levels = _framework(form)
        context |= {
            "rows": editor.mark_known_levels(editor.attach_findings_by_position(rows, outcome.findings), levels),
            "levels": levels, "rows_oob": True,
        }
    return TemplateResponse(request, "targets/_recheck.html", context)


@login_required
def value_preview(request: HttpRequest) -> TemplateResponse:
    """htmx: how a typed 指标值 is read (comparison, number, unit)."""
    text, name = "", ""
    for key, value in request.GET.items():
        if key.endswith("_value"):
            text = value
        elif key.endswith("-name"):
            name = value
    value = parse_value(text) if text.strip() else None
    return TemplateResponse(
        request, "targets/_value_preview.html", {"value": value, "name_unit": unit_in_name(name)}
    )


@login_required
def form_diff(request: HttpRequest, pk: int) -> TemplateResponse:
    """Side by side: this form against its 一上 version, or against an earlier version (?v=)."""
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.view_form", form)
    history = list(
        form.history.select_related("history_user").order_by("-history_id").only(
            "version", "status", "history_date", "history_user__username", "history_user__display_name", "history_type"
        )[:50]
    )
    versions = sorted({h.version for h in history})
    old_label = ""
    v = request.GET.get("v")
    if v and v.isdigit():
        record = form.history.filter(version=int(v)).order_by("-history_id").first()
        old = record.data if record else {}
        old_label = f"第{v}版"
    elif form.adjusts_id:
        old = form.adjusts.data
        old_label = f"调整前的批复版本（#{form.adjusts_id}）"
    elif form.previous_id:
        old = form.previous.data
        old_label = f"一上版本（第{form.previous.version}版）"
    else:
        record = form.history.filter(version=1).order_by("-history_id").first()
        old = record.data if record else form.data
        old_label = "第1版"
    return TemplateResponse(
        request, "targets/form_diff.html",
        {
            "form": form, "old_label": old_label, "versions": versions, "history": history,
            "fields": diff_fields(old, form.data), "rows": diff_indicators(old, form.data, include_same=True),
        },
    )


@login_required
@require_POST
def form_start_second_stage(request: HttpRequest, pk: int) -> HttpResponse:
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.start_second_stage", form)
    try:
        second = target_start_second_stage(form=form, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("targets:detail", pk=form.pk)
    messages.success(request, "已从一上版本开始二上")
    return redirect("targets:edit", pk=second.pk)


@login_required
def form_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.view_form", form)
    try:
        content, media_type, name = target_export(form=form, actor=request.user, fmt=fmt)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("targets:detail", pk=pk)
    from urllib.parse import quote

    response = HttpResponse(content, content_type=media_type)
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def form_list_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The forms of the current list (its filters) as one package."""
    filters = {k: request.GET.get(k, "") for k in LIST_FILTERS}
    # The selector limits the rows to what the user may see; each row is a view_form object.
    forms = list(target_list_for_user(user=request.user, filters=filters).defer(None)[:301])
    try:
        content, media_type, name = target_export_package(forms=forms, actor=request.user, fmt=fmt)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(reverse("targets:list") + "?" + request.GET.urlencode())
    from urllib.parse import quote

    response = HttpResponse(content, content_type=media_type)
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def open_data_year(request: HttpRequest, year: int) -> HttpResponse:
    """A whole year's open data (zip): the approved forms of the year the user may see.

    Logged-in users only: the system has no "published" flag, so approved is not yet public;
    a finance reviewer gets its whole bureau, a department its own and its units'."""
    # The selector limits the rows to what the user may see; each row is a view_form object.
    forms = list(
        target_list_for_user(user=request.user, filters={"year": str(year), "status": Status.APPROVED})
        .defer(None)[: OPEN_DATA_MAX_FORMS + 1]
    )
    try:
        content, media_type, name = target_open_data_year(forms=forms, actor=request.user, year=year)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(reverse("targets:list") + f"?year={year}")
    from urllib.parse import quote

    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@login_required
@require_POST
def form_start_adjustment(request: HttpRequest, pk: int) -> HttpResponse:
    form = get_or_404(target_get_for_user(user=request.user, pk=pk))
    require_perm(request.user, "targets.start_adjustment", form)
    try:
        copy = target_start_adjustment(form=form, actor=request.user, reason=request.POST.get("reason", ""))
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("targets:detail", pk=form.pk)
    messages.success(request, "已开始调整：修改后重新报送审核；原批复版本保持不变")
    return redirect("targets:edit", pk=copy.pk)


# -- import ------------------------------------------------------------------------------


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    orgs = organisation_list_for_user(user=request.user)
    active = budget_year_active()
    context = {"orgs": orgs, "year": active.year if active else 2025, "stages": Stage.choices}
    if request.method == "POST":
        try:
            uploads = request_uploads(request)
        except ApplicationError as exc:
            context["error"] = exc
            return TemplateResponse(request, "targets/import_upload.html", context, status=400)
        org = get_object_or_404(orgs, pk=request.POST.get("organisation"))
        require_perm(request.user, "targets.create_form_for_org", org)
        try:
            year = _year(request.POST.get("budget_year"), context["year"])
            stage = request.POST.get("stage") or Stage.FIRST_SUBMISSION
            if stage not in Stage.values:
                raise ApplicationError("阶段无效，应为一上或二上", code="bad_stage")
            job = import_job_create(
                actor=request.user, organisation=org,
                budget_year=year,
                stage=stage, files=uploads,
            )
            import_job_start(job=job)
        except ApplicationError as exc:
            context["error"] = exc
            return TemplateResponse(request, "targets/import_upload.html", context, status=400)
        return redirect("targets:import_preview", pk=job.pk)
    if not orgs.exists():
        require_perm(request.user, "targets.create_form_for_org", None)
    return TemplateResponse(request, "targets/import_upload.html", context)


def _own_job(request: HttpRequest, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob.objects.select_related("organisation"), pk=pk, uploaded_by=request.user)


@login_required
def import_preview(request: HttpRequest, pk: int) -> TemplateResponse:
    job = _own_job(request, pk)
    homes = import_homes(job=job, actor=request.user) if job.status == ImportStatus.READY else {}
    for entry in job.result:
        for form in entry.get("forms", []):
            form["home"] = homes.get(form.get("org_code") or "", job.organisation)
    return render_page(request, "targets/import_preview.html", {"job": job}, partial="targets/_import_progress.html")


@login_required
@require_POST
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    require_perm(request.user, "targets.create_form_for_org", job.organisation)
    try:
        created = import_job_confirm(job=job, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("targets:import_preview", pk=job.pk)
    messages.success(request, f"已导入 {len(created)} 张绩效目标表")
    if len(created) == 1:
        return redirect("targets:detail", pk=created[0].pk)
    return redirect("targets:list")


@login_required
@require_POST
def import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    if job.status in (ImportStatus.READY, ImportStatus.PARSING):
        import_job_cancel(job=job)
    messages.info(request, "已取消导入，未保存任何绩效目标表")
    return redirect("targets:import_upload")
