from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "jixiao_web.review"
    label = "jxreview"
    verbose_name = "自动审核"
