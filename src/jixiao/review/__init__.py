"""Automatic review of target forms: rules as data-returning checks, run by one engine.

::

    from jixiao.review import review, load_config, apply_fixes
    report = review(documents, load_config("jixiao.toml"))
    report.passed, report.counts_by_rule(), report.flatten(["code", "loc"])

See docs/review.md for configuration, profiles, waivers and scoring, and docs/rules for the
rule catalogue.
"""

from jixiao.review.base import Dimension, Rule, RuleContext
from jixiao.review.config import ConfigError, ReviewConfig, Waiver, config_from_dict, load_config
from jixiao.review.engine import register_target, review, review_document, review_forms
from jixiao.review.finding import Finding, Fix, Severity
from jixiao.review.fixes import apply_fixes
from jixiao.review.profiles import BUILTIN_PROFILES, Profile, auto_profile
from jixiao.review.registry import RETIRED, all_rules, get_rule, register_band, select_rules
from jixiao.review.report import DocumentReport, FormReport, ReviewReport, WaivedFinding

__all__ = [
    "BUILTIN_PROFILES",
    "RETIRED",
    "ConfigError",
    "Dimension",
    "DocumentReport",
    "Finding",
    "Fix",
    "FormReport",
    "Profile",
    "ReviewConfig",
    "ReviewReport",
    "Rule",
    "RuleContext",
    "Severity",
    "WaivedFinding",
    "Waiver",
    "all_rules",
    "apply_fixes",
    "auto_profile",
    "config_from_dict",
    "get_rule",
    "load_config",
    "register_band",
    "register_target",
    "review",
    "review_document",
    "review_forms",
    "select_rules",
]
