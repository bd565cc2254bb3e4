"""The audit log page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse

from jixiao_web.audit.models import AuditEventType
from jixiao_web.audit.selectors import audit_event_list_for_user


@login_required
def audit_log(request: HttpRequest) -> TemplateResponse:
    form_id = request.GET.get("form")
    event = request.GET.get("event")
    # The selector scopes rows to the user's organisation and role; no object to check.
    qs = audit_event_list_for_user(
        user=request.user,
        form_id=int(form_id) if form_id and form_id.isdigit() else None,
        event_type=int(event) if event and event.isdigit() else None,
    )
    page = Paginator(qs, 100).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "audit/log.html",
        {"page": page, "events": AuditEventType.choices, "form_id": form_id or "", "event": event or ""},
    )
