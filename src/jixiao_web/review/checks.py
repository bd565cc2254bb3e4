"""System checks guarding the review configuration (``JIXIAO_REVIEW`` in settings).

* ``jixiao.E001``: a pattern in ``select``, ``ignore`` or ``severity`` matches no rule.
* ``jixiao.W002``: an override names a retired code.
* ``jixiao.E003``: the configuration itself is invalid (the core's ConfigError).
* ``jixiao.E004``: ``JIXIAO_GRADE_ACTIONS`` leaves a grade without a known decision.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def check_review_config(app_configs=None, **kwargs) -> list:
    data = getattr(settings, "JIXIAO_REVIEW", None) or {}
    try:
        from jixiao.review.config import ConfigError, config_from_dict
        from jixiao.review.registry import RETIRED, all_rules, matches
    except ImportError:
        return []
    messages: list = []
    try:
        config_from_dict(data)
    except ConfigError as exc:
        return [Error(f"JIXIAO_REVIEW is invalid: {exc}", id="jixiao.E003")]
    rules = all_rules()
    patterns = [*data.get("select", []), *data.get("ignore", []), *data.get("severity", {})]
    for pattern in patterns:
        if pattern == "all":
            continue
        if pattern.upper() in RETIRED:
            messages.append(Warning(f"JIXIAO_REVIEW names retired code {pattern}: {RETIRED[pattern.upper()]}", id="jixiao.W002"))
        elif not any(matches(rule, pattern) for rule in rules):
            messages.append(Error(f"JIXIAO_REVIEW names {pattern!r}, which matches no review rule", id="jixiao.E001"))
    return messages


@register()
def check_grade_actions(app_configs=None, **kwargs) -> list:
    """``jixiao.E004``: every grade 优/良/中/差 maps to at least one known decision."""
    grade_map = getattr(settings, "JIXIAO_GRADE_ACTIONS", {}) or {}
    messages: list = []
    for grade in ("优", "良", "中", "差"):
        actions = (grade_map.get(grade) or {}).get("actions") or []
        unknown = [a for a in actions if a not in ("approve", "return", "reject")]
        if not actions or unknown:
            messages.append(
                Error(
                    f"JIXIAO_GRADE_ACTIONS[{grade!r}] must list decisions among approve/return/reject"
                    + (f" (unknown: {', '.join(unknown)})" if unknown else " (none given)"),
                    id="jixiao.E004",
                )
            )
    return messages
