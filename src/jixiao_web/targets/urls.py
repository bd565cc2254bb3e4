from django.urls import path

from jixiao_web.targets import views

app_name = "targets"
urlpatterns = [
    path("", views.form_list, name="list"),
    path("new/", views.form_create, name="create"),
    path("export/<str:fmt>/", views.form_list_export, name="list_export"),
    path("open-data/<int:year>/", views.open_data_year, name="open_data_year"),
    path("value-preview/", views.value_preview, name="value_preview"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
    path("import/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("import/<int:pk>/cancel/", views.import_cancel, name="import_cancel"),
    path("<int:pk>/", views.form_detail, name="detail"),
    path("<int:pk>/edit/", views.form_edit, name="edit"),
    path("<int:pk>/rows/", views.form_rows, name="rows"),
    path("<int:pk>/subgoals/", views.form_subgoals, name="subgoals"),
    path("<int:pk>/fix/", views.form_fix, name="fix"),
    path("<int:pk>/recheck/", views.form_recheck, name="recheck"),
    path("<int:pk>/diff/", views.form_diff, name="diff"),
    path("<int:pk>/export/<str:fmt>/", views.form_export, name="export"),
    path("<int:pk>/second-stage/", views.form_start_second_stage, name="second_stage"),
    path("<int:pk>/adjust/", views.form_start_adjustment, name="adjust"),
]
