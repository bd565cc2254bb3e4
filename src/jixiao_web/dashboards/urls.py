from django.urls import path

from jixiao_web.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("", views.home, name="home"),
    path("library/", views.indicator_library, name="library"),
]
