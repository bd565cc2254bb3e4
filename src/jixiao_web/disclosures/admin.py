from django.contrib import admin

from jixiao_web.disclosures.models import Disclosure, DisclosureImport


@admin.register(Disclosure)
class DisclosureAdmin(admin.ModelAdmin):
    list_display = ("organisation", "budget_year", "table_count", "error_count", "source_file", "imported_at", "imported_by")
    list_filter = ("budget_year",)
    search_fields = ("organisation__name", "organisation__code", "source_file")
    raw_id_fields = ("organisation", "imported_by")
    exclude = ("data", "findings")

    # Disclosures change only through the import (validation, audit row); the admin shows them.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DisclosureImport)
class DisclosureImportAdmin(admin.ModelAdmin):
    list_display = ("id", "uploaded_by", "organisation", "budget_year", "file_name", "status", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("uploaded_by", "organisation")
    exclude = ("result",)
