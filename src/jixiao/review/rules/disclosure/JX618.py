"""JX618: sections disagree on plausibility (car costs without any fixed assets)."""

from __future__ import annotations

from jixiao.review.base import Dimension
from jixiao.review.finding import Severity
from jixiao.review.rules.disclosure._common import DisclosureRule


class Rule_JX618(DisclosureRule):
    """Sections disagree on plausibility (car costs without any fixed assets).

    Checked by :mod:`jixiao.disclosure.checks` (domain.md §6.3/§8); differences of at most one cent
    per added line are reported as rounding (``rounding_severity``, info by default).

    **Bad**

        公务用车运行维护费 1.00 | 上年末固定资产金额为 0.00 万元

    **Good**

        公务用车运行维护费 1.00 | 上年末固定资产金额为 23.50 万元
    """

    name = "disclosure.plausibility"
    default_severity = Severity.INFO
    dimension = Dimension.FEASIBILITY
    checklist = ('DIS-02',)
    message = "“{table}”安排了公务用车运行维护费 {actual}，但国有资产信息显示上年末固定资产为 0（无车辆）"
    hint = "请核对车辆及固定资产信息，或说明无车辆而安排运行维护费的原因"
