"""A department's (or unit's) 部门预算公开 for one budget year: the core ``Disclosure`` as JSON.

``data`` is ``Disclosure.model_dump(mode="json")`` and is validated through the core model on
every save; ``findings`` caches the JX6xx check findings of that data (refreshed on save), so
a page view does not run the checks again. An upload waits in a ``DisclosureImport`` until it
is confirmed (the same upload → preview → confirm pattern as the form import).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from pydantic import ValidationError as PydanticValidationError


def disclosure_load(data: dict):
    """The core ``Disclosure`` of stored JSON (raises ``ValueError`` when it is not one)."""
    from jixiao.disclosure import Disclosure

    try:
        return Disclosure.model_validate(data)
    except PydanticValidationError as exc:
        raise ValueError(f"部门预算公开数据无效：{exc.error_count()} 处错误") from exc


def disclosure_findings(disclosure) -> list[dict]:
    """The JX6xx findings of a core disclosure as JSON-ready dicts."""
    from jixiao.disclosure.checks import check_disclosure

    return [f.model_dump(mode="json") for f in check_disclosure(disclosure).findings]


class Disclosure(models.Model):
    """The disclosure tables of one organisation and budget year (one row per pair)."""

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="部门", on_delete=models.PROTECT, related_name="disclosures"
    )
    budget_year = models.PositiveIntegerField("预算年度", db_index=True)
    data = models.JSONField("公开表数据")
    findings = models.JSONField("检查发现", default=list, blank=True, editable=False)
    error_count = models.PositiveIntegerField("错误数", default=0, editable=False)
    table_count = models.PositiveIntegerField("表数", default=0, editable=False)
    source_file = models.CharField("来源文件", max_length=255, blank=True)
    imported_at = models.DateTimeField("导入时间", auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="导入人", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "部门预算公开"
        verbose_name_plural = "部门预算公开"
        ordering = ["-budget_year", "organisation__code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "budget_year"], name="disclosure_one_per_org_year")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.budget_year}年部门预算公开"

    def core(self):
        return disclosure_load(self.data)

    def clean(self) -> None:
        try:
            self.core()
        except ValueError as exc:
            raise ValidationError({"data": str(exc)}) from exc

    def save(self, *args, **kwargs) -> None:
        # Validated on every save; the cached findings and counts always match the data.
        core = self.core()
        self.findings = disclosure_findings(core)
        self.error_count = sum(1 for f in self.findings if f["severity"] == "error")
        self.table_count = len(core.tables)
        super().save(*args, **kwargs)


class DisclosureImportStatus(models.TextChoices):
    READY = "ready", "待确认"
    CONFIRMED = "confirmed", "已导入"
    CANCELLED = "cancelled", "已取消"
    FAILED = "failed", "无法读取"


class DisclosureImport(models.Model):
    """An uploaded disclosure document, parsed for the preview; nothing is stored as a
    ``Disclosure`` until it is confirmed. ``result`` is ``{"data", "findings", "problems"}``."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="部门", on_delete=models.CASCADE, related_name="+"
    )
    budget_year = models.PositiveIntegerField("预算年度")
    file_name = models.CharField("文件名", max_length=255)
    status = models.CharField(
        "状态", max_length=16, choices=DisclosureImportStatus.choices, default=DisclosureImportStatus.READY
    )
    result = models.JSONField("解析结果", default=dict, blank=True)
    error = models.TextField("错误", blank=True)
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "部门预算公开导入"
        verbose_name_plural = "部门预算公开导入"
        ordering = ["-created_at"]
