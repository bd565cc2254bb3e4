"""Reads of the audit log, scoped like the forms."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jixiao_web.accounts.models import Role
from jixiao_web.audit.models import AuditEvent


def audit_event_list_for_user(*, user, form_id: int | None = None, event_type: int | None = None) -> QuerySet[AuditEvent]:
    qs = AuditEvent.objects.select_related("actor", "organisation", "form").defer("form__data")
    if not (user.is_superuser or user.role == Role.ADMIN):
        if user.organisation_id is None:
            return qs.none()
        scope = Q(organisation_id=user.organisation_id)
        if user.role in (Role.DEPARTMENT_REVIEWER, Role.FINANCE_REVIEWER):
            scope |= Q(organisation__parent_id=user.organisation_id)
        if user.role == Role.FINANCE_REVIEWER:
            scope |= Q(organisation__parent__parent_id=user.organisation_id)
        qs = qs.filter(scope)
    if form_id:
        qs = qs.filter(form_id=form_id)
    if event_type:
        qs = qs.filter(event_type=event_type)
    return qs
