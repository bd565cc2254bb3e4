"""A stored target form: the core model's JSON plus columns for lists, a version and a status.

The status machine (django-fsm-2) only says which transitions exist; the services in
``jixiao_web.workflow.services`` call them, check permissions, write the audit row.

::

    draft ──submit──▶ submitted ──forward──▶ checked ──approve──▶ approved
      ▲                   │                     │ └───reject───▶ rejected
      │                   └──return──┐  ┌─return┘
      └──────(edit, submit)──── returned ◀┘

A department's own forms skip ``submitted``: submit goes straight to ``checked`` (finance).
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django_fsm import RETURN_VALUE, FSMField, transition
from simple_history.models import HistoricalRecords

from jixiao_web.orgs.models import OrgKind
from jixiao_web.targets.coremodel import CoreForm, InvalidFormData, core_load, core_summary


def data_hash(data: dict) -> str:
    """A stable digest of a form's JSON (key order does not matter)."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


def review_summary_of(data: dict) -> dict:
    """What the dashboards need from the automatic review of ``data``: score, grade, finding
    counts per severity and per rule code, and the hash of the data it was computed from."""
    from jixiao_web.review.adapter import review_data_cached

    digest = data_hash(data)
    outcome = review_data_cached(data, digest=digest)
    codes: dict[str, int] = {}
    for finding in outcome.findings:
        codes[finding["code"]] = codes.get(finding["code"], 0) + 1
    return {
        "data_hash": digest, "available": outcome.available,
        "score": outcome.score, "grade": outcome.grade or "", "counts": outcome.counts(), "codes": codes,
    }


class Stage(models.TextChoices):
    FIRST_SUBMISSION = "first", "一上"
    SECOND_SUBMISSION = "second", "二上"


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已报送主管部门"
    CHECKED = "checked", "待财政审核"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "审核通过"
    REJECTED = "rejected", "不予安排"


EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)


class FormKindChoice(models.TextChoices):
    DEPARTMENT = "department", "部门整体绩效目标表"
    PROJECT = "project", "项目支出绩效目标表"


