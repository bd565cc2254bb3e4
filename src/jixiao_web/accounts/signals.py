"""Login events go to the audit log (event 401)."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs) -> None:
    from jixiao_web.audit.models import AuditEventType
    from jixiao_web.audit.services import audit_record

    audit_record(
        actor=user, event=AuditEventType.USER_LOGGED_IN, organisation=getattr(user, "organisation", None),
        extra={"ip": request.META.get("REMOTE_ADDR", "") if request is not None else ""},
    )
