"""Writing audit rows. Call inside the service's transaction, never on its own."""

from __future__ import annotations

from typing import Any

from jixiao_web.audit.models import AuditEvent, AuditEventType


def audit_record(
    *, actor, event: AuditEventType, form=None, organisation=None, extra: dict[str, Any] | None = None
) -> AuditEvent:
    """One audit row; the organisation defaults to the form's."""
    if organisation is None and form is not None:
        organisation = form.organisation
    return AuditEvent.objects.create(
        actor=actor, event_type=event, form=form, organisation=organisation, extra=extra or {}
    )
