"""jixiao.toml: parsing, profiles, waivers and their errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.review.config import ConfigError, config_from_dict, load_config
from jixiao.review.finding import Severity

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "jixiao.example.toml"


def test_load_config_example_file_parses() -> None:
    """The documented example configuration loads and keeps its settings."""
    cfg = load_config(EXAMPLE)
    assert (cfg.fail_on, "JX406" in cfg.ignore, cfg.profiles["my-city-2025"].regime,
            cfg.waivers[0].by) == (Severity.ERROR, True, "B", "李审核")


def test_config_profile_extends_builtin_and_overrides_setting() -> None:
    """A configured profile inherits a built-in one and overrides settings (floats → Decimal)."""
    cfg = config_from_dict({"review": {"profiles": {"p": {"extends": "regime-a-88",
                                                          "min_quantitative_share": 0.3}}}})
    profile = cfg.profiles["p"]
    assert (profile.regime, profile.settings["min_quantitative_share"], profile.settings["max_span_years"]) == (
        "A", Decimal("0.3"), 5)


def test_config_waiver_without_reason_is_rejected() -> None:
    """A waiver must say why and who."""
    with pytest.raises(ConfigError, match="reason"):
        config_from_dict({"review": {"waivers": [{"code": "JX201", "by": "某人"}]}})


def test_config_unknown_profile_is_rejected() -> None:
    """profile names a configured or built-in profile."""
    with pytest.raises(ConfigError, match="未知的配置"):
        config_from_dict({"review": {"profile": "nowhere"}})


def test_config_bad_severity_is_rejected() -> None:
    """Severity overrides use error, warning or info."""
    with pytest.raises(ConfigError, match="严重程度"):
        config_from_dict({"review": {"severity": {"JX201": "fatal"}}})


def test_config_rule_parameter_reaches_rule() -> None:
    """[review.rules.JX106] parameters override the profile default."""
    from jixiao.review.engine import review_forms
    from jixiao.review.shorthand import form_from_dict

    form = form_from_dict({"indicators": ["产出指标 | 数量指标 | 培训企业数 | ≥30家",
                                          "产出指标 | 质量指标 | 项目验收 | 通过验收"]})
    strict = config_from_dict({"review": {"select": ["JX106"], "rules": {"JX106": {"min_quantitative_count": 2}}}})
    lenient = config_from_dict({"review": {"select": ["JX106"], "rules": {"JX106": {"min_quantitative_count": 1}}}})
    assert [len(review_forms([form], c).findings) for c in (strict, lenient)] == [1, 0]
