"""What reviewers leave on a form: reviews (four aspects and a grade), comments, waivers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Grade(models.TextChoices):
    EXCELLENT = "优", "优"
    GOOD = "良", "良"
    FAIR = "中", "中"
    POOR = "差", "差"


class Decision(models.TextChoices):
    FORWARD = "forward", "审核通过并报财政"
    RETURN = "return", "退回修改"
    APPROVE = "approve", "审核通过"
    REJECT = "reject", "不予安排"


class ReviewLevel(models.TextChoices):
    DEPARTMENT = "department", "主管部门审核"
    FINANCE = "finance", "财政审核"


class Review(models.Model):
    """One review of one version of a form (REV-01: four aspects and a grade)."""

    form = models.ForeignKey("targets.TargetForm", on_delete=models.CASCADE, related_name="reviews")
    form_version = models.PositiveIntegerField("表单版本")
    level = models.CharField("审核层级", max_length=16, choices=ReviewLevel.choices)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", on_delete=models.PROTECT, related_name="+"
    )
    completeness = models.TextField("完整性", blank=True)
    relevance = models.TextField("相关性", blank=True)
    appropriateness = models.TextField("适当性", blank=True)
    feasibility = models.TextField("可行性", blank=True)
    grade = models.CharField("等级", max_length=2, choices=Grade.choices, blank=True)
    consequence = models.CharField("等级结果", max_length=200, blank=True)
    decision = models.CharField("审核结论", max_length=16, choices=Decision.choices)
    summary = models.TextField("审核意见", blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "审核记录"
        verbose_name_plural = "审核记录"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.grade} {self.get_decision_display()}"


class Comment(models.Model):
    """A reviewer's comment on a form, or on one indicator row of it."""

    form = models.ForeignKey("targets.TargetForm", on_delete=models.CASCADE, related_name="comments")
    form_version = models.PositiveIntegerField("表单版本")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批注人", on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField("批注")
    indicator_index = models.PositiveIntegerField("指标行", null=True, blank=True)
    indicator_name = models.CharField("指标名称", max_length=300, blank=True)
    resolved = models.BooleanField("已处理", default=False)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "审核批注"
        verbose_name_plural = "审核批注"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:40]


class Waiver(models.Model):
    """The submitter's reason for submitting despite an error-level finding."""

    form = models.ForeignKey("targets.TargetForm", on_delete=models.CASCADE, related_name="waivers")
    code = models.CharField("规则编号", max_length=16)
    loc = models.CharField("位置", max_length=200, blank=True)
    message = models.TextField("发现内容", blank=True)
    reason = models.TextField("说明理由")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="说明人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "审核发现说明"
        verbose_name_plural = "审核发现说明"
        unique_together = [("form", "code", "loc")]

    def __str__(self) -> str:
        return f"{self.code} {self.loc}"
