from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "jixiao_web.workflow"
    label = "workflow"
    verbose_name = "审核流程"
