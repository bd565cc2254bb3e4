"""The home page: counts by status and the forms waiting for this user."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.template.response import TemplateResponse

from jixiao_web.accounts.models import Role
from jixiao_web.dashboards.charts import bar_chart, stacked_bar_chart
from jixiao_web.dashboards.selectors import (
    indicator_library_for_user,
    review_stats_for_user,
    submission_progress_by_department_for_user,
    target_status_by_organisation_for_user,
)
from jixiao_web.orgs.selectors import budget_year_active
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
    context = {
        "counts": [(value, label, counts.get(value, 0)) for value, label in Status.choices],
        "total": sum(counts.values()), "waiting": waiting, "waiting_status": waiting_status,
        "by_org": by_org, "status_labels": [label for _value, label in Status.choices],
    }
    if user.role in REVIEWER_ROLES or user.is_superuser:
        context.update(reviewer_dashboard(user=user, year=request.GET.get("year", "")))
    return TemplateResponse(request, "dashboards/home.html", context)


REVIEWER_ROLES = (Role.DEPARTMENT_REVIEWER, Role.FINANCE_REVIEWER, Role.ADMIN)


def _rule_label(code: str) -> str:
    try:
        from jixiao.review.registry import get_rule
    except ImportError:
        return code
    rule = get_rule(code)
    return f"{code} {rule.name}" if rule is not None and rule.name else code


def reviewer_dashboard(*, user, year: str) -> dict:
    """The reviewers' part of the home page for one budget year (the active one by default):
    progress by department, findings by rule and by unit, the quality league table, as tables
    and SVG charts. Three queries whatever the number of forms."""
    active = budget_year_active()
    chosen = int(year) if year.isdigit() else (active.year if active else None)
    progress = submission_progress_by_department_for_user(user=user, year=chosen)
    labels = [label for _value, label in Status.choices]
    for entry in progress:
        entry["cells"] = [entry["counts"].get(value, 0) for value, _label in Status.choices]
    stats = review_stats_for_user(user=user, year=chosen)
    by_rule = [(_rule_label(code), n) for code, n in stats.by_rule]
    return {
        "dash_year": chosen, "progress": progress, "stats": stats, "by_rule": by_rule,
        "progress_chart": stacked_bar_chart(
            f"{chosen or ''}年各部门填报进度（按状态的表数）", labels,
            [(f"{e['code']} {e['name']}", e["cells"]) for e in progress],
        ),
        "rule_chart": bar_chart("审核发现最多的规则（发现数）", by_rule, unit=" 条"),
        "unit_chart": bar_chart(
            "各单位审核发现数", [(f"{u['code']} {u['name']}", u["findings"]) for u in stats.by_unit[:15]], unit=" 条",
        ),
        "league_chart": bar_chart(
            "各单位自动审核平均得分", [(f"{u['rank']}. {u['name']}", u["average"]) for u in stats.league[:15]],
            unit=" 分", value_format="{:.1f}",
        ),
    }


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
