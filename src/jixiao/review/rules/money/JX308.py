"""JX308: money in a value agrees with the table's unit."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import MoneyUnit
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity


class Rule_JX308(Rule):
    """Amount in a value uses a different money unit than the table (元 vs 万元).

    A "2.4万元" in a table headed "单位：元" invites a 10,000-fold mix-up when values are
    compared or added; so does an amount of 10,000元 or more in a 万元 table. A small unit
    cost in 元 (≤100元 per enterprise) in a 万元 table is normal and not reported.

    **Bad**

        单位：元 | 预算数 24000.00 | 补助资金 | 2.4万元

    **Good**

        单位：元 | 预算数 24000.00 | 补助资金 | ≤24000元
    """

    name = "money.unit_mixed"
    groups = ("all", "money", "unit")
    default_severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    checklist = ("VAL-03",)
    message = "指标“{indicator}”的金额“{raw}”单位为{unit}，而本表金额单位为{table_unit}"
    hint = "金额统一使用表格单位（{table_unit}），或核对是否多写或少写了“万”"

    def check(self, form: TargetForm) -> Iterator[Finding]:
        table_unit = form.money_unit
        if table_unit is None:
            return
        for loc, ind, value in lx.iter_values(form):
            money = lx.money_of(value)
            if money is None or money.unit == table_unit:
                continue
            # A small unit cost in 元 inside a 万元 table is normal ("≤100元" per enterprise).
            if table_unit == MoneyUnit.YUAN or money.yuan >= 10000:
                yield self.finding(loc, indicator=ind.name, raw=value.raw.strip(),
                                   unit=value.unit, table_unit=table_unit.value)
