"""Score 0–100 and grade 优/良/中/差 per form, broken down by the four review aspects.

Each aspect (domain.md §2.5) has a weight; the weights sum to 100. Every finding of a rule
deducts its severity's penalty from the rule's aspect, never below zero; at most
``max_per_rule`` findings of one rule count per form. Engine problems (JX9xx: a crashed rule,
an import problem) are reported but not scored. Waived findings
deduct nothing. Grades use the 10号 bands: 90 优, 80 良, 60 中, below 60 差.
Weights and penalties are settings (``[review.scoring]`` in jixiao.toml); docs/review.md
documents the defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from jixiao.review.base import Dimension
from jixiao.review.finding import Finding, Severity

DEFAULT_WEIGHTS: dict[str, float] = {
    Dimension.COMPLETENESS.value: 30.0,
    Dimension.RELEVANCE.value: 30.0,
    Dimension.APPROPRIATENESS.value: 20.0,
    Dimension.FEASIBILITY.value: 20.0,
}
DEFAULT_PENALTIES: dict[str, float] = {"error": 10.0, "warning": 4.0, "info": 0.0}
UNSCORED_PREFIX = "JX9"
"""Engine problems (JX9xx) describe the reading of the file, not the target: not scored."""
DEFAULT_MAX_PER_RULE = 3
"""At most this many findings of one rule count against one form (a repeated defect is one
habit, not ten independent problems)."""
GRADE_BANDS: tuple[tuple[float, str], ...] = ((90.0, "优"), (80.0, "良"), (60.0, "中"), (0.0, "差"))


class DimensionScore(BaseModel):
    dimension: str
    weight: float
    score: float
    findings: int


class FormScore(BaseModel):
    score: float
    grade: str
    dimensions: list[DimensionScore]


def grade_of(score: float) -> str:
    for floor, grade in GRADE_BANDS:
        if score >= floor:
            return grade
    return "差"


def score_form(
    findings: Iterable[Finding], dimension_of: dict[str, str], settings: dict[str, Any] | None = None
) -> FormScore:
    """Score one form from its (unwaived) findings; ``dimension_of`` maps code → aspect."""
    settings = settings or {}
    weights = {**DEFAULT_WEIGHTS, **settings.get("weights", {})}
    penalties = {**DEFAULT_PENALTIES, **settings.get("penalties", {})}
    cap = int(settings.get("max_per_rule", DEFAULT_MAX_PER_RULE))
    lost = dict.fromkeys(weights, 0.0)
    counts = dict.fromkeys(weights, 0)
    per_rule: dict[str, int] = {}
    for finding in findings:
        if finding.code.startswith(UNSCORED_PREFIX):
            continue
        dim = dimension_of.get(finding.code, Dimension.COMPLETENESS.value)
        if dim not in lost:
            continue
        counts[dim] += 1
        per_rule[finding.code] = per_rule.get(finding.code, 0) + 1
        if per_rule[finding.code] <= cap:
            lost[dim] += float(penalties.get(Severity(finding.severity).value, 0.0))
    dims = [
        DimensionScore(dimension=d, weight=float(w), score=round(max(0.0, float(w) - lost[d]), 1),
                       findings=counts[d])
        for d, w in weights.items()
    ]
    total = round(sum(d.score for d in dims), 1)
    return FormScore(score=total, grade=grade_of(total), dimensions=dims)
