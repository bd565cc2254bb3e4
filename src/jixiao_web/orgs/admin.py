from django.contrib import admin

from jixiao_web.orgs.models import BudgetYear, Organisation, ReferenceEntry


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "region", "parent", "is_active")
    list_filter = ("kind", "region", "is_active")
    search_fields = ("code", "name")
    raw_id_fields = ("parent",)


@admin.register(BudgetYear)
class BudgetYearAdmin(admin.ModelAdmin):
    list_display = ("year", "framework", "is_active")


@admin.register(ReferenceEntry)
class ReferenceEntryAdmin(admin.ModelAdmin):
    list_display = ("kind", "code", "name", "year")
    list_filter = ("kind", "year")
    search_fields = ("code", "name")
