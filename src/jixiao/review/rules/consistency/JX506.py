"""JX506: goals and indicator sets are not copied between forms."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.review import lexicon as lx
from jixiao.review.base import Dimension, Rule, TargetForm
from jixiao.review.finding import Finding, Severity

_GOAL_FIELDS = (("annual_goal", "当年度目标"), ("period_goal", "实施周期总目标"), ("overall_goal", "总体绩效目标"))


def _related(a: TargetForm, b: TargetForm) -> bool:
    """Two batches of one fund (names nearly equal) may share their goal."""
    from rapidfuzz import fuzz

    na, nb = a.__dict__.get("project_name"), b.__dict__.get("project_name")
    return bool(na and nb and fuzz.ratio(lx.squash(na), lx.squash(nb)) >= 80)


def _label(form: TargetForm) -> str:
    return form.display_name or form.kind.value


class Rule_JX506(Rule):
    """Goal text or most of the indicator set is copied from another form.

    Unrelated projects need their own goals and indicators; a department-wide indicator set
    pasted into a project measures the department, not the project.

    **Bad**

        项目A 当年度目标 = 项目B 当年度目标
        项目“业务工作经费”的指标 = 部门整体表的指标

    **Good**

        each project states its own goal and indicators
    """

    name = "consistency.copied_across_forms"
    groups = ("all", "consistency", "wording")
    default_severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    checklist = ("CON-05",)
    message = "{what}与“{other}”相同"
    hint = "每张表应针对本项目（部门）填写目标和指标"
    target = "document"
    config_keywords = {"min_shared_indicators": 4, "shared_share": "0.6"}  # noqa: RUF012

    def check_document(self, forms: list[TargetForm]) -> Iterator[Finding]:
        from decimal import Decimal

        seen: dict[str, int] = {}
        for i, form in enumerate(forms):
            for field, label in _GOAL_FIELDS:
                text = lx.squash(form.__dict__.get(field)).rstrip("。")
                if len(text) < 15:
                    continue
                if text in seen and seen[text] != i and not _related(form, forms[seen[text]]):
                    yield self.finding((field,), form=form, form_index=i, what=label,
                                       other=_label(forms[seen[text]]))
                else:
                    seen.setdefault(text, i)
        minimum = int(self.param("min_shared_indicators"))
        share = Decimal(str(self.param("shared_share")))
        sets = []
        for form in forms:
            rows = set()
            for _, ind in form.iter_indicators():
                if ind.name and ind.values():
                    rows.add((lx.core_name(ind.name), lx.squash(ind.values()[-1][1].raw)))
            sets.append(rows)
        for i in range(len(forms)):
            for j in range(i):
                shared = sets[i] & sets[j]
                small = min(len(sets[i]), len(sets[j]))
                if len(shared) >= minimum and small and Decimal(len(shared)) >= share * small:
                    yield self.finding(("indicators",), form=forms[i], form_index=i,
                                       what=f"{len(shared)}个指标（名称和指标值）", other=_label(forms[j]))
                    break
