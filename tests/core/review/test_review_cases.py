"""Runs every YAML case in ``cases/JXnnn.yml``: a short form (or forms) → expected findings.

Each case runs the one rule its file is named after (unless the case gives ``configs``), so
``pytest -k JX201`` selects one rule. Expectations are whole lists of ``[code, loc]`` (one
form) or ``[code, form_index, loc]`` (several forms).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jixiao.review.config import config_from_dict
from jixiao.review.engine import review_forms
from jixiao.review.fixes import apply_fixes
from jixiao.review.shorthand import form_from_dict

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("JX*.yml")):
        code = path.stem
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in data.items():
            if name == "rule":
                continue
            params.append(pytest.param(code, case, id=f"{code}-{name}"))
    return params


def _forms(case: dict) -> list:
    if "forms" in case:
        return [form_from_dict(f) for f in case["forms"]]
    return [form_from_dict(case["form"])]


@pytest.mark.parametrize(("code", "case"), _load_cases())
def test_rule_yaml_case_gives_expected_findings(code: str, case: dict) -> None:
    """The rule's findings on the case's form(s) equal the expected list exactly."""
    config = config_from_dict(case.get("configs", {"review": {"select": [code]}}))
    forms = _forms(case)
    report = review_forms(forms, config)
    if "forms" in case:
        got = [[f.code, f.form_index, f.loc_text] for f in report.findings]
    else:
        got = [[f.code, f.loc_text] for f in report.findings]
    expected = [list(e) for e in case.get("expect", [])]
    assert got == expected, [f.message for f in report.findings]
    if "fixed" in case:
        fixed = apply_fixes(forms, report.findings)
        for loc_text, text in case["fixed"].items():
            assert _value_at(fixed[0], loc_text) == text


def _value_at(form, loc_text: str) -> str:
    obj = form
    for part in loc_text.replace("[", ".").replace("]", "").split("."):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj.raw if hasattr(obj, "raw") else obj
