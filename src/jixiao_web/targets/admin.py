from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jixiao_web.targets.models import ImportJob, TargetForm


@admin.register(TargetForm)
class TargetFormAdmin(SimpleHistoryAdmin):
    list_display = ("name", "organisation", "kind", "budget_year", "stage", "status", "version")
    list_filter = ("kind", "stage", "status", "budget_year")
    search_fields = ("name", "project_code", "organisation__name")
    raw_id_fields = ("organisation", "previous", "created_by", "filed_by", "updated_by")
    readonly_fields = ("status", "version")

    # Forms change only through the services (audit row, version, workflow); the admin shows them.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("id", "uploaded_by", "organisation", "status", "total_files", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("uploaded_by", "organisation")
    exclude = ("result",)
