"""Rendering helpers for function views: the full page, or one partial template for htmx.

Django 5.2 has no named template partials, so a page's htmx target is a separate
``_partial.html`` template that the page itself includes; an htmx request gets only that.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.response import TemplateResponse


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    partial: str | None = None,
    status: int = 200,
) -> TemplateResponse:
    """The page, or ``partial`` when htmx asked for it (and did not ask for the whole page)."""
    if partial and getattr(request, "htmx", False) and not request.htmx.boosted:
        return TemplateResponse(request, partial, context, status=status)
    return TemplateResponse(request, template, context, status=status)
