"""Reads of organisations and budget years."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jixiao_web.orgs.models import BudgetYear, Organisation, OrgKind


def organisation_list_for_user(*, user) -> QuerySet[Organisation]:
    """Organisations a user may file for: own unit; a department and its units; finance: all."""
    role = getattr(user, "role", None)
    org = getattr(user, "organisation", None)
    qs = Organisation.objects.filter(is_active=True).exclude(kind=OrgKind.FINANCE)
    if user.is_superuser or role == "admin":
        return qs
    if org is None:
        return qs.none()
    if role == "finance_reviewer":
        return qs.filter(Q(parent_id=org.pk) | Q(parent__parent_id=org.pk))
    if role == "department_reviewer":
        return qs.filter(Q(pk=org.pk) | Q(parent_id=org.pk))
    return qs.filter(pk=org.pk)


def budget_year_active() -> BudgetYear | None:
    return BudgetYear.objects.filter(is_active=True).first() or BudgetYear.objects.first()
