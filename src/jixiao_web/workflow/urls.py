from django.urls import path

from jixiao_web.workflow import views

app_name = "workflow"
urlpatterns = [
    path("<int:pk>/review/", views.form_review, name="review"),
    path("<int:pk>/submit/", views.form_submit, name="submit"),
    path("<int:pk>/waive/", views.finding_waive, name="waive"),
    path("<int:pk>/forward/", views.form_forward, name="forward"),
    path("<int:pk>/department-return/", views.form_department_return, name="department_return"),
    path("<int:pk>/finance-review/", views.form_finance_review, name="finance_review"),
    path("<int:pk>/comments/", views.comment_create, name="comment"),
]
