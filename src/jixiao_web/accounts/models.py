"""Users: each belongs to one organisation and has one role."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    UNIT_FILER = "unit_filer", "单位填报人"
    DEPARTMENT_REVIEWER = "department_reviewer", "主管部门审核人"
    FINANCE_REVIEWER = "finance_reviewer", "财政审核人"
    ADMIN = "admin", "系统管理员"


class User(AbstractUser):
    """A login. ``organisation`` and ``role`` decide what the user sees and may change."""

    display_name = models.CharField("姓名", max_length=100, blank=True)
    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="所属单位", null=True, blank=True,
        on_delete=models.PROTECT, related_name="users",
    )
    role = models.CharField("角色", max_length=32, choices=Role.choices, default=Role.UNIT_FILER)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.display_name or self.username
