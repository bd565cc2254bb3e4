"""AuditEvent: one row per important change, written in the same transaction as the change.

``event_type`` is banded by area (forms 1xx, workflow 2xx, review 3xx, users 4xx, exports
5xx, disclosures 6xx). ``extra`` has fixed keys: ``old`` and ``new`` for a changed value, plus what the event
needs (``reason``, ``fields``, ``file``). Example: a return writes
``AuditEventType.FORM_RETURNED`` with ``{"old": "checked", "new": "returned", "reason": "…"}``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEventType(models.IntegerChoices):
    FORM_CREATED = 101, "创建绩效目标表"
    FORM_UPDATED = 102, "修改绩效目标表"
    FORM_IMPORTED = 103, "导入绩效目标表"
    FORM_DELETED = 104, "删除绩效目标表"
    FORM_STAGE_STARTED = 105, "从一上版本开始二上"
    FORM_ADJUSTMENT_STARTED = 106, "申请调整已批复的绩效目标"
    FORM_SUBMITTED = 201, "报送"
    FORM_FORWARDED = 202, "主管部门审核通过并报财政"
    FORM_RETURNED = 203, "退回修改"
    FORM_APPROVED = 204, "审核通过（批复）"
    FORM_REJECTED = 205, "不予安排"
    REVIEW_RECORDED = 301, "记录审核意见"
    COMMENT_ADDED = 302, "添加审核批注"
    FINDING_WAIVED = 303, "说明审核发现"
    USER_LOGGED_IN = 401, "登录"
    FORM_EXPORTED = 501, "导出"
    DISCLOSURE_EXPORTED = 502, "导出部门预算公开表"
    OPEN_DATA_EXPORTED = 503, "下载年度开放数据"
    DISCLOSURE_IMPORTED = 601, "导入部门预算公开表"


class AuditEvent(models.Model):
    """Who did what to which form, when."""

    event_type = models.PositiveSmallIntegerField("事件", choices=AuditEventType.choices)
    event_time = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="单位", null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    form = models.ForeignKey(
        "targets.TargetForm", verbose_name="绩效目标表", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="audit_events",
    )
    extra = models.JSONField("详情", default=dict, blank=True)

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-event_time", "-id"]

    def __str__(self) -> str:
        return f"{self.get_event_type_display()} {self.event_time:%Y-%m-%d %H:%M}"
