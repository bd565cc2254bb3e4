"""Review configuration read from ``jixiao.toml`` (the ``[review]`` table).

::

    [review]
    select = ["all"]            # codes, dotted names or groups; globs allowed ("JX2*", "value.*")
    ignore = ["JX406"]
    profile = "auto"            # or a built-in / configured profile name
    fail_on = "error"

    [review.severity]           # severity overrides by code, name or group (globs allowed)
    JX205 = "info"

    [review.rules.JX106]        # rule parameters
    min_quantitative_share = 0.4

    [review.profiles.my-city-2025]
    extends = "regime-b-101"
    max_span_years = 3

    [review.profile_by_layout]  # layout glob → profile, applied before auto-detection
    "project-target/*hebei*" = "hebei-2025"

    [[review.waivers]]          # 豁免: a reviewer's decision, reported as waived
    code = "JX401"
    form = "科技月活动经费"      # form display name or index; omit for every form
    loc = "indicators[6]"       # prefix of the finding's loc; omit for the whole form
    reason = "上级文件要求保留该指标"
    by = "李审核"

Settings are read when a review starts, never at import time.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from jixiao.review.finding import Finding, Severity
from jixiao.review.profiles import BUILTIN_PROFILES, Profile, auto_profile


class ConfigError(ValueError):
    """jixiao.toml is not usable (unknown profile, bad severity, waiver without reason)."""


@dataclass(frozen=True)
class Waiver:
    """豁免: a finding a reviewer accepted on purpose, with the reason and who decided."""

    code: str
    reason: str
    by: str
    form: str | None = None
    loc: str | None = None

    def applies(self, finding: Finding, form_name: str | None) -> bool:
        if finding.code != self.code.upper():
            return False
        if self.form is not None and self.form not in (form_name, str(finding.form_index)):
            return False
        if self.loc:
            text = finding.loc_text
            return text == self.loc or text.startswith(self.loc + ".") or text.startswith(self.loc + "[")
        return True


@dataclass
class ReviewConfig:
    select: list[str] = field(default_factory=lambda: ["all"])
    ignore: list[str] = field(default_factory=list)
    profile: str = "auto"
    fail_on: Severity = Severity.ERROR
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_params: dict[str, dict[str, Any]] = field(default_factory=dict)
    profiles: dict[str, Profile] = field(default_factory=lambda: dict(BUILTIN_PROFILES))
    profile_by_layout: dict[str, str] = field(default_factory=dict)
    waivers: list[Waiver] = field(default_factory=list)
    scoring: dict[str, Any] = field(default_factory=dict)

    def profile_for(self, form: Any) -> Profile:
        """The configured profile, the layout's profile, or the auto-detected one."""
        if self.profile != "auto":
            return self.profiles[self.profile]
        layout = getattr(form, "layout", None) or ""
        for pattern, name in self.profile_by_layout.items():
            if fnmatchcase(layout, pattern):
                return self.profiles[name]
        return auto_profile(form, self.profiles)

    def params_for(self, rule: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in (rule.code, rule.name):
            out.update(self.rule_params.get(key, {}))
        return out


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError as exc:
        raise ConfigError(f"{where}：严重程度“{value}”无效，应为 error、warning 或 info") from exc


def _number(value: Any) -> Any:
    return Decimal(str(value)) if isinstance(value, float) else value


def config_from_dict(data: dict[str, Any]) -> ReviewConfig:
    """Build a config from the parsed ``[review]`` table (or a whole jixiao.toml)."""
    review = data.get("review", data)
    cfg = ReviewConfig()
    if "select" in review:
        cfg.select = list(review["select"])
    if "ignore" in review:
        cfg.ignore = list(review["ignore"])
    if "fail_on" in review:
        cfg.fail_on = _severity(review["fail_on"], "fail_on")
    for key, value in review.get("severity", {}).items():
        cfg.severity[key] = _severity(value, f"severity.{key}")
    for key, params in review.get("rules", {}).items():
        cfg.rule_params[key] = {k: _number(v) for k, v in params.items()}
    for name, spec in review.get("profiles", {}).items():
        spec = dict(spec)
        base_name = spec.pop("extends", "regime-a-88")
        if base_name not in cfg.profiles:
            raise ConfigError(f"profiles.{name}：extends 指向未知的配置“{base_name}”")
        regime = spec.pop("regime", None)
        description = spec.pop("description", "")
        cfg.profiles[name] = cfg.profiles[base_name].derive(
            name, regime=regime, description=description,
            settings={k: _number(v) for k, v in spec.items()},
        )
    cfg.profile = review.get("profile", "auto")
    if cfg.profile != "auto" and cfg.profile not in cfg.profiles:
        raise ConfigError(f"profile：未知的配置“{cfg.profile}”，可选 {', '.join(sorted(cfg.profiles))}")
    for pattern, name in review.get("profile_by_layout", {}).items():
        if name not in cfg.profiles:
            raise ConfigError(f"profile_by_layout.{pattern}：未知的配置“{name}”")
        cfg.profile_by_layout[pattern] = name
    for index, spec in enumerate(review.get("waivers", [])):
        if not spec.get("code") or not spec.get("reason") or not spec.get("by"):
            raise ConfigError(f"waivers[{index}]：豁免必须写明 code、reason 和 by")
        form = spec.get("form")
        cfg.waivers.append(Waiver(code=str(spec["code"]).upper(), reason=spec["reason"],
                                  by=spec["by"], form=None if form is None else str(form),
                                  loc=spec.get("loc")))
    cfg.scoring = dict(review.get("scoring", {}))
    return cfg


def load_config(path: str | Path | None) -> ReviewConfig:
    """Read ``jixiao.toml``; None gives the defaults."""
    if path is None:
        return ReviewConfig()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}：无法读取配置（{exc}）") from exc
    return config_from_dict(data)
