from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jixiao_web.accounts"
    label = "accounts"
    verbose_name = "用户"
