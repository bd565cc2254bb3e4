"""JX900: a rule raised an exception."""

from __future__ import annotations

from jixiao.review.base import Dimension, Rule
from jixiao.review.finding import Severity


class Rule_JX900(Rule):
    """A rule failed with an exception; its part of the review is missing.

    The engine turns the exception into this finding, naming the rule, and goes on with the
    other rules. Please report it with the input file.

    **Bad**

        JX305 raised TypeError while checking 科技三项经费

    **Good**

        every rule runs to completion
    """

    name = "engine.rule_crashed"
    groups = ("all", "engine")
    default_severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    message = "规则{rule}（{rule_name}）运行出错，该项检查未完成：{error}"
    hint = "请将此问题与输入文件一并报告给系统维护人员"
    target = "engine"
