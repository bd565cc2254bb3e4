"""URL map of the web system."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("jixiao_web.accounts.urls")),
    path("forms/", include("jixiao_web.targets.urls")),
    path("workflow/", include("jixiao_web.workflow.urls")),
    path("disclosures/", include("jixiao_web.disclosures.urls")),
    path("audit/", include("jixiao_web.audit.urls")),
    path("api/", include("jixiao_web.api.urls")),
    path("", include("jixiao_web.dashboards.urls")),
]
