from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from jixiao_web.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "display_name", "organisation", "role", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("organisation",)
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("绩效系统", {"fields": ("display_name", "organisation", "role")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        ("绩效系统", {"fields": ("display_name", "organisation", "role")}),
    )
