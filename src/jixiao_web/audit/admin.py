from django.contrib import admin

from jixiao_web.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("event_time", "event_type", "actor", "organisation", "form")
    list_filter = ("event_type",)
    raw_id_fields = ("actor", "organisation", "form")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
