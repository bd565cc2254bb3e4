from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jixiao_web.accounts"
    label = "accounts"
    verbose_name = "用户"

    def ready(self) -> None:
        from jixiao_web.accounts import signals  # noqa: F401  (connects the login audit)
