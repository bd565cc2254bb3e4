"""A thin adapter over the core review engine (``jixiao.review.engine.review_forms``).

The engine is written by another part of the project; until it is importable the adapter
reports ``available=False`` and the pages say so instead of failing. Findings are turned into
plain dicts (``code``, ``severity``, ``message``, ``hint``, ``loc``, ``loc_text``,
``indicator_index``) so templates and JSON never depend on the engine's classes.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)



@dataclass
class ReviewOutcome:
    available: bool
    findings: list[dict[str, Any]] = field(default_factory=list)
    score: Any = None
    grade: str | None = None
    note: str = ""

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["severity"] == "error"]

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            out[finding["severity"]] = out.get(finding["severity"], 0) + 1
        return out


def _engine_function():
    try:
        engine = importlib.import_module("jixiao.review.engine")
    except ImportError:
        return None
    return getattr(engine, "review_forms", None)


def _config():
    """The core ReviewConfig from ``settings.JIXIAO_REVIEW`` (the ``[review]`` table as a dict)."""
    from django.conf import settings

    from jixiao.review.config import config_from_dict

    return config_from_dict(getattr(settings, "JIXIAO_REVIEW", None) or {})


def loc_text(loc: tuple | list) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def finding_to_dict(finding: Any) -> dict[str, Any]:
    get = finding.get if isinstance(finding, dict) else lambda k, d=None: getattr(finding, k, d)
    loc = tuple(get("loc", ()) or ())
    severity = get("severity", "warning")
    severity = getattr(severity, "value", severity)
    fix = get("fix")
    index = loc[1] if len(loc) >= 2 and loc[0] == "indicators" and isinstance(loc[1], int) else None
    return {
        "code": str(get("code", "")),
        "severity": str(severity),
        "message": str(get("message", "")),
        "hint": get("hint"),
        "loc": list(loc),
        "loc_text": loc_text(loc),
        "indicator_index": index,
        "fix": _fix_to_dict(fix),
    }


def _fix_to_dict(fix: Any) -> dict[str, Any] | None:
    """A finding's safe fix as plain data: where (``loc``), from what, to what, and its label."""
    if fix is None:
        return None
    get = fix.get if isinstance(fix, dict) else lambda k, d=None: getattr(fix, k, d)
    loc = tuple(get("loc", ()) or ())
    return {
        "loc": list(loc), "loc_text": loc_text(loc), "original": str(get("original", "")),
        "replacement": str(get("replacement", "")), "description": str(get("description", "")),
    }


def review_core_form(form: Any) -> ReviewOutcome:
    """Review one core form; never raises (an engine crash becomes a note)."""
    function = _engine_function()
    if function is None:
        return ReviewOutcome(available=False, note="自动审核引擎尚未安装，暂不显示审核发现。")
    try:
        report = function([form], _config())
    except Exception as exc:  # the engine must not take a page down
        logger.exception("review engine failed")
        return ReviewOutcome(available=False, note=f"自动审核引擎出错：{exc}")
    raw: list[Any] = []
    score = grade = None
    for document in report.documents:
        raw.extend(document.findings)
        for form_report in document.forms:
            raw.extend(form_report.findings)
            if form_report.score is not None:
                score, grade = form_report.score.score, form_report.score.grade
    findings = [finding_to_dict(f) for f in raw]
    findings.sort(key=lambda f: ({"error": 0, "warning": 1}.get(f["severity"], 2), f["loc_text"], f["code"]))
    return ReviewOutcome(available=True, findings=findings, score=score, grade=grade)


REVIEW_CACHE_SECONDS = 24 * 3600


def _cache_key(digest: str) -> str:
    """The cache key of a review: the data's digest and the review configuration in force."""
    import hashlib
    import json

    from django.conf import settings

    config = json.dumps(getattr(settings, "JIXIAO_REVIEW", None) or {}, sort_keys=True, ensure_ascii=False)
    return f"jixiao:review:{digest}:{hashlib.sha256(config.encode()).hexdigest()[:12]}"


def review_data_cached(data: dict[str, Any], *, digest: str) -> ReviewOutcome:
    """The review of a stored form's ``data`` whose digest is ``digest``, from the cache when
    the same data was reviewed under the same configuration before.

    Findings depend only on the data and the configuration, so pages showing a form whose data
    has not changed since its last save (where ``TargetForm.save`` reviews it and fills the
    cache) run no review. An unavailable engine is not cached. The caller gets its own copy
    (the cache pickles), so it may annotate the findings.
    """
    from django.core.cache import cache

    from jixiao_web.targets.coremodel import core_load

    key = _cache_key(digest)
    outcome = cache.get(key)
    if outcome is None:
        outcome = review_core_form(core_load(data))
        if isinstance(outcome, ReviewOutcome) and outcome.available:
            cache.set(key, outcome, REVIEW_CACHE_SECONDS)
    return outcome
