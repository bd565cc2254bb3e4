"""The home page: counts by status and the forms waiting for this user."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.template.response import TemplateResponse

from jixiao_web.accounts.models import Role
from jixiao_web.dashboards.selectors import (
    indicator_library_for_user,
    target_status_by_organisation_for_user,
)
from jixiao_web.targets.models import Status
from jixiao_web.targets.selectors import target_counts_for_user, target_list_for_user


@login_required
def home(request: HttpRequest) -> TemplateResponse:
    user = request.user
    waiting_statuses = {
        Role.UNIT_FILER: [Status.RETURNED, Status.DRAFT],
        Role.DEPARTMENT_REVIEWER: [Status.SUBMITTED, Status.RETURNED],
        Role.FINANCE_REVIEWER: [Status.CHECKED],
    }.get(user.role, [])
    waiting = (
        list(target_list_for_user(user=user).filter(status__in=waiting_statuses).order_by("status", "-updated_at")[:30])
        if waiting_statuses else []
    )
    waiting_status = bool(waiting_statuses)
    counts = target_counts_for_user(user=user)
    by_org = []
    if user.role != Role.UNIT_FILER:
        for entry in target_status_by_organisation_for_user(user=user):
            entry["cells"] = [entry["counts"].get(value, 0) for value, _label in Status.choices]
            by_org.append(entry)
    return TemplateResponse(
        request, "dashboards/home.html",
        {
            "counts": [(value, label, counts.get(value, 0)) for value, label in Status.choices],
            "total": sum(counts.values()), "waiting": waiting, "waiting_status": waiting_status,
            "by_org": by_org, "status_labels": [label for _value, label in Status.choices],
        },
    )


@login_required
def indicator_library(request: HttpRequest) -> TemplateResponse:
    """指标库: common level-3 indicators per level 2 with their usual units and values."""
    level2 = request.GET.get("level2", "")
    q = request.GET.get("q", "").strip()
    # Scoped by the selector to the forms the user may see; no object permission applies.
    entries = indicator_library_for_user(user=request.user, level2=level2, q=q)
    from jixiao.model import IndicatorSubcategory

    return TemplateResponse(
        request, "dashboards/library.html",
        {"entries": entries[:500], "total": len(entries), "level2": level2, "q": q,
         "level2_choices": [s.value for s in IndicatorSubcategory]},
    )
