"""JX409: the project name agrees with its description."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

_GENERIC = re.compile(
    r"20\d{2}年?|提前下达|省级|市级|县级|专项资金|专项经费|专项|资金|经费|项目|工作|费用|支持|用于|"
    r"[（）()“”\"【】\[\]—\-、，。；：\s\d]|的|等|及|和|与|当年|本级|补助|第.批"
)
_PURPOSE = re.compile(r"用于(.+?)的(工作)?(经费|费用|资金)")


def _bigrams(text: str) -> set[str]:
    core = _GENERIC.sub("", text)
    return {core[i:i + 2] for i in range(len(core) - 1)}


class Rule_JX409(Rule):
    """Project name and its description (项目概述 / 资金用途) name different things.

    **Bad**

        项目名称 | 非转经工作经费（当年）
        项目概述 | 用于非税工作的经费。

    **Good**

        项目名称 | 非税工作经费
        项目概述 | 用于非税收入征管工作的经费。
    """

    name = "project.name_vs_description"
    groups = ("all", "content", "project")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("CON-04",)
    message = "项目名称“{project}”与{field}“{text}”说的不是同一件事"
    hint = "核对项目名称和{field}，二者应描述同一项工作"
    form_kinds = ("project",)

    def check(self, form: TargetForm) -> Iterator[Finding]:
        name = form.project_name or ""
        for field, label in (("overview", "项目概述"), ("fund_use", "资金用途")):
            text = getattr(form, field) or ""
            if not name or not text:
                continue
            match = _PURPOSE.search(text)
            subject = match.group(1) if match else text
            a, b = _bigrams(name), _bigrams(subject)
            if len(a) >= 1 and len(b) >= 1 and not (a & b):
                yield self.finding((field,), project=name, field=label, text=text.strip()[:40])
