"""JX213: a value is a target, not a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.model import ValueKind
from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity
from jixiao.review.rules.values.JX212 import _short

_SENTENCE_PUNCT = re.compile(r"[，。；;,]")


class Rule_JX213(Rule):
    """Value is a sentence, a rule or an activity description rather than a target.

    **Bad**

        成本指标 | 资金支持额度 | 按照购置研发、检测、试验等设备投入的20%比例计算，最高补助200万元
        质量指标 | 企业创新发展能力提升 | 研发费用总额占营业收入比重 3%以上。

    **Good**

        成本指标 | 单个企业补助金额 | ≤200万元
        质量指标 | 研发费用占营业收入比重 | ≥3%
    """

    name = "value.sentence"
    groups = ("all", "value", "wording")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("VAL-07",)
    message = "指标“{indicator}”的指标值“{raw}”是一句描述，不是目标值"
    hint = "把数值和单位提炼为指标值（如“≥3%”），说明文字放到指标解释中"
    config_keywords = {"max_value_length": 20}  # noqa: RUF012

    def check(self, form: TargetForm) -> Iterator[Finding]:
        limit = int(self.param("max_value_length"))
        for loc, ind, value in lx.iter_values(form):
            if value.kind not in (ValueKind.QUALITATIVE, ValueKind.UNPARSED):
                continue
            if lx.is_placeholder_text(value.raw):
                continue  # JX212
            text = lx.squash(value.raw).rstrip("。")
            if (len(text) > limit or _SENTENCE_PUNCT.search(text)
                    or (value.kind == ValueKind.UNPARSED and len(text) >= 8)):
                yield self.finding(loc, indicator=ind.name, raw=_short(value.raw))
