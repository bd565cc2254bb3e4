"""Reads of target forms, always scoped to what the user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from jixiao_web.accounts.models import Role
from jixiao_web.targets.models import TargetForm


def target_visible_q(user) -> Q:
    """The rows of ``TargetForm`` a user may see (the list form of ``targets.view_form``)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_superuser or user.role == Role.ADMIN:
        return Q()
    if user.organisation_id is None:
        return Q(pk__in=[])
    if user.role == Role.FINANCE_REVIEWER:
        # The departments under this finance bureau and their units.
        return Q(organisation__parent_id=user.organisation_id) | Q(
            organisation__parent__parent_id=user.organisation_id
        )
    if user.role == Role.DEPARTMENT_REVIEWER:
        return Q(organisation_id=user.organisation_id) | Q(organisation__parent_id=user.organisation_id)
    return Q(organisation_id=user.organisation_id)


def target_list_for_user(*, user, filters: dict[str, Any] | None = None) -> QuerySet[TargetForm]:
    """Forms the user may see, filtered by ``status``, ``kind``, ``stage``, ``year``,
    ``organisation`` (id) and ``q`` (name, project code or organisation)."""
    filters = filters or {}
    qs = (
        TargetForm.objects.filter(target_visible_q(user))
        .select_related("organisation", "updated_by")
        .defer("data")
    )
    for key, field in (
        ("status", "status"), ("kind", "kind"), ("stage", "stage"),
        ("year", "budget_year"), ("organisation", "organisation_id"),
    ):
        value = filters.get(key)
        if not value:
            continue
        if field in ("budget_year", "organisation_id") and not str(value).isdigit():
            return qs.none()  # a malformed number matches nothing rather than failing
        qs = qs.filter(**{field: value})
    if q := (filters.get("q") or "").strip():
        qs = qs.filter(
            Q(name__icontains=q) | Q(project_code__icontains=q)
            | Q(organisation__name__icontains=q) | Q(organisation__code__startswith=q)
        )
    return qs


def target_get_for_user(*, user, pk: int) -> TargetForm | None:
    """One visible form, or None (the caller answers 404 without saying whether it exists)."""
    # Only the organisation chain and 代编 are joined: the 一上 and adjusted forms carry their own
    # (large) data and are read when a page needs them. No ORDER BY: Meta.ordering would join
    # the organisation again to sort a single row.
    return (
        TargetForm.objects.filter(target_visible_q(user))
        .select_related("organisation", "organisation__parent", "filed_by")
        .filter(pk=pk)
        .order_by()
        .first()
    )


def target_counts_for_user(*, user) -> dict[str, int]:
    from django.db.models import Count

    rows = TargetForm.objects.filter(target_visible_q(user)).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def target_review(*, form: TargetForm):
    """The automatic review of a stored form, cached by the digest of its data (see
    ``review_data_cached``); ``save()`` keeps the digest in ``review_summary``."""
    from jixiao_web.review.adapter import review_data_cached
    from jixiao_web.targets.models import data_hash

    summary = form.review_summary or {}
    digest = summary.get("data_hash") or data_hash(form.data)
    return review_data_cached(form.data, digest=digest)
