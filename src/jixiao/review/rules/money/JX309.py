"""JX309: the department budget block balances."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


def _w(money) -> Decimal:  # type: ignore[no-untyped-def]
    return money.wan_yuan if money is not None else Decimal(0)


class Rule_JX309(Rule):
    """Department budget block does not balance.

    基本支出 + 项目支出 (+ 事业发展性支出 when filled and additive) must equal 财政拨款 +
    其他资金; 本级使用 + 对下转移支付, when filled, must equal the same total.

    **Bad**

        基本支出 684.4769 | 项目支出 61.2 | 财政拨款 700 | 其他资金 0

    **Good**

        基本支出 684.4769 | 项目支出 61.2 | 其他事业发展性支出 15 | 财政拨款 760.6769
    """

    name = "department.budget_unbalanced"
    groups = ("all", "money", "department")
    default_severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    checklist = ("FRM-10",)
    message = "预算整体情况不平衡：{left_label} {left} ≠ {right_label} {right}（万元）"
    hint = "核对基本支出、项目支出、事业发展性支出与收入来源的金额"
    form_kinds = ("department",)
    config_keywords = {"development_expenditure_additive": True, "money_tolerance_wan_yuan": "0.01"}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        b = form.budget
        if b is None or (b.basic_expenditure is None and b.project_expenditure is None):
            return
        tolerance = Decimal(str(self.param("money_tolerance_wan_yuan")))
        spend = _w(b.basic_expenditure) + _w(b.project_expenditure)
        label = "基本支出+项目支出"
        development = _w(b.special_funds) + _w(b.other_development_expenditure)
        if development and self.param("development_expenditure_additive"):
            spend += development
            label += "+事业发展性支出"
        income = _w(b.fiscal_appropriation) + _w(b.other_funds)
        if b.fiscal_appropriation is not None and abs(spend - income) > tolerance:
            yield self.finding(("budget",), left_label=label, left=spend,
                               right_label="财政拨款+其他资金", right=income)
        if b.own_level_funds is not None or b.transfer_funds is not None:
            levels = _w(b.own_level_funds) + _w(b.transfer_funds)
            if abs(levels - income) > tolerance:
                yield self.finding(("budget", "own_level_funds"),
                                   left_label="本级使用资金+对下转移支付资金", left=levels,
                                   right_label="收入来源合计", right=income)