class TargetForm(models.Model):
    """One target form of one organisation, budget year and stage."""

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="单位", on_delete=models.PROTECT, related_name="forms"
    )
    budget_year = models.PositiveIntegerField("预算年度", db_index=True)
    stage = models.CharField("阶段", max_length=8, choices=Stage.choices, default=Stage.FIRST_SUBMISSION)
    status = FSMField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    kind = models.CharField("类型", max_length=16, choices=FormKindChoice.choices)
    name = models.CharField("名称", max_length=300, blank=True, db_index=True)
    project_code = models.CharField("项目编码", max_length=64, blank=True, db_index=True)
    annual_amount_wan_yuan = models.DecimalField(
        "当年度金额（万元）", max_digits=20, decimal_places=6, null=True, blank=True
    )
    total_amount_wan_yuan = models.DecimalField(
        "总金额（万元）", max_digits=20, decimal_places=6, null=True, blank=True
    )
    indicator_count = models.PositiveIntegerField("指标数", default=0)
    data = models.JSONField("表单数据")
    version = models.PositiveIntegerField("版本", default=1)
    previous = models.ForeignKey(
        "self", verbose_name="一上版本", null=True, blank=True, on_delete=models.PROTECT,
        related_name="next_stages",
    )
    adjusts = models.ForeignKey(
        "self", verbose_name="调整的批复版本", null=True, blank=True, on_delete=models.PROTECT,
        related_name="adjustments", help_text="预算调整：对已批复绩效目标的修改另存为新版本",
    )
    adjustment_reason = models.TextField("调整理由", blank=True)
    source_file = models.CharField("来源文件", max_length=255, blank=True)
    grade = models.CharField("审核等级", max_length=2, blank=True)
    review_summary = models.JSONField(
        "自动审核摘要", default=dict, blank=True, editable=False,
        help_text="自动审核的得分、等级和各规则发现数；数据变化时保存即重新计算，首页统计直接读取",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="代编人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="主管部门代所属单位填报时记录代编人",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="最后修改人", null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "review_summary"])

    class Meta:
        verbose_name = "绩效目标表"
        verbose_name_plural = "绩效目标表"
        ordering = ["organisation__code", "kind", "name", "id"]
        indexes = [models.Index(fields=["budget_year", "stage", "status"])]

    def __str__(self) -> str:
        return f"{self.name or self.get_kind_display()}（{self.budget_year} {self.get_stage_display()}）"

    # -- the core model ---------------------------------------------------------------------

    def core(self) -> CoreForm:
        """The core pydantic form of ``data``."""
        return core_load(self.data)

    def clean(self) -> None:
        try:
            self.core()
        except InvalidFormData as exc:
            raise ValidationError({"data": str(exc)}) from exc

    def save(self, *args, **kwargs) -> None:
        # The data is validated on every save and the list columns derived from it, so a row
        # can never disagree with its own JSON.
        form = self.core()
        summary = core_summary(form)
        self.kind = summary.kind
        self.name = summary.name
        self.project_code = summary.project_code
        self.annual_amount_wan_yuan = summary.annual_amount_wan_yuan
        self.total_amount_wan_yuan = summary.total_amount_wan_yuan
        self.indicator_count = summary.indicator_count
        # The review summary is recomputed only when the data changed since it was computed
        # (a status change saves the same data and keeps it).
        if (self.review_summary or {}).get("data_hash") != data_hash(self.data):
            self.review_summary = review_summary_of(self.data)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {
                "kind", "name", "project_code", "annual_amount_wan_yuan",
                "total_amount_wan_yuan", "indicator_count", "updated_at", "review_summary",
            }
        super().save(*args, **kwargs)

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def goes_to_department(self) -> bool:
        """Whether a competent department checks this form before finance does."""
        return self.organisation.kind == OrgKind.UNIT

    # -- transitions (state only; services do permissions and audit) -------------------------

    @transition(
        field=status, source=[Status.DRAFT, Status.RETURNED],
        target=RETURN_VALUE(Status.SUBMITTED, Status.CHECKED),
    )
    def submit(self) -> str:
        return Status.SUBMITTED if self.goes_to_department else Status.CHECKED

    @transition(field=status, source=Status.SUBMITTED, target=Status.CHECKED)
    def forward(self) -> None:
        pass

    @transition(field=status, source=[Status.SUBMITTED, Status.CHECKED], target=Status.RETURNED)
    def send_back(self) -> None:
        pass

    @transition(field=status, source=Status.CHECKED, target=Status.APPROVED)
    def approve(self) -> None:
        pass

    @transition(field=status, source=Status.CHECKED, target=Status.REJECTED)
    def reject(self) -> None:
        pass


class ImportStatus(models.TextChoices):
    PARSING = "parsing", "正在解析"
    READY = "ready", "待确认"
    CONFIRMED = "confirmed", "已导入"
    CANCELLED = "cancelled", "已取消"
    FAILED = "failed", "失败"


class ImportJob(models.Model):
    """An upload waiting for confirmation. No target form exists until it is confirmed.

    ``result`` holds, per file, ``{"file", "layout", "error", "problems", "forms":
    [{"data", "findings", "review_available"}]}``.
    """

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="导入到单位", on_delete=models.CASCADE, related_name="+"
    )
    budget_year = models.PositiveIntegerField("预算年度")
    stage = models.CharField("阶段", max_length=8, choices=Stage.choices, default=Stage.FIRST_SUBMISSION)
    status = models.CharField("状态", max_length=16, choices=ImportStatus.choices, default=ImportStatus.PARSING)
    total_files = models.PositiveIntegerField("文件数", default=0)
    done_files = models.PositiveIntegerField("已解析", default=0)
    result = models.JSONField("解析结果", default=list, blank=True)
    error = models.TextField("错误", blank=True)
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "导入批次"
        verbose_name_plural = "导入批次"
        ordering = ["-created_at"]

    @property
    def progress_pct(self) -> int:
        return int(100 * self.done_files / self.total_files) if self.total_files else 100

    @property
    def form_count(self) -> int:
        return sum(len(doc.get("forms", [])) for doc in self.result)


class ImportFile(models.Model):
    """One uploaded file's bytes, kept only until its job is confirmed or cancelled."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    content = models.BinaryField()

    class Meta:
        ordering = ["position"]
