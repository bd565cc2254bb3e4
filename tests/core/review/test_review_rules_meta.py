"""Every rule is well formed: code matches file, docs in order, a YAML case exists, names unique."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import yaml

from jixiao.review.registry import RETIRED, all_rules

CASES_DIR = Path(__file__).parent / "cases"
RULES = all_rules()
CHECKLIST = (
    [f"IND-0{i}" for i in range(1, 7)]
    + [f"VAL-0{i}" for i in range(1, 9)]
    + [f"CON-0{i}" for i in range(1, 10)]
    + [f"FRM-{i:02d}" for i in range(1, 11)]
)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_code_matches_file_name(rule) -> None:
    """``Rule_JX201`` lives in ``JX201.py``."""
    assert Path(inspect.getfile(rule)).stem == rule.code == rule.__name__.removeprefix("Rule_")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_docstring_bad_precedes_good(rule) -> None:
    """The docstring has a one-line summary, then **Bad** before **Good**."""
    doc = rule.__doc__ or ""
    assert rule.summary() and rule.summary().endswith(".")
    assert "**Bad**" in doc and "**Good**" in doc
    assert doc.index("**Bad**") < doc.index("**Good**")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_yaml_case_file_exists_with_a_pass_case(rule) -> None:
    """``cases/JXnnn.yml`` exists and holds at least one case expecting nothing."""
    path = CASES_DIR / f"{rule.code}.yml"
    cases = {k: v for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items() if k != "rule"}
    assert any(case.get("expect") == [] for case in cases.values())


@pytest.mark.parametrize("rule", [r for r in RULES if r.target in ("form", "document")],
                         ids=[r.code for r in RULES if r.target in ("form", "document")])
def test_rule_yaml_cases_include_a_failing_case(rule) -> None:
    """Each form or document rule has a case in which it fires."""
    path = CASES_DIR / f"{rule.code}.yml"
    cases = {k: v for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items() if k != "rule"}
    assert any(case.get("expect") for case in cases.values() if "configs" not in case
               or rule.code in str(case["configs"]))


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_metadata_is_complete(rule) -> None:
    """Name is dotted, ``all`` is a group, message and severity are set."""
    assert "." in rule.name and "all" in rule.groups and rule.message and rule.default_severity


def test_rule_names_and_codes_are_unique() -> None:
    """No two rules share a code or a dotted name."""
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)


def test_rule_codes_are_not_retired() -> None:
    """A retired code is never given to a live rule."""
    assert [r.code for r in RULES if r.code in RETIRED] == []


def test_rules_cover_every_checklist_item() -> None:
    """Every item of domain.md §8 (structure, values, content, form metadata) has a rule."""
    covered = {item for r in RULES for item in r.checklist}
    assert [item for item in CHECKLIST if item not in covered] == []
