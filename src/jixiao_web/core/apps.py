from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jixiao_web.core"
    label = "core"
    verbose_name = "公共"
