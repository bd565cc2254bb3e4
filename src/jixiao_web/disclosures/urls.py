from django.urls import path

from jixiao_web.disclosures import views

app_name = "disclosures"
urlpatterns = [
    path("", views.disclosure_list, name="list"),
    path("import/", views.disclosure_import_upload, name="import_upload"),
    path("import/<int:pk>/", views.disclosure_import_preview, name="import_preview"),
    path("import/<int:pk>/confirm/", views.disclosure_import_confirm_view, name="import_confirm"),
    path("import/<int:pk>/cancel/", views.disclosure_import_cancel_view, name="import_cancel"),
    path("org/<str:code>/<int:year>/", views.disclosure_by_org_year, name="by_org_year"),
    path("<int:pk>/", views.disclosure_detail, name="detail"),
    path("<int:pk>/dates/", views.disclosure_dates_view, name="dates"),
    path("<int:pk>/export/<str:fmt>/", views.disclosure_download, name="export"),
]
