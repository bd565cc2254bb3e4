"""Maps ApplicationError (and DRF's own errors) to ``{"code", "message", "extra"}``."""

from __future__ import annotations

from rest_framework.response import Response
from rest_framework.views import exception_handler

from jixiao_web.core.exceptions import ApplicationError


def api_exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        status = 409 if exc.code == "stale" else 400
        return Response(exc.as_dict(), status=status)
    response = exception_handler(exc, context)
    if response is not None:
        detail = response.data
        message = detail.get("detail") if isinstance(detail, dict) and "detail" in detail else "请求无效"
        code = getattr(getattr(exc, "default_code", None), "__str__", lambda: "error")()
        response.data = {"code": code, "message": str(message), "extra": detail if not isinstance(detail, dict) or "detail" not in detail else {}}
    return response
