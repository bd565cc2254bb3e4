"""Organisations (财政局 → 主管部门 → 预算单位) and budget years with their indicator framework."""

from __future__ import annotations

from django.db import models


class OrgKind(models.TextChoices):
    FINANCE = "finance", "财政部门"
    DEPARTMENT = "department", "主管部门（一级预算单位）"
    UNIT = "unit", "预算单位"


class Organisation(models.Model):
    """One node of the organisation tree.

    The finance bureau is the root; departments hang under it, their units under them. A
    department is also a budget unit for its own 部门整体 form and its own projects.
    """

    code = models.CharField("编码", max_length=32, unique=True)
    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=16, choices=OrgKind.choices)
    region = models.CharField("地区", max_length=100, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "组织机构"
        verbose_name_plural = "组织机构"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def department(self) -> Organisation | None:
        """The competent department this organisation belongs to (itself for a department)."""
        if self.kind == OrgKind.DEPARTMENT:
            return self
        if self.kind == OrgKind.UNIT:
            return self.parent
        return None


class Framework(models.TextChoices):
    """Indicator regimes (domain §1.3): where 成本 sits in the tree."""

    A = "A", "甲：成本为产出下的二级指标"
    B = "B", "乙：成本为一级指标（经济/社会/生态环境成本）"


class BudgetYear(models.Model):
    """A budget year with the indicator framework its forms use."""

    year = models.PositiveIntegerField("预算年度", unique=True)
    framework = models.CharField("指标体系", max_length=2, choices=Framework.choices, default=Framework.A)
    is_active = models.BooleanField("当前年度", default=False)

    class Meta:
        verbose_name = "预算年度"
        verbose_name_plural = "预算年度"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年"


class ReferenceEntry(models.Model):
    """Reference data kept by administrators (e.g. 功能分类科目, 项目类型)."""

    kind = models.CharField("类别", max_length=50)
    code = models.CharField("编码", max_length=50)
    name = models.CharField("名称", max_length=200)
    year = models.PositiveIntegerField("年度", null=True, blank=True)

    class Meta:
        verbose_name = "参考数据"
        verbose_name_plural = "参考数据"
        unique_together = [("kind", "code", "year")]
        ordering = ["kind", "code"]

    def __str__(self) -> str:
        return f"{self.kind} {self.code} {self.name}"
