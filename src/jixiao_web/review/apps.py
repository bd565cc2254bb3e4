from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "jixiao_web.review"
    label = "jxreview"
    verbose_name = "自动审核"

    def ready(self) -> None:
        from jixiao_web.review import checks  # noqa: F401  (registers the system checks)
