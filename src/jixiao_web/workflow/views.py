"""Workflow actions (POST only) and the review page (form, findings and comments side by side)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.core.views import get_or_404, require_perm
from jixiao_web.targets.selectors import target_get_for_user
from jixiao_web.targets.views import detail_context
from jixiao_web.workflow import services
from jixiao_web.workflow.models import Decision, Grade


def _form(request: HttpRequest, pk: int):
    return get_or_404(target_get_for_user(user=request.user, pk=pk))


def _aspects(request: HttpRequest) -> dict[str, str]:
    return {key: request.POST.get(key, "") for key in services.ASPECTS}


def _done(request: HttpRequest, pk: int, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("targets:detail", pk=pk)


def _act(
    request: HttpRequest, pk: int, perm: str, action: Callable[[object], object], *,
    done: str, back: str,
) -> HttpResponse:
    """Check ``perm`` on the form, run ``action(form)``; a refusal goes back to ``back`` with its message."""
    form = _form(request, pk)
    require_perm(request.user, perm, form)
    try:
        action(form)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(back, pk=pk)
    return _done(request, pk, done)


@login_required
@require_POST
def form_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, "targets.submit_form",
        lambda form: services.target_submit(form=form, actor=request.user),
        done="已报送", back="targets:detail",
    )


@login_required
@require_POST
def finding_waive(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, "targets.waive_finding",
        lambda form: services.target_waive(
            form=form, actor=request.user, code=request.POST.get("code", "")[:16],
            loc=request.POST.get("loc", "")[:200], message=request.POST.get("message", ""),
            reason=request.POST.get("reason", ""),
        ),
        done="已记录说明理由", back="targets:detail",
    )


@login_required
@require_POST
def form_forward(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, "targets.forward_form",
        lambda form: services.target_forward(
            form=form, actor=request.user, summary=request.POST.get("summary", ""), aspects=_aspects(request)
        ),
        done="已审核通过并报送财政", back="workflow:review",
    )


@login_required
@require_POST
def form_department_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, "targets.department_return_form",
        lambda form: services.target_return(
            form=form, actor=request.user, reason=request.POST.get("summary", ""), aspects=_aspects(request)
        ),
        done="已退回修改", back="workflow:review",
    )


@login_required
@require_POST
def form_finance_review(request: HttpRequest, pk: int) -> HttpResponse:
    form = _form(request, pk)
    require_perm(request.user, "targets.finance_review_form", form)
    try:
        services.target_finance_review(
            form=form, actor=request.user, aspects=_aspects(request), grade=request.POST.get("grade", ""),
            decision=request.POST.get("decision", ""), summary=request.POST.get("summary", ""),
        )
    except ApplicationError as exc:
        ctx = _review_context(request, form)
        ctx["error"] = exc
        ctx["posted"] = request.POST
        return TemplateResponse(request, "workflow/review.html", ctx, status=400)
    return _done(request, pk, "已记录审核结论")


@login_required
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    form = _form(request, pk)
    # Reviewers comment; the filer of a returned form may answer.
    if not request.user.has_perm("targets.reply_form", form):
        require_perm(request.user, "targets.comment_form", form)
    raw = request.POST.get("indicator_index", "")
    try:
        services.comment_add(
            form=form, actor=request.user, body=request.POST.get("body", ""),
            indicator_index=int(raw) if raw.isdigit() else None,
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已添加批注")
    if request.htmx:
        ctx = _review_context(request, form)
        return TemplateResponse(request, "workflow/_comments.html", ctx)
    if request.user.has_perm("targets.reply_form", form):
        return redirect("targets:detail", pk=pk)
    return redirect("workflow:review", pk=pk)


def _review_context(request: HttpRequest, form) -> dict:
    ctx = detail_context(request, form)
    ctx["grades"] = Grade.choices
    ctx["grade_map"] = settings.JIXIAO_GRADE_ACTIONS
    ctx["decisions"] = [(d.value, d.label) for d in (Decision.APPROVE, Decision.RETURN, Decision.REJECT)]
    ctx["aspects"] = services.ASPECTS
    last_return = next((r for r in ctx["reviews"] if r.decision == Decision.RETURN), None)
    if last_return is not None and last_return.form_version < form.version:
        ctx["changed_since_return"] = last_return.form_version
    return ctx


@login_required
def form_review(request: HttpRequest, pk: int) -> TemplateResponse:
    form = _form(request, pk)
    require_perm(request.user, "targets.view_form", form)
    return TemplateResponse(request, "workflow/review.html", _review_context(request, form))
