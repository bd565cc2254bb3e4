"""Small helpers shared by the function views."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404


def require_perm(user, perm: str, obj=None) -> None:
    """Raise 403 unless ``user`` has ``perm`` (on ``obj``)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied("您没有权限执行此操作")


def get_or_404(obj):
    if obj is None:
        raise Http404("未找到或无权查看")
    return obj
